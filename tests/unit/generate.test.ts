import { describe, expect, it } from 'vitest';
import {
	generateBadFiles,
	generateResultFiles,
	mulberry32,
	withSizes,
} from '../../src/lib/generate';
import { loadResultFiles, rollUpSubunits, summarise } from '../../src/lib/aggregate';
import { catalogue, loadOptions } from './fixtures';

describe('mulberry32', () => {
	it('repeats for a seed and stays within [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 10_000 }, () => a());
		expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
		expect(mulberry32(43)()).not.toBe(mulberry32(42)());
	});
});

describe('generateResultFiles', () => {
	const files = generateResultFiles(catalogue, 200, 7);
	const { entries, rejected } = loadResultFiles(withSizes(files), loadOptions());

	it('is deterministic: same seed, same files; another seed, other files', () => {
		expect(generateResultFiles(catalogue, 200, 7)).toEqual(files);
		expect(generateResultFiles(catalogue, 200, 8)).not.toEqual(files);
	});

	it('makes exactly the number asked for, with distinct names, all loading', () => {
		expect(files).toHaveLength(200);
		expect(new Set(files.map((f) => f.name)).size).toBe(200);
		expect(rejected).toEqual([]);
		expect(entries).toHaveLength(200);
		expect(generateResultFiles(catalogue, 0, 1)).toEqual([]);
		expect(generateResultFiles(catalogue, 1, 1)).toHaveLength(1);
	});

	it('varies: names, dates over years, bands, N/A, rates, incomplete, sub-units under existing unions', () => {
		expect(entries.every((e) => /(区|镇)/.test(e.unitName))).toBe(true);
		expect(new Set(entries.map((e) => e.assessedOn.slice(0, 4))).size).toBeGreaterThanOrEqual(4);
		const s = summarise(entries, catalogue);
		expect(s.bands.filter((b) => b.count > 0).length).toBeGreaterThanOrEqual(3);
		expect(s.total!.sd).toBeGreaterThan(10);
		expect(entries.some((e) => Object.values(e.criterionLevels).includes('na'))).toBe(true);
		expect(entries.some((e) => !e.complete)).toBe(true);
		expect(entries.some((e) => e.complete)).toBe(true);
		expect(entries.some((e) => Object.keys(e.notes).length > 0)).toBe(true);
		const rateIds = catalogue.criteria.filter((c) => c.rate).map((c) => c.id);
		expect(
			files.some((f) =>
				rateIds.some((id) => new RegExp(`"${id}": \\{[^}]*"rate": \\d`).test(f.text)),
			),
		).toBe(true);
		const unions = new Set(entries.filter((e) => e.scope === 'union').map((e) => e.unionName));
		const subunits = entries.filter((e) => e.scope === 'subunit');
		expect(subunits.length).toBeGreaterThan(10);
		expect(subunits.every((e) => unions.has(e.parentUnion))).toBe(true);
		expect(rollUpSubunits(entries).length).toBeGreaterThan(1);
		// Several files per branch, so there is something to compare over time.
		expect(new Set(entries.map((e) => `${e.unitName}|${e.unionName}`)).size).toBeLessThan(
			entries.length,
		);
	});

	it('writes only the current catalogue version unless given another catalogue', () => {
		expect(entries.every((e) => !e.olderCatalogue)).toBe(true);
	});
});

describe('generateBadFiles', () => {
	const good = generateResultFiles(catalogue, 5, 3);
	const bad = generateBadFiles(catalogue, good[0]);

	it.each(bad.map((b) => ({ name: b.name, expect: b.expect, file: b })))(
		'$name → $expect',
		({ file }) => {
			const { entries, rejected } = loadResultFiles(withSizes([good[0]!, file]), loadOptions());
			if (file.expect === 'loads') {
				expect(rejected).toEqual([]);
				expect(entries).toHaveLength(2);
			} else {
				expect(rejected.map((r) => r.reason.code)).toEqual([file.expect]);
				expect(entries).toHaveLength(1);
			}
		},
	);

	it('is the same every time, and works without a good file given', () => {
		expect(generateBadFiles(catalogue, good[0])).toEqual(bad);
		expect(generateBadFiles(catalogue).length).toBe(bad.length);
	});
});

describe('1,000 files', () => {
	// How long this takes is measured by `npm run bench -- --only=aggregate`, not asserted here.
	it('all load, none is rejected, and the summary counts every one', () => {
		const files = withSizes(generateResultFiles(catalogue, 1000, 2026));
		const { entries, rejected } = loadResultFiles(files, loadOptions());
		const summary = summarise(entries, catalogue);
		rollUpSubunits(entries);
		expect(rejected).toEqual([]);
		expect(entries).toHaveLength(1000);
		expect(summary.count).toBe(1000);
	});
});
