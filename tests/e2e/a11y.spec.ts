/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every built page in the light colour
 * scheme, on every kind of page in the dark one and at 375 px, and on the interactive pages in
 * their states; the whole flow by keyboard
 * with a visible focus; charts described by tables; reduced motion.
 */
import { expect, type Page } from '@playwright/test';
import { generateResultFiles } from '../../src/lib/generate';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };
import { audit, COLOUR_RULES } from './axe';
import {
	test,
	builtHtml,
	builtPages,
	sitePages,
	catalogue,
	downloadText,
	importOnChecklist,
	makeResult,
	openAround,
	openManager,
	openSection,
	pickFiles,
	tabTo,
	removeTempDirs,
	tempDir,
	writeFiles,
} from './support';

// Independent tests: spread them over the configured workers.
test.describe.configure({ mode: 'parallel' });

/** A result file to seed the checklist with (imported through the page, as a person would). */
let seedPath = '';
let badPath = '';
let comparePaths: string[] = [];
test.afterAll(removeTempDirs);

test.beforeAll(() => {
	const dir = tempDir('zzzj-a11y-');
	const seed = makeResult('无障碍测试单位工会_2025-06-01.json', {
		profile: { unitName: '无障碍测试单位', unionName: '无障碍测试单位工会' },
		level: 2,
		levels: { A2: 1, B1: 3, C1: 0, E2: 'na' },
		naReasons: { E2: '本单位不单独开展' },
		notes: { A2: '台账待补齐' },
	});
	const written = writeFiles(dir, [seed, { name: '坏文件.json', text: '{"format": ' }]);
	seedPath = written[0]!;
	badPath = written[1]!;
	comparePaths = writeFiles(dir, generateResultFiles(catalogue, 16, 77));
	// One file refused, so the list of refused files shows too.
	comparePaths.push(...writeFiles(dir, [{ name: '截断的文件.json', text: '{"format":' }]));
});

test('the pages audited are exactly the pages built (dist/**/index.html and 404.html)', () => {
	expect(sitePages()).toEqual(builtPages());
});

/** Waits until a chart shows its bars or points. */
async function chartDrawn(page: Page, selector: string): Promise<void> {
	await page.locator(`${selector} :is(rect, circle)`).first().waitFor({ state: 'attached' });
}

/** Opens a page and checks that the colour scheme really is the one under test. */
async function openInScheme(
	page: Page,
	path: string,
	colorScheme: 'light' | 'dark',
): Promise<void> {
	await page.goto(path);
	await expect(page.locator('main')).toBeVisible();
	// The colour scheme really is the one under test (the stylesheet follows it).
	const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(bg).toBe(colorScheme === 'dark' ? 'rgb(27, 29, 34)' : 'rgb(255, 255, 255)');
}

// Every page, light scheme, every rule: a few pages per test share one browser context and
// its cache (a failure names its page); the groups run in parallel.
test.describe('axe, light scheme', () => {
	test.use({ colorScheme: 'light' });
	const pages = sitePages();
	const GROUP = 7;
	for (let i = 0; i < pages.length; i += GROUP) {
		const group = pages.slice(i, i + GROUP);
		test(`pages ${group.join(' ')}`, async ({ page }) => {
			// A limit, not a speed check: room for each page and its audit on a busy machine.
			test.setTimeout(group.length * 60_000);
			for (const path of group) {
				await openInScheme(page, path, 'light');
				await audit(page, `${path} (light)`);
			}
		});
	}
});

/**
 * Built pages that between them use every class any of `pages` uses, in path order: a page is
 * taken when it has a class none before it had. Colours, and what a narrow screen does to a
 * layout, come from the classes an element has, so these pages show every case the others do.
 */
function pagesCoveringEveryClass(keep: (html: string) => boolean = () => true): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const { path, html } of builtHtml().sort((a, b) => a.path.localeCompare(b.path))) {
		if (!keep(html)) continue;
		const classes = [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/));
		const fresh = classes.filter((c) => c && !seen.has(c));
		if (!fresh.length) continue;
		for (const c of fresh) seen.add(c);
		out.push(path === '404.html' ? '/404.html' : `/${path.replace(/index\.html$/, '')}`);
	}
	return out;
}

