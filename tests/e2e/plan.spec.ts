/**
 * 整改计划 and 台账目录 (issue 10), driven as a person would: from the results to a plan,
 * edited by mouse and keyboard, reloaded, printed, exported as CSV and as a result file,
 * imported in a fresh browser, and carried into next year's assessment; the ledger's
 * 有 / 缺 / 不适用 shared with the checklist ticks; axe in both colour schemes.
 * Screenshots and print previews are taken when E2E_SHOTS names a folder (see shots.ts).
 */
import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../src/lib/assessment';
import { newTask } from '../../src/lib/plan';
import { audit } from './axe';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	test,
	awaitChecklist,
	catalogue,
	criterionById,
	openAround,
	makeAssessment,
	openManager,
	parseCsv,
	removeTempDirs,
	savedAssessments,
	seed,
	tabTo,
	tempDir,
	uniformPlan,
	watch,
} from './support';
import { printShot, shot } from './shots';

// Long flows on a shared, busy machine: generous waits (nothing here measures speed).
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });
/** A fixed "today" (Asia/Shanghai, as the config), so 逾期 does not depend on the day the test runs. */
const TODAY = new Date('2026-06-10T10:00:00+08:00');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

test.afterAll(removeTempDirs);

/** One branch: most criteria at 规范有效, a few weak ones (A1 必备 at 1, B1 at 0, C1 at 1, D2 at 2). */
function branch(id = 'plan-a', name = '2026 年度自评') {
	return makeAssessment(
		id,
		name,
		uniformPlan(3, { A1: { level: 1 }, B1: { level: 0 }, C1: { level: 1 }, D2: { level: 2 } }),
		{ unitName: '红星机械厂', unionName: '红星机械厂工会', assessedOn: '2026-03-01' },
	);
}

async function openPlan(page: Page, path = '/assess/plan/'): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1, name: '整改计划' })).toBeVisible();
	await expect(page.getByLabel('选择自评').locator('option')).not.toHaveCount(0);
}

const task = (page: Page, n: number) => page.locator('.plan-tasks > li').nth(n);

/** What a task shown to read says under `label` (责任人, 完成时限, 状态, 整改目标, 整改措施). */
const fact = (card: Locator, label: string) =>
	card.locator(`.plan-fact:has(> dt:text-is("${label}")) > dd`);

/** Fixes "today" in the page (not for axe, which waits on the clock). */
async function fixToday(page: Page, when = TODAY): Promise<void> {
	await page.clock.setFixedTime(when);
}

