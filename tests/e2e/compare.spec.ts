/**
 * Compare over time and across branches (/compare/): result files generated here are
 * loaded through the folder picker and the multi-file picker, then every figure the page
 * shows is checked against figures worked out in this file from the files themselves
 * (their `scores` block), never through src/lib/aggregate.ts.
 */
import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { join } from 'node:path';
import { generateBadFiles, generateResultFiles, type BadFile } from '../../src/lib/generate';
import { MAX_FILE_BYTES, type ResultFile } from '../../src/lib/result-file';
import { scoreAssessment } from '../../src/lib/scoring';
import type { Catalogue } from '../../src/lib/catalogue-schema';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };
import { shot } from './shots';
import {
	test,
	catalogue,
	downloadText,
	importOnChecklist,
	makeAssessment,
	makeResult,
	parseCsv,
	percentileInc,
	round1,
	removeTempDirs,
	seed,
	tempDir,
	uniformPlan,
	writeFiles,
} from './support';

/** Files load in a Web Worker: on a busy machine a load can take several seconds. */
const expect = baseExpect.configure({ timeout: 20_000 });
// Each test loads files at least once or twice; give a busy machine room (no speed is asserted).
test.beforeEach(() => test.setTimeout(120_000));

// ------------------------------------------------------------------ the files

const FOLDER = '汇总材料';
const generated = generateResultFiles(catalogue, 30, 20260301);
const bad: BadFile[] = generateBadFiles(catalogue, generated[0]);
/** Extra hostile files the generator does not make. */
const hostile = [
	{
		name: '含constructor字段.json',
		text: generated[1]!.text.replace(/^\{/, '{"constructor": {"polluted": true},'),
		code: 'forbidden-key',
		detail: 'constructor',
	},
	{
		name: '含prototype字段.json',
		text: generated[2]!.text.replace(/"assessment": \{/, '"assessment": {"prototype": 1,'),
		code: 'forbidden-key',
		detail: 'prototype',
	},
];

/** One branch assessed on three dates, with deliberate rises, falls, moves to 不适用 and notes. */
const SERIES_UNIT = '测试比较单位';
const SERIES_UNION = '测试比较单位工会';
const seriesProfile = (assessedOn: string) => ({
	unitName: SERIES_UNIT,
	unionName: SERIES_UNION,
	assessedOn,
	scope: 'union' as const,
});
const series = [
	makeResult(`${SERIES_UNION}-2023.json`, {
		profile: seriesProfile('2023-03-15'),
		level: 2,
		notes: { A2: '2023 年：台账不全', B1: '主席刚到任' },
	}),
	makeResult(`${SERIES_UNION}-2024.json`, {
		profile: seriesProfile('2024-03-20'),
		level: 2,
		levels: { A2: 3, B1: 1, C1: 'na', D2: 3 },
		naReasons: { C1: '本年度未开展集体协商' },
		notes: { A2: '2024 年：台账已补齐', B1: '主席调离，工作断档' },
	}),
	makeResult(`${SERIES_UNION}-2025.json`, {
		profile: seriesProfile('2025-03-18'),
		level: 2,
		levels: { A2: 3, B1: 2, C1: 0, D2: 3, E1: 0, G1: 3 },
		notes: { B1: '新主席到任后恢复', E1: '经费紧张，暂停' },
		skip: ['F1'],
	}),
];

/** A file filled against an older catalogue (2025.1) that did not have H3. */
const oldCatalogue: Catalogue = {
	...catalogue,
	version: '2025.1',
	criteria: catalogue.criteria.filter((c) => c.id !== 'H3'),
};
const older = makeResult('旧版目录单位工会-2025.json', {
	cat: oldCatalogue,
	profile: { unitName: '旧版目录单位', unionName: '旧版目录单位工会', assessedOn: '2025-05-01' },
	level: 3,
	levels: { A3: 1, B2: 0 },
});

// ------------------------------------------------------------------ expected figures

interface Expected {
	fileName: string;
	branch: string;
	unitName: string;
	unionName: string;
	scope: 'union' | 'subunit';
	parentUnion: string;
	assessedOn: string;
	total: number;
	band: string;
	complete: boolean;
	completionPercent: number;
	categories: Record<string, number | null>;
	levels: Record<string, number | null>;
	notes: Record<string, string>;
	older: boolean;
}

/** The display name rule the page documents: unit and union joined unless one contains the other. */
function branchLabel(unit: string, union: string): string {
	if (!unit) return union;
	if (!union || union.includes(unit)) return union || unit;
	if (unit.includes(union)) return unit;
	return `${unit}·${union}`;
}

/** Figures for a file of the current catalogue, read from the file's own `scores` block. */
function fromScores(fileName: string, data: ResultFile): Expected {
	const p = data.assessment.profile;
	const notes: Record<string, string> = {};
	for (const [id, a] of Object.entries(data.assessment.answers))
		if (a.note.trim()) notes[id] = a.note.trim();
	return {
		fileName,
		branch: branchLabel(p.unitName, p.unionName),
		unitName: p.unitName,
		unionName: p.unionName,
		scope: p.scope,
		parentUnion: p.parentUnion,
		assessedOn: p.assessedOn,
		total: data.scores.total,
		band: data.scores.band,
		complete: data.scores.completion.complete,
		completionPercent: data.scores.completion.percent,
		categories: Object.fromEntries(data.scores.categories.map((k) => [k.id, k.percent])),
		levels: Object.fromEntries(
			data.scores.criteria.map((c) => [c.id, c.status === 'answered' ? c.level : null]),
		),
		notes,
		older: false,
	};
}

/** An older-catalogue file: its answers scored against the current catalogue (criteria it lacked count as unanswered). */
function rescored(fileName: string, data: ResultFile): Expected {
	const s = scoreAssessment(catalogue, data.assessment);
	return {
		...fromScores(fileName, data),
		total: s.total,
		band: s.band.id,
		complete: s.completion.complete,
		completionPercent: s.completion.percent,
		categories: Object.fromEntries(
			s.categories.map((k) => [k.id, k.percent === null ? null : round1(k.percent)]),
		),
		levels: Object.fromEntries(s.criteria.map((c) => [c.id, c.level])),
		older: true,
	};
}

const unknownCriterion = bad.find((b) => b.expect === 'loads')!;
const expected: Expected[] = [
	...generated.map((f) => fromScores(`${FOLDER}/${f.name}`, JSON.parse(f.text) as ResultFile)),
	fromScores(`${FOLDER}/${unknownCriterion.name}`, JSON.parse(unknownCriterion.text) as ResultFile),
	rescored(`${FOLDER}/${older.name}`, older.data),
	...series.map((f) => fromScores(f.name, f.data)),
];
const nonBonus = catalogue.categories.filter((k) => !k.bonus);
/** Whether any criterion of a category has a level in the file (else the category is 未评). */
const rated = (e: Expected, categoryId: string) =>
	catalogue.criteria.some((c) => c.category === categoryId && typeof e.levels[c.id] === 'number');
const bandName = (id: string) => catalogue.bands.find((b) => b.id === id)!.name;
const levelName = (l: number) => catalogue.levelNames[l]!;
const f1 = (n: number) => String(round1(n));
const signed = (n: number) => (n > 0 ? `+${round1(n)}` : String(round1(n)));

/** The zh-CN message for an import error, with its detail filled in. */
function reasonText(code: string, detail: string): string {
	const template = (strings as Record<string, string>)[`import.${code}`];
	if (!template) throw new Error(`no string for import.${code}`);
	return template.replace('{{detail}}', detail);
}

// ------------------------------------------------------------------ loading

let folderDir = '';
let seriesPaths: string[] = [];

test.afterAll(removeTempDirs);

test.beforeAll(() => {
	const root = tempDir('zzzj-compare-');
	folderDir = join(root, FOLDER);
	mkdirSync(folderDir);
	writeFiles(
		folderDir,
		[...generated, ...bad, ...hostile, older].filter((f) => !('size' in f && f.size !== undefined)),
	);
	// The generator reports the too-large file by a size field; on disk it must really be over the cap.
	const tooLarge = bad.find((b) => b.expect === 'too-large')!;
	writeFileSync(join(folderDir, tooLarge.name), `{"x":"${'x'.repeat(MAX_FILE_BYTES)}"}`);
	const seriesDir = join(root, 'series');
	mkdirSync(seriesDir);
	seriesPaths = writeFiles(seriesDir, series);
});

async function pick(page: Page, button: string, files: string | string[]): Promise<void> {
	const chooser = page.waitForEvent('filechooser');
	await page.getByText(button, { exact: true }).click();
	await (await chooser).setFiles(files);
}

/** Loads the folder, then the three files of one branch, as a person would. */
async function loadAll(page: Page): Promise<void> {
	await page.goto('/compare/');
	await expect(page.getByText(strings['compare.none'])).toBeVisible();
	await pick(page, strings['compare.pickFolder'], folderDir);
	// Loading runs in a worker; on a busy machine it can take a while.
	await expect(page.getByRole('status').filter({ hasText: '已载入' })).toContainText(
		`已载入 ${expected.length - series.length} 份评估`,
		{ timeout: 60_000 },
	);
	await pick(page, strings['compare.pickFiles'], seriesPaths);
	await expect(page.getByRole('status').filter({ hasText: '已载入' })).toContainText(
		`已载入 ${expected.length} 份评估`,
		{ timeout: 60_000 },
	);
}

const overview = (page: Page) =>
	page.getByRole('table', { name: strings['compare.overviewTitle'] });
const bodyRows = (table: Locator) => table.locator('tbody').getByRole('row');

/** Texts of every body row's cells: [row header, ...cells]. */
async function rowTexts(table: Locator): Promise<string[][]> {
	return bodyRows(table).evaluateAll((rows) =>
		rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())),
	);
}

