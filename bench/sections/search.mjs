/**
 * The search part of `npm run bench`: this site's search against pagefind's own default
 * UI on the same pages, in one run, and the ranking of a labelled query set.
 *
 *   peer      a copy of dist/ indexed again by pagefind with its defaults (one unsplit word
 *             index, web worker) and with pagefind's default UI (PagefindUI) on the guide
 *             page, as a site that just "adds pagefind" would ship it
 *   speed     cold (first query of a first visit) and warm (next query) time from the
 *             input event to the first result on screen, 4× CPU, median of 5, both sites
 *             alternating; reported with the ratio ours / peer
 *   bytes     what a first query fetches on a first visit, for three queries, both sites
 *   ranking   top-1 and top-3 over tests/e2e/ranking-queries.ts, as the search page shows
 *             them (phrase matches first, the site's ranking options)
 *
 * Measurements only: nothing fails on a slow machine.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The queries whose first-visit bytes the budget names. */
export const FIRST_QUERIES = ['五必访', '职工书屋', '为职工办实事落实五必访'];
/** The page both sites are measured on. */
const PAGE = '/guide/minzhu/';

/**
 * Bytes a set of paths costs over the wire, from the built files under `dist`: pagefind's
 * data files and wasm are stored gzip-compressed; JavaScript and JSON are counted gzipped.
 */
export function wireBytes(dist, paths) {
	let sum = 0;
	for (const p of paths) {
		const file = readFileSync(join(dist, decodeURIComponent(p)));
		sum += /\.(pf_\w+|pagefind)$/.test(p) ? file.length : gzipSync(file).length;
	}
	return sum;
}

/**
 * Builds the peer: dist/ copied to `peerDir`, its search index rebuilt by pagefind with
 * default settings, and the guide page given pagefind's default UI instead of ours (the
 * page's CSP, which allows only this site's own hashed scripts, is dropped on the copy).
 */
export async function buildPeer(dist, peerDir) {
	rmSync(peerDir, { recursive: true, force: true });
	cpSync(dist, peerDir, { recursive: true });
	rmSync(join(peerDir, 'pagefind'), { recursive: true, force: true });
	const pagefind = await import('pagefind');
	const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	await index.addDirectory({ path: peerDir });
	await index.writeFiles({ outputPath: join(peerDir, 'pagefind') });
	await pagefind.close();
	const file = join(peerDir, PAGE, 'index.html');
	const html = readFileSync(file, 'utf8')
		.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '')
		.replace(
			'</head>',
			'<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>',
		)
		.replace(
			/<body([^>]*)>/,
			'<body$1><div id="peer-search"></div><script>window.addEventListener("DOMContentLoaded",()=>new PagefindUI({element:"#peer-search",showSubResults:true}))</script>',
		);
	writeFileSync(file, html);
}

/** The two sites as the bench drives them: where to type, what a result looks like. */
const SITES = {
	ours: { input: '#site-search', results: '.search-popup', result: '.search-result-title' },
	peer: {
		input: '.pagefind-ui__search-input',
		results: '#peer-search',
		result: '.pagefind-ui__result-link',
	},
};

/** Opens the page as a first visit (no service worker, empty cache); records pagefind fetches. */
async function firstVisit(browser, url) {
	const ctx = await browser.newContext({ serviceWorkers: 'block' });
	const page = await ctx.newPage();
	const fetched = new Set();
	ctx.on('requestfinished', (r) => {
		const { pathname } = new URL(r.url());
		if (pathname.startsWith('/pagefind/')) fetched.add(pathname);
	});
	await page.goto(url);
	return { ctx, page, fetched };
}

/** Puts the query into the site's box as typed text and waits for a result containing `expect`. */
async function query(page, site, text, expect) {
	const s = SITES[site];
	await page.evaluate(() => (window.__bench.marks = []));
	await page.locator(s.input).click();
	await page.keyboard.insertText(text);
	await page.waitForFunction((t) => window.__bench.marks.some(([x]) => x.includes(t)), expect, {
		timeout: 30_000,
	});
	return page.evaluate(
		(t) => window.__bench.marks.find(([x]) => x.includes(t))[1] - window.__bench.input,
		expect,
	);
}

