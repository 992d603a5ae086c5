/**
 * The site as a whole: every built page loads cleanly and only from this server, fits a
 * phone screen, and the shared navigation (menu, skip link, guide pages, 404) works.
 */
import { type Page } from '@playwright/test';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };
import {
	test,
	openAround,
	builtPages,
	chartMarks,
	catalogue,
	expect,
	guides,
	readPages,
	makeAssessment,
	seed,
	uniformPlan,
	watch,
	watchCsp,
	cspViolations,
	type Watch,
} from './support';

test.describe.configure({ mode: 'parallel' });

/** Two saved assessments of one branch, so results, print and compare all have something to show. */
async function seedTwo(page: Page): Promise<void> {
	const profile = { unitName: '示例机械厂', unionName: '示例机械厂工会', memberCount: 320 };
	await seed(page, [
		makeAssessment(
			'site-a',
			'2026 年度自评',
			uniformPlan(2, { A1: { level: 3, note: '换届材料齐全' } }),
			{
				...profile,
				assessedOn: '2026-03-01',
			},
		),
		makeAssessment('site-b', '2025 年度自评', uniformPlan(1), {
			...profile,
			assessedOn: '2025-03-01',
		}),
	]);
}

/** The links among `links` (target → page it is on) whose page or heading does not exist. */
async function brokenLinks(page: Page, links: ReadonlyMap<string, string>): Promise<string[]> {
	const origin = new URL(page.url()).origin;
	const html = new Map<string, string>();
	const broken: string[] = [];
	for (const [target, from] of links) {
		const u = new URL(target, origin);
		if (!html.has(u.pathname)) {
			const r = await page.request.get(u.pathname, { maxRedirects: 0 });
			html.set(u.pathname, r.status() === 200 ? await r.text() : '');
			if (r.status() !== 200) broken.push(`${from} → ${u.pathname}: HTTP ${r.status()}`);
		}
		const id = decodeURIComponent(u.hash.slice(1));
		if (id && html.get(u.pathname) && !html.get(u.pathname)!.includes(`id="${id}"`))
			broken.push(`${from} → ${target}: no #${id}`);
	}
	return broken;
}

/** Scrolls the results charts into view and waits until both charts are drawn. */
async function showCharts(page: Page): Promise<void> {
	await page.locator('[data-charts]').scrollIntoViewIfNeeded();
	await expect.poll(() => chartMarks(page.locator('svg[data-radar]'))).toBeGreaterThan(0);
	await expect.poll(() => chartMarks(page.locator('svg[data-bar]'))).toBeGreaterThan(0);
}

test.describe('every page', () => {
	test('the build has the expected pages', () => {
		const pages = builtPages();
		for (const p of [
			'/',
			'/404.html',
			'/about/',
			'/assess/',
			'/assess/print/',
			'/assess/questionnaire/',
			'/assess/results/',
			'/compare/',
			'/guide/',
			'/method/',
			...catalogue.categories.map((k) => `/method/${k.id.toLowerCase()}/`),
			'/search/',
		])
			expect(pages).toContain(p);
		for (const g of guides) expect(pages).toContain(`/guide/${g.id}/`);
	});
});