test('results → plan → edit → reload → print → CSV → export → import in a fresh browser → same plan', async ({
	page,
	browser,
}) => {
	const w = watch(page);
	await fixToday(page);
	await seed(page, [branch()], '/assess/results/');
	await expect(page.locator('[data-plan-line]')).toHaveText('还没有整改计划。');
	await page.getByRole('link', { name: '生成整改计划' }).click();
	await expect(page).toHaveURL(/\/assess\/plan\/\?criteria=/);

	// The results' priorities (criteria rated below 基本落实 here) arrive ticked, in their order.
	const ticked = page.locator('.plan-candidates input:checked');
	await expect(ticked).toHaveCount(3);
	expect(
		await ticked.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
	).toEqual(new URL(page.url()).searchParams.get('criteria')!.split(','));
	await page.getByRole('button', { name: '生成任务' }).click();
	await expect(page.locator('[data-messages]')).toContainText('已生成 3 项任务');
	await expect(page.locator('.plan-tasks > li')).toHaveCount(3);
	const first = task(page, 0);
	const firstTitle = await first.getByLabel('整改事项').inputValue();
	// Pre-filled from the catalogue and the measures data.
	const a1 = criterionById('A1');
	const a1Task = page.locator('.plan-tasks > li', { hasText: `A1 ${a1.title}` });
	await expect(a1Task.getByLabel('整改目标')).toHaveValue(a1.levels[2]);
	await expect(a1Task.getByLabel('整改措施（每行一条）')).not.toHaveValue('');
	await expect(a1Task.getByRole('link', { name: 'A1 的整改措施（指南）' })).toHaveAttribute(
		'href',
		/\/guide\/zuzhi\/#measures-a1$/,
	);

	// Edit the first task: hostile text, a past deadline, progress, and a pause that needs a reason.
	await first.getByLabel('责任人').fill(HOSTILE);
	// A date field becomes the browser's date input when it is first focused.
	await first.getByLabel('完成时限').click();
	await expect(first.getByLabel('完成时限')).toHaveAttribute('type', 'date');
	await first.getByLabel('完成时限').fill('2026-05-31');
	await first.getByLabel('状态').selectOption('进行中');
	await first.getByText('添加进展').click();
	await expect(first.getByLabel('进展内容')).toBeFocused();
	await first.getByLabel('进展内容').fill(`=1+1 ${HOSTILE}`);
	await first.getByRole('button', { name: '记录进展' }).click();
	await expect(first.locator('.plan-progress-list li')).toHaveText(`2026-06-10 =1+1 ${HOSTILE}`);
	await expect(page.locator('[data-save-status]')).toContainText('已保存');
	await expect(page.locator('[data-progress-line]')).toHaveText('0 / 3 已完成，1 项逾期');
	await expect(page.locator('[data-overdue]')).toContainText(firstTitle);

	const second = task(page, 1);
	await second.getByLabel('状态').selectOption('暂缓');
	await expect(second.getByLabel('状态')).toHaveValue('todo');
	await expect(second.getByText('选择“暂缓”前，请先在下面填写暂缓原因。')).toBeVisible();
	await expect(second.getByLabel('暂缓原因')).toBeFocused();
	await page.keyboard.type('等待行政批复经费');
	await second.getByLabel('状态').selectOption('暂缓');
	await expect(second.locator('.plan-task-badges')).toContainText('暂缓');

	// Reorder by keyboard: the third task moves up and keeps the focus.
	const thirdTitle = await task(page, 2).getByLabel('整改事项').inputValue();
	await task(page, 2).getByRole('button', { name: '上移' }).focus();
	await page.keyboard.press('Enter');
	await expect(task(page, 1).getByLabel('整改事项')).toHaveValue(thirdTitle);
	await expect(task(page, 1).getByRole('button', { name: '上移' })).toBeFocused();

	// Delete with undo.
	const lastTitle = await task(page, 2).getByLabel('整改事项').inputValue();
	await task(page, 2).getByRole('button', { name: '删除' }).click();
	await expect(page.locator('.plan-tasks > li')).toHaveCount(2);
	await expect(page.getByRole('button', { name: '撤销删除' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('.plan-tasks > li')).toHaveCount(3);
	await expect(task(page, 2).getByLabel('整改事项')).toHaveValue(lastTitle);
	await expect(task(page, 2).getByLabel('状态')).toHaveValue('paused');

	// A user task; an empty title is refused at the field and the old one kept.
	await page.getByLabel('事项名称').fill('更新工会公开栏');
	await page.getByRole('button', { name: '添加任务' }).click();
	await expect(page.locator('.plan-tasks > li')).toHaveCount(4);
	await task(page, 3).getByLabel('整改事项').fill('');
	await expect(task(page, 3).getByText('事项名称不能为空')).toBeVisible();

	const before = (await savedAssessments(page)).list[0]!;
	await page.reload();
	// After a reload every task is shown to read (the markup still text); 编辑 opens one.
	await expect(page.locator('.plan-tasks > li')).toHaveCount(4);
	await expect(page.locator('.plan-tasks input, .plan-tasks textarea')).toHaveCount(0);
	await expect(fact(task(page, 0), '责任人')).toHaveText(HOSTILE);
	await expect(fact(task(page, 0), '完成时限')).toHaveText('2026-05-31');
	await expect(fact(task(page, 1), '状态')).toHaveText('未开始');
	await expect(fact(task(page, 2), '状态')).toHaveText('暂缓，暂缓原因：等待行政批复经费');
	await expect(task(page, 3).getByRole('heading', { level: 3 })).toHaveText(
		'第 4 项 更新工会公开栏',
	);
	const edit = task(page, 0).getByRole('button', { name: '编辑' });
	await expect(edit).toHaveAttribute('aria-expanded', 'false');
	await edit.click();
	await expect(task(page, 0).getByLabel('整改事项')).toBeFocused();
	await expect(task(page, 0).getByLabel('责任人')).toHaveValue(HOSTILE);
	await expect(task(page, 0).getByLabel('状态')).toHaveValue('doing');
	await task(page, 0).getByRole('button', { name: '完成编辑' }).click();
	await expect(task(page, 0).getByRole('button', { name: '编辑' })).toBeFocused();
	await expect(task(page, 0).getByLabel('责任人')).toHaveCount(0);
	const plan = (before as unknown as { plan: unknown }).plan;
	expect((await savedAssessments(page)).list[0]).toMatchObject({ plan });

	await shot(page, 'plan-desktop', true);
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await shot(page, 'plan-360', true);
	await page.setViewportSize({ width: 1280, height: 900 });

	// Print: the 整改计划表, landscape, with owners and a sign-off column; markup stays text.
	await page.emulateMedia({ media: 'print' });
	const sheet = page.locator('.plan-sheet');
	await expect(sheet).toBeVisible();
	await expect(page.locator('.plan-tasks')).toBeHidden();
	await expect(sheet.getByRole('columnheader', { name: '责任人签字' })).toBeVisible();
	await expect(sheet.locator('tbody tr')).toHaveCount(4);
	await expect(sheet.locator('tbody tr').first()).toContainText(HOSTILE);
	await expect(sheet.locator('img')).toHaveCount(0);
	await printShot(page, 'plan-print');
	await page.emulateMedia({ media: 'screen' });

	// CSV: BOM, one row per task, formula-safe, markup as text.
	const [csvDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '下载整改计划 CSV' }).click(),
	]);
	const csvText = (await import('node:fs')).readFileSync(await csvDownload.path(), 'utf8');
	expect(csvText.charCodeAt(0)).toBe(0xfeff);
	const rows = parseCsv(csvText.slice(1));
	expect(rows[0]!.slice(0, 3)).toEqual(['序号', '指标编号', '整改事项']);
	expect(rows.filter((r) => r.length > 1)).toHaveLength(5);
	expect(rows[1]![6]).toBe(HOSTILE);
	expect(rows[1]![11]).toBe(`2026-06-10 =1+1 ${HOSTILE}`);
	expect(rows[1]![12]).toBe('是');
	expect(rows[3]![9]).toBe('等待行政批复经费');

	// Export the result file and import it in a fresh browser: the same plan.
	const [jsonDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '下载结果文件（JSON）' }).click(),
	]);
	const file = JSON.parse(
		(await import('node:fs')).readFileSync(await jsonDownload.path(), 'utf8'),
	) as { schemaVersion: number; assessment: { plan: unknown } };
	expect(file.schemaVersion).toBe(SCHEMA_VERSION);
	expect(file.assessment.plan).toEqual(plan);
	const path = join(tempDir('zzzj-plan-'), 'plan.json');
	writeFileSync(path, JSON.stringify(file));

	const fresh = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	const other = awaitChecklist(await fresh.newPage());
	await fixToday(other);
	await other.goto('/assess/');
	await openManager(other);
	const chooser = other.waitForEvent('filechooser');
	await other.getByText('选择文件', { exact: true }).click();
	await (await chooser).setFiles(path);
	await expect(other.getByRole('alert').filter({ hasText: '已导入' })).toBeVisible();
	await openPlan(other);
	await expect(other.locator('.plan-tasks > li')).toHaveCount(4);
	await expect(fact(other.locator('.plan-tasks > li').first(), '责任人')).toHaveText(HOSTILE);
	await expect(other.locator('[data-progress-line]')).toHaveText('0 / 4 已完成，1 项逾期');
	const imported = (await savedAssessments(other)).list[0] as unknown as { plan: unknown };
	expect(imported.plan).toEqual(plan);
	expect(await other.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	await fresh.close();

	// The results page shows the progress line with the overdue task named.
	await page.goto('/assess/results/');
	await expect(page.locator('[data-plan-line]')).toHaveText('0 / 4 已完成，1 项逾期');
	await expect(page.locator('[data-plan-overdue]')).toContainText(firstTitle);
	expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(w.problems).toEqual([]);
});

