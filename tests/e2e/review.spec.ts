/**
 * 申报 and 验收 end to end: a branch writes its 建家工作总结 and exports; a reviewer imports
 * the file, reviews it and exports the reviewed file; the branch imports that and reads the
 * review beside its own answers; the compare page reads 40 reviewed and unreviewed files;
 * an edited reviewed file is flagged everywhere. Files are checked here with node:crypto,
 * never with the site's own hashing.
 */
import { expect as baseExpect, type Browser, type Page } from '@playwright/test';
import { audit } from './axe';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateResultFiles, reviewGeneratedFiles } from '../../src/lib/generate';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };
import {
	test,
	awaitChecklist,
	catalogue,
	downloadText,
	makeResult,
	parseCsv,
	pickFiles,
	removeTempDirs,
	tempDir,
	writeFiles,
	storageSnapshot,
} from './support';
import { printShot, shot } from './shots';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
/** The machine running these may be busy: wait longer for what the page says, never assert speed. */
const expect = baseExpect.configure({ timeout: 30_000 });
test.afterAll(() => removeTempDirs());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Canonical JSON written here independently: keys sorted at every level, no spaces. */
function canonical(v: unknown): string {
	if (v === null || typeof v !== 'object') return JSON.stringify(v);
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	const o = v as Record<string, unknown>;
	return `{${Object.keys(o)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
		.join(',')}}`;
}

const MARKUP = '<img src=x onerror="window.__pwned=1">';

async function freshPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ acceptDownloads: true });
	return awaitChecklist(await context.newPage());
}

let dir: string;
let branchFile: string;
let branchJson: { assessment: Record<string, unknown> };
let reviewedPath: string;
let reviewedJson: {
	assessment: Record<string, unknown>;
	review: {
		branchHash: string;
		criteria: Record<string, { level: number | null; comment: string; methods: string[] }>;
		reviewer: { name: string };
	};
	catalogueVersion: string;
};
let branch: Page;