// Dark scheme, the colour rules, on the pages that use every class between them (every page
// is audited with every rule in the light scheme above): fewer, longer tests, each failure
// naming its page.
test.describe('axe, dark scheme, colour rules', () => {
	test.use({ colorScheme: 'dark' });
	for (const half of [0, 1] as const)
		test(`every kind of page (${half === 0 ? 'A' : 'B'})`, async ({ page }) => {
			const paths = pagesCoveringEveryClass().filter((_, i) => i % 2 === half);
			expect(paths.length).toBeGreaterThanOrEqual(8);
			// A limit, not a speed check: room for a page and its audit on a very busy machine.
			test.setTimeout(paths.length * 45_000);
			for (const path of paths) {
				await openInScheme(page, path, 'dark');
				await audit(page, `${path} (dark)`, { rules: COLOUR_RULES });
			}
		});
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`axe, ${colorScheme} scheme, interactive states`, () => {
		test.use({ colorScheme });
		// Light: every rule; dark: the colour rules (see COLOUR_RULES).
		const auditIn = (page: Page, what: string) =>
			audit(page, what, colorScheme === 'dark' ? { rules: COLOUR_RULES } : {});

		test('checklist in its states', async ({ page }) => {
			test.setTimeout(240_000);
			await page.goto('/assess/');
			await auditIn(page, 'checklist, empty');

			// Partly filled.
			const a1 = page.locator('#criterion-A1');
			await a1.getByRole('radio', { name: /规范有效/ }).check();
			// B1's category and A1's note are folded away until opened, as a person would.
			await openAround(page, page.locator('#criterion-B1 [type="radio"]').first());
			await page
				.locator('#criterion-B1')
				.getByRole('radio', { name: /基本落实/ })
				.check();
			await page.getByLabel(strings['profile.unitName']).fill('无障碍测试单位');
			await openAround(page, page.locator('#note-A1'));
			await a1.getByLabel(strings['criterion.note'], { exact: true }).fill('已建立台账');
			await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
			await auditIn(page, 'checklist, partly filled');

			// 不适用 chosen, the reason field shown.
			const a2 = page.locator('#criterion-A2');
			await a2.getByRole('checkbox', { name: strings['criterion.na'] }).check();
			await expect(a2.getByLabel(strings['criterion.naReason'])).toBeVisible();
			await a2.getByLabel(strings['criterion.naReason']).fill('本单位未设');
			await auditIn(page, 'checklist, 不适用 with reason');

			// The calculator with its warnings (its section opened first).
			await openSection(page, 'survey');
			await page.getByLabel(strings['survey.members'], { exact: true }).fill('100');
			await page.getByLabel(strings['survey.participants'], { exact: true }).fill('10');
			await page.getByLabel(strings['survey.frontline'], { exact: true }).fill('2');
			await page.getByLabel(strings['survey.satisfied'], { exact: true }).fill('20');
			await expect(page.locator('[data-survey-warnings] li')).toHaveCount(3);
			await auditIn(page, 'checklist, calculator warnings');

			// A failed import message (the import sits in the folded 我的评估 panel).
			await openManager(page);
			await pickFiles(page, strings['assess.importPick'], badPath);
			await expect(
				page.getByRole('alert').filter({ hasText: strings['import.not-json'] }),
			).toBeVisible();
			await auditIn(page, 'checklist, failed import');

			// The delete dialog open.
			await page.getByRole('button', { name: strings['assess.delete'], exact: true }).click();
			const dialog = page.getByRole('dialog', { name: strings['assess.deleteConfirmTitle'] });
			await expect(dialog).toBeVisible();
			await expect(dialog.getByRole('button', { name: strings['assess.cancel'] })).toBeFocused();
			await auditIn(page, 'checklist, delete dialog');
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
		});

		test('results with charts, and the print view', async ({ page }) => {
			await importOnChecklist(page, seedPath);
			await page.goto('/assess/results/');
			await page
				.getByRole('heading', { name: strings['results.chartsTitle'] })
				.scrollIntoViewIfNeeded();
			await expect(
				page.getByRole('button', { name: strings['results.downloadRadar'] }),
			).toBeEnabled();
			await chartDrawn(page, 'svg[data-radar]');
			await chartDrawn(page, 'svg[data-bar]');
			await auditIn(page, 'results with charts');

			await page.goto('/assess/print/');
			await page.locator('zz-print-view[data-ready]').waitFor({ state: 'attached' });
			await chartDrawn(page, 'svg[data-radar]');
			await chartDrawn(page, 'svg[data-bar]');
			await auditIn(page, 'print view');
		});

		test('search: the header dropdown, the search page and highlighted terms', async ({ page }) => {
			await page.goto('/guide/');
			await page.getByRole('combobox', { name: strings['search.label'] }).fill('职代会');
			await expect(page.locator('#site-search-results mark').first()).toBeVisible();
			await page.keyboard.press('ArrowDown');
			await auditIn(page, 'search dropdown open');
			await page.goto('/search/?q=职代会');
			await expect(page.locator('main .search-result mark').first()).toBeVisible();
			await auditIn(page, 'search page with results');
			// The term marked on the page a result opened, in body text and in muted text.
			await page.goto(`/guide/zuzhi/?hl=${encodeURIComponent('工会')}`);
			await expect(page.locator('main mark').first()).toBeVisible();
			expect(
				await page.locator('main .guide-summary mark').count(),
				'a term marked in muted text',
			).toBeGreaterThan(0);
			await auditIn(page, 'guide page with a term highlighted');
		});

		test('results of an incomplete assessment', async ({ page }) => {
			await page.goto('/assess/');
			await page
				.locator('#criterion-A1')
				.getByRole('radio', { name: /有制度未落实/ })
				.check();
			await page.goto('/assess/results/');
			await expect(page.getByText(/评估尚未完成/)).toBeVisible();
			await page
				.getByRole('heading', { name: strings['results.chartsTitle'] })
				.scrollIntoViewIfNeeded();
			await chartDrawn(page, 'svg[data-bar]');
			await auditIn(page, 'results, incomplete');
		});

		test('compare with files loaded', async ({ page }) => {
			await page.goto('/compare/');
			await pickFiles(page, strings['compare.pickFiles'], comparePaths);
			await expect(page.getByRole('status').filter({ hasText: '已载入' })).toContainText(
				'已载入 16 份评估',
			);
			await chartDrawn(page, 'svg[data-hist-chart]');
			await chartDrawn(page, 'svg[data-time-chart]');
			await auditIn(page, 'compare with files');
		});
	});
}