test('the loop: score → plan → progress → next year shows which tasks were done and what moved', async ({
	page,
}) => {
	await fixToday(page);
	await seed(page, [branch()], '/assess/plan/');
	await expect(page.getByLabel('选择自评').locator('option')).not.toHaveCount(0);
	const a1 = criterionById('A1');
	const b1 = criterionById('B1');
	await page.getByRole('checkbox', { name: new RegExp(`^A1 ${a1.title}`) }).check();
	await page.getByRole('checkbox', { name: new RegExp(`^B1 ${b1.title}`) }).check();
	await page.getByRole('button', { name: '生成任务' }).click();
	await expect(page.locator('.plan-tasks > li')).toHaveCount(2);

	// Progress through the year: A1 done, B1 under way.
	const a1Task = page.locator('.plan-tasks > li', { hasText: `A1 ${a1.title}` });
	await a1Task.getByText('添加进展').click();
	await a1Task.getByLabel('进展内容').fill('召开会员代表大会完成换届');
	await a1Task.getByRole('button', { name: '记录进展' }).click();
	await a1Task.getByLabel('状态').selectOption('已完成');
	await expect(a1Task.locator('.plan-task-badges')).toContainText('完成于 2026-06-10');
	await page
		.locator('.plan-tasks > li', { hasText: `B1 ${b1.title}` })
		.getByLabel('状态')
		.selectOption('进行中');
	await expect(page.locator('[data-progress-line]')).toHaveText('1 / 2 已完成');

	// Next year: started from this one on the checklist.
	await fixToday(page, new Date('2027-03-05T10:00:00+08:00'));
	await page.goto('/assess/');
	await expect(page.getByLabel('当前评估').locator('option')).not.toHaveCount(0);
	await openManager(page);
	await page.getByRole('button', { name: '为下一年开始' }).click();
	const dialog = page.getByRole('dialog', { name: '为下一年开始一份评估' });
	await dialog.getByLabel('新一年的日期').fill('2027-03-05');
	await expect(dialog.getByLabel('新一年的名称')).toHaveValue('2027 年度自评');
	await dialog.getByRole('button', { name: '开始新一年的评估' }).click();
	await expect(page.locator('[data-messages]')).toContainText('已为 2027 年开始“2027 年度自评”');
	await expect(page.getByLabel('当前评估')).toHaveValue(/.+/);
	// Re-rate A1 (every category is folded: the copy is fully answered): now 规范有效.
	const a1Top = page.locator('[name="level-A1"][value="3"]');
	await openAround(page, a1Top);
	await a1Top.check();
	await expect(page.locator('[data-save-status]')).toContainText('已保存');

	await openPlan(page);
	await expect(page.getByLabel('选择自评').locator('option:checked')).toHaveText('2027 年度自评');
	const review = page.locator('[data-review]');
	await expect(review).toBeVisible();
	await expect(review).toContainText('本次自评从“2026 年度自评”（2026-03-01）开始');
	await expect(review).toContainText(
		'上次 2 项任务中已完成 1 项；已完成的任务里，1 项对应指标档次提高，0 项持平，0 项下降。',
	);
	const a1Row = review.getByRole('row', { name: new RegExp(`A1 ${a1.title}`) });
	await expect(a1Row.getByRole('cell')).toHaveText(['已完成', '有制度未落实', '规范有效', '提高']);
	const b1Row = review.getByRole('row', { name: new RegExp(`B1 ${b1.title}`) });
	await expect(b1Row.getByRole('cell')).toHaveText(['进行中', '未开展', '未开展', '持平']);
	// The unfinished task was carried, with its status and log.
	await expect(page.locator('.plan-tasks > li')).toHaveCount(1);
	await expect(task(page, 0)).toContainText('从“2026 年度自评”结转');
	await expect(fact(task(page, 0), '状态')).toHaveText('进行中');
	await review.scrollIntoViewIfNeeded();
	await shot(page, 'loop-next-year', true);

	// Last year's assessment is untouched.
	await page.getByLabel('选择自评').selectOption({ label: '2026 年度自评' });
	await expect(page.locator('[data-review]')).toBeHidden();
	await expect(page.locator('.plan-tasks > li')).toHaveCount(2);

	// The compare page, given both years (here: this browser's saved assessments), follows
	// last year's plan to this year: each task, whether done, and how its criterion moved.
	await page.goto('/compare/');
	await expect(page.getByRole('heading', { name: '同一单位历年对比' })).toBeVisible();
	const followUp = page.locator('[data-time-tasks]');
	await expect(followUp).toContainText(
		'2026-03-01 那次评估定下的整改计划，到 2027-03-05 再评时的情况',
	);
	await expect(followUp).toContainText(
		'共 2 项任务，已完成 1 项；已完成的任务里，1 项对应指标档次提高，0 项持平，0 项下降。',
	);
	const table = followUp.getByRole('table', {
		name: '整改任务及对应指标的变化（2026-03-01 → 2027-03-05）',
	});
	await expect(table.getByRole('row').filter({ hasText: a1.title }).getByRole('cell')).toHaveText([
		'已完成（2026-06-10）',
		'有制度未落实 → 规范有效',
		'提高',
	]);
	await expect(table.getByRole('row').filter({ hasText: b1.title }).getByRole('cell')).toHaveText([
		'进行中',
		'未开展 → 未开展',
		'持平',
	]);
	await followUp.scrollIntoViewIfNeeded();
	await shot(page, 'loop-compare-tasks');
});

