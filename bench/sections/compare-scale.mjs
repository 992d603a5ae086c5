/**
 * Bench rows for the 上级工会 overview at scale (`--only=aggregate`):
 *
 * - 10,000 generated result files (≈ 140 MB) in one .zip, loaded on /compare/ through the
 *   file picker: time to the overview, the longest main-thread task while loading (the
 *   worker does the work), the tab's memory (renderer RSS, peak while loading, and the
 *   page's JS heap after);
 * - sorting and filtering those 10,000 rows on the page (time in the click or input handler);
 * - the roll-up command on 100,000 files in a folder (`--rollup-files=` to change): time
 *   and peak memory of the whole process tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Bundles a bench entry with esbuild and runs it with this Node; returns its last stdout line as JSON. */
async function runEntry(root, entryName, args) {
	const out = join(root, 'bench', '.tmp', entryName.replace(/\.ts$/, '.mjs'));
	mkdirSync(dirname(out), { recursive: true });
	const esbuild = await import('esbuild');
	await esbuild.build({
		entryPoints: [join(root, 'bench', entryName)],
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		outfile: out,
		logLevel: 'warning',
	});
	const r = spawnSync(process.execPath, [out, ...args], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (r.status !== 0) throw new Error(r.stderr);
	return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Sum of the RSS of this process's renderer descendants (the tabs, with their workers). */
function rendererRss() {
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
	let sum = 0;
	for (const pid of tree(process.pid)) {
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
			const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (m) sum += Number(m[1]) * 1024;
		} catch {}
	}
	return sum;
}

/** The page rows: 10,000 files through the picker, then sorting and filtering. */
export async function compareAtScale({ root, b, serverUrl, record }) {
	const dir = join(root, 'bench', '.tmp', 'scale');
	mkdirSync(dir, { recursive: true });
	const zipPath = join(dir, 'files-10000.zip');
	const gen = await runEntry(root, 'generate-entry.ts', ['10000', '', zipPath]);
	const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
	const ctx = await b.newContext();
	const page = await ctx.newPage();
	await page.goto(`${serverUrl}/compare/`);
	await page.evaluate(() => {
		window.__long = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) window.__long.push(e.duration);
		}).observe({ type: 'longtask', buffered: true });
	});
	let peak = 0;
	// A trace as well: the Long Tasks API leaves out the page's rendering (a 3.4 s layout of
	// a 10,000-row table once showed as a 742 ms long task), so the row reports the longest
	// task the trace shows on the page's main thread.
	await b.startTracing(page, {
		categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
	});
	const sampler = setInterval(() => (peak = Math.max(peak, rendererRss())), 200);
	const t0 = Date.now();
	await page.locator('input[data-files]').setInputFiles(zipPath);
	await page.locator('[data-load-status]', { hasText: '已载入' }).waitFor({ timeout: 600_000 });
	await page.locator('[data-overview-body] tr').first().waitFor();
	const wall = Date.now() - t0;
	clearInterval(sampler);
	await page.waitForTimeout(500); // the tasks that follow the load (statistics, branches)
	const { traceEvents } = JSON.parse((await b.stopTracing()).toString());
	const mainThreads = new Set(
		traceEvents
			.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`),
	);
	const longestTraced = Math.max(
		0,
		...traceEvents
			.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`))
			.map((e) => e.dur / 1000),
	);
	const status = (await page.locator('[data-load-status]').textContent()) ?? '';
	const longest = await page.evaluate(() => Math.max(0, ...window.__long));
	const cdp = await ctx.newCDPSession(page);
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
	const loaded = /已载入 (\d+) 份/.exec(status)?.[1];
	record(
		'aggregate',
		`10,000 files (${mb(gen.bytes)} in a ${mb(statSync(zipPath).size)} zip) in the browser: pick → overview (wall)`,
		`${(wall / 1000).toFixed(1)} s`,
		'≤ 10 s',
	);
	record('aggregate', `10,000 files: entries shown (${loaded} loaded)`, loaded ?? '?');
	record(
		'aggregate',
		"10,000 files: longest task on the page's main thread while loading (trace, incl. rendering)",
		`${Math.round(longestTraced)} ms`,
		'≤ 200 ms',
	);
	record(
		'aggregate',
		'10,000 files: longest task as the Long Tasks API reports it',
		`${Math.round(longest)} ms`,
	);
	record('aggregate', '10,000 files: tab memory, renderer RSS peak while loading', mb(peak));
	record('aggregate', '10,000 files: page JS heap after loading', mb(heap));

	// Sorting and filtering: time spent in the handler (it renders the page of rows and the statistics).
	const timed = (script) => page.evaluate(script);
	const sortTotal = await timed(() => {
		const button = document.querySelector('th[data-sort="total"] button');
		const t = performance.now();
		button.click();
		return performance.now() - t;
	});
	const sortName = await timed(() => {
		const button = document.querySelector('th[data-sort="branch"] button');
		const t = performance.now();
		button.click();
		return performance.now() - t;
	});
	const filterText = await timed(() => {
		const input = document.querySelector('[data-filter-text]');
		input.value = '区';
		const t = performance.now();
		input.dispatchEvent(new Event('input', { bubbles: true }));
		return performance.now() - t;
	});
	const filterBand = await timed(() => {
		const text = document.querySelector('[data-filter-text]');
		text.value = '';
		const select = document.querySelector('[data-filter-band]');
		select.value = 'hege';
		const t = performance.now();
		select.dispatchEvent(new Event('input', { bubbles: true }));
		return performance.now() - t;
	});
	// The statistics follow the table in the next task: the time until they are shown too.
	const filterStats = await timed(async () => {
		const input = document.querySelector('[data-filter-text]');
		input.value = '工会';
		const t = performance.now();
		input.dispatchEvent(new Event('input', { bubbles: true }));
		await new Promise((r) => setTimeout(r, 0));
		await new Promise((r) => setTimeout(r, 0));
		return performance.now() - t;
	});
	record(
		'aggregate',
		'10,000 rows: sort by total (click → table shown)',
		`${Math.round(sortTotal)} ms`,
		'≤ 100 ms',
	);
	record(
		'aggregate',
		'10,000 rows: sort by unit name (Chinese collation)',
		`${Math.round(sortName)} ms`,
		'≤ 100 ms',
	);
	record(
		'aggregate',
		'10,000 rows: filter by name (typed → table shown)',
		`${Math.round(filterText)} ms`,
		'≤ 100 ms',
	);
	record('aggregate', '10,000 rows: filter by band', `${Math.round(filterBand)} ms`, '≤ 100 ms');
	record(
		'aggregate',
		'10,000 rows: filter by name → table and statistics (histogram, bands, sub-units) shown',
		`${Math.round(filterStats)} ms`,
	);
	await ctx.close();
}

