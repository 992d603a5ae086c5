/**
 * Shared helpers for the end-to-end tests: the catalogue and guide order read from the
 * content files (never from src/), an independent scorer for simple cases, storage
 * seeding and snapshots, page-problem watchers, keyboard helpers and a small CSV parser.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

// ---- content ---------------------------------------------------------------------------

export interface RateStep {
	min: number;
	level: number;
}
export interface Criterion {
	id: string;
	category: string;
	title: string;
	points: number;
	required?: boolean;
	allowNotApplicable?: boolean;
	levels: [string, string, string, string];
	rate?: { label: string; thresholds: RateStep[] };
	evidence: string[];
	guide: string;
}
export interface Category {
	id: string;
	title: string;
	bonus?: boolean;
}
export interface Veto {
	id: string;
	title: string;
	question: string;
	derivedFrom?: { criterion: string; below: number };
}
export interface Catalogue {
	version: string;
	basePoints: number;
	bonusMax: number;
	levelFractions: number[];
	levelNames: string[];
	bands: { id: string; name: string; min: number }[];
	categories: Category[];
	criteria: Criterion[];
	vetoes: Veto[];
	eligibility: { id: string; check: { kind: string } }[];
}

export const catalogue = parse(
	readFileSync(join(ROOT, 'content/criteria/catalogue.yaml'), 'utf8'),
) as Catalogue;

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
			const has = c.rate.thresholds.some((s) => s.level === level);
			plan[c.id] = {
				rate: rateFor(
					c,
					has
						? level
						: Math.max(...c.rate.thresholds.filter((s) => s.level < level).map((s) => s.level)),
				),
			};
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

/** Presses Tab (or `key`) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 12, key = 'Tab'): Promise<number> {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press(key);
		if (await isFocused(target)) return i;
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

export async function downloadText(
	page: Page,
	trigger: () => Promise<unknown>,
): Promise<{ download: Download; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
	const path = await download.path();
	return { download, bytes: readFileSync(path) };
}

export { parseCsv } from '../support/parse-csv';

/** Whether a canvas has any non-transparent pixel. */
export const canvasDrawn = (canvas: Locator) =>
	canvas.evaluate((c: HTMLCanvasElement) => {
		if (!c.width || !c.height) return false;
		const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
		for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
		return false;
	});

/**
 * Waits until the checklist script has restored the form: the assessment list is filled
 * in by the script. Answering before that is lost (the script then restores saved values).
 */
export async function checklistReady(page: Page): Promise<void> {
	await expect(page.getByLabel('当前评估').locator('option')).not.toHaveCount(0);
	await expect(page.locator('[data-progress-overall]')).toContainText('总体进度');
}

/** Opens the checklist and waits until it is ready. */
export async function openChecklist(page: Page): Promise<void> {
	await page.goto('/assess/');
	await checklistReady(page);
}

/** What the form shows for every criterion, read in one go. */
export function formState(page: Page) {
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
		await input.focus();
		if (!(await input.isChecked())) await page.keyboard.press('Space');
	};
	for (const [id, a] of Object.entries(plan)) {
		const b = page.locator(`#criterion-${id}`);
		const c = criterionById(id);
		if (a.na) {
			await tick(
				c.rate
					? b.getByRole('checkbox', { name: '不适用' })
					: b.locator(`input[name="level-${id}"][value="na"]`),
			);
			if (a.naReason) await b.getByLabel('不适用的原因').fill(a.naReason);
		} else if (c.rate && a.rate !== undefined) await b.getByRole('spinbutton').fill(String(a.rate));
		else if (a.level !== undefined)
			await tick(b.locator(`input[name="level-${id}"][value="${a.level}"]`));
		for (const j of a.evidence ?? []) await tick(b.locator(`input[name="evidence-${id}"]`).nth(j));
		if (a.note) await b.getByRole('textbox', { name: '情况说明' }).fill(a.note);
	}
}

export { expect };