test('a long plan opens with every task drawn in order, each shown to read and any one open to edit', async ({
	page,
}) => {
	const w = watch(page);
	await fixToday(page);
	const a = branch() as ReturnType<typeof branch> & { plan?: unknown };
	const count = 30;
	a.plan = {
		review: null,
		tasks: Array.from({ length: count }, (_, i) => ({
			...newTask(`long-${i}`, `整改事项 ${i + 1}`),
			owner: `责任人 ${i + 1}`,
		})),
	};
	await seed(page, [a], '/assess/plan/');
	// Drawn a card at a time after the page opens: all of them, in the plan's order.
	await expect(page.locator('.plan-tasks > li')).toHaveCount(count);
	await expect(page.locator('.plan-task-title')).toHaveText(
		Array.from({ length: count }, (_, i) => `整改事项 ${i + 1}`),
	);
	await expect(page.locator('.plan-tasks input, .plan-tasks textarea')).toHaveCount(0);
	const last = task(page, count - 1);
	await expect(fact(last, '责任人')).toHaveText(`责任人 ${count}`);
	await expect(fact(last, '完成时限')).toHaveText('未填');
	await expect(last.getByRole('button', { name: '下移' })).toBeDisabled();
	await last.getByRole('button', { name: '编辑' }).click();
	await expect(last.getByLabel('整改事项', { exact: true })).toBeFocused();
	await last.getByLabel('责任人').fill('李委员');
	await expect(page.locator('[data-save-status]')).toContainText('已保存');
	await last.getByRole('button', { name: '完成编辑' }).click();
	await expect(fact(last, '责任人')).toHaveText('李委员');
	// Moving a task redraws the list at once, the edited one still open to read.
	await last.getByRole('button', { name: '上移' }).click();
	await expect(page.locator('.plan-tasks > li')).toHaveCount(count);
	await expect(fact(task(page, count - 2), '责任人')).toHaveText('李委员');
	expect(w.problems).toEqual([]);
});

