/**
 * Results (自评结果): figures checked against an independent scoring of the catalogue,
 * charts and their PNGs, priorities, 必备/否决 notices, JSON and CSV files, import round
 * trip, broken and hostile files, the print view, and markup typed as text.
 */
import { type Page } from '@playwright/test';
import {
	test,
	answerPlan,
	bandName,
	chartMarks,
	catalogue,
	checklistReady,
	criterionById,
	downloadFile,
	expect,
	expectAnswers,
	expectedScore,
	makeAssessment,
	openChecklist,
	openManager,
	openSection,
	parseCsv,
	rateFor,
	round1,
	seed,
	storageSnapshot,
	uniformPlan,
	watch,
	type Plan,
	openAround,
} from './support';
import { shot } from './shots';
import { SCHEMA_VERSION } from '../../src/lib/assessment';

test.describe.configure({ mode: 'parallel' });

const fmt = (n: number) => String(round1(n));

/** A varied plan with every criterion answered, no 不适用, total well below the 模范 line. */
function mixedPlan(): Plan {
	const plan: Plan = {};
	catalogue.criteria.forEach((c, i) => {
		const level = ((i * 7 + 2) % 4) as 0 | 1 | 2 | 3;
		if (c.rate) {
			const usable = c.rate.thresholds.some((s) => s.level === level) ? level : 0;
			plan[c.id] = { rate: rateFor(c, usable) };
		} else plan[c.id] = { level };
		if (i % 5 === 0) plan[c.id]!.evidence = [0];
		if (i % 4 === 0) plan[c.id]!.note = `${c.id} 的情况说明`;
	});
	return plan;
}

/** Reads the category table as rows of cell texts. */
const categoryTable = (page: Page) =>
	page
		.locator('#category-table tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => Array.from(r.children, (c) => c.textContent?.trim() ?? '')),
		);

/** The total as shown: “n / 100”, or the figure alone when a bonus is added (shown beside it). */
const totalText = (e: { total: number; bonus: number }) =>
	e.bonus > 0 ? fmt(e.total) : `${fmt(e.total)} / 100`;

/** The rows the category table should show for a plan (no 不适用). */
function expectedRows(plan: Plan) {
	const e = expectedScore(plan);
	const rows = e.categories.map((k) => {
		const bonus = catalogue.categories.find((x) => x.id === k.id)?.bonus === true;
		const flag = k.answered < k.applicable ? '（未完成）' : '';
		// A category with nothing answered reads 未评, not 0.
		const none = k.answered === 0 && k.applicable > 0;
		return [
			`${k.id} ${k.title}`,
			bonus ? `+${k.points}` : String(k.points),
			none ? '未评' : `${fmt(bonus ? Math.min(k.earned, k.points) : k.earned)}${flag}`,
			none ? '未评' : `${fmt(k.percent)}%${flag}`,
			`${k.answered} / ${k.applicable}`,
		];
	});
	// The 基本分合计 row: the categories' contributions add up to the base score; the bonus
	// category follows it, as it is added on top.
	const sum = ['基本分合计', String(catalogue.basePoints), fmt(e.base), '', ''];
	const bonusAt = catalogue.categories.findIndex((k) => k.bonus === true);
	return bonusAt < 0 ? [...rows, sum] : [...rows.slice(0, bonusAt), sum, ...rows.slice(bonusAt)];
}