/** The roll-up command on many files in a folder: time and peak memory. */
export async function rollupAtScale({ root, count, measured, record }) {
	const folder = join(root, 'bench', '.tmp', 'scale', `folder-${count}`);
	const gen = await runEntry(root, 'generate-entry.ts', [String(count), folder]);
	const outDir = join(root, 'bench', '.tmp', 'scale', 'rollup-out');
	const r = await measured(process.execPath, [
		join(root, 'scripts', 'rollup.mjs'),
		folder,
		'--out',
		outDir,
	]);
	if (r.code !== 0) console.error(r.log.slice(-2000));
	const done = /读取 (\d+) 个文件，计入 (\d+) 份/.exec(r.log);
	record(
		'aggregate',
		`roll-up command, ${count.toLocaleString('en')} files (${(gen.bytes / 1024 / 1024 / 1024).toFixed(2)} GB) in a folder: time`,
		`${(r.ms / 1000).toFixed(1)} s`,
	);
	record(
		'aggregate',
		`roll-up command, ${count.toLocaleString('en')} files: peak memory (RSS)`,
		`${r.peakMb.toFixed(0)} MB`,
	);
	record(
		'aggregate',
		`roll-up command: files read / counted`,
		done ? `${done[1]} / ${done[2]}` : '?',
	);
	rmSync(folder, { recursive: true, force: true });
}