test('ledger: the tick is the 有; 不适用, place and date kept; binder index ends with the 缺 list; 说得到、拿不出 on the results', async ({
	page,
}) => {
	const w = watch(page);
	const a = branch();
	// D2 is rated 基本落实 with one of its items ticked: the rest is "说得到、拿不出".
	(a.answers['D2'] as { evidence: number[] }).evidence = [0];
	await seed(page, [a], '/assess/ledger/');
	await expect(page.locator('[data-totals]')).toContainText('有 1 项');
	// Every group starts folded, with its counts on the fold; opening one builds its rows.
	const groupA = page.getByRole('heading', { name: /^A / });
	const categories = page.locator('.ledger-group');
	await expect(categories).toHaveCount(catalogue.categories.length);
	await expect(page.locator('tr[data-key]')).toHaveCount(0);
	const itemsOfD = catalogue.criteria
		.filter((c) => c.category === 'D')
		.reduce((n, c) => n + c.evidence.length, 0);
	await expect(page.locator('[data-group-count="D"]')).toHaveText(
		`有 1 · 缺 ${itemsOfD - 1} · 不适用 0（共 ${itemsOfD} 项）`,
	);
	await groupA.click();
	const a1 = criterionById('A1');
	const row = page.locator('tr[data-key="A1.0"]');
	await row.getByLabel(`状态：${a1.evidence[0]}`).selectOption('有');
	await row.getByLabel(`存放位置：${a1.evidence[0]}`).fill(HOSTILE);
	await row.getByLabel(`更新日期：${a1.evidence[0]}`).click();
	await row.getByLabel(`更新日期：${a1.evidence[0]}`).fill('2026-05-20');
	const row2 = page.locator('tr[data-key="A1.1"]');
	await row2.getByLabel(`状态：${a1.evidence[1]}`).selectOption('不适用');
	await expect(page.locator('[data-totals]')).toContainText('有 2 项');
	await expect(page.locator('[data-totals]')).toContainText('不适用 1 项');
	await expect(page.locator('[data-group-count="A"]')).toContainText('有 1 · 缺');
	await expect(page.locator('[data-group-count="A"]')).toContainText('不适用 1');

	// The same tick on the checklist, and the count per criterion.
	await page.goto('/assess/');
	await openAround(page, page.locator('[name="evidence-A1"][value="0"]'));
	await expect(page.locator('[name="evidence-A1"][value="0"]')).toBeChecked();
	await expect(page.locator('[data-evidence-count="A1"]')).toHaveText(
		`（在册 1 / ${a1.evidence.length - 1}）`,
	);
	await page.locator('[name="evidence-A1"][value="2"]').check();
	await expect(page.locator('[data-evidence-count="A1"]')).toHaveText(
		`（在册 2 / ${a1.evidence.length - 1}）`,
	);

	// Back on the ledger: what the checklist ticked is 有, the place and 不适用 kept.
	await page.goto('/assess/ledger/');
	await groupA.click();
	await expect(row.getByLabel(`状态：${a1.evidence[0]}`)).toHaveValue('have');
	await expect(row.getByLabel(`存放位置：${a1.evidence[0]}`)).toHaveValue(HOSTILE);
	await expect(row2.getByLabel(`状态：${a1.evidence[1]}`)).toHaveValue('na');

	// Grouped as 七簿三档三册, with its source named.
	await page.getByLabel('按“七簿三档三册”').check();
	await expect(page.getByText('分组依据：温州市非公有制企业')).toBeVisible();
	await expect(page.getByRole('heading', { name: /^三档/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: '其他佐证材料' })).toBeVisible();
	await expect(page.locator('tr[data-key]')).toHaveCount(0);
	// Back to the categories: the group opened before is open again.
	await page.getByLabel('按指标类别').check();
	await expect(row.getByLabel(`存放位置：${a1.evidence[0]}`)).toHaveValue(HOSTILE);
	await page.getByLabel('按“七簿三档三册”').check();
	await shot(page, 'ledger-desktop');

	await page.emulateMedia({ media: 'print' });
	const sheet = page.locator('.ledger-sheet');
	await expect(sheet).toBeVisible();
	await expect(sheet.getByRole('heading', { name: '缺少的材料' })).toBeVisible();
	await expect(sheet.locator('[data-sheet-missing] li').first()).toBeVisible();
	await expect(sheet).toContainText(HOSTILE);
	await expect(sheet.locator('img')).toHaveCount(0);
	await shot(page, 'ledger-print');
	await page.emulateMedia({ media: 'screen' });

	await page.goto('/assess/results/');
	const a2 = criterionById('A2');
	const claimed = page.locator('[data-claimed]');
	await expect(claimed).toContainText(`A2 ${a2.title}（规范有效）：缺 ${a2.evidence.join('、')}`);
	await expect(claimed).not.toContainText(`B1 ${criterionById('B1').title}`);
	expect(w.problems).toEqual([]);
});

