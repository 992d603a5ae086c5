#!/usr/bin/env node
/**
 * `npm run bench`: builds the site and prints the figures behind the budgets.
 *
 *   build      build time and peak memory (process tree RSS) of the real site
 *   js         JavaScript shipped per kind of page, gzip, and what it must not contain
 *   search     against pagefind's default UI on the same pages (bench/sections/search.mjs):
 *              cold and warm first result at 4× CPU, bytes of first queries, ranking top-1/3
 *   import     a hostile 5 MB file refused on the checklist at 4× CPU slowdown
 *   interaction  the checklist with a finished assessment saved, 4× CPU: interaction to next
 *              paint when a category is opened and when a level is clicked (Event Timing)
 *   aggregate  1,000 generated result files loaded and aggregated (Node and browser); 10,000
 *              in one zip on the compare page (time, longest task, memory, sort and filter);
 *              the roll-up command on 100,000 files (`--rollup-files=N` to change)
 *   bigsite    a generated site of 2,000 guide pages: build time and peak memory
 *   lighthouse Lighthouse 13.5 mobile, median of 3 runs per kind of page (fetched with npm exec)
 *
 * `npm run bench -- --only=js,search` runs some; results also go to bench/out/latest.md.
 * `--lh-pages=results,compare` limits Lighthouse to the kinds of page whose names start so;
 * `--lh-runs=5` runs each page 5 times instead of 3 (the row then gives the minimum too).
 * These are measurements, not tests: nothing here fails on a slow machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compareAtScale, rollupAtScale } from './sections/compare-scale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '')
	.slice(7)
	.split(',')
	.filter(Boolean);
const want = (name) => only.length === 0 || only.includes(name);
const lhRuns =
	Number((process.argv.find((a) => a.startsWith('--lh-runs=')) ?? '--lh-runs=3').slice(10)) || 3;
const lhPages = (process.argv.find((a) => a.startsWith('--lh-pages=')) ?? '')
	.slice(11)
	.split(',')
	.filter(Boolean);
const chromiumPath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const rows = [];
const record = (area, metric, value, budget = '') => {
	rows.push({ area, metric, value, budget });
	console.log(`${area.padEnd(10)} ${metric.padEnd(58)} ${String(value).padStart(12)}  ${budget}`);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs a command, sampling the RSS of its whole process tree; resolves to { ms, peakMb, code }. */
function measured(cmd, args, opts = {}) {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(cmd, args, {
			cwd: opts.cwd ?? root,
			env: { ...process.env, ...opts.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let peak = 0;
		let log = '';
		child.stdout.on('data', (d) => (log += d));
		child.stderr.on('data', (d) => (log += d));
		const tree = (pid) => {
			const kids = [];
			try {
				for (const tid of readdirSync(`/proc/${pid}/task`)) {
					const c = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
					if (c) kids.push(...c.split(/\s+/).map(Number));
				}
			} catch {}
			return [pid, ...kids.flatMap(tree)];
		};
		const timer = setInterval(() => {
			let sum = 0;
			for (const pid of tree(child.pid)) {
				try {
					const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
					if (m) sum += Number(m[1]) * 1024;
				} catch {}
			}
			peak = Math.max(peak, sum);
		}, 50);
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({ ms: performance.now() - started, peakMb: peak / 1024 / 1024, code, log });
		});
	});
}

function walk(dir) {
	const files = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) files.push(...walk(p));
		else files.push(p);
	}
	return files;
}

/** Runs a command without blocking this process; resolves to { status, stdout, stderr }. */
function run(cmd, args, { cwd = root, timeout = 0 } = {}) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = timeout ? setTimeout(() => child.kill('SIGKILL'), timeout) : undefined;
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, stdout, stderr });
		});
	});
}

/** Serves dist/ on a port of its own; returns { url, stop }. */
async function preview(port = 4391) {
	const { serve } = await import('./static-server.mjs');
	return serve(join(root, 'dist'), port);
}

