/**
 * 文书模板: the index lists every template with its Word file; a template page prints only
 * the document; its .docx downloads and reads back; search finds each template by name.
 */
import mammoth from 'mammoth';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { test, DIST, ROOT, expect } from './support';

test.describe.configure({ mode: 'parallel' });

interface TemplateSource {
	id: string;
	title: string;
	heading?: string;
	guide?: string;
}
const dir = join(ROOT, 'content/templates');
const templates: TemplateSource[] = readdirSync(dir)
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => parse(readFileSync(join(dir, f), 'utf8')) as TemplateSource);

test('the header links to 文书模板, whose index lists every template with page and Word file', async ({
	page,
}) => {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: '主导航' })
		.getByRole('link', { name: '文书模板' })
		.click();
	await expect(page).toHaveURL(/\/templates\/$/);
	await expect(page.getByRole('heading', { level: 1, name: '文书模板' })).toBeVisible();
	const items = page.locator('.template-item');
	expect(await items.count()).toBeGreaterThanOrEqual(10);
	await expect(items).toHaveCount(templates.length);
	expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(4);
	for (const t of templates) {
		const item = items.filter({ has: page.getByRole('heading', { name: t.title, exact: true }) });
		await expect(item.getByRole('link', { name: '查看和打印' })).toHaveAttribute(
			'href',
			`/templates/${t.id}/`,
		);
		const download = item.getByRole('link', { name: /^下载 Word 文档（\d+\.\d KB）$/ });
		await expect(download).toHaveAttribute('href', `/templates/${t.id}.docx`);
		await expect(download).toHaveAttribute('download', `${t.title}.docx`);
	}
});

test('a template page prints only the document, without navigation or buttons', async ({
	page,
}) => {
	await page.goto('/templates/huanjie-xuanju-qingshi/');
	await expect(page.getByRole('heading', { level: 1, name: '换届选举请示' })).toBeVisible();
	await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: '依据' })).toBeVisible();
	await expect(page.getByText('妥否，请批示。')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1, name: '换届选举请示' })).toBeHidden();
	await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeHidden();
	await expect(
		page.getByRole('heading', { name: '关于＿＿工会委员会换届选举的请示' }),
	).toBeVisible();
	await expect(page.getByText('妥否，请批示。')).toBeVisible();
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('the print button opens the print dialog', async ({ page }) => {
	await page.goto('/templates/ruhui-shenqing/');
	await page.evaluate(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => {
			(window as unknown as { printed: number }).printed++;
		};
	});
	await page.getByRole('button', { name: '打印 / 存为 PDF' }).click();
	expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test('the Word link downloads a .docx that an independent reader opens, with title, headings and blanks', async ({
	page,
}) => {
	await page.goto('/templates/jiti-xieshang-yaoyue/');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: /^下载 Word 文档/ }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('集体协商要约书.docx');
	const path = await download.path();
	const buffer = readFileSync(path);
	const { value: html } = await mammoth.convertToHtml({ buffer });
	expect(html).toContain('<h1>关于开展＿＿集体协商的要约书</h1>');
	expect(html).toContain('<h2>送达回执</h2>');
	expect(html).toContain('＿＿');
	expect(html).toContain('20日内以书面形式');
});

test('.docx files are served as Word documents and precached for offline use', async ({
	request,
}) => {
	for (const t of templates) {
		const res = await request.get(`/templates/${t.id}.docx`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
		expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
	}
	const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
	for (const t of templates) expect(sw).toContain(`"/templates/${t.id}.docx"`);
});

test('the questionnaire page offers the same questionnaire as a Word file', async ({ page }) => {
	await page.goto('/assess/questionnaire/');
	await expect(page.getByRole('link', { name: '下载 Word 版问卷' })).toHaveAttribute(
		'href',
		'/templates/huiyuan-pingjia-wenjuan.docx',
	);
	const onPage = await page
		.locator('table.questionnaire tbody tr td:nth-child(2)')
		.allTextContents();
	await page.goto('/templates/huiyuan-pingjia-wenjuan/');
	const inTemplate = await page.locator('.doc-table tbody tr td:nth-child(2)').allTextContents();
	expect(inTemplate).toEqual(onPage);
	expect(onPage.length).toBeGreaterThanOrEqual(5);
});

test('searching each template by its title, one after another on the search page, finds its page', async ({
	page,
}) => {
	await page.goto('/search/');
	const box = page.getByRole('main').getByRole('searchbox', { name: '搜索' });
	const links = page.locator('.search-results-page > li a.search-result-title');
	for (const t of templates) {
		await box.fill(t.title);
		await box.press('Enter');
		await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(t.title)}$`));
		// Every result link carries its query (?hl=…), so these are this query's results.
		const fresh = `hl=${encodeURIComponent(t.title)}`;
		await expect
			.poll(
				async () => {
					const hrefs = await links.evaluateAll((as) =>
						as.map((a) => a.getAttribute('href') ?? ''),
					);
					if (!hrefs.length || !hrefs.every((h) => h.includes(fresh)))
						return `waiting: ${hrefs[0]}`;
					return hrefs.slice(0, 8).some((h) => h.startsWith(`/templates/${t.id}/`))
						? 'found'
						: hrefs.slice(0, 8).join(' ');
				},
				// The first search loads the index; on a busy machine that takes a while.
				{ message: t.title, timeout: 30_000 },
			)
			.toBe('found');
	}
});

test('each guide page lists the templates its work uses, and both lead to the template and its Word file', async ({
	page,
}) => {
	const byGuide = new Map<string, TemplateSource[]>();
	for (const t of templates)
		if (t.guide) {
			const g = t.guide.split('#')[0]!;
			byGuide.set(g, [...(byGuide.get(g) ?? []), t]);
		}
	expect(byGuide.size).toBeGreaterThanOrEqual(3);
	for (const [guide, used] of byGuide) {
		await page.goto(`/guide/${guide}/`);
		const box = page.getByRole('region', { name: '用得上的文书模板' });
		const titles = used.map((t) => t.title).sort();
		const links = box.getByRole('listitem').locator('a:not([download])');
		expect((await links.allTextContents()).sort(), guide).toEqual(titles);
		for (const t of used)
			await expect(
				box.getByRole('link', { name: `下载“${t.title}”Word 文件` }),
				guide,
			).toHaveAttribute('href', `/templates/${t.id}.docx`);
	}
	// A guide page no template names has no such box.
	const unused = ['xuexi', 'wenming'].find((g) => !byGuide.has(g))!;
	await page.goto(`/guide/${unused}/`);
	await expect(page.getByRole('heading', { name: '用得上的文书模板' })).toHaveCount(0);
	// From the box to the template page, as a reader would.
	const [guide, used] = [...byGuide][0]!;
	await page.goto(`/guide/${guide}/`);
	await page
		.getByRole('region', { name: '用得上的文书模板' })
		.getByRole('link', { name: used[0]!.title, exact: true })
		.click();
	await expect(page).toHaveURL(new RegExp(`/templates/${used[0]!.id}/$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(used[0]!.title);
});
