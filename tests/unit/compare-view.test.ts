import { describe, expect, it } from 'vitest';
import {
	followUpView,
	branchSummary,
	defaultColumnIds,
	resolveCopies,
	seriesBranches,
	statsRows,
	pageOf,
	tablePage,
} from '../../src/lib/compare-view';
import type { PlanFollowUp } from '../../src/lib/over-time';
import { categoryCell, overviewColumns } from '../../src/lib/overview-columns';
import { sortBy, filterEntries } from '../../src/lib/overview-table';
import { summarise } from '../../src/lib/overview-stats';
import { overviewCsv } from '../../src/lib/export-csv';
import { BOM } from '../../src/lib/csv';
import { fill } from '../../src/i18n/format';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };
import { catalogue, makeEntry } from './fixtures';

const text = (key: keyof typeof strings, params: Record<string, string | number> = {}) =>
	fill(strings[key], params);
const columns = overviewColumns(catalogue, text);
const marks = { passMark: 75, modelMark: 90 };

describe('sortBy: names in natural Chinese order', () => {
	it.each([
		{ names: ['单位10', '单位2', '单位1'], want: ['单位1', '单位2', '单位10'] },
		{ names: ['第十二小组', '第2小组', '第11小组'], want: ['第2小组', '第11小组', '第十二小组'] },
		{ names: ['', '乙', '甲'], want: ['甲', '乙', ''] },
	])('$names → $want', ({ names, want }) => {
		const sorted = sortBy(names, (n) => n || null);
		expect(sorted).toEqual(want);
	});

	it('is stable and puts nulls last in either direction', () => {
		const rows = [
			{ id: 'a', v: 2 },
			{ id: 'b', v: null },
			{ id: 'c', v: 2 },
			{ id: 'd', v: 5 },
		];
		expect(sortBy(rows, (r) => r.v, 'asc').map((r) => r.id)).toEqual(['a', 'c', 'd', 'b']);
		expect(sortBy(rows, (r) => r.v, 'desc').map((r) => r.id)).toEqual(['d', 'a', 'c', 'b']);
	});
});

describe('resolveCopies: one unit, one date, several files', () => {
	const a = makeEntry({ fileName: 'a.json', total: 40 });
	const b = makeEntry({ fileName: 'b.json', total: 80 });
	const other = makeEntry({ fileName: 'c.json', assessedOn: '2024-01-01' });
	it.each([
		{
			why: 'first copy by default',
			choices: new Map<string, string>(),
			want: ['a.json', 'c.json'],
		},
		{ why: 'the chosen copy', choices: new Map([['', 'b.json']]), want: ['b.json', 'c.json'] },
	])('$why', ({ choices, want }) => {
		const key = resolveCopies([a, b, other]).copies[0]!.key;
		const fixed = new Map([...choices].map(([k, v]) => [k || key, v]));
		const r = resolveCopies([a, b, other], fixed);
		expect(r.entries.map((e) => e.fileName)).toEqual(want);
		expect(r.copies).toHaveLength(1);
		expect(r.copies[0]!.options.map((e) => e.fileName)).toEqual(['a.json', 'b.json']);
		expect(r.copies[0]!.chosen).toBe(want[0]);
	});
});

describe('seriesBranches: the over-time section only with two or more dates', () => {
	it.each([
		{
			why: 'one date each',
			entries: [makeEntry(), makeEntry({ unitName: '乙', unionName: '乙工会' })],
			want: [],
		},
		{
			why: 'two dates of one unit',
			entries: [
				makeEntry(),
				makeEntry({ assessedOn: '2026-01-01' }),
				makeEntry({ unitName: '乙', unionName: '乙工会' }),
			],
			want: ['测试单位工会'],
		},
	])('$why', ({ entries, want }) => {
		expect(seriesBranches(entries).map((s) => s.label)).toEqual(want);
	});
});