// One sweep of every page, with two saved assessments, on a phone screen: what every page
// must do is checked on the one load (the desktop layout is audited page by page in
// a11y.spec.ts). Two halves run in parallel.
test.describe('every page, on a phone screen (360×740)', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	for (const half of [0, 1] as const) {
		test(`pages ${half === 0 ? 'A' : 'B'}: status 200, Chinese, a heading and the search box; no console error, CSP violation, failed request or other host; nothing scrolls sideways, app pages with data and charts included; every link leads somewhere`, async ({
			page,
		}) => {
			test.setTimeout(180_000); // a limit for some thirty pages on a busy machine
			const w: Watch = watch(page);
			await watchCsp(page);
			const csp = async (where: string) => {
				for (const v of await cspViolations(page))
					w.problems.push(`CSP violation on ${where}: ${JSON.stringify(v)}`);
			};
			const wide: string[] = [];
			const fits = async (label: string) => {
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				if (width > 360) wide.push(`${label}: scrollWidth ${width}`);
			};
			await seedTwo(page);
			const origin = new URL(page.url()).origin;
			const links = new Map<string, string>(); // target → first page linking to it
			const pages = builtPages().filter((_, i) => i % 2 === half);
			for (const path of pages) {
				const response = await page.goto(path, { waitUntil: 'networkidle' });
				expect(response?.status(), path).toBe(200);
				await expect(page.locator('html'), path).toHaveAttribute('lang', 'zh-CN');
				await expect(page.locator('h1').first(), path).toBeVisible();
				const box = page.getByRole('banner').getByRole('combobox', { name: '搜索' });
				await expect(box, path).toBeVisible();
				await expect(box, path).toHaveAttribute('placeholder', '搜索指南，如 五必访');
				if (path === '/assess/results/') await showCharts(page);
				if (path === '/assess/print/')
					await expect(page.locator('zz-print-view[data-ready]')).toBeAttached();
				if (path === '/compare/') await expect(page.locator('[data-has-entries]')).toBeVisible();
				await fits(path);
				await csp(path);
				// Each page carries only the strings its scripts use (strings-subset.ts): none shows a
				// key in place of its Chinese text.
				const shown = await page.locator('body').innerText();
				expect(
					Object.keys(strings).filter((k) =>
						new RegExp(`(?<![\\w.])${k.replace(/\./g, '\\.')}(?![\\w.])`).test(shown),
					),
					path,
				).toEqual([]);
				const hrefs = await page
					.locator('a[href]')
					.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
				expect(hrefs.length, path).toBeGreaterThan(0);
				for (const href of hrefs) {
					const u = new URL(href);
					if (u.origin !== origin) continue;
					const key = u.pathname + u.search + u.hash;
					if (!links.has(key)) links.set(key, path);
				}
			}
			// Every link those pages hold (with saved answers shown) leads to a page and a
			// heading that exist.
			expect(links.size).toBeGreaterThan(30);
			expect(await brokenLinks(page, links)).toEqual([]);
			if (half === 0) {
				// The search fetches its index, wasm and fragments once used.
				await page.goto('/search/?q=%E8%81%8C%E4%BB%A3%E4%BC%9A', { waitUntil: 'networkidle' });
				await expect(page.locator('.search-results-page li').first()).toBeVisible();
				await fits('/search/?q=职代会');
				await page.goto('/guide/');
				const box = page.getByRole('combobox', { name: '搜索' });
				await box.click();
				await box.pressSequentially('职工书屋');
				await expect(page.locator('#site-search-results .search-result').first()).toBeVisible();
				await page.waitForLoadState('networkidle');
				expect(w.urls.some((u) => u.includes('/pagefind/'))).toBe(true);
			} else {
				// The checklist saving, the charts' code loaded, and the menu open.
				await page.goto('/assess/', { waitUntil: 'networkidle' });
				// The seeded assessment may open as an overview: A1 is opened as a person would.
				const top = page.locator('#criterion-A1 [name="level-A1"][value="3"]');
				await openAround(page, top);
				await top.check();
				await expect(page.locator('[data-save-status]')).toContainText('已保存');
				expect(w.urls.some((u) => /\/_astro\/charts\.[\w-]+\.js$/.test(u))).toBe(true);
				await page.goto('/guide/shishi/');
				await page.getByRole('button', { name: '菜单' }).click();
				await fits('/guide/shishi/ with the menu open');
			}
			await csp(page.url());
			expect(w.problems).toEqual([]);
			const foreign = w.urls.filter((u) => new URL(u).hostname !== '127.0.0.1');
			expect(foreign).toEqual([]);
			expect(wide).toEqual([]);
		});
	}
});

test.describe('phone screen 360×740', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the menu opens with its button, is reachable by keyboard and closes with Escape', async ({
		page,
	}) => {
		await page.goto('/guide/');
		const button = page.getByRole('button', { name: '菜单' });
		const nav = page.getByRole('navigation', { name: '主导航' });
		await expect(button).toBeVisible();
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await expect(nav).toBeHidden();

		await button.click();
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		await expect(nav).toBeVisible();
		await expect(nav.getByRole('link', { name: '建家指南' })).toHaveAttribute(
			'aria-current',
			'page',
		);
		await button.click();
		await expect(nav).toBeHidden();

		// Keyboard only: Tab to the button, open it with Enter, Tab into the links, Escape closes.
		await page.locator('body').focus();
		for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(button).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(nav).toBeVisible();
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link', { name: '建家指南' })).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link', { name: '文书模板' })).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link', { name: '自评', exact: true })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(nav).toBeHidden();
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await expect(button).toBeFocused();
		// Space toggles it too.
		await page.keyboard.press('Space');
		await expect(nav).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(nav).toBeHidden();
	});
});

