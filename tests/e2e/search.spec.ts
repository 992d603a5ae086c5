/**
 * Search: the header box and its shortcuts, the dropdown (inside the window, clean
 * snippets), the search page (tabs per kind of page, more results on demand), ranking of
 * the page that covers a topic, what a first search fetches, and recall of domain terms
 * against the text pagefind indexed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	test,
	awaitChecklist,
	DIST,
	builtPages,
	expect,
	guides,
	isFocused,
	openAround,
} from './support';
import { recallTerms } from './recall-terms';
import { rankingQueries } from './ranking-queries';

test.describe.configure({ mode: 'parallel' });
// Search as such: service workers are blocked in every test context (playwright.config.ts);
// offline.spec.ts tests search through the service worker.

const shishi = guides.find((g) => g.id === 'shishi')!;

test.describe('header search box', () => {
	// That it is on every page is checked in site.spec.ts's sweep of all pages.
	test('/ and Ctrl+K focus it, but not while typing in another field', async ({ page }) => {
		await page.goto('/guide/weiquan/');
		const box = page.getByRole('combobox', { name: '搜索' });
		await expect(box).not.toBeFocused();
		await page.keyboard.press('/');
		await expect(box).toBeFocused();
		await expect(box).toHaveValue('');
		await box.blur();
		await page.keyboard.press('Control+k');
		await expect(box).toBeFocused();
		await box.blur();

		// Typing in the checklist's fields: / is a character there and Ctrl+K leaves the focus alone.
		await page.goto('/assess/');
		const unit = page.getByLabel('单位名称');
		await unit.click();
		await page.keyboard.type('一厂/二厂');
		await expect(unit).toHaveValue('一厂/二厂');
		await expect(unit).toBeFocused();
		await page.keyboard.press('Control+k');
		await expect(unit).toBeFocused();
		// The first criterion's note, folded under 添加说明 until opened.
		const note = page.locator('#note-A1');
		await openAround(page, note);
		await note.click();
		await page.keyboard.type('a/b');
		await page.keyboard.press('Control+k');
		await expect(note).toHaveValue('a/b');
		await expect(note).toBeFocused();
		// …and from outside a field they work again.
		await page.locator('h1').click();
		await page.keyboard.press('/');
		await expect(page.getByRole('combobox', { name: '搜索' })).toBeFocused();
	});

	test('typing 五必访 shows a dropdown led by the 为职工办实事 page; arrow keys and Enter open it with the term marked', async ({
		page,
	}) => {
		await page.goto('/');
		await page.keyboard.press('/');
		await page.keyboard.type('五必访');
		const box = page.getByRole('combobox', { name: '搜索' });
		await expect(box).toHaveAttribute('aria-expanded', 'true');
		const popup = page.locator('#site-search-results');
		await expect(popup).toBeVisible();
		await expect(popup.getByRole('status')).toHaveText(/找到 \d+ 个相关页面/);
		const first = popup.locator('a.search-result-title').first();
		await expect(first).toHaveText(shishi.title);
		await expect(popup.locator('.search-excerpt').first().locator('mark').first()).toBeVisible();
		await expect(popup.getByRole('link', { name: '查看全部结果' })).toBeVisible();

		await page.keyboard.press('ArrowDown');
		await expect(first).toHaveAttribute('data-active', '');
		await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		await expect(first).toHaveAttribute('data-active', '');
		await page.keyboard.press('Enter');

		await expect(page).toHaveURL(/\/guide\/shishi\/\?hl=/);
		expect(new URL(page.url()).searchParams.get('hl')).toBe('五必访');
		const marks = page.locator('main mark.search-hit');
		await expect(marks.first()).toBeVisible();
		expect(await marks.count()).toBeGreaterThan(3);
		for (const text of await marks.allTextContents()) expect(text).toBe('五必访');
		const notice = page.getByRole('status').filter({ hasText: '已在本页标出“五必访”' });
		await expect(notice).toBeVisible();
		await notice.getByRole('button', { name: '取消标记' }).click();
		await expect(marks).toHaveCount(0);
		await expect(page).not.toHaveURL(/hl=/);
	});

	test('Escape closes the dropdown, and a search still loading does not open it again', async ({
		page,
	}) => {
		await page.goto('/about/');
		// The search files held back, as on a slow line, so the search ends after the Escape.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/pagefind/**', async (route) => {
			await held;
			await route.continue();
		});
		const box = page.getByRole('combobox', { name: '搜索' });
		const popup = page.locator('#site-search-results');
		await box.click();
		await page.keyboard.type('职代会');
		await expect(popup).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(popup).toBeHidden();
		release();
		await page.waitForLoadState('networkidle');
		await expect(popup).toBeHidden();
		await expect(box).toHaveAttribute('aria-expanded', 'false');
		// Typing again searches again.
		await page.keyboard.type('书屋');
		await expect(popup.getByRole('link').first()).toBeVisible();
		await expect(box).toHaveAttribute('aria-expanded', 'true');
	});
});

test.describe('search page', () => {
	test('reads ?q= and shows results with title, marked excerpt and sub-results per heading', async ({
		page,
	}) => {
		await page.goto('/search/?q=' + encodeURIComponent('困难职工档案'));
		const input = page.getByRole('main').getByRole('searchbox', { name: '搜索' });
		await expect(input).toHaveValue('困难职工档案');
		await expect(page.getByRole('main').getByRole('status')).toHaveText(/找到 \d+ 个相关页面/);
		const results = page.locator('.search-results-page > li');
		await expect(results.first()).toBeVisible();
		const first = results.first();
		await expect(first.locator('a.search-result-title')).not.toBeEmpty();
		await expect(first.locator('a.search-result-title')).toHaveAttribute(
			'href',
			/^\/(guide|method)\/.*hl=/,
		);
		await expect(first.locator('> .search-excerpt mark').first()).toBeVisible();
		const subs = page.locator('.search-results-page .search-subresults > li');
		expect(await subs.count()).toBeGreaterThan(0);
		await expect(subs.first().getByRole('link')).toHaveAttribute('href', /#.+/);
		await expect(subs.first().locator('.search-excerpt')).not.toBeEmpty();
	});

	for (const [term, id] of [
		['五必访', 'shishi'],
		['职代会', 'minzhu'],
		['厂务公开', 'minzhu'],
	] as const) {
		test(`searching ${term} puts /guide/${id}/ first`, async ({ page }) => {
			await page.goto('/search/?q=' + encodeURIComponent(term));
			const first = page
				.locator('.search-results-page > li')
				.first()
				.locator('a.search-result-title');
			await expect(first).toHaveAttribute('href', new RegExp(`^/guide/${id}/\\?hl=`));
			await expect(first).toHaveText(guides.find((g) => g.id === id)!.title);
		});
	}

	test('常用搜索 links each run their search, and every one finds pages', async ({ page }) => {
		await page.goto('/search/');
		const suggestions = page.getByRole('navigation', { name: '常用搜索' }).getByRole('link');
		const terms = await suggestions.allTextContents();
		expect(terms.length).toBeGreaterThanOrEqual(8);
		expect(terms).toContain('五必访');
		// Each link asks for its own search…
		const hrefs = await suggestions.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(terms.map((term) => `/search/?q=${encodeURIComponent(term)}`));
		// …one is followed with a click, the others by their address: each finds pages.
		for (const [i, term] of terms.entries()) {
			if (i === 0)
				await page
					.getByRole('navigation', { name: '常用搜索' })
					.getByRole('link', { name: term, exact: true })
					.click();
			else await page.goto(hrefs[i]!);
			await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(term)}$`));
			await expect(page.getByRole('main').getByRole('searchbox', { name: '搜索' })).toHaveValue(
				term,
			);
			await expect(page.getByRole('main').getByRole('status')).toHaveText(/找到 \d+ 个相关页面/);
		}
	});

	test('a nonsense query shows the Chinese no-results message', async ({ page }) => {
		await page.goto('/search/');
		const input = page.getByRole('main').getByRole('searchbox', { name: '搜索' });
		await expect(input).toBeFocused();
		await page.keyboard.type('qzxjvw');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main').getByRole('status')).toHaveText(
			'没有找到与“qzxjvw”相关的内容。换个说法试试，如“职代会”“困难帮扶”。',
		);
		await expect(page.locator('.search-results-page')).toHaveCount(0);
		await expect(page).toHaveURL(/\?q=qzxjvw$/);
		expect(await isFocused(input)).toBe(true);
	});
});

test.describe('the dropdown on a desktop window', () => {
	for (const width of [1280, 1366, 1440]) {
		test(`stays inside a ${width} px window and the page never scrolls sideways`, async ({
			page,
		}) => {
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/guide/weiquan/');
			await page.keyboard.press('/');
			await page.keyboard.type('职代会');
			const popup = page.locator('#site-search-results');
			await expect(popup.locator('a.search-result-title').first()).toBeVisible();
			const box = (await popup.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(width);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBe(0);
		});
	}

	test('snippets read as Chinese: the phrase marked whole, no gaps, no Latin stops', async ({
		page,
	}) => {
		await page.goto('/about/');
		await page.keyboard.press('/');
		await page.keyboard.type('职代会');
		const popup = page.locator('#site-search-results');
		const first = popup.locator('a.search-result-title').first();
		await expect(first).toHaveText(guides.find((g) => g.id === 'minzhu')!.title);
		// Every result whose snippet has the phrase marks it whole, and marks nothing shorter.
		const excerpts = popup.locator('.search-excerpt');
		expect(await excerpts.count()).toBeGreaterThanOrEqual(3);
		for (const text of await popup.locator('.search-excerpt mark').allTextContents())
			expect(Array.from(text).length, text).toBeGreaterThanOrEqual(2);
		await expect(excerpts.first().locator('mark').first()).toHaveText('职代会');
		for (const text of await excerpts.allTextContents()) {
			expect(text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
			expect(text).not.toMatch(/\p{Script=Han}\. /u);
			expect(text).not.toContain('\u200b');
		}
		// Each result says what kind of page it is.
		await expect(popup.locator('.search-type').first()).toHaveText('指南');
	});
});

test.describe('results listed before their text', () => {
	test('on a phone the dropdown lists five results at once and loads the text of those on screen; scrolling loads the rest', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 360, height: 640 });
		const fragments = new Set<string>();
		page.on('requestfinished', (r) => {
			if (r.url().endsWith('.pf_fragment')) fragments.add(new URL(r.url()).pathname);
		});
		await page.goto('/guide/minzhu/');
		await page.getByRole('combobox', { name: '搜索' }).click();
		await page.keyboard.insertText('职工书屋');
		const popup = page.locator('#site-search-results');
		const results = popup.locator('li.search-result');
		await expect(results).toHaveCount(5);
		await expect(results.first().locator('.search-excerpt mark').first()).toHaveText('职工书屋');
		// The last result is below the popup's fold: listed, its text not fetched.
		const last = results.last();
		await expect(last.locator('a.search-result-title')).not.toBeEmpty();
		await expect(last).toHaveAttribute('data-loading', '');
		await expect(last.locator('.search-excerpt')).toBeEmpty();
		expect(fragments.size).toBeLessThan(5);
		await last.scrollIntoViewIfNeeded();
		await expect(last).not.toHaveAttribute('data-loading');
		await expect(last.locator('.search-excerpt')).not.toBeEmpty();
		expect(fragments.size).toBe(5);
	});

	test('a hostile pages file changes nothing: results come from the index, no markup, no script links', async ({
		page,
	}) => {
		await page.route('**/pagefind/pages.json', async (route) => {
			const real = (await (await route.fetch()).json()) as Record<string, unknown>;
			const hostile = Object.fromEntries(
				Object.keys(real).map((hash) => [
					hash,
					{
						title: '<img src=x onerror="window.__pwned=1">',
						url: 'javascript:window.__pwned=1',
						type: '<b>x</b>',
					},
				]),
			);
			await route.fulfill({ json: hostile });
		});
		await page.goto('/about/');
		await page.keyboard.press('/');
		await page.keyboard.insertText('五必访');
		const popup = page.locator('#site-search-results');
		const links = popup.locator('a.search-result-title');
		await expect(links.first()).toHaveText(shishi.title);
		for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
			expect(href).toMatch(/^\/[^/]/);
		await expect(popup.locator('img, b')).toHaveCount(0);
		await expect(popup.locator('.search-excerpt mark').first()).toHaveText('五必访');
		expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	});
});