test.describe('axe at phone width (375 px), where wide tables scroll', () => {
	test.describe.configure({ mode: 'parallel' });
	test.use({ viewport: { width: 375, height: 800 } });

	// Pages without a table look at 375 px as they do at full width to axe; those with one
	// (in the built HTML) get the scrolling table regions this pass is for. Tables drawn from
	// data (results, compare) are audited in the next test.
	test('every kind of page with a table', async ({ page }) => {
		test.setTimeout(180_000);
		const withTable = pagesCoveringEveryClass((html) =>
			/<table\b/.test(html.split('<main')[1] ?? ''),
		);
		expect(withTable.length).toBeGreaterThanOrEqual(4);
		for (const path of withTable) {
			await page.goto(path);
			await expect(page.locator('main table').first()).toBeAttached();
			await audit(page, `${path} at 375 px`);
		}
	});

	test('the menu open, results with data and compare with files', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: strings['nav.menu'] }).click();
		await expect(
			page.getByRole('navigation', { name: strings['nav.label'] }).getByRole('link').first(),
		).toBeVisible();
		await audit(page, 'phone menu open');
		await importOnChecklist(page, seedPath);
		await page.goto('/assess/results/');
		await page
			.getByRole('heading', { name: strings['results.chartsTitle'] })
			.scrollIntoViewIfNeeded();
		await chartDrawn(page, 'svg[data-bar]');
		await audit(page, 'results at 375 px');
		await page.goto('/compare/');
		await pickFiles(page, strings['compare.pickFiles'], comparePaths);
		await chartDrawn(page, 'svg[data-time-chart]');
		await audit(page, 'compare at 375 px');
	});
});

