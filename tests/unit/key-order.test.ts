import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../src/lib/key-order';

describe('compareKeys', () => {
	it.each([
		// criterion ids: not by number, as localeCompare did (A10 before A2)
		[
			['B2', 'A10', 'A2', 'A1'],
			['A1', 'A10', 'A2', 'B2'],
		],
		// ISO dates and timestamps: chronological
		[
			['2026-12-03', '2025-01-31', '2026-01-02'],
			['2025-01-31', '2026-01-02', '2026-12-03'],
		],
		[
			['2026-12-03T08:00:00.000Z', '2026-12-03T07:59:59.999Z'],
			['2026-12-03T07:59:59.999Z', '2026-12-03T08:00:00.000Z'],
		],
	])('%j sorts as %j', (input, expected) => {
		expect([...input].sort(compareKeys)).toEqual(expected);
	});

	it('orders every pair of catalogue-shaped ids as localeCompare does', () => {
		const ids = ['A', 'B', 'Z'].flatMap((c) => Array.from({ length: 100 }, (_, i) => `${c}${i}`));
		for (const a of ids)
			for (const b of ids) expect(Math.sign(compareKeys(a, b))).toBe(Math.sign(a.localeCompare(b)));
	});

	it('is 0 only for equal keys', () => {
		expect(compareKeys('A1', 'A1')).toBe(0);
		expect(compareKeys('A1', 'A01')).not.toBe(0);
	});
});