test('the plan and the ledger by keyboard alone: generate, edit, record progress, set a ledger item; focus always visible', async ({
	page,
}) => {
	await fixToday(page);
	await seed(page, [branch()], '/assess/plan/');
	await expect(page.getByLabel('选择自评').locator('option')).not.toHaveCount(0);
	/** The focused element matches `selector` and shows a focus ring (an outline or a box shadow). */
	const focusShows = async (selector: string) =>
		expect
			.poll(() =>
				page.evaluate((sel) => {
					const a = document.activeElement;
					if (!a?.matches(sel)) return `focus on ${a?.tagName} ${a?.className}`;
					const st = getComputedStyle(a);
					const ring =
						(st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) ||
						st.boxShadow !== 'none';
					return ring ? 'ok' : `no focus ring on ${sel}`;
				}, selector),
			)
			.toBe('ok');
	const a1 = criterionById('A1');

	// Choose A1 among the candidates and generate its task.
	await page.locator('main').focus();
	await tabTo(page, '.plan-candidates input[value="A1"]');
	await focusShows('.plan-candidates input[value="A1"]');
	await page.keyboard.press('Space');
	await tabTo(page, 'button[data-generate-button]');
	await focusShows('button[data-generate-button]');
	await page.keyboard.press('Enter');
	const card = task(page, 0);
	await expect(card).toContainText(`A1 ${a1.title}`);

	// Edit it: 责任人 typed, 完成时限 becomes a date input on focus, 状态 by arrow key.
	await tabTo(page, '.plan-tasks > li:first-child input[data-field="owner"]');
	await focusShows('input[data-field="owner"]');
	await page.keyboard.type('王主席');
	await page.keyboard.press('Tab');
	await expect(card.getByLabel('完成时限')).toBeFocused();
	await expect(card.getByLabel('完成时限')).toHaveAttribute('type', 'date');
	await tabTo(page, '.plan-tasks > li:first-child select[data-field="status"]');
	await focusShows('select[data-field="status"]');
	await page.keyboard.press('ArrowDown');
	await expect(card.getByLabel('状态')).toHaveValue('doing');

	// 添加进展 opens with Enter and puts the focus in the text; Tab, Enter records it.
	await tabTo(page, '.plan-tasks > li:first-child .plan-progress-more > button');
	await focusShows('.plan-progress-more > button');
	await page.keyboard.press('Enter');
	await expect(card.getByLabel('进展内容')).toBeFocused();
	await page.keyboard.type('已召开筹备会');
	await tabTo(page, '.plan-tasks > li:first-child button[data-action="progress"]');
	await focusShows('button[data-action="progress"]');
	await page.keyboard.press('Enter');
	await expect(card.locator('.plan-progress-list li')).toHaveText('2026-06-10 已召开筹备会');
	await expect(card.getByLabel('进展内容')).toBeFocused();
	await expect(page.locator('[data-save-status]')).toContainText('已保存');
	const saved = (await savedAssessments(page)).list[0] as unknown as {
		plan: { tasks: { owner: string; status: string; progress: unknown[] }[] };
	};
	expect(saved.plan.tasks.map((x) => [x.owner, x.status, x.progress.length])).toEqual([
		['王主席', 'doing', 1],
	]);

	// The ledger: an item's 状态 by arrow keys, its 存放位置 typed, its 更新日期 a date input.
	await page.goto('/assess/ledger/');
	await expect(page.locator('[data-totals]')).toBeVisible();
	const row = page.locator('tr[data-key="A1.0"]');
	await page.locator('main').focus();
	await tabTo(page, '.ledger-group[data-group="A"] > summary');
	await focusShows('.ledger-group > summary');
	await page.keyboard.press('Enter');
	await tabTo(page, 'tr[data-key="A1.0"] select[data-field="status"]');
	await focusShows('tr[data-key="A1.0"] select');
	for (let i = 0; i < 2 && (await row.locator('select').inputValue()) !== 'have'; i++)
		await page.keyboard.press('ArrowUp');
	await expect(row.locator('select')).toHaveValue('have');
	await page.keyboard.press('Tab');
	await focusShows('tr[data-key="A1.0"] input[data-field="location"]');
	await page.keyboard.type('工会办公室二号柜');
	await page.keyboard.press('Tab');
	await expect(row.locator('input[data-field="updatedOn"]')).toBeFocused();
	await expect(row.locator('input[data-field="updatedOn"]')).toHaveAttribute('type', 'date');
	await expect(page.locator('[data-save-status]')).toContainText('已保存');
	const ledger = (
		(await savedAssessments(page)).list[0] as unknown as {
			ledger: Record<string, { location: string }>;
		}
	).ledger;
	expect(ledger['A1.0']?.location).toBe('工会办公室二号柜');
});