test.describe('kinds of page and more results on the search page', () => {
	test('tabs narrow the results to 指南 or 评分细则 and the choice stays in the URL', async ({
		page,
	}) => {
		await page.goto('/search/?q=' + encodeURIComponent('职代会'));
		const main = page.getByRole('main');
		const tabs = main.getByRole('group', { name: '按类别筛选结果' });
		const all = tabs.getByRole('button', { name: /^全部/ });
		await expect(all).toHaveAttribute('aria-pressed', 'true');
		const method = tabs.getByRole('button', { name: /^评分细则/ });
		await expect(tabs.getByRole('button', { name: /^指南/ })).toBeVisible();
		const count = Number(await method.locator('.search-tab-count').textContent());
		expect(count).toBeGreaterThan(0);
		await method.click();
		await expect(method).toHaveAttribute('aria-pressed', 'true');
		await expect(page).toHaveURL(/type=/);
		await expect(main.getByRole('status')).toHaveText(`找到 ${count} 个相关页面`);
		const kinds = page.locator('.search-results-page > li > .search-type');
		await expect(kinds.first()).toHaveText('评分细则');
		for (const kind of await kinds.allTextContents()) expect(kind).toBe('评分细则');
		for (const href of await page
			.locator('.search-results-page > li > a.search-result-title')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)))
			expect(href).toMatch(/^\/method\//);
		// A link with the tab opens on it; a new query starts again from 全部.
		await page.reload();
		await expect(method).toHaveAttribute('aria-pressed', 'true');
		await main.getByRole('searchbox', { name: '搜索' }).fill('集体合同');
		await expect(all).toHaveAttribute('aria-pressed', 'true');
		await expect(page).not.toHaveURL(/type=/);
	});

	test('a long result list shows ten, and 显示更多结果 adds ten more with focus on the first new one', async ({
		page,
	}) => {
		await page.goto('/search/?q=' + encodeURIComponent('工会'));
		const results = page.locator('.search-results-page > li');
		await expect(results).toHaveCount(10);
		const more = page.getByRole('button', { name: '显示更多结果' });
		await more.click();
		await expect(results).toHaveCount(20);
		await expect(results.nth(10).locator('a.search-result-title')).toBeFocused();
	});
});