test.describe('keyboard basics', () => {
	test('the skip link is the first Tab stop and moves focus to the main content', async ({
		page,
	}) => {
		for (const path of ['/', '/guide/weiquan/', '/assess/']) {
			await page.goto(path);
			await page.keyboard.press('Tab');
			const skip = page.getByRole('link', { name: '跳到正文' });
			await expect(skip).toBeFocused();
			await expect(skip).toBeInViewport();
			await page.keyboard.press('Enter');
			await expect(page.locator('main#main')).toBeFocused();
			// The next Tab goes on inside main, not back to the header.
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(
				true,
			);
		}
	});
});

test.describe('guide pages', () => {
	test('nothing drawn while a guide page is still arriving moves when the rest arrives (the sidebar comes after the article)', async ({
		page,
		request,
	}) => {
		const path = '/guide/minzhu/';
		const html = await (await request.get(path)).text();
		const end = (from: number, tag: string) => html.indexOf(tag, from) + tag.length;
		// The page as a slow line delivers it: up to the article's heading, and up to the end of
		// the sidebar (wherever each is in the page).
		const cuts = [
			end(html.indexOf('<main'), '</h1>'),
			end(html.indexOf('class="guide-sidebar"'), '</nav>'),
		];
		const parts = ['main h1', 'nav.guide-sidebar'];
		const boxes = () =>
			Promise.all(
				parts.map(async (sel) =>
					(await page.locator(sel).count()) ? page.locator(sel).boundingBox() : null,
				),
			);
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(path);
			const whole = await boxes();
			for (const cut of cuts) {
				await page.route(`**${path}`, (route) =>
					route.fulfill({
						status: 200,
						contentType: 'text/html; charset=utf-8',
						body: html.slice(0, cut),
					}),
				);
				await page.goto(path);
				const early = await boxes();
				await page.unroute(`**${path}`);
				early.forEach((box, i) => {
					if (!box) return;
					const where = `${parts[i]} at ${width} px, page cut at ${cut} of ${html.length}`;
					expect(whole[i]?.x, where).toBeCloseTo(box.x, 0);
					expect(whole[i]?.y, where).toBeCloseTo(box.y, 0);
				});
			}
		}
	});

	test('next links walk every guide in order and previous links point back; the sidebar marks the current page', async ({
		page,
	}) => {
		await page.goto(`/guide/${guides[0]!.id}/`);
		for (const [i, g] of guides.entries()) {
			await expect(page).toHaveURL(new RegExp(`/guide/${g.id}/$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(g.title);
			// The rest of what the page says, read in one round trip.
			const seen = await page.evaluate(() => {
				const link = (a: Element | null | undefined) =>
					a ? [(a.textContent ?? '').replace(/\s+/g, ' ').trim(), a.getAttribute('href')] : null;
				const sidebar = document.querySelector('nav.guide-sidebar');
				const current = sidebar?.querySelectorAll('[aria-current="page"]') ?? [];
				const pager = document.querySelector('nav.pager');
				const links = [...(pager?.querySelectorAll('a') ?? [])];
				return {
					current: [...current].map(link),
					prev: link(links.find((a) => a.textContent?.includes('上一篇'))),
					next: link(links.find((a) => a.textContent?.includes('下一篇'))),
				};
			});
			expect(seen.current, g.id).toEqual([[g.title, `/guide/${g.id}/`]]);
			const before = guides[i - 1];
			const after = guides[i + 1];
			if (before) {
				expect(seen.prev?.[0], g.id).toContain(before.title);
				expect(seen.prev?.[1], g.id).toBe(`/guide/${before.id}/`);
			} else expect(seen.prev, g.id).toBeNull();
			if (after) {
				expect(seen.next?.[0], g.id).toContain(after.title);
				expect(seen.next?.[1], g.id).toBe(`/guide/${after.id}/`);
				await page
					.getByRole('navigation', { name: '上一篇 / 下一篇' })
					.getByRole('link', { name: /下一篇/ })
					.click();
			} else expect(seen.next, g.id).toBeNull();
		}
		// And a previous link, followed, goes back one guide.
		await page
			.getByRole('navigation', { name: '上一篇 / 下一篇' })
			.getByRole('link', { name: /上一篇/ })
			.click();
		const penultimate = guides[guides.length - 2]!;
		await expect(page).toHaveURL(new RegExp(`/guide/${penultimate.id}/$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(penultimate.title);
	});

	test('every on-page contents link points at a heading that exists, and following one scrolls there', async ({
		page,
	}) => {
		// Every guide page's contents, as the browser parses it (see readPages)…
		const pages = await readPages(
			page,
			guides.map((g) => `/guide/${g.id}/`),
			(doc) => {
				const nav = [...doc.querySelectorAll('nav')].find(
					(n) =>
						n.getAttribute('aria-label') === '本页目录' ||
						doc.getElementById(n.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ===
							'本页目录',
				);
				return [...(nav?.querySelectorAll('a') ?? [])].map((a) => {
					const href = a.getAttribute('href') ?? '';
					const target = href.startsWith('#')
						? doc.getElementById(decodeURIComponent(href.slice(1)))
						: null;
					return {
						href,
						text: a.textContent?.trim(),
						tag: target?.tagName ?? null,
						heading: target?.textContent?.trim() ?? null,
					};
				});
			},
		);
		for (const [i, links] of pages.entries()) {
			const id = guides[i]!.id;
			expect(links.length, id).toBeGreaterThan(2);
			for (const l of links) {
				expect(l.href, id).toMatch(/^#.+/);
				expect(l.tag, `${id} ${l.href}`).toMatch(/^H[23]$/);
				expect(l.heading, `${id} ${l.href}`).toBe(l.text);
			}
		}
		// …and on one page, the contents shows and following a link scrolls there.
		await page.goto('/guide/weiquan/');
		const toc = page.getByRole('navigation', { name: '本页目录' });
		await expect(toc).toBeVisible();
		const last = toc.getByRole('link').last();
		const id = decodeURIComponent(((await last.getAttribute('href')) ?? '').slice(1));
		await last.click();
		await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(id)}$`));
		await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
	});

	test('“返回指南目录” goes back to the guide index', async ({ page }) => {
		await page.goto('/guide/minzhu/');
		await page.getByRole('link', { name: '返回指南目录' }).click();
		await expect(page).toHaveURL(/\/guide\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('建家指南');
		for (const g of guides)
			await expect(
				page.getByRole('link', { name: new RegExp(g.title.slice(0, 6)) }).first(),
			).toBeVisible();
	});
});

test.describe('guide content structure', () => {
	test('no two guide pages share a section heading, each ends with one sources box, and none keeps the old second sources section', async ({
		page,
	}) => {
		const pages = await readPages(
			page,
			guides.map((g) => `/guide/${g.id}/`),
			(doc) => {
				const article = doc.querySelector('article');
				const headings = [...(article?.querySelectorAll('h2, h3') ?? [])].map((h) =>
					(h.textContent ?? '').trim(),
				);
				const sections = [...(article?.querySelectorAll('.guide-body ~ section') ?? [])];
				return {
					h2: [...(article?.querySelectorAll('.guide-body h2') ?? [])].map((h) =>
						(h.textContent ?? '').trim(),
					),
					sources: headings.filter((h) => h === '本页依据与来源').length,
					oldSources: headings.filter((h) => h === '参考标准与依据').length,
					lastSection: (sections.at(-1)?.querySelector('h2')?.textContent ?? '').trim(),
				};
			},
		);
		const seen = new Map<string, string>();
		for (const [i, p] of pages.entries()) {
			const id = guides[i]!.id;
			expect(p.h2.length, id).toBeGreaterThanOrEqual(3);
			for (const h of p.h2) {
				expect(seen.get(h), `${id}: “${h}” also on ${seen.get(h)}`).toBeUndefined();
				seen.set(h, id);
			}
			expect([p.sources, p.oldSources, p.lastSection], id).toEqual([1, 0, '本页依据与来源']);
		}
	});

	test('there is one 建家年历, on the starting path page; other pages link to it instead of keeping a calendar', async ({
		page,
	}) => {
		await page.goto('/guide/xinren/');
		const calendar = page.getByRole('table').filter({ hasText: '12月' });
		await expect(calendar).toHaveCount(1);
		await expect(calendar.getByRole('row')).toHaveCount(13);
		const others = guides.filter((x) => x.id !== 'xinren');
		const pages = await readPages(
			page,
			others.map((g) => `/guide/${g.id}/`),
			(doc) => ({
				calendars: [...doc.querySelectorAll('.guide-body table')].filter((t) =>
					/12月|四季度|年底/.test(t.textContent ?? ''),
				).length,
				links: [...doc.querySelectorAll('.guide-body a')]
					.filter((a) => (a.textContent ?? '').includes('建家年历'))
					.map((a) => decodeURIComponent(a.getAttribute('href') ?? '')),
			}),
		);
		for (const [i, p] of pages.entries()) {
			const id = others[i]!.id;
			expect(p.calendars, id).toBe(0);
			if (['zongze', 'suzhi', 'wennuan', 'gonggu'].includes(id))
				expect(p.links, id).toContain('/guide/xinren/#建家年历');
		}
		// Following one such link lands on the calendar.
		await page.goto('/guide/zongze/');
		await page.locator('.guide-body').getByRole('link', { name: '建家年历' }).first().click();
		await expect(page).toHaveURL(/\/guide\/xinren\/#建家年历$|\/guide\/xinren\/#%E5%BB%BA/);
		await expect(page.getByRole('heading', { name: '建家年历', exact: true })).toBeInViewport();
	});

	test('each pillar page shows its 必备 criteria and the 否决 conditions that touch it, from the catalogue', async ({
		page,
	}) => {
		for (const g of guides) {
			const required = catalogue.criteria.filter(
				(c) => c.required && c.guide.split('#')[0] === g.id,
			);
			await page.goto(`/guide/${g.id}/`);
			const box = page.getByRole('complementary', { name: '本页涉及的必备项和否决项' });
			for (const c of required) {
				const link = box.getByRole('link', { name: `${c.id} ${c.title}` });
				await expect(link).toBeVisible();
				await expect(link).toHaveAttribute('href', `/assess/#criterion-${c.id}`);
			}
			if (g.id === 'xinren' || g.id === 'shili') await expect(box).toHaveCount(0);
		}
		await page.goto('/guide/minzhu/');
		const box = page.getByRole('complementary', { name: '本页涉及的必备项和否决项' });
		const v4 = catalogue.vetoes.find((v) => v.id === 'V4')!;
		await expect(box.getByText(v4.title)).toBeVisible();
		await page.goto('/guide/gonggu/');
		const derived = catalogue.vetoes.find((v) => v.derivedFrom?.criterion === 'I2')!;
		await expect(
			page
				.getByRole('complementary', { name: '本页涉及的必备项和否决项' })
				.getByText(derived.title),
		).toBeVisible();
	});
});

test.describe('评分细则 pages', () => {
	test('计分方法 links each category to its page, which lists every criterion with its four levels, evidence and links', async ({
		page,
	}) => {
		// What a reader sees, read in one round trip per page (the sweep of all pages checks
		// every link resolves; here the links must point where the catalogue says).
		await page.goto('/method/');
		const categoryLinks = await page
			.locator('main a')
			.evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
		for (const k of catalogue.categories)
			expect(categoryLinks, k.id).toContainEqual([
				`${k.id} ${k.title}：评分细则`,
				`/method/${k.id.toLowerCase()}/`,
			]);
		for (const [i, k] of catalogue.categories.entries()) {
			if (i === 0) await page.getByRole('link', { name: `${k.id} ${k.title}：评分细则` }).click();
			else await page.goto(`/method/${k.id.toLowerCase()}/`);
			await expect(page).toHaveURL(new RegExp(`/method/${k.id.toLowerCase()}/$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				`${k.id} ${k.title}：评分细则`,
			);
			const nav = page.getByRole('navigation', { name: '评分细则各类别' });
			await expect(nav.getByRole('link')).toHaveCount(catalogue.categories.length);
			await expect(nav.locator('[aria-current="page"]')).toHaveText(`${k.id} ${k.title}`);
			const sections = await page.locator('.method-criterion').evaluateAll((list) =>
				list.map((s) => ({
					name: document
						.getElementById(s.getAttribute('aria-labelledby') ?? '')
						?.textContent?.replace(/\s+/g, ' ')
						.trim(),
					levels: [...s.querySelectorAll('.level-list > li')].map((li) =>
						(li.textContent ?? '').trim(),
					),
					text: s.textContent ?? '',
					links: [...s.querySelectorAll('a')].map((a) => [
						(a.textContent ?? '').trim(),
						a.getAttribute('href') ?? '',
					]),
				})),
			);
			const criteria = catalogue.criteria.filter((c) => c.category === k.id);
			expect(sections.length).toBe(criteria.length);
			for (const [n, c] of criteria.entries()) {
				const section = sections[n]!;
				expect(section.name).toMatch(new RegExp(`^${c.id} ${c.title}`));
				expect(section.levels, c.id).toEqual(
					c.levels.map((text, level) =>
						expect.stringMatching(
							new RegExp(
								`^${catalogue.levelNames[level]}（\\d+%）：${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
							),
						),
					),
				);
				expect(section.text, c.id).toContain(`佐证材料：${c.evidence.join('；')}`);
				expect(section.links, c.id).toContainEqual([
					`到自评表中给 ${c.id} 打分`,
					`/assess/#criterion-${c.id}`,
				]);
				const guideLink = section.links.find(([name]) => name!.startsWith('怎么做：'));
				expect(guideLink?.[1], c.id).toMatch(new RegExp(`^/guide/${c.guide.split('#')[0]}/`));
			}
			const pager = page.getByRole('navigation', { name: '上一类 / 下一类' });
			await expect(pager.getByRole('link', { name: /上一类/ })).toHaveCount(i === 0 ? 0 : 1);
			await expect(pager.getByRole('link', { name: /下一类/ })).toHaveCount(
				i === catalogue.categories.length - 1 ? 0 : 1,
			);
		}
		// From a category page, 到自评表中打分 opens the checklist at that criterion.
		await page.goto('/method/d/');
		await page.getByRole('link', { name: '到自评表中给 D1 打分' }).click();
		await expect(page).toHaveURL(/\/assess\/#criterion-D1$/);
		await expect(page.locator('#criterion-D1')).toBeInViewport();
		await page.goto('/method/d/');
		await page.getByRole('link', { name: '返回计分方法' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('计分方法');
	});
});

test.describe('missing pages', () => {
	test('a missing URL gets the Chinese 404 page with status 404', async ({ page }) => {
		// The document's own 404 is expected (Chromium also logs it to the console); nothing else may fail.
		const w = watch(page, {
			allowStatus: (url, status) => status === 404 && url.endsWith('/no-such-page/'),
			allowConsole: (text, url) => url.endsWith('/no-such-page/') && text.includes('status of 404'),
		});
		const response = await page.goto('/no-such-page/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到这个页面');
		await expect(
			page.getByText('您要找的页面不存在，可能是地址输错了，或页面已经调整。'),
		).toBeVisible();
		await expect(page.getByRole('link', { name: '回到首页' })).toHaveAttribute('href', '/');
		await page.getByLabel('或者搜索：').fill('职代会');
		await page.getByLabel('或者搜索：').press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=/);
		await expect(page.locator('.search-results-page li').first()).toBeVisible();
		expect(w.problems).toEqual([]);
	});
});

test.describe('home page', () => {
	for (const [width, height] of [
		[1280, 800],
		[360, 740],
	] as const) {
		test(`at ${width} px the first screen says what the site does for a branch and for a 上级工会`, async ({
			page,
		}) => {
			await page.setViewportSize({ width, height });
			await page.goto('/');
			const main = page.getByRole('main');
			const branch = main.getByRole('heading', { name: /^基层工会/ });
			const upper = main.getByRole('heading', { name: /^上级工会/ });
			await expect(branch).toBeInViewport();
			await expect(main.getByRole('link', { name: '开始自评' })).toBeInViewport();
			// On a phone the 上级工会 part follows the branch steps; on a desktop it sits beside them.
			if (width >= 1000) {
				await expect(upper).toBeInViewport();
				await expect(main.getByRole('link', { name: '打开比较与汇总' })).toBeInViewport();
			} else {
				await expect(upper).toBeVisible();
				const top = (await upper.boundingBox())!.y;
				expect(top).toBeLessThan(3 * height);
			}
			await main.getByRole('link', { name: '打开比较与汇总' }).click();
			await expect(page).toHaveURL(/\/compare\/$/);
		});
	}
});
