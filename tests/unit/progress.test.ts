import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/assessment';
import { previousAssessment, progressAgainst, signed } from '../../src/lib/progress';
import { scoreAssessment } from '../../src/lib/scoring';
import { assessmentAt, blankAssessment, realCatalogue } from './helpers';

const real = realCatalogue();

function at(
	id: string,
	unitName: string,
	assessedOn: string,
	level: 0 | 1 | 2 | 3 | null,
	updatedAt = '2026-03-01T08:00:00.000Z',
): Assessment {
	const base = level === null ? blankAssessment(real) : assessmentAt(real, level);
	return { ...base, id, updatedAt, profile: { ...base.profile, unitName, assessedOn } };
}

describe('previousAssessment', () => {
	const current = at('now', '红星机械厂', '2026-03-15', 2);
	const cases: [string, Assessment[], string | null][] = [
		['none saved', [current], null],
		['an earlier date of the same unit', [current, at('a', '红星机械厂', '2025-03-10', 1)], 'a'],
		[
			'the latest earlier date wins',
			[at('a', '红星机械厂', '2024-03-10', 1), at('b', '红星机械厂', '2025-03-10', 1), current],
			'b',
		],
		[
			'spaces in the unit name do not matter',
			[current, at('a', ' 红星 机械厂', '2025-03-10', 1)],
			'a',
		],
		['another unit is not compared', [current, at('a', '东风纺织厂', '2025-03-10', 1)], null],
		['a later date is not "previous"', [current, at('a', '红星机械厂', '2027-03-10', 1)], null],
		['the same date is not "previous"', [current, at('a', '红星机械厂', '2026-03-15', 1)], null],
		[
			'an earlier assessment with no answer is skipped',
			[current, at('a', '红星机械厂', '2025-03-10', null)],
			null,
		],
		[
			'on the same earlier date, the one saved last',
			[
				at('a', '红星机械厂', '2025-03-10', 1, '2025-03-11T00:00:00.000Z'),
				at('b', '红星机械厂', '2025-03-10', 1, '2025-04-01T00:00:00.000Z'),
				current,
			],
			'b',
		],
	];
	it.each(cases)('%s', (_name, list, expected) => {
		expect(previousAssessment(list, current)?.id ?? null).toBe(expected);
	});
	it('needs a unit name and a date on the current assessment', () => {
		const old = at('a', '红星机械厂', '2025-03-10', 1);
		expect(previousAssessment([old], at('x', '', '2026-03-15', 2))).toBeNull();
		expect(previousAssessment([old], at('x', '红星机械厂', '', 2))).toBeNull();
	});
});

describe('progressAgainst', () => {
	it('gives the difference of the shown totals and of every category', () => {
		const now = at('now', '红星机械厂', '2026-03-15', 3);
		const before = at('a', '红星机械厂', '2025-03-10', 1);
		const p = progressAgainst(real, now, before);
		const s1 = scoreAssessment(real, now);
		const s0 = scoreAssessment(real, before);
		expect(p.total).toBe(s1.total);
		expect(p.previousTotal).toBe(s0.total);
		expect(p.delta).toBeCloseTo(s1.total - s0.total, 5);
		expect(p.delta).toBeGreaterThan(0);
		expect(p.previousDate).toBe('2025-03-10');
		expect(p.categories.map((k) => k.id)).toEqual(real.categories.map((k) => k.id));
		for (const k of p.categories) {
			const a = s1.categories.find((x) => x.id === k.id)!;
			const b = s0.categories.find((x) => x.id === k.id)!;
			expect(k.delta).toBeCloseTo(a.contribution - b.contribution, 1);
		}
	});
	it('a category with no answer on either side has no difference (未评, not 0)', () => {
		const now = at('now', '红星机械厂', '2026-03-15', 2);
		const first = real.categories[0]!.id;
		for (const c of real.criteria) if (c.category === first) delete now.answers[c.id];
		const p = progressAgainst(real, now, at('a', '红星机械厂', '2025-03-10', 1));
		expect(p.categories.find((k) => k.id === first)!.delta).toBeNull();
		expect(p.categories.filter((k) => k.delta !== null).length).toBe(real.categories.length - 1);
	});
	it.each([
		[3.5, '+3.5'],
		[-2, '−2'],
		[0, '±0'],
	])('signed(%s) is %s', (n, text) => {
		expect(signed(n)).toBe(text);
	});
});
