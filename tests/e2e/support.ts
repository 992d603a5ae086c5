/**
 * The one support module of the end-to-end tests (not a test file: Playwright runs only
 * `*.spec.ts`): the catalogue and guide order read from the content files, the pages built,
 * an independent scorer for simple cases, assessments and result files made for seeding
 * and importing, storage seeding and snapshots, page-problem watchers, keyboard helpers,
 * downloads, temp folders and a small CSV parser. One signature per name.
 */
import { test as base, expect, type Download, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CatalogueSchema, type Catalogue } from '../../src/lib/catalogue-schema';
import {
	emptyAnswer,
	newAssessment,
	type Answer,
	type Assessment,
	type Level,
	type Profile,
} from '../../src/lib/assessment';
import { buildResultFile, type ResultFile } from '../../src/lib/result-file';
import { scoreAssessment } from '../../src/lib/scoring';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

// ---- content ---------------------------------------------------------------------------

/** A criterion of the shipped catalogue. */
export type Criterion = Catalogue['criteria'][number];

/** The catalogue as the site ships it, validated by its schema. */
export const catalogue: Catalogue = CatalogueSchema.parse(
	parse(readFileSync(join(ROOT, 'content/criteria/catalogue.yaml'), 'utf8')),
);

export const criterionById = (id: string): Criterion => {
	const c = catalogue.criteria.find((x) => x.id === id);
	if (!c) throw new Error(`no criterion ${id}`);
	return c;
};
export const naAllowed = (c: Criterion) => c.allowNotApplicable !== false;
export const isBonus = (c: Criterion) =>
	catalogue.categories.find((k) => k.id === c.category)?.bonus === true;

export interface Guide {
	id: string;
	title: string;
	order: number;
}

/** Guidance pages in reading order, from the MDX front matter. */
export const guides: Guide[] = readdirSync(join(ROOT, 'content/guidance'))
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => {
		const text = readFileSync(join(ROOT, 'content/guidance', f), 'utf8');
		const fm = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as {
			title: string;
			order: number;
		};
		return { id: f.replace(/\.mdx$/, ''), title: fm.title, order: fm.order };
	})
	.sort((a, b) => a.order - b.order);

/** URL paths of every built page: each index.html under dist/, plus 404.html. */
export function builtPages(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) {
				if (name !== 'pagefind' && name !== '_astro') walk(full);
			} else if (name === 'index.html') {
				const rel = full.slice(DIST.length).replace(/index\.html$/, '');
				out.push(rel.split('\\').join('/') || '/');
			}
		}
	};
	walk(DIST);
	out.push('/404.html');
	return out.sort();
}

// ---- answers and independent scoring -----------------------------------------------------

export interface PlannedAnswer {
	level?: 0 | 1 | 2 | 3;
	rate?: number;
	na?: boolean;
	naReason?: string;
	evidence?: number[];
	note?: string;
}
export type Plan = Record<string, PlannedAnswer>;

/**
 * Reads built pages the way the browser parses them, without rendering them: `page` fetches
 * each path (same origin) and hands its parsed document to `read`, which runs in the page.
 * For checks of a page's structure across many pages, where loading each would only add time.
 */
export async function readPages<T>(
	page: Page,
	paths: readonly string[],
	read: (doc: Document, path: string) => T,
): Promise<T[]> {
	if (page.url() === 'about:blank') await page.goto('/404.html');
	// An expression, not a function with `new Function` inside: the site's CSP forbids eval,
	// and an expression sent by the test runner is not the page's own script.
	return (await page.evaluate(`(async () => {
		const read = ${read.toString()};
		const paths = ${JSON.stringify(paths)};
		return Promise.all(paths.map(async (p) => {
			const html = await (await fetch(p)).text();
			return read(new DOMParser().parseFromString(html, 'text/html'), p);
		}));
	})()`)) as T[];
}

/** The level a rate gets from the catalogue's thresholds (highest step first). */
export function levelForRate(c: Criterion, rate: number): number {
	for (const step of c.rate?.thresholds ?? []) if (rate >= step.min) return step.level;
	return 0;
}