async function showCharts(page: Page): Promise<void> {
	await page.locator('[data-charts]').scrollIntoViewIfNeeded();
	await expect.poll(() => chartMarks(page.locator('svg[data-radar]'))).toBeGreaterThan(0);
	await expect.poll(() => chartMarks(page.locator('svg[data-bar]'))).toBeGreaterThan(0);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test.describe('figures', () => {
	test('answered on the checklist: total, band, 未完成 while incomplete, and the category table match the rules', async ({
		page,
	}) => {
		const plan = mixedPlan();
		const first: Plan = Object.fromEntries(
			Object.entries(plan).filter(([id]) => 'ABCDE'.includes(id[0]!)),
		);
		await openChecklist(page);
		await page.getByLabel('单位名称').fill('示例机械厂');
		await answerPlan(page, first);
		await page.getByRole('link', { name: '查看结果与改进建议' }).click();
		await expect(page).toHaveURL(/\/assess\/results\/$/);

		let e = expectedScore(first);
		expect(e.answered).toBeLessThan(catalogue.criteria.length);
		const total = page.locator('[data-total]');
		await expect(total).toHaveText(totalText(e));
		await expect(page.locator('[data-band]')).toHaveText(bandName(e.total));
		await expect(page.locator('[data-base-score]')).toHaveText(fmt(e.base));
		await expect(page.locator('.score-main [data-flag]')).toHaveText('未完成');
		await expect(page.locator('.score-main [data-flag]')).toBeVisible();
		await expect(page.locator('[data-completion-note]')).toHaveText(
			`评估尚未完成：已评 ${e.answered} / ${catalogue.criteria.length} 项。未评的指标按 0 分计，标有“未完成”的数字会随填写增加。`,
		);
		expect(await categoryTable(page)).toEqual(expectedRows(first));
		const unanswered = page.getByRole('region', { name: '尚未评估的指标' }).getByRole('listitem');
		await expect(unanswered).toHaveCount(catalogue.criteria.length - e.answered);
		await expect(unanswered.first()).toHaveText(new RegExp(`^F1 ${criterionById('F1').title}$`));

		await page.getByRole('link', { name: '返回修改答案' }).click();
		await checklistReady(page);
		await answerPlan(
			page,
			Object.fromEntries(Object.entries(plan).filter(([id]) => !(id in first))),
		);
		await page.goto('/assess/results/');
		e = expectedScore(plan);
		expect(e.answered).toBe(catalogue.criteria.length);
		expect(e.total).toBeLessThan(90); // no 必备/否决 cap can apply
		await expect(total).toHaveText(totalText(e));
		await expect(page.locator('[data-band]')).toHaveText(bandName(e.total));
		await expect(page.locator('[data-base-score]')).toHaveText(fmt(e.base));
		await expect(page.locator('[data-bonus]')).toHaveText(`+${fmt(e.bonus)}`);
		await expect(page.locator('[data-completion]')).toHaveText('100%');
		for (const flag of await page.locator('[data-flag]').all()) await expect(flag).toBeHidden();
		await expect(page.getByText('未完成').filter({ visible: true })).toHaveCount(0);
		await expect(page.locator('[data-completion-note]')).toHaveText('全部适用指标均已评估。');
		expect(await categoryTable(page)).toEqual(expectedRows(plan));
		await expect(page.getByRole('region', { name: '尚未评估的指标' })).toBeHidden();
		await expect(page.locator('[data-unit]')).toContainText('示例机械厂');
	});

	test('all at 规范有效 scores 105 and 模范; all at 未开展 scores 0 and 起步', async ({ page }) => {
		const top = uniformPlan(3);
		await seed(
			page,
			[
				makeAssessment('r-top', '全部规范有效', top),
				makeAssessment('r-low', '全部未开展', uniformPlan(0)),
			],
			'/assess/results/',
		);
		const e = expectedScore(top);
		expect(e.total).toBe(100 + catalogue.bonusMax);
		// Above 100 the total reads as a sum with its bonus, never "105 / 100".
		await expect(page.locator('[data-total]')).toHaveText(fmt(e.total));
		await expect(page.locator('[data-total-parts]')).toHaveText(
			`基本分 100 + 加分 ${catalogue.bonusMax} = ${fmt(e.total)}`,
		);
		await expect(page.locator('[data-band]')).toHaveText('模范');
		await expect(
			page.getByRole('listitem').filter({ hasText: '已评的指标都达到“规范有效”' }),
		).toBeVisible();
		await page.getByLabel('查看哪份评估').selectOption({ label: '全部未开展' });
		// Every level at 未开展; I2 can only take a figure (below 85% here), worth 40% of its points.
		await expect(page.locator('[data-total]')).toHaveText(
			`${fmt(expectedScore(uniformPlan(0)).total)} / 100`,
		);
		await expect(page.locator('[data-total-parts]')).toBeHidden();
		await expect(page.locator('[data-band]')).toHaveText('起步');
		// I2 below 85% also sets the derived veto, named with its condition.
		const v3 = catalogue.vetoes.find((v) => v.id === 'V3')!;
		await expect(page.locator('[data-caps]')).toContainText(`V3 ${v3.title}`);
	});
});

test.describe('charts', () => {
	test('radar and bar charts are drawn from the scores, their code loads only on the results page, and the PNGs download', async ({
		page,
	}) => {
		const w = watch(page);
		const chartChunk = (u: string) => /\/_astro\/charts\.[\w-]+\.js$/.test(u);
		await page.goto('/guide/shishi/', { waitUntil: 'networkidle' });
		await page.goto('/assess/', { waitUntil: 'networkidle' });
		expect(w.urls.filter(chartChunk)).toEqual([]);

		const plan = mixedPlan();
		await seed(page, [makeAssessment('r-ch', '图表', plan)], '/assess/results/');
		await showCharts(page);
		expect(w.urls.filter(chartChunk)).toHaveLength(1);
		// The bars are the scores: per category (bonus left out) 得分 where rated and 应得分, each
		// bar's title naming its category and figure, and the longest bar the largest figure.
		const cats = expectedScore(plan).categories.filter(
			(k) => !catalogue.categories.find((x) => x.id === k.id)?.bonus,
		);
		const bars = await page.locator('svg[data-bar] rect').evaluateAll((rects) =>
			rects.map((r) => ({
				title: r.querySelector('title')?.textContent ?? '',
				width: Number(r.getAttribute('width')),
			})),
		);
		const label = (k: (typeof cats)[number]) => (k.answered ? k.title : `${k.title}（未评）`);
		expect(bars.map((b) => b.title).sort()).toEqual(
			cats
				.flatMap((k) => [
					...(k.answered ? [`${label(k)}：${fmt(k.earned)}`] : []),
					`${label(k)}：${k.points}`,
				])
				.sort(),
		);
		const widest = bars.reduce((a, b) => (b.width > a.width ? b : a));
		expect(Number(widest.title.split('：')[1])).toBe(Math.max(...cats.map((k) => k.points)));
		// The radar has a point per rated category.
		await expect(page.locator('svg[data-radar] circle')).toHaveCount(
			cats.filter((k) => k.answered).length,
		);
		for (const [name, file] of [
			['下载雷达图（PNG）', '雷达图'],
			['下载条形图（PNG）', '条形图'],
		] as const) {
			const button = page.getByRole('button', { name });
			await expect(button).toBeEnabled();
			const { download, bytes } = await downloadFile(page, () => button.click());
			expect(download.suggestedFilename()).toMatch(new RegExp(`_${file}\\.png$`));
			expect(bytes.subarray(0, 8).equals(PNG)).toBe(true);
			expect(bytes.length).toBeGreaterThan(2000);
		}
		expect(w.problems).toEqual([]);
	});
});

test.describe('priorities and caps', () => {
	test('the priorities list is ordered by lost points and gives the next level to reach', async ({
		page,
	}) => {
		const plan = mixedPlan();
		await seed(page, [makeAssessment('r-pr', '优先', plan)], '/assess/results/');
		const e = expectedScore(plan);
		const items = page.locator('[data-priorities] > li');
		const n = Math.min(10, e.lost.length);
		await expect(items).toHaveCount(n);
		const shown = await items.evaluateAll((lis) =>
			lis.map((li) => ({
				head: li.querySelector('strong')?.textContent ?? '',
				lost: li.querySelector('.priority-head .badge')?.textContent ?? '',
				text: li.textContent ?? '',
			})),
		);
		for (const [i, p] of e.lost.slice(0, n).entries()) {
			const c = criterionById(p.id);
			const s = shown[i]!;
			expect(s.head, `priority ${i + 1}`).toBe(`${c.id} ${c.title}`);
			expect(s.lost).toBe(`失 ${fmt(p.lost)} 分`);
			expect(s.text).toContain(`现在：${catalogue.levelNames[p.level]}`);
			expect(s.text).toContain(
				`下一步（${catalogue.levelNames[p.next]}）：${c.levels[p.next as 0 | 1 | 2 | 3]}`,
			);
		}
		const lost = shown.map((s) => Number(/失 ([\d.]+) 分/.exec(s.lost)?.[1]));
		expect(lost).toEqual([...lost].sort((a, b) => b - a));
		// The guide link of the first item opens its guidance page (once the charts above it
		// are drawn: their status line disappears then, which moves the list up a line).
		await showCharts(page);
		await expect(page.locator('[data-chart-status]')).toBeEmpty();
		const first = items.first().getByRole('link', { name: /^看指南：/ });
		await first.click();
		await expect(page).toHaveURL(
			new RegExp(`/guide/${criterionById(e.lost[0]!.id).guide.split('#')[0]}/`),
		);
	});

	test('a low 必备 item caps the band at 合格 with a notice', async ({ page }) => {
		const plan = uniformPlan(3, { A1: { level: 1 } });
		await seed(page, [makeAssessment('r-req', '必备', plan)], '/assess/results/');
		const e = expectedScore(plan);
		expect(e.total).toBeGreaterThanOrEqual(90);
		expect(e.missingRequired).toEqual(['A1']);
		await expect(page.locator('[data-total]')).toHaveText(totalText(e));
		await expect(page.locator('[data-band]')).toHaveText('合格');
		await expect(page.locator('[data-caps]')).toHaveText(
			`必备项未达到“基本落实”：A1 ${criterionById('A1').title}。按计分规则，结果最高为合格，不能评为模范。`,
		);
		// Its priority asks for 基本落实 straight away (a 必备 item skips 有制度未落实).
		await expect(page.locator('[data-priorities] > li').first()).toContainText(
			`下一步（基本落实）：${criterionById('A1').levels[2]}`,
		);
	});

	test('a veto set to 是 on the checklist caps the band at 合格 with a notice', async ({
		page,
	}) => {
		await seed(page, [makeAssessment('r-veto', '否决', uniformPlan(3))], '/assess/results/');
		await expect(page.locator('[data-band]')).toHaveText('模范');
		await expect(page.locator('[data-caps]')).toBeEmpty();
		await page.goto('/assess/');
		const v1 = catalogue.vetoes.find((v) => v.id === 'V1')!;
		await openSection(page, 'vetoes');
		await page.getByRole('group', { name: /^V1 / }).getByRole('radio', { name: '是' }).check();
		await expect(page.locator('[data-save-status]')).toContainText('已保存');
		await page.goto('/assess/results/');
		await expect(page.locator('[data-band]')).toHaveText('合格');
		await expect(page.locator('[data-total]')).toHaveText('105');
		await expect(page.locator('[data-caps]')).toHaveText(
			`存在否决项：V1 ${v1.title}。按计分规则，任何一项否决条件都使结果不能评为模范。`,
		);
	});
});

test.describe('result files', () => {
	const profile = {
		unitName: '示例机械厂',
		unionName: '示例机械厂工会',
		memberCount: 320,
		assessedOn: '2026-02-20',
		assessor: '张敏',
	};

	test('JSON has the format, versions, profile, answers, notes, evidence, scores and time', async ({
		page,
	}) => {
		const plan = mixedPlan();
		plan['B2'] = { level: 2, evidence: [0, 2], note: '干部培训 3 次，有签到表' };
		await seed(page, [makeAssessment('r-json', '下载', plan, profile)], '/assess/results/');
		const before = Date.now();
		const { download, bytes } = await downloadFile(page, () =>
			page.getByRole('button', { name: '下载 JSON（可再导入）' }).click(),
		);
		expect(download.suggestedFilename()).toBe('示例机械厂工会_2026-02-20.json');
		const file = JSON.parse(bytes.toString('utf8'));
		expect(file.format).toBe('zhigong-zhijia.assessment');
		expect(file.schemaVersion).toBe(SCHEMA_VERSION);
		expect(file.catalogueVersion).toBe(catalogue.version);
		expect(Date.parse(file.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
		expect(file.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(file.assessment.profile).toMatchObject(profile);
		expect(file.assessment.catalogueVersion).toBe(catalogue.version);
		expect(Object.keys(file.assessment.answers).sort()).toEqual(
			catalogue.criteria.map((c) => c.id).sort(),
		);
		expect(file.assessment.answers.B2).toEqual({
			level: 2,
			na: false,
			naReason: '',
			rate: null,
			evidence: [0, 2],
			note: '干部培训 3 次，有签到表',
		});
		expect(file.assessment.answers.A4.rate).toBe(plan['A4']!.rate);
		const e = expectedScore(plan);
		expect(file.scores.total).toBe(e.total);
		expect(file.scores.base).toBe(e.base);
		expect(file.scores.bonus).toBe(e.bonus);
		// Catalogue 2026.2: 41 criteria count towards completion (two more than 2026.1).
		expect(file.scores.completion).toEqual({
			answered: 41,
			total: 41,
			percent: 100,
			complete: true,
		});
		expect(file.scores.categories.map((k: { id: string }) => k.id)).toEqual(
			catalogue.categories.map((k) => k.id),
		);
		expect(file.scores.criteria).toHaveLength(catalogue.criteria.length);
	});

	test('CSV starts with a BOM, has a row per criterion plus header and total, and defuses formulas', async ({
		page,
	}) => {
		const plan = mixedPlan();
		plan['C3'] = { level: 2, note: '=HYPERLINK("http://example.invalid","点我")' };
		plan['C4'] = { level: 1, note: '含逗号, "引号"\n和换行', evidence: [0, 1] };
		plan['D3'] = { level: 3, note: '+1 起，@全体' };
		plan['D4'] = { level: 3, note: '总数 = 12，-1 人' };
		await seed(page, [makeAssessment('r-csv', 'CSV', plan, profile)], '/assess/results/');
		const { download, bytes } = await downloadFile(page, () =>
			page.getByRole('button', { name: '下载 CSV（Excel 可打开）' }).click(),
		);
		expect(download.suggestedFilename()).toBe('示例机械厂工会_2026-02-20.csv');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(bytes.toString('utf8').slice(1));
		// Header, a row per criterion, a row per 否决 condition (named), base and total.
		expect(rows).toHaveLength(1 + catalogue.criteria.length + catalogue.vetoes.length + 2);
		expect(rows[0]).toEqual([
			'单位名称',
			'工会名称',
			'评估日期',
			'类别',
			'编号',
			'指标',
			'必备',
			'应得分',
			'达到程度',
			'比率(%)',
			'自评分',
			'不适用原因',
			'已有佐证材料',
			'情况说明',
		]);
		expect(rows.slice(1, 1 + catalogue.criteria.length).map((r) => r[4])).toEqual(
			catalogue.criteria.map((c) => c.id),
		);
		for (const r of rows) expect(r).toHaveLength(14);
		const row = (id: string) => rows.find((r) => r[4] === id)!;
		expect(row('C3')[13]).toBe(`'=HYPERLINK("http://example.invalid","点我")`);
		expect(row('C4')[13]).toBe('含逗号, "引号"\n和换行');
		expect(row('C4')[12]).toBe(criterionById('C4').evidence.slice(0, 2).join('；'));
		expect(row('D3')[13]).toBe(`'+1 起，@全体`);
		expect(row('D4')[13]).toBe('总数 = 12，-1 人');
		expect(row('A1')).toEqual(
			expect.arrayContaining([
				'示例机械厂',
				'示例机械厂工会',
				'2026-02-20',
				`A ${catalogue.categories[0]!.title}`,
				'A1',
				criterionById('A1').title,
				'是',
			]),
		);
		const e = expectedScore(plan);
		expect(row('C3')[10]).toBe(fmt(criterionById('C3').points * 0.7));
		expect(row('C3')[8]).toBe('基本落实');
		expect(row('A4')[9]).toBe(String(plan['A4']!.rate));
		const last = rows.at(-1)!;
		expect(last[5]).toBe('合计（折算后总分）');
		expect(last[10]).toBe(String(e.total));
	});

	test('import round trip: the downloaded JSON comes back as a new assessment with the same answers and total', async ({
		page,
	}) => {
		const plan = mixedPlan();
		plan['A2'] = { na: true, naReason: '女会员不足 10 名' };
		await seed(page, [makeAssessment('r-rt', '原始评估', plan, profile)], '/assess/results/');
		const totalText = await page.locator('[data-total]').textContent();
		// "n / 100", or the figure alone when a bonus is added on top.
		expect(totalText).toMatch(/^\d+(\.\d)?( \/ 100)?$/);
		const { download } = await downloadFile(page, () =>
			page.getByRole('button', { name: '下载 JSON（可再导入）' }).click(),
		);

		await openChecklist(page);
		await page.getByLabel('选择文件').setInputFiles(await download.path());
		await expect(page.locator('[data-messages]')).toHaveText(
			'已导入“原始评估（导入）”，作为新的评估打开。',
		);
		const current = page.getByLabel('当前评估');
		await expect(current.locator('option')).toHaveText(['原始评估', '原始评估（导入）']);
		await expect(current.locator('option:checked')).toHaveText('原始评估（导入）');
		await expectAnswers(page, plan);
		await expect(page.getByLabel('单位名称')).toHaveValue(profile.unitName);
		await expect(page.getByLabel('评估人')).toHaveValue(profile.assessor);
		const saved = await storageSnapshot(page);
		expect(Object.keys(saved).filter((k) => k.startsWith('zzzj.v2.a.'))).toHaveLength(2);

		await page.goto('/assess/results/');
		await expect(page.getByLabel('查看哪份评估').locator('option:checked')).toHaveText(
			'原始评估（导入）',
		);
		await expect(page.locator('[data-total]')).toHaveText(totalText!);
	});

	test('broken and hostile files are refused with their own message and leave storage untouched', async ({
		page,
	}) => {
		test.setTimeout(90_000);
		await seed(
			page,
			[makeAssessment('r-bad', '现有评估', mixedPlan(), profile)],
			'/assess/results/',
		);
		const { bytes } = await downloadFile(page, () =>
			page.getByRole('button', { name: '下载 JSON（可再导入）' }).click(),
		);
		const good = bytes.toString('utf8');
		const base = () => JSON.parse(good);
		const variant = (f: (o: ReturnType<typeof base>) => void) => {
			const o = base();
			f(o);
			return JSON.stringify(o);
		};
		const unchanged = '现有评估均未改动。';
		const cases: [string, string | Buffer, string][] = [
			[
				'not JSON',
				'{"format": "zhigong-zhijia.assessment", ',
				'这不是有效的 JSON 文件，可能已损坏或被改动过。请选择本站“下载 JSON”得到的文件。',
			],
			[
				'an array',
				'[{"format":"zhigong-zhijia.assessment"}]',
				'这不是本站的自评结果文件（缺少或不符的 format 标记）。',
			],
			[
				'wrong format',
				variant((o) => (o.format = 'other-app.export')),
				'这不是本站的自评结果文件（缺少或不符的 format 标记）。',
			],
			[
				'schemaVersion 99',
				variant((o) => (o.schemaVersion = 99)),
				'文件来自更新版本的网站（格式第 99 版），本页面无法读取。请刷新页面获取新版后再试。',
			],
			[
				'unknown criterion',
				variant((o) => (o.assessment.answers.Z9 = o.assessment.answers.A1)),
				'文件中有本站指标目录里没有的指标（Z9），可能来自其他版本的标准，未导入。',
			],
			[
				'__proto__ key',
				good.replace('"answers": {', '"answers": {\n      "__proto__": { "polluted": true },'),
				'文件中含有不允许的字段名（__proto__），出于安全考虑拒绝导入。',
			],
			[
				'extra key',
				variant((o) => (o.extra = 1)),
				'文件内容不符合格式要求（问题出在：extra）。文件可能被手工改动过。',
			],
			[
				'3000-character note',
				variant((o) => (o.assessment.answers.A1.note = '长'.repeat(3000))),
				'文件内容不符合格式要求（问题出在：assessment.answers.A1.note）。文件可能被手工改动过。',
			],
			['empty file', '', '文件是空的，没有可导入的内容。'],
			[
				'6 MB file',
				Buffer.alloc(6 * 1024 * 1024, 0x20),
				'文件太大（6.0 MB），超过 5 MB 的上限。结果文件通常只有几十 KB，请确认选对了文件。',
			],
		];
		expect(good).toContain('"answers": {');

		await openChecklist(page);
		const before = await storageSnapshot(page);
		expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);
		const input = page.getByLabel('选择文件');
		const messages = page.locator('[data-messages]');
		for (const [label, content, message] of cases) {
			await page.evaluate(() => (document.querySelector('[data-messages]')!.textContent = ''));
			await input.setInputFiles({
				name: `${label}.json`,
				mimeType: 'application/json',
				buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
			});
			await expect(messages, label).toHaveText(message + unchanged);
			expect(await storageSnapshot(page), label).toEqual(before);
		}
		await expect(page.getByLabel('当前评估').locator('option')).toHaveText(['现有评估']);
		expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
		expect(
			await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted']),
		).toBeUndefined();
		// The untouched file still imports.
		await input.setInputFiles({
			name: 'good.json',
			mimeType: 'application/json',
			buffer: Buffer.from(good),
		});
		await expect(messages).toHaveText('已导入“现有评估（导入）”，作为新的评估打开。');
	});
});

test.describe('print view', () => {
	test('the 评分表 has its columns and notes, hides the site chrome in print, and makes an A4 PDF', async ({
		page,
	}) => {
		const plan = mixedPlan();
		plan['E1'] = { level: 2, evidence: [1], note: '全年走访 46 人次，台账齐全' };
		await seed(
			page,
			[
				makeAssessment('r-print', '打印', plan, {
					unitName: '示例机械厂',
					unionName: '示例机械厂工会',
					assessor: '张敏',
					unitType: 'public',
				}),
			],
			'/assess/print/',
		);
		await expect(page.locator('zz-print-view[data-ready]')).toBeAttached();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('职工之家建设自评评分表');
		const sheet = page.locator('table.score-sheet');
		for (const col of ['编号', '评估内容', '应得分', '自评分', '验收分', '情况说明'])
			await expect(sheet.getByRole('columnheader', { name: col, exact: true })).toBeVisible();
		const e1 = criterionById('E1');
		const row = sheet
			.getByRole('row')
			.filter({ has: page.getByRole('cell', { name: 'E1', exact: true }) });
		await expect(row.getByRole('cell')).toHaveText([
			'E1',
			e1.title,
			String(e1.points),
			fmt(e1.points * 0.7),
			'',
			`基本落实；已有佐证：${e1.evidence[1]}；全年走访 46 人次，台账齐全`,
		]);
		await expect(page.locator('[data-p="unitName"]')).toHaveText('示例机械厂');
		await expect(page.locator('[data-p="unitType"]')).toHaveText('机关事业单位');
		const e = expectedScore(plan);
		await expect(page.locator('[data-s="total"]')).toHaveText(fmt(e.total));
		await expect.poll(() => chartMarks(page.locator('svg[data-radar]'))).toBeGreaterThan(0);
		await expect.poll(() => chartMarks(page.locator('svg[data-bar]'))).toBeGreaterThan(0);

		await expect(page.getByRole('banner')).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('banner')).toBeHidden();
		await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
		await expect(page.getByRole('contentinfo')).toBeHidden();
		await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeHidden();
		await expect(sheet).toBeVisible();

		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const boxes = [
			...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
		].map((m) => [Number(m[1]), Number(m[2])]);
		expect(boxes.length).toBeGreaterThan(1);
		for (const [w, h] of boxes) {
			// A4 is 210 × 297 mm = 595.3 × 841.9 pt.
			expect(Math.abs(w! - 595.3)).toBeLessThan(1.5);
			expect(Math.abs(h! - 841.9)).toBeLessThan(1.5);
		}
	});
});

test.describe('markup typed as text', () => {
	test('stays literal text on the checklist, results and print pages, and never runs', async ({
		page,
	}) => {
		const w = watch(page);
		const name = '<img src=x onerror="window.__xss=1">';
		const note = '<script>window.__xss=2</script><b>粗体</b>';
		await openChecklist(page);
		await page.getByLabel('单位名称').fill(name);
		await openManager(page);
		await page.getByLabel('评估名称').fill(`<i>${name}</i>`);
		await page.locator('#criterion-A1 [name="level-A1"][value="2"]').check();
		await openAround(page, page.locator('#note-A1'));
		await page.locator('#criterion-A1').getByRole('textbox', { name: '情况说明' }).fill(note);
		await page.reload();
		await expect(page.getByLabel('单位名称')).toHaveValue(name);
		await expect(
			page.locator('#criterion-A1').getByRole('textbox', { name: '情况说明' }),
		).toHaveValue(note);
		await expect(page.getByLabel('当前评估').locator('option:checked')).toHaveText(
			`<i>${name}</i>`,
		);

		await page.goto('/assess/results/');
		await expect(page.locator('[data-unit]')).toContainText(name);
		await expect(page.getByLabel('查看哪份评估').locator('option:checked')).toHaveText(
			`<i>${name}</i>`,
		);

		await page.goto('/assess/print/');
		await expect(page.locator('[data-p="unitName"]')).toHaveText(name);
		await expect(page.locator('[data-note="A1"]')).toHaveText(`基本落实；${note}`);
		await expect(page.locator('zz-print-view[data-ready]')).toBeAttached();

		for (const path of ['/assess/', '/assess/results/', '/assess/print/']) {
			await page.goto(path, { waitUntil: 'networkidle' });
			expect(
				await page.evaluate(() => (window as { __xss?: unknown }).__xss),
				path,
			).toBeUndefined();
			expect(await page.locator('main img, main b, main i').count(), path).toBe(0);
		}
		expect(w.urls.filter((u) => /\/x$/.test(u))).toEqual([]);
		expect(w.problems).toEqual([]);
	});
});

test.describe('unanswered vetoes and no 会员评家 (issue 9)', () => {
	test('an unanswered veto keeps a 模范 total at 合格 and is named', async ({ page }) => {
		const plan = uniformPlan(3);
		await seed(
			page,
			[makeAssessment('r-open', '未答', plan, { unitName: '某某公司' }, { vetoes: { V1: false } })],
			'/assess/results/',
		);
		await expect(page.locator('[data-total]')).toHaveText('105');
		await expect(page.locator('[data-band]')).toHaveText('合格');
		const v2 = catalogue.vetoes.find((v) => v.id === 'V2')!;
		const v4 = catalogue.vetoes.find((v) => v.id === 'V4')!;
		await expect(page.locator('[data-caps]')).toContainText(
			`否决项尚未回答：V2 ${v2.title}、V4 ${v4.title}。`,
		);
		for (const [w, h] of [
			[1280, 900],
			[360, 800],
		] as const) {
			await page.setViewportSize({ width: w, height: h });
			await page.locator('[data-caps]').scrollIntoViewIfNeeded();
			await shot(page, `results-veto-${w}`);
		}
		// Answering them on the checklist lifts the cap.
		await page.goto('/assess/');
		await expect(page.locator('[data-fold-state="vetoes"]')).toHaveText('已填 2 / 4 项');
		await openSection(page, 'vetoes');
		for (const id of ['V2', 'V4'])
			await page
				.getByRole('group', { name: new RegExp(`^${id} `) })
				.getByRole('radio', { name: '否' })
				.check();
		await expect(page.locator('[data-save-status]')).toContainText('已保存');
		await page.goto('/assess/results/');
		await expect(page.locator('[data-band]')).toHaveText('模范');
		await expect(page.locator('[data-caps]')).toBeEmpty();
	});

	test('no 会员评家 held is its own reason, not the 85% veto', async ({ page }) => {
		await seed(page, [makeAssessment('r-nos', '未评家', uniformPlan(3))], '/assess/');
		await openSection(page, 'survey');
		await page
			.getByRole('group', { name: '本年度是否开展了会员评家？' })
			.getByRole('radio', { name: '没有开展' })
			.check();
		await expect(page.locator('[data-save-status]')).toContainText('已保存');
		await page.goto('/assess/results/');
		await expect(page.locator('[data-band]')).toHaveText('合格');
		await expect(page.locator('[data-caps]')).toContainText('本年度没有开展会员评家');
		await expect(page.locator('[data-caps]')).not.toContainText('存在否决项');
	});
});

test.describe('results where users look (issue 14)', () => {
	test('before any answer: 还没开始 with a way to the checklist, no 0 / 100, band or 必备 warning', async ({
		page,
	}) => {
		await page.goto('/assess/results/');
		const start = page.getByRole('region', { name: '还没开始' });
		await expect(start).toBeVisible();
		await expect(page.getByRole('heading', { name: '总体结果' })).toBeHidden();
		await expect(page.getByText('0 / 100')).toBeHidden();
		await expect(page.getByText('必备项未达到')).toBeHidden();
		await page.getByRole('link', { name: '去填写自评表' }).click();
		await expect(page).toHaveURL(/\/assess\/$/);
		// (A loaded machine may take a while to run the checklist script.)
		await expect(page.locator('#m-current option')).not.toHaveCount(0, { timeout: 30_000 });
		// Visiting the checklist (and the results) saved nothing: no empty assessment.
		await checklistReady(page);
		expect(Object.keys(await storageSnapshot(page)).filter((k) => k.includes('.a.'))).toEqual([]);
		// The first value entered saves it, and the results then show figures.
		await page.getByLabel('单位名称').fill('红星机械厂');
		await page.locator('#criterion-A1 [name="level-A1"][value="2"]').check();
		await expect(page.locator('[data-save-status]')).toContainText('已保存');
		await page.goto('/assess/results/');
		await expect(page.getByRole('heading', { name: '总体结果' })).toBeVisible();
		await expect(page.getByRole('region', { name: '还没开始' })).toBeHidden();
	});

	test('比上次: total and categories against the previous assessment of the same unit, with a link to 历年对比', async ({
		page,
	}) => {
		const now = uniformPlan(2);
		const before = uniformPlan(1);
		const profile = { unitName: '红星机械厂', unionName: '红星机械厂工会' };
		await seed(
			page,
			[
				makeAssessment('r-now', '2026 年度自评', now, { ...profile, assessedOn: '2026-03-15' }),
				makeAssessment('r-before', '2025 年度自评', before, {
					...profile,
					assessedOn: '2025-03-10',
				}),
				makeAssessment('r-other', '别的单位', uniformPlan(3), {
					unitName: '东风纺织厂',
					assessedOn: '2025-06-01',
				}),
			],
			'/assess/results/',
		);
		const e1 = expectedScore(now);
		const e0 = expectedScore(before);
		const section = page.getByRole('region', { name: '比上次' });
		await expect(section).toContainText('与本单位上一次评估（2025-03-10，“2025 年度自评”）相比');
		const delta = round1(e1.total - e0.total);
		await expect(section).toContainText(
			`总分 +${fmt(delta)} 分（${fmt(e0.total)} → ${fmt(e1.total)}）`,
		);
		const rows = await section
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((r) => Array.from(r.children, (c) => c.textContent?.trim())));
		expect(rows).toHaveLength(catalogue.categories.length);
		for (const [i, k] of catalogue.categories.entries()) {
			// The bonus category adds at most the bonus cap.
			const adds = (x: number) => (k.bonus ? Math.min(x, catalogue.bonusMax) : x);
			const d = round1(adds(e1.categories[i]!.earned) - adds(e0.categories[i]!.earned));
			expect(rows[i]).toEqual([`${k.id} ${k.title}`, d === 0 ? '±0' : `+${fmt(d)}`]);
		}
		await section.getByRole('link', { name: '看本单位历年对比（全部年份）' }).click();
		await expect(page).toHaveURL(/\/compare\/#time-h$/);

		// The earliest assessment has nothing before it: the section says how to get a comparison.
		await page.goto('/assess/results/');
		await page.getByLabel('查看哪份评估').selectOption({ label: '2025 年度自评' });
		await expect(section).toContainText('本浏览器里没有这个单位更早的评估');
	});

	test('the category table stacks on a 360 px phone: no column hidden off the edge', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await seed(page, [makeAssessment('r-phone', '手机', uniformPlan(2))], '/assess/results/');
		const table = page.locator('#category-table');
		await expect(table.locator('tbody tr').first()).toBeVisible();
		const box = await page.locator('#category-table').boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(360);
		const region = page.locator('.table-scroll').filter({ has: table });
		const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(overflow).toBeLessThanOrEqual(1);
		// Every figure is labelled with its column.
		await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveAttribute(
			'data-label',
			'得分',
		);
	});

	test('a category with nothing answered reads 未评 in the table and the chart, not 0', async ({
		page,
	}) => {
		const plan = uniformPlan(2);
		const first = catalogue.categories[0]!;
		for (const c of catalogue.criteria) if (c.category === first.id) delete plan[c.id];
		await seed(page, [makeAssessment('r-part', '部分', plan)], '/assess/results/');
		const row = page.locator('#category-table tbody tr').first();
		await expect(row.locator('td').nth(1)).toHaveText('未评');
		await expect(row.locator('td').nth(2)).toHaveText('未评');
		await expect(page.getByText('标“未评”的类别还没有填写')).toBeVisible();
		// In the charts: named 未评 in grey, no radar point and no 得分 bar (its 应得分 bar stays).
		await showCharts(page);
		const unrated = `${first.title}（未评）`;
		await expect(
			page.locator('svg[data-radar] text.chart-muted').filter({ hasText: unrated }),
		).toHaveCount(1);
		const rated = catalogue.categories.filter((k) => !k.bonus && k.id !== first.id).length;
		await expect(page.locator('svg[data-radar] circle')).toHaveCount(rated);
		await expect(page.locator('svg[data-bar] rect title').filter({ hasText: unrated })).toHaveText([
			`${unrated}：${catalogue.criteria.filter((c) => c.category === first.id).reduce((n, c) => n + c.points, 0)}`,
		]);
		await shot(page, 'results-charts-unrated');
	});

	test('the next self-check date is never in the past', async ({ page }) => {
		await seed(
			page,
			[
				makeAssessment('r-old', '旧的', uniformPlan(2), {
					unitName: '甲',
					assessedOn: '2020-05-01',
				}),
			],
			'/assess/results/',
		);
		const today = await page.evaluate(() => {
			const d = new Date();
			return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
		});
		const text = (await page.locator('[data-next-check]').textContent()) ?? '';
		const date = /\d{4}-\d{2}-\d{2}/.exec(text)![0];
		expect(date >= today).toBe(true);
	});
});
