/** Hostile files with huge collections are refused before the schema runs, and quickly. */
import { describe, expect, it } from 'vitest';
import { parseResultFile, safeJsonParse } from '../../src/lib/result-file';
import { catalogue, loadOptions, makeFile } from './fixtures';

const parse = (data: unknown) =>
	parseResultFile(JSON.stringify(data), {
		...loadOptions(),
		catalogue,
		rejectUnknownCriteria: true,
	});
const real = () =>
	JSON.parse(makeFile('a.json').text) as {
		assessment: { answers: Record<string, unknown> };
		scores: { criteria: unknown[] };
	};

describe('result files past the size bounds of any valid file', () => {
	it('refuses 100,000 answers as bad-shape at assessment.answers', () => {
		const data = real();
		for (let i = 0; i < 100_000; i++) data.assessment.answers[`Q${i}`] = { level: 3 };
		expect(parse(data)).toEqual({
			ok: false,
			error: { code: 'bad-shape', detail: 'assessment.answers' },
		});
	});

	it('refuses a huge array, and many values spread over small collections', () => {
		const data = real();
		data.scores.criteria = Array.from({ length: 5_000 }, () => ({}));
		expect(parse(data)).toEqual({
			ok: false,
			error: { code: 'bad-shape', detail: 'scores.criteria' },
		});
		const spread = real();
		for (let i = 0; i < 900; i++)
			spread.assessment.answers[`Q${i}`] = { evidence: Array.from({ length: 900 }, () => 1) };
		const r = parse(spread);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error.code).toBe('bad-shape');
	});

	it('refuses any JSON that crowded before parsing it, naming the collection', () => {
		expect(parse({ format: 'other', list: Array.from({ length: 5_000 }, () => 0) })).toEqual({
			ok: false,
			error: { code: 'bad-shape', detail: 'list' },
		});
		// Commas inside strings do not count.
		const data = real();
		(data.assessment.answers['A1'] as { note: string }).note = ','.repeat(1_999);
		expect(parse(data).ok).toBe(true);
	});

	it('still refuses forbidden keys at any depth, accepts a BOM and survives deep nesting', () => {
		expect(() => safeJsonParse('{"a":[{"b":{"__proto__":1}}]}')).toThrow('__proto__');
		expect(() => safeJsonParse('\uFEFF{"constructor":{}}')).toThrow('constructor');
		expect(safeJsonParse('\uFEFF{"a":1}')).toEqual({ a: 1 });
		expect(() => safeJsonParse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`)).not.toThrow();
	});

	it('passes a real result file unchanged', () => {
		const r = parse(real());
		expect(r.ok).toBe(true);
	});
});