test.describe('ranking: the guidance first for a topic, the rule first for a rule', () => {
	const sample = ['集体合同', '工会小组', '入会率', '积极分子', '怎样开好职代会', '加分项'];
	test('six topical and rule queries typed one after another each put the wanted page first', async ({
		page,
	}) => {
		const queries = rankingQueries.filter((q) => sample.includes(q.query));
		expect(queries.map((q) => q.query).sort()).toEqual([...sample].sort());
		await page.goto('/search/');
		const box = page.getByRole('main').getByRole('searchbox', { name: '搜索' });
		const first = page.locator('.search-results-page > li > a.search-result-title').first();
		for (const { query, want } of queries) {
			await box.fill(query);
			await box.press('Enter');
			// The first link carries its query (?hl=…): it is this query's first result.
			await expect(first, query).toHaveAttribute(
				'href',
				new RegExp(`^${want}\\?hl=${encodeURIComponent(query).replace(/[.*()]/g, '\\$&')}(#|$)`),
			);
		}
	});
});

test.describe('what a first search fetches', () => {
	// Bytes over the wire, counted from the built files: pagefind's data files and wasm are
	// already gzip-compressed; its JavaScript and JSON are counted as gzip would send them.
	// Reported, not asserted: sizes are budgets, and budgets live in `npm run bench`.
	const wireBytes = (path: string) => {
		const file = readFileSync(join(DIST, path));
		return /\.(pf_\w+|pagefind)$/.test(path) ? file.length : gzipSync(file).length;
	};
	for (const query of ['为职工办实事落实五必访']) {
		test(`the first query ${query} on a first visit loads the index in chunks and the search code once`, async ({
			browser,
		}) => {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = awaitChecklist(await context.newPage());
			const fetched = new Set<string>();
			// On the context, so requests from pagefind's worker are counted too.
			context.on('requestfinished', (r) => {
				const { pathname } = new URL(r.url());
				if (pathname.startsWith('/pagefind/')) fetched.add(pathname);
			});
			await page.goto('/guide/minzhu/');
			await page.keyboard.press('/');
			await page.keyboard.insertText(query);
			await expect(
				page.locator('#site-search-results a.search-result-title').first(),
			).toBeVisible();
			await page.waitForLoadState('networkidle');
			const files = [...fetched];
			// The index was loaded in small chunks: at most one per query term.
			expect(files.filter((f) => f.endsWith('.pf_index')).length).toBeGreaterThan(0);
			const total = files.reduce((sum, f) => sum + wireBytes(f), 0);
			test.info().annotations.push({
				type: 'bytes',
				description: `${query}: ${(total / 1024).toFixed(1)} KB in ${files.length} files`,
			});
			// pagefind.js (the wrapper that would load a second copy of the search code) is skipped.
			expect(files).not.toContain('/pagefind/pagefind.js');
			await context.close();
		});
	}
});

