import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MeasuresSchema, unknownMeasureIds } from '../../src/lib/measures-schema';
import { realCatalogue } from './helpers';

const real = realCatalogue();
const raw: unknown = parse(readFileSync('content/measures.yaml', 'utf8'));

describe('content/measures.yaml', () => {
	const measures = MeasuresSchema.parse(raw);
	it('names only criteria the catalogue has', () => {
		expect(
			unknownMeasureIds(
				measures,
				real.criteria.map((c) => c.id),
			),
		).toEqual([]);
	});
	it('has measures for every criterion, so every generated task is pre-filled', () => {
		expect(real.criteria.filter((c) => !measures[c.id]).map((c) => c.id)).toEqual([]);
	});
	it('has no repeated measure within one criterion', () => {
		for (const list of Object.values(measures)) expect(new Set(list).size).toBe(list.length);
	});
});

describe('MeasuresSchema', () => {
	it.each([
		[{ A1: ['按期换届选举'] }, true],
		[{ a1: ['按期换届选举'] }, false],
		[{ A1: [] }, false],
		[{ A1: ['短'] }, false],
		[{ A1: [' 前面有空格的措施'] }, false],
		[{ A1: Array.from({ length: 6 }, (_, i) => `第${i}条整改措施`) }, false],
		[{}, false],
	])('%j → %s', (value, ok) => {
		expect(MeasuresSchema.safeParse(value).success).toBe(ok);
	});
	it('reports unknown ids', () => {
		expect(unknownMeasureIds({ A1: ['x'], Z9: ['y'] }, ['A1'])).toEqual(['Z9']);
	});
});