for (const colorScheme of ['light', 'dark'] as const)
	test(`axe on a filled plan and ledger, ${colorScheme} scheme, and at 360 px`, async ({
		page,
	}) => {
		await page.emulateMedia({ colorScheme });
		const a = branch() as ReturnType<typeof branch> & { plan?: unknown };
		await seed(page, [a], '/assess/plan/');
		await page.locator('.plan-candidates input:not(:disabled)').first().check();
		await page.getByRole('button', { name: '生成任务' }).click();
		await task(page, 0).getByLabel('完成时限').click();
		await task(page, 0).getByLabel('完成时限').fill('2026-01-01');
		await task(page, 0).getByText('添加进展').click();
		await task(page, 0).getByLabel('进展内容').fill('已开会');
		await task(page, 0).getByRole('button', { name: '记录进展' }).click();
		await page.locator('details.plan-unanswered summary').focus();
		await audit(page, `plan (${colorScheme})`);
		await page.setViewportSize({ width: 360, height: 800 });
		await audit(page, `plan at 360 px (${colorScheme})`);
		await page.goto('/assess/ledger/');
		await page.getByRole('heading', { name: /^A / }).click();
		await expect(page.locator('tr[data-key="A1.0"]')).toBeVisible();
		await audit(page, `ledger at 360 px (${colorScheme})`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360,
		);
		await shot(page, `ledger-360-${colorScheme}`);
		await page.setViewportSize({ width: 1280, height: 900 });
		await audit(page, `ledger (${colorScheme})`);
	});