test.describe('hover states', () => {
	for (const colorScheme of ['light', 'dark'] as const)
		test(`buttons keep their contrast when hovered (${colorScheme})`, async ({ page }) => {
			// Reduced motion makes the hover transition (near) instant; the colours are read once
			// the hovered element has no running transition, so axe sees the final hover colours.
			test.setTimeout(240_000); // three pages, one axe run per kind of button
			await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
			let checked = 0;
			for (const path of ['/', '/assess/', '/compare/']) {
				await page.goto(path);
				// One button of each look (primary, secondary, danger…), marked so axe can look at it alone.
				const kinds = await page.locator('.button:visible').evaluateAll((els) => {
					const seen = new Set<string>();
					let n = 0;
					for (const el of els) {
						const kind = `${el.tagName}.${el.className}`;
						if (seen.has(kind) || (el as HTMLButtonElement).disabled) continue;
						seen.add(kind);
						el.setAttribute('data-hover-probe', String(n++));
					}
					return n;
				});
				for (let i = 0; i < kinds; i++) {
					const target = page.locator(`[data-hover-probe="${i}"]`);
					await target.scrollIntoViewIfNeeded();
					await target.hover();
					await expect
						.poll(() =>
							target.evaluate(
								// A running CSS transition is listed by getAnimations until it ends.
								(el) => el.getAnimations({ subtree: true }).length === 0,
							),
						)
						.toBe(true);
					const what = `${path} ${await target.evaluate((el) => `${el.className} "${el.textContent?.trim()}"`)} hovered (${colorScheme})`;
					await audit(page, what, {
						rules: ['color-contrast'],
						include: `[data-hover-probe="${i}"]`,
					});
					checked++;
				}
			}
			expect(checked).toBeGreaterThanOrEqual(4);
		});
});

/** The focused element shows a focus ring: a computed outline that is not 'none' and not zero wide. */
async function expectVisibleFocus(page: Page, what: string): Promise<void> {
	const ring = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { tag: 'body', style: 'none', width: '0px' };
		// A visually hidden file input shows its ring on the label around it.
		const shown = el.matches('input[type=file]') ? (el.closest('label') ?? el) : el;
		const cs = getComputedStyle(shown);
		return {
			tag: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
			style: cs.outlineStyle,
			width: cs.outlineWidth,
		};
	});
	expect(ring.style, `focus ring style on ${what} (${ring.tag})`).not.toBe('none');
	expect(parseFloat(ring.width), `focus ring width on ${what} (${ring.tag})`).toBeGreaterThan(0);
}

test('the whole flow works with the keyboard alone, with a visible focus', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/assess/');
	// Skip link first, and it leads into the main content.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: strings['nav.skip'] })).toBeFocused();
	await expectVisibleFocus(page, 'skip link');
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	// The assessment list: collapsed behind its summary, opened with Enter; select and a button.
	await tabTo(page, 'details[data-manager] > summary');
	await expectVisibleFocus(page, 'assessment list summary');
	await page.keyboard.press('Enter');
	await tabTo(page, '#m-current');
	await expectVisibleFocus(page, 'assessment select');
	await tabTo(page, 'button[data-action="new"]');
	await expectVisibleFocus(page, 'new-assessment button');
	await tabTo(page, 'input[data-import]');
	await expectVisibleFocus(page, 'import file picker');

	// Profile: type the unit name.
	await tabTo(page, '#p-unitName');
	await expectVisibleFocus(page, 'unit name');
	await page.keyboard.type('键盘测试单位');
	await tabTo(page, '#p-scope');
	await expectVisibleFocus(page, 'scope select');

	// A category link, then the first criterion: Space picks 未开展, arrows move up to 规范有效.
	await tabTo(page, 'a[href="#category-A"]');
	await expectVisibleFocus(page, 'category link');
	await tabTo(page, '[name="level-A1"]');
	await expectVisibleFocus(page, 'level radio');
	await page.keyboard.press('Space');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await expect(
		page.locator('#criterion-A1').getByRole('radio', { name: /规范有效/ }),
	).toBeChecked();
	// 添加佐证 and 添加说明 are folded: Enter on each summary opens it.
	await tabTo(page, '#criterion-A1 details[data-more="evidence"] > summary');
	await expectVisibleFocus(page, '添加佐证');
	await page.keyboard.press('Enter');
	await tabTo(page, '[name="evidence-A1"]');
	await expectVisibleFocus(page, 'evidence checkbox');
	await page.keyboard.press('Space');
	await tabTo(page, '#criterion-A1 details[data-more="note"] > summary');
	await page.keyboard.press('Enter');
	await tabTo(page, '#note-A1');
	await expectVisibleFocus(page, 'note');
	await page.keyboard.type('键盘填写的说明');
	await tabTo(page, '#criterion-A1 .criterion-guide a');
	await expectVisibleFocus(page, 'guide link');
	// The next criterion too, with the arrow keys only.
	await tabTo(page, '[name="level-A2"]');
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(
		page.locator('#criterion-A2').getByRole('radio', { name: /基本落实/ }),
	).toBeChecked();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

	// Back up to the main navigation and on to the results.
	await tabTo(page, 'nav[aria-label="主导航"] a[href="/assess/results/"]', 300, 'Shift+Tab');
	await expectVisibleFocus(page, 'navigation link');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/assess\/results\/$/);
	await expect(page.getByText('键盘测试单位', { exact: false }).first()).toBeVisible();

	// The category table's scroll box (it scrolls sideways on a phone) takes focus too.
	await tabTo(page, '.table-scroll[role="region"]');
	await expectVisibleFocus(page, 'scrollable table region');

	// Download the JSON with the keyboard and check it holds what was typed.
	await tabTo(page, 'button[data-download="json"]');
	await expectVisibleFocus(page, 'download button');
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const file = JSON.parse(await downloadText(await download)) as {
		assessment: {
			profile: { unitName: string };
			answers: Record<string, { level: number | null; note: string; evidence: number[] }>;
		};
	};
	expect(file.assessment.profile.unitName).toBe('键盘测试单位');
	expect(file.assessment.answers['A1']).toMatchObject({
		level: 3,
		note: '键盘填写的说明',
		evidence: [0],
	});
	expect(file.assessment.answers['A2']?.level).toBe(2);
});