/** Generates `count` result files into `folder` (and times loading them); returns the child's output. */
async function generateFiles(count, folder) {
	const entry = join(root, 'bench', '.tmp', 'aggregate-entry.mjs');
	mkdirSync(dirname(entry), { recursive: true });
	const esbuild = await import('esbuild');
	await esbuild.build({
		entryPoints: [join(root, 'bench', 'aggregate-entry.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		outfile: entry,
		logLevel: 'warning',
	});
	return spawnSync(process.execPath, [entry, String(count), folder], {
		cwd: root,
		encoding: 'utf8',
	});
}

async function browser() {
	const { chromium } = await import('playwright');
	return chromium.launch({
		...(chromiumPath ? { executablePath: chromiumPath } : {}),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
		],
	});
}

// ---- build ------------------------------------------------------------------------------
if (
	want('build') ||
	want('js') ||
	want('search') ||
	want('import') ||
	want('interaction') ||
	want('aggregate') ||
	want('lighthouse')
) {
	const r = await measured(process.execPath, [astroBin, 'build'], {
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
	});
	if (r.code !== 0) {
		console.error(r.log);
		process.exit(1);
	}
	const pages = walk(join(root, 'dist')).filter((f) => f.endsWith('.html')).length;
	record('build', `real site (${pages} pages): build time`, `${(r.ms / 1000).toFixed(1)} s`);
	record('build', 'real site: peak memory (process tree RSS)', `${r.peakMb.toFixed(0)} MB`);
}

// ---- js ---------------------------------------------------------------------------------
if (want('js')) {
	const dist = join(root, 'dist');
	const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
	/** Static import graph of a module, as files. */
	const graph = (file, seen = new Set()) => {
		if (seen.has(file)) return seen;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(
			/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
		))
			graph(join(dirname(file), m[1]), seen);
		return seen;
	};
	const dynamicOf = (files) => {
		const dyn = new Set();
		for (const f of files)
			for (const m of readFileSync(f, 'utf8').matchAll(
				/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g,
			))
				dyn.add(join(dirname(f), m[1]));
		return dyn;
	};
	const initialJs = (html) => {
		const text = readFileSync(html, 'utf8');
		const files = new Set();
		for (const m of text.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g))
			for (const f of graph(join(dist, m[1]))) files.add(f);
		const inline = [
			...text.matchAll(
				/<script(?![^>]*type="application\/json")(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g,
			),
		].map((m) => m[1]);
		for (const code of inline)
			for (const m of code.matchAll(/["'](\/_astro\/[^"']+\.js)["']/g))
				if (!code.includes(`import("${m[1]}")`))
					for (const f of graph(join(dist, m[1]))) files.add(f);
		const inlineBytes = inline.reduce((s, c) => s + gzipSync(c, { level: 9 }).length, 0);
		return { files, inlineBytes };
	};
	const kinds = [
		['guide page', 'guide/minzhu/index.html', 5 * 1024],
		['home', 'index.html', 5 * 1024],
		['checklist', 'assess/index.html'],
		['results', 'assess/results/index.html', 75 * 1024],
		['compare', 'compare/index.html'],
		['plan', 'assess/plan/index.html', 30 * 1024],
		['ledger', 'assess/ledger/index.html', 30 * 1024],
		['review (验收)', 'review/index.html', 40 * 1024],
		['apply (申报表)', 'assess/apply/index.html'],
		['opinion (验收意见书)', 'review/opinion/index.html'],
	];
	for (const [name, page, budget] of kinds) {
		const { files, inlineBytes } = initialJs(join(dist, page));
		const initial = [...files].reduce((s, f) => s + gz(f), 0) + inlineBytes;
		record(
			'js',
			`${name}: JS before search/menu/charts (gzip)`,
			kb(initial),
			budget ? `≤ ${kb(budget)}` : '',
		);
		const lazy = dynamicOf(files);
		const all = new Set(files);
		for (const f of lazy) for (const g of graph(f)) all.add(g);
		const total = [...all].reduce((s, f) => s + gz(f), 0) + inlineBytes;
		if (name === 'results')
			record(
				'js',
				'results: all JS incl. the chart code once charts show (gzip)',
				kb(total),
				`≤ ${kb(75 * 1024)}`,
			);
		if (name === 'guide page') {
			const text = [...files].map((f) => readFileSync(f, 'utf8')).join('\n');
			record(
				'js',
				'guide page: contains the chart code / zod',
				`${/chart-rule/.test(text) ? 'charts!' : 'no'} / ${/ZodError|\$ZodType/.test(text) ? 'zod!' : 'no'}`,
				'no / no',
			);
			record('js', 'guide page: JS after opening search (gzip, site code)', kb(total));
		}
	}
	const guideHtml = gzipSync(readFileSync(join(dist, 'guide/minzhu/index.html')), {
		level: 9,
	}).length;
	record('js', 'guide page HTML (gzip)', kb(guideHtml), '≤ 14.0 KB');
	// The checklist page: every criterion's text, its controls as placeholders, and only the
	// strings its scripts use (strings-subset.ts); raw bytes are what the browser decodes.
	const checklistHtml = readFileSync(join(dist, 'assess/index.html'));
	record(
		'js',
		'checklist page HTML: raw / gzip',
		`${kb(checklistHtml.length)} / ${kb(gzipSync(checklistHtml, { level: 9 }).length)}`,
	);
	const css = walk(join(dist, '_astro'))
		.filter((f) => f.endsWith('.css'))
		.reduce((s, f) => s + gz(f), 0);
	record('js', 'all CSS (gzip)', kb(css));
	const pf = walk(join(dist, 'pagefind'));
	record(
		'js',
		`search index: ${pf.length} files`,
		kb(pf.reduce((s, f) => s + statSync(f).size, 0)),
	);
}