/** A rate in the middle of the band for `level` (for rate criteria). */
export function rateFor(c: Criterion, level: number): number {
	const steps = [...(c.rate?.thresholds ?? [])].sort((a, b) => a.min - b.min);
	const i = steps.findIndex((s) => s.level === level);
	if (i < 0) throw new Error(`${c.id} has no rate step for level ${level}`);
	const lo = steps[i]!.min;
	const hi = steps[i + 1]?.min ?? 100;
	return Math.round(((lo + hi) / 2) * 10) / 10;
}

/** Every criterion answered at the same level (rates chosen to give that level where possible). */
export function uniformPlan(level: 0 | 1 | 2 | 3, patch: Plan = {}): Plan {
	const plan: Plan = {};
	for (const c of catalogue.criteria) {
		if (c.rate) {
			// The level itself where the rate has a step for it, else the nearest step below,
			// else the lowest step (I2 has no rate for 未开展: that takes 本年度未开展会员评家).
			const levels = c.rate.thresholds.map((s) => s.level);
			const below = levels.filter((l) => l <= level);
			plan[c.id] = { rate: rateFor(c, below.length ? Math.max(...below) : Math.min(...levels)) };
		} else plan[c.id] = { level };
	}
	return { ...plan, ...patch };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
/** Totals are shown rounded down to one decimal (a total below a line never reads as on it). */
export const floor1 = (n: number) => Math.floor(n * 10 + 1e-6) / 10;

export interface Expected {
	total: number;
	base: number;
	bonus: number;
	categories: {
		id: string;
		title: string;
		points: number;
		earned: number;
		percent: number;
		answered: number;
		applicable: number;
	}[];
	lost: { id: string; lost: number; level: number; next: number; required: boolean }[];
	missingRequired: string[];
	answered: number;
}

/**
 * Scores a plan with no 不适用 answers by the published rules: a criterion earns
 * points × [0, 0.4, 0.7, 1][level]; base = sum of base criteria; bonus capped at bonusMax.
 */
export function expectedScore(plan: Plan): Expected {
	const fr = [0, 0.4, 0.7, 1];
	const rows = catalogue.criteria.map((c) => {
		const a = plan[c.id];
		if (a?.na) throw new Error('expectedScore handles plans without 不适用 only');
		const level =
			a === undefined
				? null
				: c.rate
					? a.rate === undefined
						? null
						: levelForRate(c, a.rate)
					: (a.level ?? null);
		return { c, level, earned: level === null ? 0 : c.points * fr[level]! };
	});
	const categories = catalogue.categories.map((k) => {
		const mine = rows.filter((r) => r.c.category === k.id);
		const points = mine.reduce((s, r) => s + r.c.points, 0);
		const earned = mine.reduce((s, r) => s + r.earned, 0);
		return {
			id: k.id,
			title: k.title,
			points,
			earned,
			percent: (earned / points) * 100,
			answered: mine.filter((r) => r.level !== null).length,
			applicable: mine.length,
		};
	});
	const base = categories
		.filter((k) => !catalogue.categories.find((x) => x.id === k.id)?.bonus)
		.reduce((s, k) => s + k.earned, 0);
	const bonus = Math.min(
		catalogue.bonusMax,
		categories
			.filter((k) => catalogue.categories.find((x) => x.id === k.id)?.bonus)
			.reduce((s, k) => s + k.earned, 0),
	);
	const lost = rows
		.filter((r) => r.level !== null && r.level < 3)
		.map((r) => ({
			id: r.c.id,
			lost: r.c.points * (1 - fr[r.level!]!),
			level: r.level!,
			next: r.c.required && r.level! < 2 ? 2 : r.level! + 1,
			required: r.c.required === true,
		}))
		.sort(
			(a, b) =>
				b.lost - a.lost || Number(b.required) - Number(a.required) || a.id.localeCompare(b.id),
		);
	return {
		base: floor1(base),
		bonus: floor1(bonus),
		total: floor1(base + bonus),
		categories,
		lost,
		missingRequired: rows
			.filter((r) => r.c.required && (r.level === null || r.level < 2))
			.map((r) => r.c.id),
		answered: rows.filter((r) => r.level !== null).length,
	};
}

/** The band name for a total with the default marks, before caps. */
export function bandName(total: number): string {
	const sorted = [...catalogue.bands].sort((a, b) => b.min - a.min);
	return sorted.find((b) => total >= b.min)!.name;
}

// ---- storage -----------------------------------------------------------------------------

export interface SeedProfile {
	unitName?: string;
	unionName?: string;
	unitType?: string;
	scope?: string;
	parentUnion?: string;
	memberCount?: number | null;
	assessedOn?: string;
	assessor?: string;
}

/**
 * An assessment in the saved format of schema version 2 (storage migrates it to version 3
 * on load, which these seeds exercise), built by hand. Every asked 否决 question is answered
 * 否 unless `extra.vetoes` says otherwise (an unanswered one blocks 模范).
 */
export function makeAssessment(
	id: string,
	name: string,
	plan: Plan,
	profile: SeedProfile = {},
	extra: { vetoes?: Record<string, boolean | null> } = {},
) {
	const stamp = '2026-03-01T08:00:00.000Z';
	const answers: Record<string, unknown> = {};
	for (const [cid, a] of Object.entries(plan))
		answers[cid] = {
			level: a.level ?? null,
			na: a.na ?? false,
			naReason: a.naReason ?? '',
			rate: a.rate ?? null,
			evidence: a.evidence ?? [],
			note: a.note ?? '',
		};
	return {
		id,
		name,
		createdAt: stamp,
		updatedAt: stamp,
		catalogueVersion: catalogue.version,
		profile: {
			unitName: '',
			unionName: '',
			unitType: 'enterprise',
			scope: 'union',
			parentUnion: '',
			memberCount: null,
			assessedOn: '2026-03-01',
			assessor: '',
			...profile,
		},
		answers,
		vetoes:
			extra.vetoes ??
			Object.fromEntries(catalogue.vetoes.filter((v) => !v.derivedFrom).map((v) => [v.id, false])),
		eligibility: {},
		survey: {
			members: null,
			participants: null,
			frontline: null,
			satisfied: null,
			basic: null,
			unsatisfied: null,
			countBasic: true,
		},
		settings: { passMark: 75, modelMark: 90 },
	};
}
export type SeedAssessment = ReturnType<typeof makeAssessment>;

/** Writes assessments into this origin's storage (opening a light page first), then opens `path`. */
export async function seed(
	page: Page,
	assessments: SeedAssessment[],
	path?: string,
): Promise<void> {
	if (!page.url().startsWith('http')) await page.goto('/about/');
	await page.evaluate((list) => {
		for (const k of Object.keys(localStorage))
			if (k.startsWith('zzzj.')) localStorage.removeItem(k);
		for (const a of list) localStorage.setItem(`zzzj.v2.a.${a.id}`, JSON.stringify(a));
		localStorage.setItem(
			'zzzj.v2.index',
			JSON.stringify({ ids: list.map((a) => a.id), currentId: list[0]?.id ?? null }),
		);
	}, assessments);
	if (path) await page.goto(path);
}

/** Every `zzzj.` key with its raw value. */
export function storageSnapshot(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => {
		const out: Record<string, string> = {};
		for (const k of Object.keys(localStorage).sort())
			if (k.startsWith('zzzj.')) out[k] = localStorage.getItem(k) ?? '';
		return out;
	});
}

