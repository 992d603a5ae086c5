/**
 * Nothing copied from the seed article(s): every source a page or template is built from
 * shares no run of COPY_RUN characters (punctuation and whitespace removed) with
 * ../shared/seeds/*.txt, each cut at `[责任编辑`. Runs on the sources, so no build is needed.
 * ../shared lives beside the clone (as in CI); when it is absent the scan is skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	COPY_RUN,
	copiedPassages,
	normalise,
	seedArticle,
	seedRuns,
} from '../../src/lib/originality';

const SEEDS_DIR = '../shared/seeds';

/** Files under `dir` (recursively) whose name matches `keep`. */
function walk(dir: string, keep: RegExp): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return walk(path, keep);
		return keep.test(name) ? [path] : [];
	});
}

/** Every source of text users read: content (guidance, catalogue, templates), strings, pages, components. */
const sources = [
	...walk('content', /\.(mdx?|ya?ml|json|txt)$/),
	'src/i18n/zh-CN.json',
	...walk('src/pages', /\.astro$/),
	...walk('src/components', /\.astro$/),
].sort();

describe('pure helpers', () => {
	it.each([
		['drops punctuation, symbols and spaces', '职工 之家，“建家”。', '职工之家建家'],
		['keeps letters and digits, lower-cased', 'A1 得分 90%', 'a1得分90'],
		['drops full-width spaces and newlines', '工会\u3000小组\n长', '工会小组长'],
	])('normalise %s', (_what, input, expected) => {
		expect(normalise(input)).toBe(expected);
	});

	it('seedArticle cuts at the [责任编辑 line', () => {
		expect(seedArticle('正文一\n正文二\n  [责任编辑：某]\n杂项')).toBe('正文一\n正文二\n');
		expect(seedArticle('没有结尾标记')).toBe('没有结尾标记');
	});

	const seed = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
	const runs = seedRuns([seed]);
	it.each([
		['a copied run of exactly 15', `前言${seed.slice(0, 15)}后记`, [seed.slice(0, 15)]],
		[
			'a copied run hidden by punctuation and spaces',
			`前言。${[...seed.slice(2, 19)].join(' ')}，`,
			[seed.slice(2, 19)],
		],
		['one long copied passage reported once', seed, [seed]],
		['14 characters are not a copy', seed.slice(0, 14), []],
		[
			'two separate copies are two findings',
			`${seed.slice(0, 15)}中间${seed.slice(5, 20)}`,
			[seed.slice(0, 15), seed.slice(5, 20)],
		],
	])('copiedPassages finds %s', (_what, text, expected) => {
		expect(copiedPassages(text, runs)).toEqual(expected);
	});
});

const seedFiles = existsSync(SEEDS_DIR) ? walk(SEEDS_DIR, /\.txt$/) : [];

describe.skipIf(seedFiles.length === 0)(
	`sources share no ${COPY_RUN}-character run with ${SEEDS_DIR}`,
	() => {
		const seeds = seedFiles.map((f) => seedArticle(readFileSync(f, 'utf8')));
		const runs = seedRuns(seeds);

		it('the seeds are found and long enough to compare', () => {
			for (const s of seeds) expect(normalise(s).length).toBeGreaterThan(COPY_RUN * 10);
		});

		it('the scan covers guidance, catalogue, strings and pages', () => {
			expect(sources).toContain('content/criteria/catalogue.yaml');
			expect(sources).toContain('src/i18n/zh-CN.json');
			expect(sources.some((f) => f.startsWith('content/guidance/'))).toBe(true);
			expect(sources.some((f) => f.startsWith('src/pages/'))).toBe(true);
		});

		it('a passage taken from a seed would be caught', () => {
			const passage = normalise(seeds[0]!).slice(300, 300 + COPY_RUN);
			expect(copiedPassages(`本站文字，${passage}。`, runs)).toEqual([passage]);
		});

		it.each(sources.map((f) => [relative('.', f)] as const))('%s', (file) => {
			expect(copiedPassages(readFileSync(file, 'utf8'), runs)).toEqual([]);
		});
	},
);
