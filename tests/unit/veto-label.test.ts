import { describe, expect, it } from 'vitest';
import { vetoLabel, vetoLabels } from '../../src/lib/veto-label';
import { realCatalogue } from './helpers';

const real = realCatalogue();

describe('vetoLabel', () => {
	it.each(real.vetoes.map((v) => [v.id, v.title]))(
		'%s is named with its condition',
		(id, title) => {
			expect(vetoLabel(real, id)).toBe(`${id} ${title}`);
		},
	);
	it('never shows a bare code for a known veto, and keeps an unknown id as it is', () => {
		expect(vetoLabel(real, 'V3')).not.toBe('V3');
		expect(vetoLabel(real, 'V9')).toBe('V9');
	});
	it('joins several with 、', () => {
		const [a, b] = real.vetoes;
		expect(vetoLabels(real, [a!.id, b!.id])).toBe(`${a!.id} ${a!.title}、${b!.id} ${b!.title}`);
		expect(vetoLabels(real, [])).toBe('');
	});
});