/** The saved assessments, parsed. */
export async function savedAssessments(
	page: Page,
): Promise<{ index: { ids: string[]; currentId: string | null }; list: SeedAssessment[] }> {
	const snap = await storageSnapshot(page);
	const index = JSON.parse(snap['zzzj.v2.index'] ?? '{"ids":[],"currentId":null}') as {
		ids: string[];
		currentId: string | null;
	};
	const list = index.ids
		.map((id) => JSON.parse(snap[`zzzj.v2.a.${id}`] ?? 'null') as SeedAssessment)
		.filter(Boolean);
	return { index, list };
}

// ---- page problems -----------------------------------------------------------------------

export interface Watch {
	/** Console errors, page errors, failed requests and HTTP errors seen so far. */
	problems: string[];
	/** Every http(s)/ws(s) URL requested. */
	urls: string[];
}

/** Records console errors, uncaught errors, failed requests and every requested URL. */
export function watch(
	page: Page,
	opts: {
		allowStatus?: (url: string, status: number) => boolean;
		allowConsole?: (text: string, url: string) => boolean;
	} = {},
): Watch {
	const w: Watch = { problems: [], urls: [] };
	page.on('console', (m) => {
		if (m.type() === 'error' && !opts.allowConsole?.(m.text(), page.url()))
			w.problems.push(`console error on ${page.url()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => w.problems.push(`page error on ${page.url()}: ${e.message}`));
	page.on('requestfailed', (r) => {
		// The browser fetches the tab icon on its own after load; moving on to the next page
		// cancels that fetch, which is not a fault of the page.
		const error = r.failure()?.errorText ?? '?';
		if (error === 'net::ERR_ABORTED' && /\/favicon\.(svg|ico)$/.test(r.url())) return;
		w.problems.push(`request failed: ${r.url()} (${error})`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400 && !opts.allowStatus?.(r.url(), r.status()))
			w.problems.push(`HTTP ${r.status()}: ${r.url()}`);
	});
	page.on('request', (r) => {
		if (/^(https?|wss?):/.test(r.url())) w.urls.push(r.url());
	});
	return w;
}

// ---- keyboard ----------------------------------------------------------------------------

/** Whether `locator` holds the focus. */
export const isFocused = (locator: Locator) =>
	locator.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or `key`) until `target` (a locator, or a CSS selector the focused element
 * must match) has the focus; returns the presses, fails after `max`.
 */
export async function tabTo(
	page: Page,
	target: Locator | string,
	max = 300,
	key = 'Tab',
): Promise<number> {
	const reached = () =>
		typeof target === 'string'
			? page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, target)
			: isFocused(target);
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press(key);
		if (await reached()) return i;
	}
	const active = await page.evaluate(() => {
		const a = document.activeElement;
		return a
			? `${a.tagName} ${a.getAttribute('name') ?? ''} ${a.id} ${(a.textContent ?? '').slice(0, 30)}`
			: 'none';
	});
	throw new Error(`${target} not reached after ${max} × ${key}; focus is on ${active}`);
}

// ---- downloads and files -----------------------------------------------------------------

/** Runs `trigger` and reads the download it starts. */
export async function downloadFile(
	page: Page,
	trigger: () => Promise<unknown>,
): Promise<{ download: Download; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
	const path = await download.path();
	return { download, bytes: readFileSync(path) };
}

export { parseCsv } from '../support/parse-csv';

/** How many figures a chart shows (its bars and points, each at least a pixel), 0 before it is drawn. */
export const chartMarks = (svg: Locator) =>
	svg.evaluate((s: SVGSVGElement) => {
		const marks = [...s.querySelectorAll('rect, circle')] as SVGGraphicsElement[];
		return marks.filter((m) => {
			const box = m.getBBox();
			return m.tagName === 'circle' || box.width >= 1 || box.height >= 1;
		}).length;
	});

/**
 * Waits until the checklist script has restored the form and every control listens
 * (`<zz-checklist data-ready>`): it opens in steps after the page's load event, so answering
 * or importing before that would be lost (the script then restores saved values).
 */
export async function checklistReady(page: Page): Promise<void> {
	await expect(page.locator('zz-checklist')).toHaveAttribute('data-ready', '', { timeout: 30_000 });
	await expect(page.getByLabel('当前评估').locator('option')).not.toHaveCount(0);
}

/**
 * Makes `goto`, `reload`, `goBack` and `goForward` on `page` return only once a checklist on
 * the page they reach is ready (pages without one return as before), as a person sees the
 * form filled in before answering. Every spec's `page` has it (`test` below); a page opened
 * by hand gets it by passing through here.
 */
export function awaitChecklist(page: Page): Page {
	const settled = async (): Promise<void> => {
		await expect(page.locator('zz-checklist:not([data-ready])')).toHaveCount(0, {
			timeout: 30_000,
		});
	};
	/** `navigate`, then the wait above, with the same arguments and answer. */
	const thenSettle =
		<A extends unknown[], R>(navigate: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			const response = await navigate.apply(page, args);
			await settled();
			return response;
		};
	page.goto = thenSettle(page.goto);
	page.reload = thenSettle(page.reload);
	page.goBack = thenSettle(page.goBack);
	page.goForward = thenSettle(page.goForward);
	return page;
}

/** Playwright's `test`, with a `page` whose navigations wait for the checklist (awaitChecklist). */
export const test = base.extend({
	page: async ({ page }, use) => {
		await use(awaitChecklist(page));
	},
});

/** Opens the collapsed 我的评估 panel on the checklist (a click on its summary), if closed. */
export async function openManager(page: Page): Promise<void> {
	const details = page.locator('details[data-manager]');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
		await details.locator('summary').click();
	await expect(page.getByLabel('评估名称')).toBeVisible();
}

/**
 * Opens, as a keyboard user would (focus the summary, press Enter), one of the checklist's
 * folded sections after the categories, if closed; its controls are built as it opens.
 */
export async function openSection(
	page: Page,
	id: 'vetoes' | 'survey' | 'eligibility' | 'settings',
): Promise<void> {
	const details = page.locator(`details#${id}`);
	if (await details.evaluate((d) => (d as HTMLDetailsElement).open)) return;
	await details.locator('> summary').focus();
	await page.keyboard.press('Enter');
	await expect(details).toHaveAttribute('open', '');
}

/** Opens the checklist and waits until it is ready. */
export async function openChecklist(page: Page): Promise<void> {
	await page.goto('/assess/');
	await checklistReady(page);
}

/**
 * Has the checklist build every control, as it does for printing: the controls of a closed
 * category or 添加佐证 / 添加说明 are otherwise built only when it is opened.
 */
export async function buildAllControls(page: Page): Promise<void> {
	await page.evaluate(() => {
		window.dispatchEvent(new Event('beforeprint'));
		window.dispatchEvent(new Event('afterprint'));
	});
	await expect(page.locator('zz-control')).toHaveCount(0);
}

/** What the form shows for every criterion, read in one go. */
export async function formState(page: Page) {
	await buildAllControls(page);
	return page.evaluate(
		(ids) => {
			const out: Record<
				string,
				{
					level: string | null;
					rate: string | null;
					na: boolean;
					naReason: string | null;
					evidence: number[];
					note: string;
				}
			> = {};
			for (const id of ids) {
				const b = document.getElementById(`criterion-${id}`)!;
				const q = <T extends Element>(sel: string) => b.querySelector<T>(sel);
				const checked = q<HTMLInputElement>(`input[name="level-${id}"]:checked`);
				const rate = q<HTMLInputElement>(`input[name="rate-${id}"]`);
				out[id] = {
					level: checked && checked.value !== 'na' ? checked.value : null,
					rate: rate ? rate.value : null,
					na: Boolean(
						checked?.value === 'na' || q<HTMLInputElement>(`input[name="na-${id}"]`)?.checked,
					),
					naReason: q<HTMLInputElement>(`input[name="naReason-${id}"]`)?.value ?? null,
					evidence: Array.from(b.querySelectorAll<HTMLInputElement>(`input[name="evidence-${id}"]`))
						.map((x, i) => (x.checked ? i : -1))
						.filter((i) => i >= 0),
					note: q<HTMLTextAreaElement>(`textarea[name="note-${id}"]`)!.value,
				};
			}
			return out;
		},
		catalogue.criteria.map((c) => c.id),
	);
}

/** What formState should read for a plan. */
function expectedState(plan: Plan) {
	return Object.fromEntries(
		catalogue.criteria.map((c) => {
			const a = plan[c.id] ?? {};
			return [
				c.id,
				{
					level: !c.rate && !a.na && a.level !== undefined ? String(a.level) : null,
					rate: c.rate ? (a.rate === undefined ? '' : String(a.rate)) : null,
					na: a.na ?? false,
					naReason: naAllowed(c) ? (a.naReason ?? '') : null,
					evidence: a.evidence ?? [],
					note: a.note ?? '',
				},
			];
		}),
	);
}

/** Checks that the form shows a plan's answers. */
export async function expectAnswers(page: Page, plan: Plan): Promise<void> {
	expect(await formState(page)).toEqual(expectedState(plan));
}

/**
 * Answers a plan through the page: focus a control and press Space, or fill a field.
 * (Clicking works too but is slow here: the sticky status bar keeps covering the target.)
 */
export async function answerPlan(page: Page, plan: Plan): Promise<void> {
	const tick = async (input: Locator) => {
		await openAround(page, input);
		await input.focus();
		if (!(await input.isChecked())) await page.keyboard.press('Space');
	};
	for (const [id, a] of Object.entries(plan)) {
		const b = page.locator(`#criterion-${id}`);
		const c = criterionById(id);
		if (a.na) {
			await tick(b.locator('[data-na]'));
			if (a.naReason) await b.getByLabel('不适用的原因').fill(a.naReason);
		} else if (c.rate && a.rate !== undefined) {
			const rate = b.locator('[type="number"]');
			await openAround(page, rate);
			await rate.fill(String(a.rate));
		} else if (a.level !== undefined)
			await tick(b.locator(`[name="level-${id}"][value="${a.level}"]`));
		for (const j of a.evidence ?? []) await tick(b.locator(`[name="evidence-${id}"]`).nth(j));
		if (a.note) {
			const note = b.locator('[name^="note-"]');
			await openAround(page, note);
			await note.fill(a.note);
		}
	}
}

/**
 * Opens, as a keyboard user would (focus the summary, press Enter), every closed `<details>`
 * around `target`: its category section and 添加佐证 / 添加说明.
 */
export async function openAround(page: Page, target: Locator): Promise<void> {
	for (const summary of await closedAround(page, target)) {
		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(summary.locator('..')).toHaveAttribute('open', '');
	}
}

/** The summaries of the closed `<details>` around `target`, outermost first. */
export async function closedAround(page: Page, target: Locator): Promise<Locator[]> {
	const ids = await target.evaluate((el) => {
		const found: string[] = [];
		for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
			if (!d.open) {
				d.dataset['e2eOpen'] ??= String(Math.random()).slice(2);
				found.unshift(d.dataset['e2eOpen']);
			}
		return found;
	});
	return ids.map((id) => page.locator(`details[data-e2e-open="${id}"] > summary`));
}

// ---- temp folders, built files and result files ---------------------------------------

const made: string[] = [];

/** A fresh temp folder, removed by `removeTempDirs`. */
export function tempDir(prefix = 'zzzj-e2e-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/** Removes the temp folders this worker made (call from test.afterAll). */
export function removeTempDirs(): void {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (name → text) into `dir` and returns their paths in the given order. */
export function writeFiles(
	dir: string,
	files: readonly { name: string; text: string }[],
): string[] {
	return files.map((f) => {
		const path = join(dir, f.name);
		writeFileSync(path, f.text);
		return path;
	});
}

/**
 * The pages the site builds, worked out from src/pages and the guidance files, so tests
 * can be listed before the build runs (Playwright collects tests before it starts the
 * web server, and a fresh clone has no dist/). A test checks it against `builtPages()`.
 */
export function sitePages(): string[] {
	const pages = join(ROOT, 'src/pages');
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				walk(path);
				continue;
			}
			if (!name.endsWith('.astro')) continue;
			const rel = relative(pages, path).replace(/\.astro$/, '');
			if (rel === '404') out.push('/404.html');
			else if (rel === 'guide/[id]')
				for (const g of readdirSync(join(ROOT, 'content/guidance')))
					out.push(`/guide/${g.replace(/\.mdx?$/, '')}/`);
			else if (rel === 'templates/[id]') {
				for (const f of readdirSync(join(ROOT, 'content/templates')))
					if (f.endsWith('.yaml')) out.push(`/templates/${f.replace(/\.yaml$/, '')}/`);
			} else if (rel === 'method/[category]')
				for (const k of catalogue.categories) out.push(`/method/${k.id.toLowerCase()}/`);
			else out.push(`/${rel.replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/'));
		}
	};
	walk(pages);
	return out.sort();
}

/** Every built HTML file with its text. */
export function builtHtml(): { path: string; html: string }[] {
	const dist = DIST;
	const out: { path: string; html: string }[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.html'))
				out.push({ path: relative(dist, path), html: readFileSync(path, 'utf8') });
		}
	};
	walk(dist);
	return out;
}

/** Options for `makeResult`. */
export interface MakeResultOptions {
	profile?: Partial<Profile>;
	/** Level for every criterion not listed in `levels` (rate criteria get the lowest rate of that level). */
	level?: Level;
	/** Per-criterion level, or 'na'. */
	levels?: Record<string, Level | 'na'>;
	notes?: Record<string, string>;
	naReasons?: Record<string, string>;
	/** Criteria to leave unanswered. */
	skip?: string[];
	cat?: Catalogue;
	name?: string;
}

/** An assessment built with newAssessment, answered as described (for result files). */
export function makeAnsweredAssessment(opts: MakeResultOptions = {}): Assessment {
	const cat = opts.cat ?? catalogue;
	const assessedOn = opts.profile?.assessedOn ?? '2025-06-01';
	const a = newAssessment({
		id: `e2e-${Math.random().toString(36).slice(2, 10)}`,
		name: opts.name ?? `${assessedOn.slice(0, 4)} 年度自评`,
		now: new Date(`${assessedOn || '2025-06-01'}T08:00:00Z`),
		catalogueVersion: cat.version,
		passMark: 75,
		modelMark: 90,
	});
	a.profile = {
		...a.profile,
		unitName: '测试单位',
		unionName: '测试单位工会',
		assessedOn,
		...opts.profile,
	};
	for (const c of cat.criteria) {
		if (opts.skip?.includes(c.id)) continue;
		const answer: Answer = emptyAnswer();
		const level = opts.levels?.[c.id] ?? opts.level ?? 2;
		if (level === 'na') {
			answer.na = true;
			answer.naReason = opts.naReasons?.[c.id] ?? '';
		} else if (c.rate) answer.rate = c.rate.thresholds.find((t) => t.level === level)?.min ?? 0;
		else answer.level = level;
		answer.note = opts.notes?.[c.id] ?? '';
		a.answers[c.id] = answer;
	}
	return a;
}

/** A result file (name and JSON text) written as "下载 JSON" writes it. */
export function makeResult(
	name: string,
	opts: MakeResultOptions = {},
): { name: string; text: string; data: ResultFile } {
	const cat = opts.cat ?? catalogue;
	const a = makeAnsweredAssessment(opts);
	const data = buildResultFile(a, scoreAssessment(cat, a), new Date(a.updatedAt));
	return { name, text: JSON.stringify(data, null, 2), data };
}

/** PERCENTILE.INC on ascending values (written here, not imported, so the test stays independent). */
export function percentileInc(sorted: readonly number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Reads a Playwright download into text. */
export async function downloadText(download: Download): Promise<string> {
	const path = await download.path();
	return readFileSync(path, 'utf8');
}

/** Clicks a visible button-like label that opens a file chooser, and picks `files`. */
export async function pickFiles(
	page: Page,
	label: string,
	files: string | string[],
): Promise<void> {
	const chooser = page.waitForEvent('filechooser');
	await page.getByText(label, { exact: true }).click();
	await (await chooser).setFiles(files);
}

/** Imports a result file on the checklist through its file picker and waits for the confirmation. */
export async function importOnChecklist(page: Page, path: string): Promise<void> {
	if (!page.url().endsWith('/assess/')) await page.goto('/assess/');
	// The import panel sits in the folded 我的评估 panel.
	await openManager(page);
	await pickFiles(page, '选择文件', path);
	await expect(page.getByRole('alert').filter({ hasText: '已导入' })).toBeVisible();
}

export { expect };

// ---- Content Security Policy ---------------------------------------------------------

declare global {
	interface Window {
		__csp?: { directive: string; blocked: string; sample: string; source: string }[];
	}
}

/** Records every CSP violation from the first moment of each document. */
export async function watchCsp(page: Page): Promise<void> {
	await page.addInitScript(() => {
		window.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__csp!.push({
				directive: e.violatedDirective,
				blocked: e.blockedURI,
				sample: e.sample,
				source: `${e.sourceFile}:${e.lineNumber}`,
			});
		});
	});
}

/** The violations recorded in the current document (a missing listener counts as one). */
export async function cspViolations(page: Page): Promise<unknown[]> {
	return page.evaluate(() => window.__csp ?? [{ directive: 'listener missing' }]);
}
