/**
 * Shared helpers for compare.spec.ts, a11y.spec.ts and hardening.spec.ts: the real
 * catalogue, result files written the way the site writes them, temp folders, storage
 * snapshots and a few page actions. (Not a test file: Playwright runs only `*.spec.ts`.)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { expect, type Page } from '@playwright/test';
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

/** The catalogue as the site ships it (parsed like tests/unit/fixtures.ts does). */
export const catalogue: Catalogue = CatalogueSchema.parse(
	parse(readFileSync(new URL('../../content/criteria/catalogue.yaml', import.meta.url), 'utf8')),
);

/** Root of the work tree (for dist/). */
export const ROOT = new URL('../../', import.meta.url).pathname;

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

/** Every built page: dist/**\/index.html and 404.html, as URL paths. */
export function builtPages(): string[] {
	const dist = join(ROOT, 'dist');
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === 'index.html')
				out.push(`/${relative(dist, dir)}/`.replace(/\/+$/, '/').replace(/^\/\//, '/'));
			else if (name === '404.html' && dir === dist) out.push('/404.html');
		}
	};
	walk(dist);
	return out.sort();
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
			else if (rel === 'method/[category]')
				for (const k of catalogue.categories) out.push(`/method/${k.id.toLowerCase()}/`);
			else out.push(`/${rel.replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/'));
		}
	};
	walk(pages);
	return out.sort();
}

/** Every built HTML file with its text. */
export function builtHtml(): { path: string; html: string }[] {
	const dist = join(ROOT, 'dist');
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

/** An assessment built with newAssessment, answered as described. */
export function makeAssessment(opts: MakeResultOptions = {}): Assessment {
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
	const a = makeAssessment(opts);
	const data = buildResultFile(a, scoreAssessment(cat, a), new Date(a.updatedAt));
	return { name, text: JSON.stringify(data, null, 2), data };
}

/** Every `zzzj.` localStorage key with its raw value. */
export async function zzzjSnapshot(page: Page): Promise<Record<string, string | null>> {
	return page.evaluate(() => {
		const out: Record<string, string | null> = {};
		for (let i = 0; i < localStorage.length; i++) {
			const k = localStorage.key(i);
			if (k?.startsWith('zzzj.')) out[k] = localStorage.getItem(k);
		}
		return out;
	});
}

/** Rounds to one decimal as the site shows figures. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

/** PERCENTILE.INC on ascending values (written here, not imported, so the test stays independent). */
export function percentileInc(sorted: readonly number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Reads a Playwright download into text. */
export async function downloadText(download: import('@playwright/test').Download): Promise<string> {
	const path = await download.path();
	return readFileSync(path, 'utf8');
}

export { parseCsv } from '../support/parse-csv';

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
	await pickFiles(page, '选择文件', path);
	await expect(page.getByRole('alert').filter({ hasText: '已导入' })).toBeVisible();
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses); returns the presses. */
export async function tabTo(page: Page, selector: string, max = 300, key = 'Tab'): Promise<number> {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press(key);
		if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
			return i;
	}
	throw new Error(`focus never reached ${selector} after ${max} presses of ${key}`);
}
