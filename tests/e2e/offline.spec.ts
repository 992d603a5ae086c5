/**
 * Offline and updates, against two real builds of the site served on one port:
 * - after one visit, with the network off, guide pages, search, the checklist, scoring,
 *   download and import all still work (served by the service worker);
 * - a second build announces itself (有新版本，点击刷新) and the page keeps running the
 *   first build, every file of it, until the reader clicks; then it runs the second build.
 */
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '../../bench/static-server.mjs';
import { awaitChecklist, test } from './support';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILDS = join(ROOT, '.astro', 'test-builds');
/** Chosen by the system at the first serve, then reused so both builds share one origin. */
let PORT = 0;

function build(id: string): string {
	const out = join(BUILDS, id);
	rmSync(out, { recursive: true, force: true });
	execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: ROOT,
		env: { ...process.env, BUILD_ID: id, ASTRO_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: 'pipe',
	});
	return out;
}

function assetsOf(dir: string): Set<string> {
	const out = new Set<string>();
	const walk = (d: string) => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else out.add('/' + relative(dir, p).split(sep).join('/'));
		}
	};
	walk(join(dir, '_astro'));
	return out;
}

/** Resolves once a service worker has finished installing and controls the page. */
const controlled = (page: Page) =>
	page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
			);
	});

const buildOf = (page: Page) => page.locator('meta[name="zz-build"]').getAttribute('content');

/** Scripts and styles the page loaded from /_astro/. */
const loadedAssets = (page: Page) =>
	page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((e) => new URL(e.name).pathname)
			.filter((p) => p.startsWith('/_astro/')),
	);

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let v1 = '';
let v2 = '';
test.beforeAll(() => {
	mkdirSync(BUILDS, { recursive: true });
	v1 = build('offline-v1');
	v2 = build('offline-v2');
});
test.afterAll(() => rmSync(BUILDS, { recursive: true, force: true }));

test('after one visit every part of the site works offline', async ({ browser }) => {
	const server = await serve(v1, PORT);
	PORT = server.port;
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	const page = awaitChecklist(await context.newPage());
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	try {
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await controlled(page);
		await context.setOffline(true);

		// Every guide page.
		await page.goto(`http://127.0.0.1:${PORT}/guide/`);
		const links = await page
			.locator('main a.card')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
		expect(links.length).toBeGreaterThanOrEqual(11);
		for (const path of links) {
			await page.goto(`http://127.0.0.1:${PORT}${path}`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('.guide-body h2').first()).toBeVisible();
		}

		// Search.
		await page.goto(`http://127.0.0.1:${PORT}/search/?q=${encodeURIComponent('五必访')}`);
		await expect(page.locator('.search-page-results .search-result-title').first()).toHaveText(
			/五必访/,
		);
		await page.getByRole('combobox', { name: '搜索' }).fill('职代会');
		await expect(page.locator('.search-popup .search-result-title').first()).toContainText(
			'民主之家',
		);

		// Checklist, scoring, download.
		await page.goto(`http://127.0.0.1:${PORT}/assess/`);
		await page.getByLabel('单位名称').fill('离线测试单位');
		await page
			.locator('#criterion-A1')
			.getByRole('radio', { name: /规范有效/ })
			.check();
		await expect(page.locator('[data-save-status]')).toContainText('已保存');
		await page.goto(`http://127.0.0.1:${PORT}/assess/results/`);
		await expect(page.locator('[data-total]')).toHaveText('3 / 100');
		const downloadPromise = page.waitForEvent('download');
		await page.getByRole('button', { name: '下载 JSON（可再导入）' }).click();
		const file = join(tmpdir(), `offline-${Date.now()}.json`);
		await (await downloadPromise).saveAs(file);
		expect(JSON.parse(readFileSync(file, 'utf8')).assessment.profile.unitName).toBe('离线测试单位');

		// Import the downloaded file back: a second assessment appears.
		await page.goto(`http://127.0.0.1:${PORT}/assess/`);
		await page.locator('input[data-import]').setInputFiles(file);
		await expect(page.locator('[data-messages]')).toContainText('已导入');
		await expect(page.getByLabel('当前评估').locator('option')).toHaveCount(2);
		expect(errors).toEqual([]);
	} finally {
		await context.close();
		server.stop();
	}
});

test('a new build announces itself and never mixes with the old one', async ({ browser }) => {
	expect(existsSync(join(v1, 'sw.js')) && existsSync(join(v2, 'sw.js'))).toBe(true);
	const v1Assets = assetsOf(v1);
	const v2Assets = assetsOf(v2);
	// The two builds differ in their hashed files, so a mix would be visible.
	expect([...v2Assets].some((a) => !v1Assets.has(a))).toBe(true);

	let server = await serve(v1, PORT);
	PORT = server.port;
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	const page = awaitChecklist(await context.newPage());
	try {
		await page.goto(`http://127.0.0.1:${PORT}/guide/minzhu/`);
		await controlled(page);
		expect(await buildOf(page)).toBe('offline-v1');

		// Deploy the second build on the same address.
		server.stop();
		server = await serve(v2, PORT);

		await page.reload();
		// Still the first build, all of it, while the new one waits.
		expect(await buildOf(page)).toBe('offline-v1');
		for (const asset of await loadedAssets(page)) expect(v1Assets.has(asset), asset).toBe(true);
		const update = page.getByRole('button', { name: '有新版本，点击刷新' });
		await expect(update).toBeVisible({ timeout: 30_000 });

		// Other pages opened meanwhile stay on the first build too.
		await page.goto(`http://127.0.0.1:${PORT}/assess/`);
		expect(await buildOf(page)).toBe('offline-v1');
		for (const asset of await loadedAssets(page)) expect(v1Assets.has(asset), asset).toBe(true);
		await expect(update).toBeVisible({ timeout: 30_000 });

		await Promise.all([page.waitForEvent('load'), update.click()]);
		await expect.poll(() => buildOf(page)).toBe('offline-v2');
		for (const asset of await loadedAssets(page)) expect(v2Assets.has(asset), asset).toBe(true);
		// The old build's cache is gone once the new worker is active.
		const caches = await page.evaluate(() => window.caches.keys());
		expect(caches).toEqual(['zzzj-offline-v2']);
	} finally {
		await context.close();
		server.stop();
	}
});