test('a branch writes its 建家工作总结 on the 申报表, it autosaves and goes into the exported file', async ({
	browser,
}) => {
	dir = tempDir('zzzj-review-');
	const source = makeResult('branch.json', {
		level: 3,
		levels: { B1: 3, C3: 2 },
		profile: { unitName: '东城区第一机械厂', unionName: '东城区第一机械厂工会', memberCount: 320 },
	});
	const [path] = writeFiles(dir, [source]);
	expect(path).toBeTruthy();
	branch = await freshPage(browser);
	// The branch's assessment, saved as the checklist saves it.
	await branch.goto('/about/');
	await branch.evaluate((a) => {
		localStorage.setItem(`zzzj.v2.a.${a.id}`, JSON.stringify(a));
		localStorage.setItem('zzzj.v2.index', JSON.stringify({ ids: [a.id], currentId: a.id }));
	}, source.data.assessment);
	await branch.goto('/assess/apply/');
	await expect(
		branch.getByRole('heading', { name: strings['apply.title'], level: 1 }),
	).toBeVisible();
	const overall = branch.getByLabel(strings['apply.overall'], { exact: true });
	await overall.fill(`全年开展建家活动 24 次，${MARKUP}`);
	await expect(
		branch.getByText(`${`全年开展建家活动 24 次，${MARKUP}`.length} / 800 字`),
	).toBeVisible();
	const done = branch.locator('#summary-A-done');
	await done.fill('建立了职代会制度，每年召开两次。');
	await expect(branch.getByText(/已保存/)).toBeVisible();
	// Past the limit: maxlength stops typing; the count shows the limit reached.
	await branch.locator('#summary-A-figures').fill('数'.repeat(400));
	await expect(branch.locator('#summary-A-figures')).toHaveValue('数'.repeat(300));
	await branch.reload();
	await expect(overall).toHaveValue(`全年开展建家活动 24 次，${MARKUP}`);
	await expect(done).toHaveValue('建立了职代会制度，每年召开两次。');
	expect(await branch.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	await expect(branch.getByText(strings['apply.partyOpinion'])).toBeVisible();
	await expect(branch.getByText(strings['apply.unionOpinion'])).toBeVisible();
	await audit(branch, '申报表');
	await branch.setViewportSize({ width: 360, height: 800 });
	await shot(branch, 'apply-360');
	expect(await branch.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		360,
	);
	await branch.setViewportSize({ width: 1280, height: 900 });
	await branch.emulateMedia({ media: 'print' });
	await expect(branch.locator('[data-print-for="summary.overall"]')).toHaveText(
		`全年开展建家活动 24 次，${MARKUP}`,
	);
	await printShot(branch, 'apply-print');
	await branch.emulateMedia({ media: 'screen' });

	await branch.goto('/assess/results/');
	const dl = branch.waitForEvent('download');
	await branch.getByRole('button', { name: strings['results.downloadJson'] }).click();
	const text = await downloadText(await dl);
	branchJson = JSON.parse(text);
	expect(branchJson.assessment['application']).toMatchObject({
		overall: `全年开展建家活动 24 次，${MARKUP}`,
		sections: {
			A: { done: '建立了职代会制度，每年召开两次。', figures: '数'.repeat(300), evidence: '' },
		},
	});
	branchFile = join(dir, '东城区第一机械厂工会.json');
	writeFileSync(branchFile, text);
});

test('a reviewer imports the file, reviews it beside the read-only answers, and exports a reviewed file', async ({
	browser,
}) => {
	const page = await freshPage(browser);
	await page.goto('/review/');
	// A file from a newer version is refused with the version named, and nothing is stored.
	const newer = join(dir, 'newer.json');
	writeFileSync(newer, JSON.stringify({ ...branchJson, schemaVersion: 99 }));
	const before = await storageSnapshot(page);
	await pickFiles(page, strings['review.pick'], newer);
	await expect(page.getByText(/格式第 99 版/)).toBeVisible();
	expect(await storageSnapshot(page)).toEqual(before);

	await pickFiles(page, strings['review.pick'], branchFile);
	await expect(page.getByText(/已载入.*开始验收/)).toBeVisible();
	await expect(page.locator('[data-integrity="intact"]')).toBeVisible();
	// The branch's answers are shown, read-only, beside the controls.
	await expect(page.locator('[data-self-level="B1"]')).toHaveText(catalogue.levelNames[3]!);
	await expect(
		page.locator('#review-B1 input, #review-B1 select, #review-B1 textarea').first(),
	).toBeVisible();
	await page.getByLabel(strings['review.reviewerName']).fill('王验收');
	await page.getByLabel(strings['review.reviewerName']).press('Tab');
	await page.getByLabel(strings['review.organisation']).fill('东城区总工会');
	await page.getByLabel(strings['review.organisation']).press('Tab');
	// 验收日期 is a text field until the Tab reaches it; then it is the browser's date picker.
	const reviewedOn = page.getByLabel(strings['review.reviewedOn']);
	await expect(reviewedOn).toBeFocused();
	await expect(reviewedOn).toHaveAttribute('type', 'date');
	await reviewedOn.fill('2026-06-10');
	await reviewedOn.press('Tab');
	await page.getByRole('button', { name: strings['review.prefill'] }).click();
	await expect(page.getByText(/已按单位自评预填/)).toBeVisible();
	// Keyboard: the B1 level is chosen with the keyboard alone.
	await page.locator('#rv-B1-level').focus();
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(page.locator('#rv-B1-level')).toHaveValue('1');
	await page.locator('#rv-B1-m-site').check();
	await page.locator('#rv-B1-m-interview').check();
	await page.locator('#rv-B1-comment').fill(`座谈中职工不知道制度。${MARKUP}`);
	await page.locator('#rv-C3-level').selectOption('0');
	await page.getByLabel(strings['review.conclusion']).fill('自评偏高，请按整改要求落实。');
	await expect(page.locator('tr.diff-lower').filter({ hasText: 'B1' }).first()).toBeVisible();
	// Autosaved: a reload shows the same review.
	await page.reload();
	await expect(page.locator('#rv-B1-level')).toHaveValue('1');
	await expect(page.getByLabel(strings['review.reviewedOn'])).toHaveAttribute('type', 'text');
	await expect(page.getByLabel(strings['review.reviewedOn'])).toHaveValue('2026-06-10');
	await expect(page.locator('#rv-B1-comment')).toHaveValue(`座谈中职工不知道制度。${MARKUP}`);
	expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	await audit(page, '验收');
	await shot(page, 'review-desktop');
	await page.locator('#review-B1').scrollIntoViewIfNeeded();
	await shot(page, 'review-item');
	await page.setViewportSize({ width: 360, height: 800 });
	await page.locator('#review-B1').scrollIntoViewIfNeeded();
	await shot(page, 'review-360');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 900 });

	const dl = page.waitForEvent('download');
	await page.getByRole('button', { name: strings['review.download'] }).click();
	const download = await dl;
	expect(download.suggestedFilename()).toMatch(/_验收\.json$/);
	const text = await downloadText(download);
	reviewedJson = JSON.parse(text);
	// The branch's part is unchanged and the hash is SHA-256 of its canonical form.
	expect(reviewedJson.assessment).toEqual(branchJson.assessment);
	expect(reviewedJson.review.branchHash).toBe(
		`sha256:${sha256(canonical({ catalogueVersion: reviewedJson.catalogueVersion, assessment: reviewedJson.assessment }))}`,
	);
	expect(reviewedJson.review.criteria['B1']).toMatchObject({
		level: 1,
		methods: ['site', 'interview'],
	});
	expect(reviewedJson.review.reviewer.name).toBe('王验收');
	reviewedPath = join(dir, '东城区第一机械厂工会_验收.json');
	writeFileSync(reviewedPath, text);

	// The printable 验收意见书.
	await page.getByRole('link', { name: strings['review.opinion'] }).click();
	await expect(page.getByRole('heading', { name: strings['opinion.title'] })).toBeVisible();
	await expect(page.getByRole('heading', { name: strings['opinion.rectifyTitle'] })).toBeVisible();
	await expect(
		page.getByRole('row').filter({ hasText: 'B1' }).filter({ hasText: '座谈中职工不知道制度' }),
	).toBeVisible();
	await audit(page, '验收意见书');
	await page.emulateMedia({ media: 'print' });
	await printShot(page, 'opinion-print');
	await page.emulateMedia({ media: 'screen' });
});