test.describe('recall of domain terms', () => {
	test('pagefind finds every guide or method page whose indexed text contains the term', async ({
		page,
	}) => {
		test.setTimeout(120_000);
		expect(recallTerms.length).toBeGreaterThanOrEqual(60);
		const pages = builtPages().filter((p) => p.startsWith('/guide/') || p.startsWith('/method/'));
		await page.goto('/about/');
		const rows = await page.evaluate(
			async ({ pages, terms }) => {
				// The text pagefind indexed: the data-pagefind-body element without its ignored parts.
				const BLOCK = new Set(
					'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
						' ',
					),
				);
				const textOf = (node: Node): string => {
					if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
					if (node.nodeType !== Node.ELEMENT_NODE) return '';
					const el = node as Element;
					if (
						el.hasAttribute('data-pagefind-ignore') ||
						/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(el.tagName)
					)
						return '';
					const inner = Array.from(el.childNodes, textOf).join('');
					return BLOCK.has(el.tagName) ? ` ${inner} ` : inner;
				};
				const texts: Record<string, string> = {};
				for (const p of pages) {
					const html = await (await fetch(p)).text();
					const doc = new DOMParser().parseFromString(html, 'text/html');
					const body = doc.querySelector('[data-pagefind-body]');
					texts[p] = body ? textOf(body).replace(/\s+/g, ' ').trim() : '';
				}
				const pagefindUrl = '/pagefind/pagefind.js'; // a URL on the server, not a module TypeScript can see
				const pf = await import(pagefindUrl);
				await pf.init();
				const out: { term: string; expected: string[]; found: string[] }[] = [];
				for (const term of terms) {
					const s = await pf.search(term);
					const data: { url: string }[] = await Promise.all(
						s.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()),
					);
					const found = data
						.map((d) => d.url.replace(/[?#].*$/, ''))
						.filter((u) => pages.includes(u));
					out.push({ term, expected: pages.filter((p) => texts[p]!.includes(term)), found });
				}
				return out;
			},
			{ pages, terms: recallTerms },
		);

		let expectedTotal = 0;
		let foundTotal = 0;
		const misses: { term: string; missing: string; expected: number; found: number }[] = [];
		const noExpectation: string[] = [];
		let extra = 0;
		for (const r of rows) {
			extra += r.found.filter((p) => !r.expected.includes(p)).length;
			if (!r.expected.length) noExpectation.push(r.term);
			expectedTotal += r.expected.length;
			const hit = r.expected.filter((p) => r.found.includes(p));
			foundTotal += hit.length;
			const missing = r.expected.filter((p) => !r.found.includes(p));
			if (missing.length)
				misses.push({
					term: r.term,
					missing: missing.join(' '),
					expected: r.expected.length,
					found: hit.length,
				});
		}
		const recall = foundTotal / expectedTotal;
		console.log(
			`\nSearch recall over ${rows.length} terms and ${pages.length} guide/method pages: ` +
				`${foundTotal} / ${expectedTotal} = ${recall.toFixed(4)}` +
				` (for information: ${extra} pages returned whose text lacks the exact term)`,
		);
		if (misses.length) {
			console.log(`Misses (${misses.length} terms):`);
			console.table(misses);
		} else console.log('No misses.');
		// Every term is taken from the guidance, so each must be expected somewhere.
		expect(noExpectation).toEqual([]);
		expect(recall).toBeGreaterThanOrEqual(0.95);
	});
});