// ---- search -----------------------------------------------------------------------------
if (want('search') || want('import') || want('interaction') || want('aggregate')) {
	const server = await preview();
	const b = await browser();
	try {
		if (want('search')) {
			// Ours against pagefind's default UI on the same pages, and the ranking set.
			const { searchSection } = await import('./sections/search.mjs');
			const { serve } = await import('./static-server.mjs');
			await searchSection({ root, browser: b, serve, record, kb });
			const chunks = readdirSync(join(root, 'dist', 'pagefind', 'index')).map(
				(f) => statSync(join(root, 'dist', 'pagefind', 'index', f)).size,
			);
			record(
				'search',
				`word index: ${chunks.length} chunks, largest (gzip)`,
				kb(Math.max(...chunks)),
			);
		}
		if (want('import')) {
			const dir = join(root, 'bench', '.tmp');
			mkdirSync(dir, { recursive: true });
			const answers = {};
			for (let i = 0; i < 60000; i++)
				answers[`A${i}`] = {
					level: 3,
					na: false,
					naReason: '',
					rate: null,
					evidence: [],
					note: 'x',
				};
			const big = JSON.stringify({
				format: 'zhigong-zhijia.assessment',
				schemaVersion: 2,
				answers,
			});
			const over = join(dir, 'hostile-over-5mb.json');
			writeFileSync(over, big.padEnd(5.4 * 1024 * 1024, ' '));
			const under = join(dir, 'hostile-under-5mb.json');
			writeFileSync(under, big.slice(0, 4.9 * 1024 * 1024 - 2) + '}}');
			for (const [label, file] of [
				['5.4 MB file refused (size cap, not read)', over],
				['4.9 MB hostile JSON refused (read, parsed, refused)', under],
			]) {
				const ctx = await b.newContext();
				const page = await ctx.newPage();
				await page.goto(`${server.url}/assess/`);
				// The checklist opens in steps after the load event; it listens once it is ready.
				await page.locator('zz-checklist[data-ready]').waitFor({ state: 'attached' });
				const cdp = await ctx.newCDPSession(page);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
				// Time from the file input's change event (the file is chosen) to the refusal shown.
				await page.evaluate(() => {
					const box = document.querySelector('[data-messages]');
					document
						.querySelector('input[data-import]')
						.addEventListener('change', () => (window.__chosen = performance.now()), true);
					window.__refused = new Promise((resolve) =>
						new MutationObserver(() => box.textContent && resolve(performance.now())).observe(box, {
							childList: true,
							subtree: true,
						}),
					);
				});
				await page.locator('input[data-import]').setInputFiles(file);
				const ms = await page.evaluate(async () => (await window.__refused) - window.__chosen);
				record('import', `${label}, 4× CPU`, `${Math.round(ms)} ms`, '≤ 200 ms');
				await ctx.close();
			}
		}
		if (want('interaction')) {
			// As INP counts it: each interaction's longest event, from the input to the next
			// paint, in the browser's own Event Timing entries (8 ms steps).
			const folder = join(root, 'bench', '.tmp', 'files-lighthouse');
			await generateFiles(1, folder);
			const ctx = await b.newContext({ viewport: { width: 412, height: 823 } });
			await ctx.addInitScript(() => {
				window.__interactions = new Map();
				new PerformanceObserver((list) => {
					for (const e of list.getEntries())
						if (e.interactionId)
							window.__interactions.set(
								e.interactionId,
								Math.max(window.__interactions.get(e.interactionId) ?? 0, e.duration),
							);
				}).observe({ type: 'event', durationThreshold: 16, buffered: true });
			});
			const page = await ctx.newPage();
			await page.goto(`${server.url}/assess/`);
			await page.locator('zz-checklist[data-ready]').waitFor({ state: 'attached' });
			await page.locator('input[data-import]').setInputFiles(join(folder, readdirSync(folder)[0]));
			await page.getByText('作为新的评估打开').waitFor();
			await page.reload();
			await page.locator('zz-checklist[data-ready]').waitFor({ state: 'attached' });
			await page.waitForTimeout(1000);
			const cdp = await ctx.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			const since = async () => {
				const all = await page.evaluate(() => [...window.__interactions.values()]);
				await page.evaluate(() => window.__interactions.clear());
				return all;
			};
			await since();
			const opens = [];
			const clicks = [];
			for (const category of ['B', 'C', 'D']) {
				await page.locator(`#category-${category} > summary`).click();
				await page.waitForTimeout(800);
				opens.push(Math.max(0, ...(await since())));
				// Criteria answered by level (a rate criterion takes a figure instead).
				const ids = await page
					.locator(`#category-${category} input[name^="level-"]`)
					.evaluateAll((inputs) => [...new Set(inputs.map((x) => x.name.slice(6)))].slice(0, 4));
				for (const id of ids) {
					// The level next to the saved one, so every click changes the answer.
					const radios = page.locator(`[name="level-${id}"]`);
					const checked = await radios.evaluateAll((rs) => rs.findIndex((r) => r.checked));
					await radios.nth(checked === 0 ? 1 : 0).click({ force: true });
					await page.waitForTimeout(500);
					clicks.push(Math.max(0, ...(await since())));
				}
			}
			const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
			record(
				'interaction',
				`checklist, saved: a category opened, next paint (median / max of ${opens.length}), 4× CPU`,
				`${median(opens)} / ${Math.max(...opens)} ms`,
			);
			record(
				'interaction',
				`checklist, saved: a level clicked, next paint (median / max of ${clicks.length}), 4× CPU`,
				`${median(clicks)} / ${Math.max(...clicks)} ms`,
				'≤ 100 ms',
			);
			await ctx.close();
		}
		if (want('aggregate')) {
			const folder = join(root, 'bench', '.tmp', 'files-1000');
			const r = await generateFiles(1000, folder);
			const data = JSON.parse(r.stdout.trim().split('\n').pop());
			record(
				'aggregate',
				`1,000 files (${(data.bytes / 1024 / 1024).toFixed(1)} MB): load + validate + score, Node`,
				`${Math.round(data.loadMs)} ms`,
			);
			record(
				'aggregate',
				'1,000 files: summarise (stats, histogram, weak criteria), Node',
				`${Math.round(data.summariseMs)} ms`,
			);
			const ctx = await b.newContext();
			const page = await ctx.newPage();
			await page.goto(`${server.url}/compare/`);
			const t0 = Date.now();
			await page
				.locator('input[data-files]')
				.setInputFiles(readdirSync(folder).map((f) => join(folder, f)));
			await page.locator('[data-load-status]', { hasText: '已载入' }).waitFor({ timeout: 120_000 });
			const wall = Date.now() - t0;
			const status = await page.locator('[data-load-status]').textContent();
			record('aggregate', '1,000 files in the browser: pick → table shown (wall)', `${wall} ms`);
			record(
				'aggregate',
				'1,000 files in the browser: as the page reports',
				status?.match(/耗时 (\d+)/)?.[1] + ' ms',
			);
			await ctx.close();
			await compareAtScale({ root, b, serverUrl: server.url, record });
		}
	} finally {
		await b.close();
		server.stop();
	}
}

