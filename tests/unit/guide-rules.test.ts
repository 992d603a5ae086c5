import { describe, expect, it } from 'vitest';
import { guideRules } from '../../src/lib/guide-rules';
import { miniCatalogue, realCatalogue } from './helpers';

/** Mini catalogue: every criterion points at zongze; A1 is 必备; V2 derives from D5. */
const mini = miniCatalogue((raw) => {
	for (const c of raw.criteria) if (c.id.startsWith('D')) c.guide = 'minzhu#tiyan';
});
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('guideRules', () => {
	it.each([
		[
			'a page the catalogue points at gets those criteria',
			{ id: 'minzhu', criteria: [], vetoes: [] },
			['D1', 'D2', 'D3', 'D4', 'D5'],
			[],
			['V2'],
		],
		[
			'a criterion listed in front matter counts too',
			{ id: 'other', criteria: ['A1'], vetoes: [] },
			['A1'],
			['A1'],
			[],
		],
		['a listed veto is shown', { id: 'other', criteria: [], vetoes: ['V1'] }, [], [], ['V1']],
		[
			'a derived veto follows its criterion',
			{ id: 'other', criteria: ['D5'], vetoes: [] },
			['D5'],
			[],
			['V2'],
		],
		['a page with nothing gets nothing', { id: 'xinren', criteria: [], vetoes: [] }, [], [], []],
	])('%s', (_what, page, criteria, required, vetoes) => {
		const rules = guideRules(mini, page);
		expect(ids(rules.criteria)).toEqual(criteria);
		expect(ids(rules.required)).toEqual(required);
		expect(ids(rules.vetoes)).toEqual(vetoes);
	});

	it('keeps catalogue order and lists a criterion once when both sides name it', () => {
		const rules = guideRules(mini, { id: 'zongze', criteria: ['B2', 'A1'], vetoes: [] });
		expect(ids(rules.criteria).slice(0, 2)).toEqual(['A1', 'A2']);
		expect(new Set(ids(rules.criteria)).size).toBe(rules.criteria.length);
	});

	it('on the real catalogue, every 必备 criterion shows on the page its guide names', () => {
		const real = realCatalogue();
		for (const c of real.criteria.filter((x) => x.required)) {
			const page = c.guide.split('#')[0]!;
			expect(ids(guideRules(real, { id: page, criteria: [], vetoes: [] }).required)).toContain(
				c.id,
			);
		}
	});
});