/** One cold and one warm query on a first visit, 4× CPU; returns { cold, warm, bytes }. */
async function coldWarm(browser, url, site) {
	const { ctx, page, fetched } = await firstVisit(browser, url);
	const s = SITES[site];
	await page.locator(s.input).waitFor();
	const cdp = await ctx.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.evaluate((s) => {
		const root = document.querySelector(s.results);
		window.__bench = { marks: [] };
		document.addEventListener(
			'input',
			(e) => e.target.matches?.(s.input) && (window.__bench.input = performance.now()),
			true,
		);
		new MutationObserver(() => {
			const first = root.querySelector(s.result);
			if (first) window.__bench.marks.push([first.textContent, performance.now()]);
		}).observe(root, { childList: true, subtree: true, characterData: true });
	}, s);
	const cold = await query(page, site, '五必访', '五必访');
	await page.waitForLoadState('networkidle');
	const bytes = [...fetched];
	await page.locator(s.input).fill('');
	await page.waitForTimeout(500);
	const warm = await query(page, site, '职代会', '民主之家');
	await ctx.close();
	return { cold, warm, bytes };
}

/** Bytes a first query fetches on a first visit of the site. */
async function firstQueryFiles(browser, url, site, text) {
	const { ctx, page, fetched } = await firstVisit(browser, url);
	await page.locator(SITES[site].input).click();
	await page.keyboard.insertText(text);
	await page
		.locator(`${SITES[site].results} ${SITES[site].result}`)
		.first()
		.waitFor({ timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	await ctx.close();
	return [...fetched];
}

/** The search page's order for each labelled query: top-1 and top-3 and the misses. */
async function ranking(browser, url, queries) {
	const ctx = await browser.newContext({ serviceWorkers: 'block' });
	const page = await ctx.newPage();
	let top1 = 0;
	let top3 = 0;
	const misses = [];
	for (const { query: q, want } of queries) {
		await page.goto(`${url}/search/?q=${encodeURIComponent(q)}`);
		const links = page.locator('.search-results-page > li > a.search-result-title');
		await links.first().waitFor({ timeout: 30_000 });
		const got = await links.evaluateAll((as) => as.slice(0, 3).map((a) => a.pathname));
		if (got[0] === want) top1++;
		else misses.push(`${q} → ${got[0]} (want ${want})`);
		if (got.includes(want)) top3++;
	}
	await ctx.close();
	return { top1, top3, misses };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the search section; `record(area, metric, value, budget)` prints a row. */
export async function searchSection({ root, browser, serve, record, kb }) {
	const dist = join(root, 'dist');
	const peerDir = join(root, 'bench', '.tmp', 'peer-dist');
	await buildPeer(dist, peerDir);
	const ours = await serve(dist, 0);
	const peer = await serve(peerDir, 0);
	try {
		const runs = { ours: [], peer: [] };
		for (let i = 0; i < 5; i++)
			for (const [site, server] of [
				['ours', ours],
				['peer', peer],
			])
				runs[site].push(await coldWarm(browser, `${server.url}${PAGE}`, site));
		const ratio = (k) => median(runs.ours.map((r) => r[k])) / median(runs.peer.map((r) => r[k]));
		for (const [k, label, budget] of [
			['cold', 'cold: first query on a first visit → first result, 4× CPU', '≤ 0.8×'],
			['warm', 'warm: next query → first result, 4× CPU', '≤ 1.0×'],
		]) {
			record(
				'search',
				`${label}: ours / pagefind default UI (median of 5)`,
				`${Math.round(median(runs.ours.map((r) => r[k])))} / ${Math.round(median(runs.peer.map((r) => r[k])))} ms = ${ratio(k).toFixed(2)}×`,
				budget,
			);
		}
		for (const text of FIRST_QUERIES) {
			const mine = wireBytes(
				dist,
				await firstQueryFiles(browser, `${ours.url}${PAGE}`, 'ours', text),
			);
			const theirs = wireBytes(
				peerDir,
				await firstQueryFiles(browser, `${peer.url}${PAGE}`, 'peer', text),
			);
			record(
				'search',
				`bytes of a first query ${text}: ours / pagefind default UI`,
				`${kb(mine)} / ${kb(theirs)}`,
				'≤ 100.0 KB',
			);
		}
		const { rankingQueries } = await import('../../tests/e2e/ranking-queries.ts');
		const r = await ranking(browser, ours.url, rankingQueries);
		const n = rankingQueries.length;
		record(
			'search',
			`ranking: wanted page first, ${n} labelled queries (top-1)`,
			`${r.top1} / ${n} = ${(r.top1 / n).toFixed(2)}`,
			'≥ 0.85',
		);
		record(
			'search',
			`ranking: wanted page in the first three (top-3)`,
			`${r.top3} / ${n} = ${(r.top3 / n).toFixed(2)}`,
		);
		if (r.misses.length) console.log(`  ranking misses:\n    ${r.misses.join('\n    ')}`);
	} finally {
		ours.stop();
		peer.stop();
		if (existsSync(peerDir)) rmSync(peerDir, { recursive: true, force: true });
	}
}