// ---- lighthouse -------------------------------------------------------------------------
if (want('lighthouse')) {
	// Laying out Chinese text with a real CJK font costs far more than drawing missing-glyph
	// boxes: a machine without one scores the checklist about 20 points higher. Say which.
	const cjk = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
	record(
		'lighthouse',
		'Chinese font installed (fc-list :lang=zh)',
		cjk.status === 0 && cjk.stdout.trim() ? cjk.stdout.trim().split('\n')[0].slice(0, 40) : 'none',
		'a CJK font, as on a phone',
	);
	const server = await preview(4392);
	// One Chromium for every run, driven by Lighthouse through its debugging port. Lighthouse
	// resets storage before each run, except for the runs that need a saved assessment.
	const port = 9337;
	const profile = join(root, 'bench', '.tmp', 'lh-profile');
	rmSync(profile, { recursive: true, force: true });
	const chrome = spawn(
		chromiumPath ?? 'chromium',
		[
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			'--disable-background-networking',
			'--disable-component-update',
			'about:blank',
		],
		{ stdio: 'ignore' },
	);
	try {
		await waitForPort(port);
		const kinds = [
			['home', '/'],
			['guide', '/guide/minzhu/'],
			['method', '/method/'],
			['method category', '/method/c/'],
			['search page', '/search/?q=五必访'],
			['checklist (empty)', '/assess/'],
			['results (empty)', '/assess/results/'],
			['compare (empty)', '/compare/'],
			['checklist (one assessment saved)', '/assess/', 'seeded'],
			['results (one assessment scored)', '/assess/results/', 'seeded'],
			['plan (40 tasks saved)', '/assess/plan/', 'seeded'],
			['ledger (one assessment saved)', '/assess/ledger/', 'seeded'],
		];
		let seeded = false;
		for (const [name, path, state] of kinds) {
			if (lhPages.length && !lhPages.some((p) => name.startsWith(p))) continue;
			if (state === 'seeded' && !seeded) {
				await seedAssessment(port, server.url);
				seeded = true;
			}
			const scores = [];
			for (let i = 0; i < lhRuns; i++) {
				const file = join(out, `lh-${name.replace(/\W+/g, '-')}-${i}.json`);
				// Asynchronous: the static server answering Lighthouse runs in this process.
				const r = await run(
					'npm',
					[
						'exec',
						'--yes',
						'--package=lighthouse@13.5.0',
						'--',
						'lighthouse',
						`${server.url}${path}`,
						'--quiet',
						'--output=json',
						`--output-path=${file}`,
						`--port=${port}`,
						...(state === 'seeded' ? ['--disable-storage-reset'] : []),
						'--only-categories=performance,accessibility,best-practices,seo',
					],
					{ cwd: root, timeout: 180_000 },
				);
				if (r.status !== 0 || !existsSync(file)) {
					record(
						'lighthouse',
						`${name}: run failed`,
						(r.stderr || '').split('\n').slice(-2).join(' ').slice(0, 60),
					);
					break;
				}
				const lhr = JSON.parse(readFileSync(file, 'utf8'));
				scores.push(
					Object.fromEntries(
						Object.entries(lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]),
					),
				);
			}
			if (!scores.length) continue;
			const med = (k) =>
				scores.map((s) => s[k]).sort((a, c) => a - c)[Math.floor(scores.length / 2)];
			const perf = scores.map((s) => s.performance);
			record(
				'lighthouse',
				`${name}: perf / a11y / best practices / SEO (median of ${scores.length})`,
				`${med('performance')}/${med('accessibility')}/${med('best-practices')}/${med('seo')}` +
					(scores.length > 3 ? ` (perf min ${Math.min(...perf)})` : ''),
				name.startsWith('results') ? '≥90/100/100/95' : '≥95/100/100/95',
			);
		}
	} finally {
		chrome.kill();
		server.stop();
	}
}