test('the branch imports the reviewed file and reads the review beside its own answers', async () => {
	await branch.goto('/assess/results/');
	const before = JSON.stringify(
		await branch.evaluate(() =>
			Object.keys(localStorage)
				.filter((k) => k.startsWith('zzzj.v2.a.'))
				.map((k) => localStorage.getItem(k)),
		),
	);
	await pickFiles(branch, strings['received.pick'], reviewedPath);
	await expect(branch.getByText(/已导入对.*的验收/)).toBeVisible();
	await expect(branch.locator('[data-integrity="intact"]')).toBeVisible();
	await expect(branch.getByText(/验收人：王验收/)).toBeVisible();
	const row = branch.locator('zz-received-review tr').filter({ hasText: 'B1' }).first();
	await expect(row).toContainText(catalogue.levelNames[3]!);
	await expect(row).toContainText(catalogue.levelNames[1]!);
	await expect(row).toContainText(strings['compareReview.lower']);
	await expect(row).toContainText(`座谈中职工不知道制度。${MARKUP}`);
	await expect(branch.locator('zz-received-review [data-tile="review-band"]')).not.toBeEmpty();
	await expect(
		branch.getByRole('heading', { name: strings['received.rectifyTitle'] }),
	).toBeVisible();
	// The review changed none of the branch's assessments.
	const after = JSON.stringify(
		await branch.evaluate(() =>
			Object.keys(localStorage)
				.filter((k) => k.startsWith('zzzj.v2.a.'))
				.map((k) => localStorage.getItem(k)),
		),
	);
	expect(after).toBe(before);
	await branch.reload();
	await expect(branch.locator('[data-integrity="intact"]')).toBeVisible();
	await branch.locator('zz-received-review').scrollIntoViewIfNeeded();
	await shot(branch, 'received');
	await audit(branch, '自评结果 with a received review');

	// The 整改要求 become tasks of the branch's 整改计划, due by the review's deadlines.
	await branch.getByRole('link', { name: strings['received.rectifyPlan'] }).click();
	await expect(branch).toHaveURL(/\/assess\/plan\/\?received=[^#]+#rectify$/);
	const rectify = branch.getByRole('region', { name: strings['plan.rectifyTitle'] });
	const listed = rectify.getByRole('listitem');
	await expect(listed.filter({ hasText: 'B1' })).toContainText(catalogue.levelNames[1]!);
	const n = await listed.count();
	const add = rectify.getByRole('button', { name: strings['plan.rectifyAdd'] });
	await add.click();
	await expect(
		branch.getByRole('alert').filter({ hasText: `已把 ${n} 项整改要求加入整改计划。` }),
	).toBeVisible();
	await expect(add).toBeHidden();
	await branch.reload();
	await expect(rectify.getByText(strings['plan.candidatePlanned'])).toHaveCount(n);
	const tasks = await branch.evaluate(() =>
		Object.keys(localStorage)
			.filter((k) => k.startsWith('zzzj.v2.a.'))
			.flatMap(
				(k) =>
					(
						JSON.parse(localStorage.getItem(k)!) as {
							plan: { tasks: { criterion: string; target: string; levelAtStart: number }[] };
						}
					).plan.tasks,
			),
	);
	expect(tasks).toHaveLength(n);
	expect(tasks.find((x) => x.criterion === 'B1')).toMatchObject({
		levelAtStart: 1,
		target: expect.stringContaining(`（验收意见：座谈中职工不知道制度。${MARKUP}）`),
	});
	await audit(branch, '整改计划 with the 整改要求 of the 验收');
});

test('compare over 40 reviewed and unreviewed files shows 自评, 验收, 差值 and the over-rating list', async ({
	browser,
}) => {
	const plain = generateResultFiles(catalogue, 40, 20261202).slice(0, 40);
	const files = await reviewGeneratedFiles(catalogue, plain, 3, 0.5, async (t) => sha256(t));
	const reviewedCount = files.filter((f) => f.name.endsWith('-验收.json')).length;
	expect(reviewedCount).toBeGreaterThan(5);
	const folder = tempDir('zzzj-review-compare-');
	const paths = writeFiles(folder, files);
	const page = await freshPage(browser);
	await page.goto('/compare/');
	await pickFiles(page, strings['compare.pickFiles'], paths);
	const section = page.locator('zz-review-overview');
	await expect(
		section.getByRole('heading', { name: strings['reviewOverview.title'] }),
	).toBeVisible();
	await expect(
		section.getByText(`${reviewedCount} 份有验收，${40 - reviewedCount} 份仅有自评。`),
	).toBeVisible();
	const rows = section.locator('tbody tr');
	await expect(rows).toHaveCount(40);
	// Each reviewed row: 差值 = 自评 − 验收, worked out here from the file's own scores.
	const first = files.find((f) => f.name.endsWith('-验收.json'))!;
	const data = JSON.parse(first.text) as {
		scores: { total: number };
		review: { scores: { total: number } };
		assessment: { profile: { assessedOn: string } };
	};
	const diff = Math.round((data.scores.total - data.review.scores.total) * 10) / 10;
	const match = rows
		.filter({ hasText: data.assessment.profile.assessedOn })
		.filter({ hasText: strings['reviewOverview.source.review'] });
	await expect(match.first()).toBeVisible();
	expect(await section.getByText(strings['reviewOverview.integrity.intact']).count()).toBe(
		reviewedCount,
	);
	// Threshold: 0 lists every branch that rated itself above the review.
	const over = files
		.filter((f) => f.name.endsWith('-验收.json'))
		.map((f) => JSON.parse(f.text) as typeof data)
		.filter((d) => d.scores.total - d.review.scores.total > 0).length;
	await section.getByLabel(strings['reviewOverview.threshold']).fill('0');
	await expect(section.locator('[data-over] li')).toHaveCount(Math.max(over, 1));
	await section.getByLabel(strings['reviewOverview.threshold']).fill('abc');
	await expect(section.getByText(/请输入 0 到 100 之间的数字，仍按 0 分计算/)).toBeVisible();
	await section.getByLabel(strings['reviewOverview.threshold']).fill('10');
	await expect(section.locator('[data-criteria] li').first()).toContainText(/个单位自评高于验收/);
	expect(diff).toBeGreaterThanOrEqual(0);
	await section.scrollIntoViewIfNeeded();
	await shot(page, 'compare-review');
	await audit(page, 'compare with reviewed files');
	const dl = page.waitForEvent('download');
	await section.getByRole('button', { name: strings['reviewOverview.csv'] }).click();
	const csv = parseCsv((await downloadText(await dl)).replace(/^\uFEFF/, ''));
	expect(csv[0]).toEqual(expect.arrayContaining(['自评', '验收', '差值']));
	expect(csv.length - 1).toBe(40);
	// The main overview CSV carries both too.
	const dl2 = page.waitForEvent('download');
	await page.getByRole('button', { name: strings['compare.exportCsv'] }).click();
	const main = parseCsv((await downloadText(await dl2)).replace(/^\uFEFF/, ''));
	expect(main[0]).toEqual(
		expect.arrayContaining([strings['overviewCsv.reviewTotal'], strings['overviewCsv.reviewDiff']]),
	);
});

test('a reviewed file whose branch part was edited is flagged, not refused', async ({
	browser,
}) => {
	const edited = structuredClone(reviewedJson) as typeof reviewedJson & {
		assessment: { answers: Record<string, { level: number | null }> };
	};
	edited.assessment.answers['C3']!.level = 3;
	const path = join(dir, 'edited_验收.json');
	writeFileSync(path, JSON.stringify(edited));
	// The branch side.
	await branch.goto('/assess/results/');
	await pickFiles(branch, strings['received.pick'], path);
	await expect(branch.locator('[data-integrity="altered"]')).toBeVisible();
	await expect(branch.getByText(/验收后被改动过/).first()).toBeVisible();
	// The reviewer side.
	const page = await freshPage(browser);
	await page.goto('/review/');
	await pickFiles(page, strings['review.pick'], path);
	await expect(page.locator('[data-integrity="altered"]')).toBeVisible();
	// The overview.
	await page.goto('/compare/');
	await pickFiles(page, strings['compare.pickFiles'], [path]);
	await expect(
		page
			.locator('zz-review-overview tbody')
			.getByRole('cell', { name: strings['reviewOverview.integrity.altered'], exact: true }),
	).toBeVisible();
	await expect(page.getByText(/1 份文件的自评内容在验收后被改动过/)).toBeVisible();
});