test('every chart is an image with a label, described by a table that exists', async ({ page }) => {
	// In the built HTML, page by page.
	let charts = 0;
	for (const { path, html } of builtHtml()) {
		for (const tag of html.match(
			/<svg\b[^>]*\sdata-(?:radar|bar|hist-chart|time-chart)[\s=>][^>]*>/g,
		) ?? []) {
			charts++;
			const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
			expect(attr('role'), `${path}: ${tag}`).toBe('img');
			expect(attr('aria-label')?.trim(), `${path}: ${tag}`).toBeTruthy();
			const described = attr('aria-describedby');
			expect(described, `${path}: ${tag} has aria-describedby`).toBeTruthy();
			for (const id of described!.split(/\s+/))
				expect(html, `${path}: table #${id} for ${tag}`).toMatch(
					new RegExp(`<table\\b[^>]*\\sid="${id}"`),
				);
		}
	}
	expect(charts).toBe(6); // results 2, print 2, compare 2

	// And in the running pages once the charts are drawn.
	const checkLive = async (where: string) => {
		const found = await page
			.locator('svg[data-radar], svg[data-bar], svg[data-hist-chart], svg[data-time-chart]')
			.evaluateAll((els) =>
				els.map((el) => ({
					tag: el.tagName.toLowerCase(),
					role: el.getAttribute('role'),
					label: el.getAttribute('aria-label') ?? el.getAttribute('alt'),
					table: (el.getAttribute('aria-describedby') ?? '')
						.split(/\s+/)
						.map((id) => document.getElementById(id)?.tagName.toLowerCase() ?? 'missing'),
				})),
			);
		expect(found.length, where).toBeGreaterThan(0);
		for (const c of found) {
			expect(c.role, where).toBe('img');
			expect(c.label, where).toBeTruthy();
			expect(c.table, where).toEqual(['table']);
		}
	};
	await importOnChecklist(page, seedPath);
	await page.goto('/assess/results/');
	await page
		.getByRole('heading', { name: strings['results.chartsTitle'] })
		.scrollIntoViewIfNeeded();
	await chartDrawn(page, 'svg[data-bar]');
	await checkLive('results');
	await page.goto('/assess/print/');
	await page.locator('zz-print-view[data-ready]').waitFor({ state: 'attached' });
	await checkLive('print');
	await page.goto('/compare/');
	await pickFiles(page, strings['compare.pickFiles'], comparePaths);
	await chartDrawn(page, 'svg[data-hist-chart]');
	await checkLive('compare');
});

test.describe('reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });
	test('scroll-behavior is auto when the reader asks for reduced motion', async ({ page }) => {
		for (const path of ['/', '/assess/', '/guide/zuzhi/']) {
			await page.goto(path);
			const behaviour = await page.evaluate(
				() => getComputedStyle(document.documentElement).scrollBehavior,
			);
			expect(behaviour, path).toBe('auto');
		}
	});
});

test.describe('no motion preference', () => {
	test.use({ reducedMotion: 'no-preference' });
	test('scroll-behavior is smooth otherwise (so the check above can tell the difference)', async ({
		page,
	}) => {
		await page.goto('/assess/');
		expect(
			await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior),
		).toBe('smooth');
	});
});