/** Resolves once Chromium answers on its debugging port. */
async function waitForPort(port) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return;
		} catch {}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`Chromium did not open port ${port}`);
}

/** Imports a generated result file on the checklist, as a person would, in the browser at `port`. */
async function seedAssessment(port, siteUrl) {
	const folder = join(root, 'bench', '.tmp', 'files-lighthouse');
	await generateFiles(1, folder);
	const file = join(folder, readdirSync(folder)[0]);
	const { chromium } = await import('playwright');
	const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
	const page = await cdp.contexts()[0].newPage();
	await page.goto(`${siteUrl}/assess/`);
	await page.locator('zz-checklist[data-ready]').waitFor({ state: 'attached' });
	await page.locator('input[data-import]').setInputFiles(file);
	await page.getByText('作为新的评估打开').waitFor({ timeout: 20_000 });
	// A 40-task plan in the saved assessment, for the plan page's Lighthouse row.
	await page.evaluate(() => {
		const index = JSON.parse(localStorage.getItem('zzzj.v2.index') ?? '{}');
		const key = `zzzj.v2.a.${index.currentId}`;
		const a = JSON.parse(localStorage.getItem(key) ?? '{}');
		a.plan = {
			review: null,
			tasks: Array.from({ length: 40 }, (_, i) => ({
				id: `bench-${i}`,
				criterion: null,
				title: `整改事项 ${i + 1}`,
				levelAtStart: null,
				target: '按指南达到基本落实',
				measures: ['明确责任人', '按月检查进度'],
				owner: '工会主席',
				due: i % 4 === 0 ? '2020-01-01' : '2099-12-31',
				status: ['todo', 'doing', 'done', 'todo'][i % 4],
				pauseReason: '',
				doneOn: i % 4 === 2 ? '2026-01-01' : '',
				progress: [{ date: '2026-01-01', text: '已布置' }],
				carriedFrom: '',
			})),
		};
		localStorage.setItem(key, JSON.stringify(a));
	});
	// A person with an assessment saved has been here before: the service worker (registered
	// once the first visit's page is idle) has installed and precached the site.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.close();
	await cdp.close();
}

