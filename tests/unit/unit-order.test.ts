import { describe, expect, it } from 'vitest';
import { compareUnitNames } from '../../src/lib/unit-order';

describe('compareUnitNames', () => {
	it.each([
		[
			['单位10', '单位2', '单位1'],
			['单位1', '单位2', '单位10'],
		],
		[
			['第10分工会', '第9分工会', '第100分工会'],
			['第9分工会', '第10分工会', '第100分工会'],
		],
		[
			['车间12班组', '车间3班组', '车间3班组'],
			['车间3班组', '车间3班组', '车间12班组'],
		],
		[
			['B单位', 'a单位', 'A单位2', 'A单位10'],
			['a单位', 'A单位2', 'A单位10', 'B单位'],
		],
		[
			['单位２', '单位10'],
			['单位２', '单位10'],
		],
	])('%j sorts as %j', (input, expected) => {
		expect([...input].sort(compareUnitNames)).toEqual(expected);
	});

	it('is a consistent comparator (antisymmetric, equal names compare 0)', () => {
		expect(compareUnitNames('单位2', '单位10')).toBeLessThan(0);
		expect(compareUnitNames('单位10', '单位2')).toBeGreaterThan(0);
		expect(compareUnitNames('单位2', '单位2')).toBe(0);
	});
});