describe('columns', () => {
	it('lead with what an officer needs, the rest on demand', () => {
		expect(defaultColumnIds(columns)).toEqual([
			'branch',
			'assessedOn',
			'total',
			'band',
			'completionPercent',
			'vetoes',
			'required',
		]);
	});

	it.each([
		{ why: 'nothing answered is 未评', seen: { answered: 0, applicable: 4 }, v: 0, want: '未评' },
		{ why: 'answered at 0 is 0', seen: { answered: 4, applicable: 4 }, v: 0, want: '0' },
		{ why: 'partly answered is marked', seen: { answered: 2, applicable: 4 }, v: 40, want: '40*' },
		{ why: 'all 不适用', seen: { answered: 0, applicable: 0 }, v: null, want: '不适用' },
	])('category cell: $why', ({ seen, v, want }) => {
		const e = makeEntry({ categoryPercents: { A: v }, categoryAnswered: { A: seen } });
		expect(categoryCell(e, 'A', text).text).toBe(want);
	});

	it('name vetoes and 必备 failures, and colour the band with its name', () => {
		const veto = catalogue.vetoes[0]!;
		const req = catalogue.criteria.find((c) => c.required)!;
		const e = makeEntry({
			vetoes: [veto.id],
			missingRequired: [req.id],
			criterionLevels: { [req.id]: null },
			band: 'hege',
		});
		const cell = (id: string) => columns.find((c) => c.id === id)!.cell(e);
		expect(cell('vetoes')).toEqual({ text: `${veto.id} ${veto.title}`, tone: 'flag' });
		expect(cell('required')).toEqual({ text: `${req.id} ${req.title}（未评）`, tone: 'flag' });
		expect(cell('band')).toMatchObject({ text: '合格', tone: 'hege' });
		expect(columns.find((c) => c.id === 'band')!.cell({ ...e, complete: false }).text).toBe(
			'合格（未评完）',
		);
	});

	it('write the CSV from the same list, vetoes and 必备 included', () => {
		const veto = catalogue.vetoes[0]!;
		const csv = overviewCsv([makeEntry({ vetoes: [veto.id] })], columns);
		const [head, row] = csv.slice(BOM.length).split('\r\n');
		const cells = head!.split(',');
		expect(cells.slice(0, 12)).toEqual([
			'单位名称',
			'工会名称',
			'层级',
			'上级工会',
			'评估日期',
			'总分',
			'基本分',
			'加分',
			'等次',
			'完成度%',
			'否决项',
			'必备项未达',
		]);
		expect(row!.split(',')[10]).toBe(`${veto.id} ${veto.title}`);
	});
});

describe('pageOf: one paging rule for the overview and the 自评 / 验收 table', () => {
	const rows = Array.from({ length: 250 }, (_, i) => i);
	it.each([
		['the first page', 0, { page: 0, pages: 3, from: 1, to: 100, first: 0 }],
		['the last, short page', 2, { page: 2, pages: 3, from: 201, to: 250, first: 200 }],
		['past the end: the last page', 9, { page: 2, pages: 3, from: 201, to: 250, first: 200 }],
		['before the start: the first page', -3, { page: 0, pages: 3, from: 1, to: 100, first: 0 }],
		['not a number: the first page', Number.NaN, { page: 0, pages: 3, from: 1, to: 100, first: 0 }],
	])('%s', (_, page, want) => {
		const view = pageOf(rows, page, 100);
		expect({
			page: view.page,
			pages: view.pages,
			from: view.from,
			to: view.to,
			first: view.rows[0],
		}).toEqual(want);
		expect(view.rows).toHaveLength(want.to - want.from + 1);
	});
	it('no rows: one empty page, shown as 0–0', () => {
		expect(pageOf([], 0, 100)).toEqual({ rows: [], page: 0, pages: 1, from: 0, to: 0 });
	});
});

describe('tablePage', () => {
	const entries = Array.from({ length: 250 }, (_, i) =>
		makeEntry({
			fileName: `${i}.json`,
			unitName: `单位${i}`,
			unionName: `单位${i}工会`,
			branch: `单位${i}工会`,
			total: i % 97,
		}),
	);
	it.each([
		{ page: 0, from: 1, to: 100, pages: 3 },
		{ page: 2, from: 201, to: 250, pages: 3 },
		{ page: 9, from: 201, to: 250, pages: 3 },
	])('page $page → rows $from–$to of $pages pages', ({ page, from, to, pages }) => {
		const view = tablePage(entries, columns.slice(0, 3), columns, {
			filter: {},
			sort: { id: 'total', dir: 'desc' },
			page,
			pageSize: 100,
		});
		expect([view.from, view.to, view.pages]).toEqual([from, to, pages]);
		expect(view.matching).toHaveLength(250);
		expect(view.rows[0]!.cells).toHaveLength(3);
		const totals = view.matching.map((e) => e.total);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
	});

	it('filters unfinished files and flagged ones', () => {
		const rows = [
			makeEntry({ fileName: 'done' }),
			makeEntry({ fileName: 'half', complete: false }),
			makeEntry({ fileName: 'veto', vetoes: ['V1'] }),
		];
		expect(filterEntries(rows, { completion: 'incomplete' }).map((e) => e.fileName)).toEqual([
			'half',
		]);
		expect(filterEntries(rows, { completion: 'complete' }).map((e) => e.fileName)).toEqual([
			'done',
			'veto',
		]);
		expect(filterEntries(rows, { flaggedOnly: true }).map((e) => e.fileName)).toEqual(['veto']);
	});
});