// ---- roll-up command ----------------------------------------------------------------------
if (want('aggregate')) {
	const count = Number(
		(process.argv.find((a) => a.startsWith('--rollup-files=')) ?? '--rollup-files=100000').slice(
			15,
		),
	);
	await rollupAtScale({ root, count, measured, record });
}

// ---- bigsite ----------------------------------------------------------------------------
if (want('bigsite')) {
	const dir = join(root, 'bench', '.tmp', 'bigsite');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const p of ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
		cpSync(join(root, p), join(dir, p), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	const guides = readdirSync(join(root, 'content', 'guidance')).filter((f) => f.endsWith('.mdx'));
	let n = 0;
	while (n < 2000 - guides.length) {
		for (const g of guides) {
			if (n >= 2000 - guides.length) break;
			const text = readFileSync(join(root, 'content', 'guidance', g), 'utf8');
			const copy = text
				.replace(/^title: (.*)$/m, (_, t) => `title: ${t.slice(0, 30)}（${n + 1}）`)
				.replace(/^order: \d+$/m, `order: ${100 + n}`)
				.replace(/\n## /, `\n本页为第 ${n + 1} 个生成的测试页面。\n\n## `);
			writeFileSync(
				join(dir, 'content', 'guidance', `gen-${String(n).padStart(4, '0')}.mdx`),
				copy,
			);
			n++;
		}
	}
	const r = await measured(process.execPath, [astroBin, 'build'], {
		cwd: dir,
		env: { ASTRO_TELEMETRY_DISABLED: '1', BUILD_ID: 'bench' },
	});
	if (r.code !== 0) console.error(r.log.slice(-2000));
	const pages = existsSync(join(dir, 'dist'))
		? walk(join(dir, 'dist')).filter((f) => f.endsWith('.html')).length
		: 0;
	const pfLine = /Indexed (\d+) pages/.exec(r.log)?.[1];
	record(
		'bigsite',
		`2,000 guide pages (${pages} HTML files, ${pfLine ?? '?'} indexed): build time`,
		`${(r.ms / 1000).toFixed(1)} s`,
	);
	record(
		'bigsite',
		'2,000 guide pages: peak memory (process tree RSS)',
		`${r.peakMb.toFixed(0)} MB`,
	);
	// Where the time goes, from the build's own log lines.
	const phase = (re) => re.exec(r.log)?.[1];
	const indexS = phase(/pages for search in ([\d.]+) s/);
	const rechunkS = phase(/re-split into .* in ([\d.]+) s/);
	if (indexS && rechunkS)
		record(
			'bigsite',
			'2,000 guide pages: Astro and the rest (total less the two below)',
			`${(r.ms / 1000 - Number(indexS) - Number(rechunkS)).toFixed(1)} s`,
			'≈ 30 s (15 s / 1,000)',
		);
	if (indexS) record('bigsite', '2,000 guide pages: pagefind indexing', `${indexS} s`);
	if (rechunkS) record('bigsite', '2,000 guide pages: search index re-split', `${rechunkS} s`);
	rmSync(dir, { recursive: true, force: true });
}

const md = [
	`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${process.arch}, Node ${process.version}.`,
	'',
	'| Area | Figure | Value | Budget |',
	'|---|---|---|---|',
	...rows.map((r) => `| ${r.area} | ${r.metric} | ${r.value} | ${r.budget} |`),
].join('\n');
writeFileSync(join(out, 'latest.md'), md + '\n');
console.log(`\nWritten to ${relative(root, join(out, 'latest.md'))}`);