// ------------------------------------------------------------------ tests

test.describe('compare: loading many files', () => {
	test('bad files are listed with their specific reasons while the good ones load', async ({
		page,
	}) => {
		await loadAll(page);
		const rejects = [
			...bad
				.filter((b) => b.expect !== 'loads' && b.expect !== 'duplicate')
				.map((b) => ({
					name: b.name,
					text: reasonText(
						b.expect,
						b.expect === 'too-large'
							? ((MAX_FILE_BYTES + 8) / 1024 / 1024).toFixed(1)
							: b.expect === 'newer-version'
								? '99'
								: b.expect === 'forbidden-key'
									? '__proto__'
									: '',
					),
				})),
			...hostile.map((h) => ({ name: h.name, text: reasonText(h.code, h.detail) })),
		];
		const total = rejects.length;
		await expect(page.getByText(`未载入的文件（${total} 个）`)).toBeVisible();
		const list = page.locator('[data-rejected-list]').getByRole('listitem');
		await expect(list).toHaveCount(total);
		for (const r of rejects) {
			const item = list.filter({ hasText: `${FOLDER}/${r.name}：` });
			await expect(item, r.name).toHaveCount(1);
			if (r.text.includes('问题出在')) {
				// bad-shape: the path names the answer with the impossible level.
				await expect(item).toContainText('文件内容不符合格式要求（问题出在：assessment.answers.A1');
			} else await expect(item).toContainText(r.text);
		}
		// The two copies of one unit and date are not skipped silently: both are offered, one in use.
		const copies = [generated[0]!.name, bad.find((b) => b.expect === 'duplicate')!.name].map(
			(n) => `${FOLDER}/${n}`,
		);
		await expect(list.filter({ hasText: '同一单位同一日期' })).toHaveCount(0);
		const group = page.getByRole('region', { name: '同一单位同一日期有多份文件（1 组）' });
		await expect(group).toBeVisible();
		for (const c of copies)
			await expect(group.getByRole('radio', { name: new RegExp(`^${c}（`) })).toHaveCount(1);
		await expect(group.getByRole('radio', { checked: true })).toHaveCount(1);

		await expect(page.getByText(`显示 ${expected.length} / ${expected.length} 份`)).toBeVisible();
		await expect(bodyRows(overview(page))).toHaveCount(expected.length);
		// Good files loaded, including the one answering an unknown criterion; no rejected file shows as a row.
		const names = (await rowTexts(overview(page))).map((r) => r[0]!.replace(/ 旧版目录$/, ''));
		expect(names.sort()).toEqual(expected.map((e) => e.branch).sort());
	});

	test('sorting by total flips aria-sort and puts the extreme total first', async ({ page }) => {
		await loadAll(page);
		const table = overview(page);
		const totals = expected.map((e) => e.total);
		const max = Math.max(...totals);
		const min = Math.min(...totals);
		const totalHeader = table.getByRole('columnheader', { name: '按“总分”排序' });
		const branchHeader = table.getByRole('columnheader', { name: '按“单位”排序' });
		// Sorted by total, highest first, on load.
		await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');
		await table.getByRole('button', { name: '按“总分”排序' }).click();
		await expect(totalHeader).toHaveAttribute('aria-sort', 'ascending');
		await expect(bodyRows(table).first().getByRole('cell').nth(1)).toHaveText(f1(min));
		let shown = (await rowTexts(table)).map((r) => Number(r[2]));
		expect(shown).toEqual([...shown].sort((a, b) => a - b));
		await table.getByRole('button', { name: '按“总分”排序' }).click();
		await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');
		await expect(bodyRows(table).first().getByRole('cell').nth(1)).toHaveText(f1(max));
		shown = (await rowTexts(table)).map((r) => Number(r[2]));
		expect(shown).toEqual([...shown].sort((a, b) => b - a));
		expect(shown[0]).toBe(max);
		// Another column: the total column is no longer the sorted one.
		await table.getByRole('button', { name: '按“单位”排序' }).click();
		await expect(branchHeader).toHaveAttribute('aria-sort', 'descending');
		await expect(totalHeader).toHaveAttribute('aria-sort', 'none');
		// Sorting by a category's percent, too, once its column is shown: highest A first.
		await page.getByText(strings['compare.columnsTitle']).click();
		await page.getByRole('checkbox', { name: `A ${catalogue.categories[0]!.title}` }).check();
		await table
			.getByRole('button', { name: `按“A ${catalogue.categories[0]!.title}”排序` })
			.click();
		const maxA = Math.max(...expected.map((e) => e.categories['A'] ?? -1));
		await expect(bodyRows(table).first().getByRole('cell').nth(6)).toHaveText(f1(maxA));
	});

	test('filters by text, band, scope and complete-only give independently counted rows', async ({
		page,
	}) => {
		await loadAll(page);
		const table = overview(page);
		const n = expected.length;
		const expectShown = async (count: number) => {
			await expect(page.getByText(`显示 ${count} / ${n} 份`)).toBeVisible();
			await expect(bodyRows(table)).toHaveCount(count);
		};
		// Text: a region that some branches share.
		const region = generated
			.map((f) => (JSON.parse(f.text) as ResultFile).assessment.profile.unitName.slice(0, 3))
			.find((r) => {
				const k = expected.filter((e) => e.unitName.includes(r) || e.unionName.includes(r)).length;
				return k > 1 && k < n;
			})!;
		const byText = expected.filter((e) =>
			[e.branch, e.unitName, e.unionName].some((x) => x.includes(region)),
		);
		await page.getByLabel(strings['compare.filterText']).fill(region);
		await expectShown(byText.length);
		for (const [branch] of await rowTexts(table)) expect(branch).toContain(region);
		await page.getByLabel(strings['compare.filterText']).fill('');
		await expectShown(n);

		// Band: every band, one after the other.
		for (const b of catalogue.bands) {
			await page
				.getByRole('combobox', { name: strings['compare.filterBand'], exact: true })
				.selectOption({ label: b.name });
			const count = expected.filter((e) => e.band === b.id).length;
			await expectShown(count);
			for (const r of await rowTexts(table)) expect(r[3]).toMatch(new RegExp(`^${b.name}`));
		}
		await page
			.getByRole('combobox', { name: strings['compare.filterBand'], exact: true })
			.selectOption({ label: strings['compare.filterAll'] });
		await expectShown(n);

		// Scope.
		await page
			.getByRole('combobox', { name: strings['compare.filterScope'], exact: true })
			.selectOption({ label: strings['scope.subunit'] });
		const subunits = expected.filter((e) => e.scope === 'subunit');
		expect(subunits.length).toBeGreaterThan(0);
		await expectShown(subunits.length);

		// Complete only, combined with the scope filter, then alone.
		const completion = page.getByRole('combobox', {
			name: strings['compare.filterCompletion'],
			exact: true,
		});
		await completion.selectOption({ label: strings['compare.filterCompleteOnly'] });
		await expectShown(subunits.filter((e) => e.complete).length);
		await page
			.getByRole('combobox', { name: strings['compare.filterScope'], exact: true })
			.selectOption({ label: strings['compare.filterAll'] });
		const complete = expected.filter((e) => e.complete).length;
		expect(complete).toBeLessThan(n);
		await expectShown(complete);
		for (const r of await rowTexts(table)) expect(r[0]).not.toContain('旧版目录'); // H3 unanswered there
		// And the unfinished ones only: each says so in its band and completion cells.
		await completion.selectOption({ label: strings['compare.filterIncompleteOnly'] });
		await expectShown(n - complete);
		for (const r of await rowTexts(table)) {
			expect(r[3]).toContain('（未评完）');
			expect(r[4]).not.toBe('100%');
		}
		await completion.selectOption({ label: strings['compare.filterCompleteOnly'] });

		// The statistics follow the filter: number of branches per category.
		const statsA = page
			.getByRole('table', { name: strings['compare.statsTitle'] })
			.getByRole('row', { name: /^A / });
		await expect(statsA.getByRole('cell').first()).toHaveText(
			String(expected.filter((e) => e.complete && e.categories['A'] !== null).length),
		);
	});

	test('category statistics, histogram and bands match figures computed from the files', async ({
		page,
	}) => {
		await loadAll(page);
		const stats = page.getByRole('table', { name: strings['compare.statsTitle'] });
		const rows = await rowTexts(stats);
		expect(rows.map((r) => r[0])).toEqual(nonBonus.map((k) => `${k.id} ${k.title}`));
		const near = (shown: string, want: number, what: string) =>
			expect(
				Math.abs(Number(shown) - want),
				`${what}: shown ${shown}, want ${want}`,
			).toBeLessThanOrEqual(0.05 + 1e-9);
		for (const [i, k] of nonBonus.entries()) {
			// A category with nothing answered is 未评 and left out, not counted as 0.
			const values = expected
				.filter((e) => rated(e, k.id))
				.map((e) => e.categories[k.id])
				.filter((v): v is number => typeof v === 'number');
			const sorted = [...values].sort((a, b) => a - b);
			const mean = values.reduce((s, x) => s + x, 0) / values.length;
			const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length);
			const quarter = sorted.slice(0, Math.ceil(values.length / 4));
			const [, nShown, meanS, minS, weakS, p25S, medS, maxS, sdS] = rows[i]!;
			expect(Number(nShown), `${k.id} n`).toBe(values.length);
			near(meanS!, mean, `${k.id} mean`);
			near(sdS!, sd, `${k.id} sd`);
			near(minS!, sorted[0]!, `${k.id} min`);
			near(maxS!, sorted[sorted.length - 1]!, `${k.id} max`);
			near(weakS!, quarter.reduce((s, x) => s + x, 0) / quarter.length, `${k.id} weakest quarter`);
			near(p25S!, percentileInc(sorted, 0.25), `${k.id} lower quartile`);
			near(medS!, percentileInc(sorted, 0.5), `${k.id} median`);
		}
		// The lower quartile is PERCENTILE.INC, not a nearest-rank value: at least one category shows an interpolated figure.
		const totals = expected.map((e) => e.total).sort((a, b) => a - b);
		const line = page.getByText(/^总分平均/);
		const [meanT, medianT, p25T] = ((await line.textContent()) ?? '').match(/[\d.]+/g)!.map(Number);
		expect(
			Math.abs(meanT! - totals.reduce((s, x) => s + x, 0) / totals.length),
		).toBeLessThanOrEqual(0.05 + 1e-9);
		expect(Math.abs(medianT! - percentileInc(totals, 0.5))).toBeLessThanOrEqual(0.05 + 1e-9);
		expect(Math.abs(p25T! - percentileInc(totals, 0.25))).toBeLessThanOrEqual(0.05 + 1e-9);

		// Histogram: bins of ten points, the top bin taking 90–100 and any bonus above.
		const bins = Array.from({ length: 10 }, () => 0);
		for (const t of expected.map((e) => e.total)) bins[Math.min(9, Math.floor(t / 10 + 1e-9))]!++;
		const hist = await rowTexts(page.getByRole('table', { name: strings['compare.histTitle'] }));
		expect(hist).toEqual(
			bins.map((c, i) => [i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`, String(c)]),
		);
		expect(bins.reduce((s, x) => s + x, 0)).toBe(expected.length);

		// Bands.
		const bands = await rowTexts(page.getByRole('table', { name: strings['compare.bandsTitle'] }));
		expect(bands).toEqual(
			catalogue.bands.map((b) => {
				const c = expected.filter((e) => e.band === b.id).length;
				return [b.name, String(c), `${f1((c / expected.length) * 100)}%`];
			}),
		);
		const completeShare = (expected.filter((e) => e.complete).length / expected.length) * 100;
		await expect(page.getByText(/^已完成评估的占比/)).toHaveText(
			`已完成评估的占比：${f1(completeShare)}%`,
		);
	});

	test('weak criteria are listed most often weak first, each linking to its guidance', async ({
		page,
	}) => {
		await loadAll(page);
		const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
		const weak = catalogue.criteria
			.filter((c) => !bonusCats.has(c.category))
			.map((c) => {
				const levels = expected
					.map((e) => e.levels[c.id])
					.filter((l): l is number => typeof l === 'number');
				const weakCount = levels.filter((l) => l <= 1).length;
				return { c, weakCount, answered: levels.length, share: weakCount / levels.length };
			})
			.filter((w) => w.weakCount > 0)
			.sort((a, b) => b.share - a.share || a.c.id.localeCompare(b.c.id, 'en', { numeric: true }))
			.slice(0, 10);
		const items = page.locator('[data-weak]').getByRole('listitem');
		await expect(items).toHaveCount(weak.length);
		for (const [i, w] of weak.entries()) {
			const item = items.nth(i);
			await expect(item).toContainText(
				`${w.c.id} ${w.c.title}：${f1(w.share * 100)}% 的单位（${w.weakCount} / ${w.answered}）`,
			);
			await expect(item.getByRole('link')).toHaveAttribute(
				'href',
				`/guide/${w.c.guide.split('#')[0]}/`,
			);
		}
		// Following the first link opens the guidance page it names.
		const link = items.first().getByRole('link');
		const title = ((await link.textContent()) ?? '').replace(/^指南：/, '');
		await link.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	});

	test('the older-catalogue file is marked, and sub-units roll up under their parent', async ({
		page,
	}) => {
		await loadAll(page);
		const rows = await rowTexts(overview(page));
		const marked = rows.filter((r) => r[0]!.endsWith(strings['compare.olderMark']));
		expect(marked.map((r) => r[0])).toEqual([`旧版目录单位工会 ${strings['compare.olderMark']}`]);
		// The note says which catalogue versions are compared and how their totals relate.
		await expect(page.locator('[data-older-note]')).toContainText(catalogue.version);
		const old = expected.find((e) => e.older)!;
		const oldRow = rows.find((r) => r[0]!.startsWith('旧版目录单位工会'))!;
		// H3 was not in its catalogue: scored as unanswered, so the file is incomplete.
		expect(oldRow[4]).toBe(`${old.completionPercent}%`);
		expect(old.completionPercent).toBeLessThan(100);
		expect(oldRow[2]).toBe(f1(old.total));

		// Sub-unit roll-up, by parent 基层工会: each sub-unit once, by its latest file.
		const latest = new Map<string, Map<string, Expected>>();
		for (const e of expected.filter((x) => x.scope === 'subunit')) {
			const group = latest.get(e.parentUnion) ?? new Map<string, Expected>();
			latest.set(e.parentUnion, group);
			const key = `${e.unitName}|${e.unionName}`;
			const prev = group.get(key);
			if (!prev || e.assessedOn > prev.assessedOn) group.set(key, e);
		}
		expect(latest.size).toBeGreaterThan(0);
		const roll = page.locator('[data-subunits]').getByRole('table');
		const shown = await rowTexts(roll);
		expect(shown).toHaveLength(latest.size);
		for (const [parent, group] of latest) {
			const subs = [...group.values()];
			const means = subs.map((s) => {
				const hs = Object.entries(s.levels)
					.filter(([id, l]) => /^H\d/.test(id) && typeof l === 'number')
					.map(([, l]) => l as number);
				return hs.length ? hs.reduce((a, b) => a + b, 0) / hs.length : null;
			});
			const active = means.filter((m) => m !== null && m >= 2).length;
			const row = shown.find((r) => r[0] === parent);
			expect(row, parent).toBeDefined();
			expect(row).toEqual([
				parent,
				String(subs.length),
				...catalogue.bands.map((b) => {
					const c = subs.filter((s) => s.band === b.id).length;
					return `${c}（${f1((c / subs.length) * 100)}%）`;
				}),
				`${f1((active / subs.length) * 100)}%`,
				String(means.filter((m) => m === null).length),
			]);
		}
	});

	test('one branch over time: percents per date, changes, and the criteria that rose or fell', async ({
		page,
	}) => {
		await loadAll(page);
		await page
			.getByRole('combobox', { name: strings['compare.branch'], exact: true })
			.selectOption({ label: `${SERIES_UNION}（3）` });
		const dated = expected
			.filter((e) => e.unitName === SERIES_UNIT)
			.sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
		expect(dated).toHaveLength(3);
		const picks = page
			.getByRole('group', { name: strings['compare.timePick'] })
			.getByRole('checkbox');
		await expect(picks).toHaveCount(3);

		const checkTable = async (points: Expected[]) => {
			const table = page.getByRole('table', { name: strings['compare.timeTable'] });
			await expect(table.getByRole('columnheader')).toHaveText([
				strings['compare.col.category'],
				...points.map((p) => p.assessedOn),
				strings['compare.col.change'],
			]);
			const want = nonBonus.map((k) => {
				const values = points.map((p) => p.categories[k.id] ?? null);
				return [
					`${k.id} ${k.title}`,
					...values.map((v, i) => {
						if (v === null) return '—';
						const prev = i > 0 ? values[i - 1] : null;
						return `${f1(v)}%${i > 0 && prev !== null && prev !== undefined ? `（${signed(v - prev)}）` : ''}`;
					}),
					values[0] === null || values[values.length - 1] === null
						? '—'
						: signed(values[values.length - 1]! - values[0]!),
				];
			});
			want.push([
				strings['compare.col.total'],
				...points.map(
					(p, i) => `${f1(p.total)}${i > 0 ? `（${signed(p.total - points[i - 1]!.total)}）` : ''}`,
				),
				signed(points[points.length - 1]!.total - points[0]!.total),
			]);
			expect(await rowTexts(table)).toEqual(want);

			// Criteria whose level moved between consecutive dates (not to or from 不适用 or unanswered).
			const changes: string[] = [];
			for (let i = 1; i < points.length; i++) {
				const [a, b] = [points[i - 1]!, points[i]!];
				for (const c of catalogue.criteria) {
					const [from, to] = [a.levels[c.id], b.levels[c.id]];
					if (typeof from !== 'number' || typeof to !== 'number' || from === to) continue;
					let line = `${to > from ? strings['compare.up'] : strings['compare.down']} ${c.id} ${c.title}：${levelName(from)}（${a.assessedOn}）→ ${levelName(to)}（${b.assessedOn}）`;
					if (a.notes[c.id]) line += `此前说明：${a.notes[c.id]}`;
					if (b.notes[c.id]) line += `此后说明：${b.notes[c.id]}`;
					changes.push(line);
				}
			}
			expect(changes.length).toBeGreaterThan(0);
			await expect(page.locator('[data-time-changes]').getByRole('listitem')).toHaveText(changes);
			return changes;
		};

		const all = await checkTable(dated);
		// What the series was built to show.
		expect(
			all.some(
				(l) =>
					l.startsWith('上升 A2') &&
					l.includes('此前说明：2023 年：台账不全') &&
					l.includes('此后说明：2024 年：台账已补齐'),
			),
		).toBe(true);
		expect(all.some((l) => l.startsWith('下降 B1') && l.includes('主席调离，工作断档'))).toBe(true);
		expect(
			all.some((l) => l.startsWith('上升 B1') && l.includes('此后说明：新主席到任后恢复')),
		).toBe(true);
		expect(all.some((l) => l.startsWith('下降 E1') && l.includes('经费紧张，暂停'))).toBe(true);
		expect(all.some((l) => / C1 | F1 /.test(l))).toBe(false);
		// A bar chart of the same data, described by the table.
		await expect(page.getByRole('img', { name: strings['compare.timeChart'] })).toHaveAttribute(
			'aria-describedby',
			'time-table',
		);

		// Leave out the middle date: the first and last compared directly.
		await picks.nth(1).uncheck();
		await checkTable([dated[0]!, dated[2]!]);
		// One date alone cannot be compared.
		await picks.nth(0).uncheck();
		await expect(page.getByText(strings['compare.timeNeedTwo'])).toBeVisible();
		await expect(page.getByRole('table', { name: strings['compare.timeTable'] })).toBeHidden();
	});

	test('Export CSV writes one row per visible entry with a BOM, the header and matching values', async ({
		page,
	}) => {
		await loadAll(page);
		const csvRow = (e: Expected) => [
			e.unitName,
			e.unionName,
			e.scope === 'union' ? '基层工会' : '分工会或工会小组',
			e.parentUnion,
			e.assessedOn,
			String(e.total),
			bandName(e.band),
			String(e.completionPercent),
			...catalogue.categories.map((k) =>
				e.categories[k.id] === null
					? '不适用'
					: rated(e, k.id)
						? String(e.categories[k.id])
						: '未评',
			),
			// 整改任务数, 已完成, 逾期: these generated files carry no plan.
			'0',
			'0',
			'0',
			// 验收总分, 验收结果, 自评−验收: none of these files was reviewed.
			'',
			'',
			'',
			e.older ? '按 2025.1 版指标目录填写；本版新增指标 H3 按未答计' : '',
		];
		const exportCsv = async () => {
			const download = page.waitForEvent('download');
			await page.getByRole('button', { name: strings['compare.exportCsv'] }).click();
			const d = await download;
			expect(d.suggestedFilename()).toMatch(/^职工之家汇总_\d{4}-\d{2}-\d{2}\.csv$/);
			const text = await downloadText(d);
			expect(text.charCodeAt(0), 'BOM').toBe(0xfeff);
			return parseCsv(text.slice(1));
		};
		const header = [
			'单位名称',
			'工会名称',
			'层级',
			'上级工会',
			'评估日期',
			'总分',
			'基本分',
			'加分',
			'等次',
			'完成度%',
			'否决项',
			'必备项未达',
			...catalogue.categories.map((k) => k.title),
			'整改任务数',
			'整改已完成',
			'整改逾期',
			'验收总分',
			'验收结果',
			'自评−验收',
			'目录版本说明',
		];
		// Base, bonus, vetoes and 必备 are not in the test's expectations; drop them when comparing.
		const withoutBaseBonus = (r: string[]) => [...r.slice(0, 6), ...r.slice(8, 10), ...r.slice(12)];

		const check = async () => {
			const visible = (await rowTexts(overview(page))).map((r) => [
				r[0]!.replace(/ 旧版目录$/, ''),
				r[1]!,
			]);
			const rows = await exportCsv();
			expect(rows[0]).toEqual(header);
			const body = rows.slice(1);
			expect(body).toHaveLength(visible.length);
			for (const [i, r] of body.entries()) {
				// Same order as the table.
				expect(branchLabel(r[0]!, r[1]!)).toBe(visible[i]![0]);
				expect(r[4]).toBe(visible[i]![1] === '—' ? '' : visible[i]![1]);
				const e = expected.find(
					(x) => x.unitName === r[0] && x.unionName === r[1] && x.assessedOn === r[4],
				);
				expect(e, `row ${r.join(',')}`).toBeDefined();
				expect(withoutBaseBonus(r)).toEqual(csvRow(e!));
				expect(Number(r[6]) + Number(r[7])).toBeCloseTo(e!.total, 5);
			}
			return body.length;
		};
		expect(await check()).toBe(expected.length);
		await page
			.getByRole('combobox', { name: strings['compare.filterScope'], exact: true })
			.selectOption({ label: strings['scope.subunit'] });
		expect(await check()).toBe(expected.filter((e) => e.scope === 'subunit').length);
	});
});

test('the chart code is not loaded while there is nothing to chart, and is once files are loaded', async ({
	page,
}) => {
	const chartChunk = (u: string) => /\/_astro\/charts\.[\w-]+\.js$/.test(u);
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	await page.goto('/compare/', { waitUntil: 'networkidle' });
	await expect(page.getByText(strings['compare.none'])).toBeVisible();
	expect(urls.filter(chartChunk)).toEqual([]);
	await pick(page, strings['compare.pickFiles'], seriesPaths);
	await expect(page.locator('svg[data-hist-chart] rect').first()).toBeAttached();
	expect(urls.filter(chartChunk)).toHaveLength(1);
});

test('the over-time section shows only with a unit of two or more dates, the one with most dates first unless the reader chose one', async ({
	page,
}) => {
	// One assessment saved in this browser: one date only, so nothing to compare over time.
	const dir = tempDir('zzzj-compare-stored-');
	const stored = { unitName: '本浏览器单位', unionName: '本浏览器单位工会' };
	const [storedPath, secondPath, olderPath] = writeFiles(dir, [
		makeResult('本浏览器单位.json', { profile: { ...stored, assessedOn: '2025-06-01' } }),
		makeResult('本浏览器单位-2019.json', { profile: { ...stored, assessedOn: '2019-05-05' } }),
		older,
	]);
	await importOnChecklist(page, storedPath!);
	await page.goto('/compare/');
	await expect(overview(page)).toBeVisible();
	await expect(bodyRows(overview(page))).toHaveCount(1);
	const heading = page.getByRole('heading', { name: strings['compare.timeTitle'] });
	await expect(heading).toBeHidden();
	await expect(page.getByText(strings['compare.timeNeedTwo'])).toBeHidden();

	// Three dates of one branch loaded: the section appears with that branch compared.
	await pick(page, strings['compare.pickFiles'], seriesPaths);
	await expect(heading).toBeVisible();
	const branch = page.getByRole('combobox', { name: strings['compare.branch'], exact: true });
	await expect(branch.locator('option')).toHaveText([`${SERIES_UNION}（3）`]);
	await expect(page.getByRole('table', { name: strings['compare.timeTable'] })).toBeVisible();
	// The chart beside the table: a bar series per date, in the legend's colours.
	const timeChart = page.locator('svg[data-time-chart]');
	await timeChart.scrollIntoViewIfNeeded();
	for (const series of [0, 1, 2])
		await expect(timeChart.locator(`rect.chart-series-${series}`).first()).toBeAttached();
	await expect(timeChart.locator('rect.chart-series-3')).toHaveCount(0);
	await expect(page.locator('[data-time-legend] .swatch')).toHaveCount(3);
	await shot(page, 'compare-over-time');

	// A second date for the stored branch: it joins the list, after the branch with most dates.
	await pick(page, strings['compare.pickFiles'], secondPath!);
	await expect(branch.locator('option')).toHaveText([
		`${SERIES_UNION}（3）`,
		'本浏览器单位工会（2）',
	]);
	await expect(branch.locator('option:checked')).toHaveText(`${SERIES_UNION}（3）`);
	// A branch the reader picks stays picked when more files come.
	await branch.selectOption({ label: '本浏览器单位工会（2）' });
	await pick(page, strings['compare.pickFiles'], olderPath!);
	await expect(page.getByRole('status').filter({ hasText: '已载入' })).toContainText(
		'已载入 6 份评估',
	);
	await expect(branch.locator('option:checked')).toHaveText('本浏览器单位工会（2）');
});

// ------------------------------------------------------------------ many files, archives, cancel

/** A .zip archive of result files (built with fflate, as a 上级工会 would receive one). */
function zipOf(path: string, files: { name: string; text: string | Uint8Array }[]): string {
	const entries: Record<string, Uint8Array> = {};
	for (const f of files) entries[f.name] = typeof f.text === 'string' ? strToU8(f.text) : f.text;
	writeFileSync(path, zipSync(entries, { level: 6 }));
	return path;
}

test.describe('many files', () => {
	let bigZip = '';
	test.beforeAll(() => {
		const many = generateResultFiles(catalogue, 2000, 4242);
		bigZip = zipOf(
			join(tempDir('zzzj-2000-'), '全市汇总.zip'),
			many.map((f, i) => ({
				name: `各单位/${String(i).padStart(4, '0')}-${f.name}`,
				text: f.text,
			})),
		);
	});

	test('a zip of 2,000 files through the file picker shows the progress, then the overview a page at a time', async ({
		page,
	}) => {
		test.setTimeout(180_000);
		await page.goto('/compare/');
		await pick(page, strings['compare.pickFiles'], bigZip);
		const bar = page.getByRole('progressbar', { name: strings['compare.progressLabel'] });
		await expect(bar).toBeVisible();
		await expect(page.getByText(/^已读 \d+ 个文件 · 有效 \d+ · 有问题 \d+$/)).toBeVisible();
		const status = page.getByRole('status').filter({ hasText: '已载入' });
		await expect(status).toContainText(/已载入 \d+ 份评估/, { timeout: 150_000 });
		await expect(bar).toBeHidden();
		const n = Number(/已载入 (\d+) 份/.exec((await status.textContent()) ?? '')?.[1]);
		// Generated branches can share a name and date: such copies are offered, not counted twice.
		expect(n).toBeGreaterThan(1900);
		await expect(page.getByText(`显示 ${n} / ${n} 份`)).toBeVisible();
		// A page of 100 rows, and the next page.
		await expect(bodyRows(overview(page))).toHaveCount(100);
		const pager = page.getByRole('navigation', { name: strings['compare.pageNav'] });
		await expect(pager).toContainText(`第 1 / ${Math.ceil(n / 100)} 页（第 1–100 份）`);
		const firstPage = await rowTexts(overview(page));
		await pager.getByRole('button', { name: strings['compare.pageNext'] }).click();
		await expect(pager).toContainText(`第 2 / ${Math.ceil(n / 100)} 页（第 101–200 份）`);
		const second = await rowTexts(overview(page));
		// Sorted by total, highest first, across pages.
		expect(Number(second[0]![2])).toBeLessThanOrEqual(Number(firstPage[99]![2]));
		await expect(page.getByText(/未载入的文件/)).toBeHidden();
		// The 自评 / 验收 table pages the same way (all 2,000 rows at once held the page for seconds).
		const reviewTable = page.getByRole('table', { name: strings['reviewOverview.caption'] });
		await expect(bodyRows(reviewTable)).toHaveCount(100);
		const reviewPager = page.getByRole('navigation', { name: strings['reviewOverview.pageNav'] });
		await expect(reviewPager).toContainText(`第 1 / ${Math.ceil(n / 100)} 页（第 1–100 份）`);
		await reviewPager.getByRole('button', { name: strings['compare.pageNext'] }).click();
		await expect(reviewPager).toContainText(`第 2 / ${Math.ceil(n / 100)} 页（第 101–200 份）`);
		await expect(bodyRows(reviewTable)).toHaveCount(100);
		await expect(
			reviewPager.getByRole('button', { name: strings['compare.pagePrev'] }),
		).toBeEnabled();
	});

	test('cancel stops the load, keeps nothing of it, and the page stays usable', async ({
		page,
	}) => {
		test.setTimeout(120_000);
		await page.goto('/compare/');
		await pick(page, strings['compare.pickFiles'], bigZip);
		const cancel = page.getByRole('button', { name: strings['compare.cancel'] });
		await expect(cancel).toBeVisible();
		await cancel.click();
		await expect(page.getByText(strings['compare.cancelled'])).toBeVisible();
		await expect(page.getByRole('progressbar')).toBeHidden();
		await expect(page.getByText(strings['compare.none'])).toBeVisible();
		// Still usable: other files load as before.
		await pick(page, strings['compare.pickFiles'], seriesPaths);
		await expect(page.getByRole('status').filter({ hasText: '已载入' })).toContainText(
			'已载入 3 份评估',
		);
		await expect(bodyRows(overview(page))).toHaveCount(3);
	});
});

test('a hostile zip is refused with a clear message and nothing of it is loaded', async ({
	page,
}) => {
	const dir = tempDir('zzzj-hostile-zip-');
	const good = series.map((f) => ({ name: f.name, text: f.text }));
	// A "zip bomb": 60 MB of zeros compressed to a few tens of KB, next to good files.
	const bomb = zipOf(join(dir, '压缩炸弹.zip'), [
		...good,
		{ name: 'bomb.json', text: new Uint8Array(60 * 1024 * 1024) },
	]);
	// An archive inside the archive.
	const inner = zipSync({ 'a.json': strToU8(good[0]!.text) });
	const nested = zipOf(join(dir, '套娃.zip'), [...good, { name: '里面.zip', text: inner }]);
	await page.goto('/compare/');
	for (const [path, reason] of [
		[bomb, '压缩比异常'],
		[nested, '压缩包里还有压缩包（里面.zip）'],
	] as const) {
		await pick(page, strings['compare.pickFiles'], path);
		const name = path.split('/').pop()!;
		await expect(page.getByText(`压缩包“${name}”未载入，其中的文件一个也没有载入：`)).toContainText(
			reason,
		);
	}
	await expect(page.getByText(strings['compare.none'])).toBeVisible();
	await expect(page.getByRole('table', { name: strings['compare.overviewTitle'] })).toBeHidden();
});

test('unanswered reads 未评, not 0: completeness, the band marked unfinished, and a filter for unfinished files', async ({
	page,
}) => {
	const dir = tempDir('zzzj-unrated-');
	const bIds = catalogue.criteria.filter((c) => c.category === 'B').map((c) => c.id);
	const [zero, unrated] = writeFiles(dir, [
		makeResult('零分.json', {
			profile: { unitName: '答了零分的单位', unionName: '答了零分的单位工会' },
			level: 2,
			levels: Object.fromEntries(bIds.map((id) => [id, 0])),
		}),
		makeResult('未评.json', {
			profile: { unitName: '还没评完的单位', unionName: '还没评完的单位工会' },
			level: 2,
			skip: bIds,
		}),
	]);
	await page.goto('/compare/');
	await pick(page, strings['compare.pickFiles'], [zero!, unrated!]);
	await expect(bodyRows(overview(page))).toHaveCount(2);
	await page.getByText(strings['compare.columnsTitle']).click();
	const bTitle = `B ${catalogue.categories.find((k) => k.id === 'B')!.title}`;
	await page.getByRole('checkbox', { name: bTitle }).check();
	const table = overview(page);
	const header = await table.getByRole('columnheader').allTextContents();
	const col = (name: string) => header.findIndex((h) => h === name);
	const row = async (branch: string) => (await rowTexts(table)).find((r) => r[0] === branch)!;
	const zeroRow = await row('答了零分的单位工会');
	const unratedRow = await row('还没评完的单位工会');
	expect(zeroRow[col(bTitle)]).toBe('0');
	expect(unratedRow[col(bTitle)]).toBe('未评');
	expect(zeroRow[col('完成度')]).toBe('100%');
	expect(unratedRow[col('完成度')]).not.toBe('100%');
	expect(unratedRow[col('等次')]).toMatch(/（未评完）$/);
	expect(zeroRow[col('等次')]).not.toMatch(/未评完/);
	// The unfinished file is what the filter for unfinished files shows.
	await page
		.getByRole('combobox', { name: strings['compare.filterCompletion'], exact: true })
		.selectOption({ label: strings['compare.filterIncompleteOnly'] });
	await expect(bodyRows(table)).toHaveCount(1);
	await expect(bodyRows(table).first().getByRole('rowheader')).toHaveText('还没评完的单位工会');
	// In the statistics, B counts only the branch that answered it.
	await page
		.getByRole('combobox', { name: strings['compare.filterCompletion'], exact: true })
		.selectOption({ label: strings['compare.filterAll'] });
	const statsB = page
		.getByRole('table', { name: strings['compare.statsTitle'] })
		.getByRole('row', { name: /^B / });
	await expect(statsB.getByRole('cell').first()).toHaveText('1');
});

test('a click on a branch opens its summary: total, band and why, its three largest 失分项 with guide links', async ({
	page,
}) => {
	const dir = tempDir('zzzj-drill-');
	const veto = catalogue.vetoes[0]!;
	const required = catalogue.criteria.find((c) => c.required)!;
	const file = makeResult('高分有否决.json', {
		profile: { unitName: '高分单位', unionName: '高分单位工会' },
		level: 3,
		levels: { [required.id]: 1, A2: 0, B1: 1 },
	});
	// This veto 是, every other answered 否 (an unanswered one would be named too).
	file.data.assessment.vetoes = Object.fromEntries(
		catalogue.vetoes.filter((v) => !v.derivedFrom).map((v) => [v.id, v.id === veto.id]),
	);
	const [path] = writeFiles(dir, [{ name: file.name, text: JSON.stringify(file.data) }]);
	const score = scoreAssessment(catalogue, file.data.assessment);
	await page.goto('/compare/');
	await pick(page, strings['compare.pickFiles'], path!);
	const table = overview(page);
	await expect(bodyRows(table)).toHaveCount(1);
	// The veto and the 必备 item are columns of their own.
	const cells = (await rowTexts(table))[0]!;
	expect(cells).toContain(`${veto.id} ${veto.title}`);
	expect(cells.some((c) => c.startsWith(`${required.id} ${required.title}`))).toBe(true);

	await table.getByRole('button', { name: '高分单位工会' }).click();
	const dialog = page.getByRole('dialog', { name: '高分单位工会' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(`总分 ${f1(score.total)}`);
	await expect(dialog).toContainText(`等次：${bandName(score.band.id)}`);
	await expect(dialog).toContainText(`否决项：${veto.id} ${veto.title}`);
	await expect(dialog).toContainText(`必备项未达：${required.id} ${required.title}`);
	// The three largest losses, largest first, each with a guide link.
	const losses = score.criteria
		.filter((c) => !c.bonus && c.status === 'answered' && c.lost > 0.05)
		.sort((a, b) => b.lost - a.lost || a.id.localeCompare(b.id, 'en', { numeric: true }))
		.slice(0, 3);
	const items = dialog.getByRole('list').last().getByRole('listitem');
	await expect(items).toHaveCount(3);
	for (const [i, l] of losses.entries()) {
		const c = catalogue.criteria.find((x) => x.id === l.id)!;
		await expect(items.nth(i)).toContainText(`${c.id} ${c.title}：`);
		await expect(items.nth(i)).toContainText(`失 ${f1(l.lost)} 分`);
		const [guidePage, anchor] = c.guide.split('#');
		await expect(items.nth(i).getByRole('link')).toHaveAttribute(
			'href',
			`/guide/${guidePage}/${anchor ? `#${anchor}` : ''}`,
		);
	}
	await dialog.getByRole('button', { name: strings['compare.summaryClose'] }).click();
	await expect(dialog).toBeHidden();
	// The guide link opens the guidance.
	await table.getByRole('button', { name: '高分单位工会' }).click();
	await items.first().getByRole('link').click();
	await expect(page).toHaveURL(/\/guide\//);
});

test('two files for one unit and date are both offered, and the reader chooses which counts', async ({
	page,
}) => {
	const dir = tempDir('zzzj-copies-');
	const profile = { unitName: '同日单位', unionName: '同日单位工会', assessedOn: '2025-04-01' };
	const paths = writeFiles(dir, [
		makeResult('同日-初稿.json', { profile, level: 1 }),
		makeResult('同日-定稿.json', { profile, level: 3 }),
	]);
	const totals = paths.map((p) => (JSON.parse(readFileSync(p, 'utf8')) as ResultFile).scores.total);
	await page.goto('/compare/');
	await pick(page, strings['compare.pickFiles'], paths);
	const group = page.getByRole('region', { name: '同一单位同一日期有多份文件（1 组）' });
	await expect(group).toBeVisible();
	const table = overview(page);
	await expect(bodyRows(table)).toHaveCount(1);
	const first = (await rowTexts(table))[0]![2];
	const otherName = await group
		.getByRole('radio', { checked: false })
		.evaluate((r: HTMLInputElement) => r.value);
	await group.getByRole('radio', { name: new RegExp(`^${otherName}（`) }).check();
	await expect(group.getByRole('radio', { name: new RegExp(`^${otherName}（`) })).toBeChecked();
	await expect(bodyRows(table)).toHaveCount(1);
	const want = otherName.endsWith('定稿.json') ? totals[1]! : totals[0]!;
	await expect(bodyRows(table).first().getByRole('cell').nth(1)).toHaveText(f1(want));
	expect(first).not.toBe(f1(want));
});

test('this browser’s saved assessments are listed without loading a file, and can be left out', async ({
	page,
}) => {
	const profile = { unitName: '本机单位', unionName: '本机单位工会' };
	await seed(page, [
		makeAssessment('c-2026', '2026 年度自评', uniformPlan(2), {
			...profile,
			assessedOn: '2026-03-01',
		}),
		makeAssessment('c-2025', '2025 年度自评', uniformPlan(1), {
			...profile,
			assessedOn: '2025-03-01',
		}),
	]);
	await page.goto('/compare/');
	const table = overview(page);
	await expect(bodyRows(table)).toHaveCount(2);
	const dates = (await rowTexts(table)).map((r) => r[1]);
	expect(dates.sort()).toEqual(['2025-03-01', '2026-03-01']);
	// Two dates of one branch: the over-time comparison offers it.
	await expect(page.getByRole('table', { name: strings['compare.timeTable'] })).toBeVisible();

	await page.getByLabel(strings['compare.includeStored']).uncheck();
	await expect(page.getByText(strings['compare.none'])).toBeVisible();
	await expect(table).toBeHidden();
});