describe('statistics leave 未评 categories out', () => {
	it('counts a category only for entries that answered some of it', () => {
		const s = summarise(
			[
				makeEntry({
					categoryPercents: { A: 0 },
					categoryAnswered: { A: { answered: 0, applicable: 5 } },
				}),
				makeEntry({
					categoryPercents: { A: 60 },
					categoryAnswered: { A: { answered: 5, applicable: 5 } },
				}),
			],
			catalogue,
		);
		const a = statsRows(s).find((r) => r.id === 'A')!;
		expect(a.cells[0]).toBe('1');
		expect(a.cells[1]).toBe('60');
	});
});

describe('branchSummary (drill-down)', () => {
	const c = catalogue.criteria.find((x) => x.id === 'A2')!;
	it.each([
		{
			why: 'capped by a veto',
			patch: {
				total: 95,
				band: 'hege' as const,
				uncappedBand: 'mofan' as const,
				capped: true,
				vetoes: ['V1'],
			},
			has: ['按总分应为“模范”', '否决项：V1'],
		},
		{
			why: 'unfinished',
			patch: {
				total: 30,
				band: 'qibu' as const,
				answeredCount: 10,
				applicableCount: 40,
				completionPercent: 25,
			},
			has: ['还有 30 项未评', '再得 45 分可到“合格”'],
		},
		{
			why: 'at the top',
			patch: { total: 96, band: 'mofan' as const },
			has: ['总分 96，达到“模范”'],
		},
	])('says why: $why', ({ patch, has }) => {
		const s = branchSummary(makeEntry(patch), catalogue, text, '/', marks);
		for (const h of has) expect(s.why.join('\n')).toContain(h);
	});

	it('lists the largest 失分项 with guide links', () => {
		const s = branchSummary(
			makeEntry({ topLosses: [{ id: 'A2', lost: 3.2, level: 1 }] }),
			catalogue,
			text,
			'/base/',
			marks,
		);
		expect(s.losses).toEqual([
			{
				id: 'A2',
				title: c.title,
				lost: 3.2,
				levelName: catalogue.levelNames[1],
				href: `/base/guide/${c.guide.split('#')[0]}/${c.guide.includes('#') ? `#${c.guide.split('#')[1]}` : ''}`,
			},
		]);
	});
});

describe('followUpView: an earlier plan followed to the next date, as text', () => {
	const follow = (source: PlanFollowUp['source']): PlanFollowUp => {
		const rows: PlanFollowUp['rows'] = [
			{
				id: 'a',
				title: 'A1 换届',
				criterion: 'A1',
				status: 'done',
				doneOn: '2026-06-10',
				before: 1,
				after: 3,
				movement: 'up',
			},
			{
				id: 'b',
				title: '自定事项',
				criterion: null,
				status: 'paused',
				doneOn: '',
				before: null,
				after: null,
				movement: 'unknown',
			},
			{
				id: 'c',
				title: 'A2 制度',
				criterion: 'A2',
				status: 'todo',
				doneOn: '',
				before: 'na',
				after: null,
				movement: 'unknown',
			},
		];
		return {
			fromDate: '2026-03-01',
			toDate: '2027-03-05',
			fromFile: '2026.json',
			toFile: '2027.json',
			source,
			rows,
			summary: { tasks: 3, done: 1, doneUp: 1, doneSame: 0, doneDown: 0 },
		};
	};

	it('one row per task: status with its date, levels before → after, and the movement', () => {
		const v = followUpView(follow('carried'), catalogue, text);
		expect(v.head).toEqual(['任务', '任务状态', '档次（前 → 后）', '变化']);
		expect(v.caption).toBe('整改任务及对应指标的变化（2026-03-01 → 2027-03-05）');
		expect(v.rows.map((r) => r.cells)).toEqual([
			[
				'A1 换届',
				'已完成（2026-06-10）',
				`${catalogue.levelNames[1]} → ${catalogue.levelNames[3]}`,
				'提高',
			],
			['自定事项', '暂缓', '自定任务，不对应指标', '—'],
			['A2 制度', '未开始', '不适用 → 未评', '无法比较'],
		]);
		expect(v.summary).toBe(
			'共 3 项任务，已完成 1 项；已完成的任务里，1 项对应指标档次提高，0 项持平，0 项下降。',
		);
	});

	it.each([
		['carried', '任务状态取自“2027.json”'],
		['earlier', '任务状态是“2026.json”导出时的记录'],
	] as const)('says where the task states come from (%s)', (source, words) => {
		expect(followUpView(follow(source), catalogue, text).intro).toContain(words);
	});
});
