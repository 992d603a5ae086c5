/** The compare page's 整改进度 column: figures per branch, sorting and the CSV columns. */
import { describe, expect, it } from 'vitest';
import { loadResultFiles, planFigures } from '../../src/lib/overview-load';
import { overviewColumns } from '../../src/lib/overview-columns';
import { sortBy } from '../../src/lib/overview-table';
import { overviewCsv } from '../../src/lib/export-csv';
import { newTask, type Task } from '../../src/lib/plan';
import { catalogue, loadOptions, makeEntry, makeFile } from './fixtures';
import { parseCsv } from '../support/parse-csv';

const task = (patch: Partial<Task>): Task => ({ ...newTask(patch.id ?? 't', '事项'), ...patch });

describe('planFigures', () => {
	it.each([
		['no plan', [], { tasks: 0, done: 0, overdue: 0, percentDone: null }],
		[
			'mixed',
			[
				task({ id: 'a', status: 'done' }),
				task({ id: 'b', due: '2026-02-28' }),
				task({ id: 'c', due: '2026-03-01' }),
				task({ id: 'd', status: 'paused', pauseReason: '等批复', due: '2026-01-01' }),
			],
			{ tasks: 4, done: 1, overdue: 1, percentDone: 25 },
		],
	] as const)('%s', (_label, tasks, expected) => {
		expect(
			planFigures({ plan: { tasks: [...tasks], review: null } }, new Date(2026, 2, 1, 9)),
		).toEqual(expected);
	});
});

describe('the 整改进度 column: sorting, cell and CSV', () => {
	const text = (key: string, params?: Record<string, string | number>) =>
		key + (params ? JSON.stringify(params) : '');
	const columns = overviewColumns(catalogue, text);
	const plan = columns.find((c) => c.id === 'plan')!;
	const entries = [
		makeEntry({ unitName: '甲', plan: { tasks: 4, done: 1, overdue: 2, percentDone: 25 } }),
		makeEntry({ unitName: '乙', plan: { tasks: 0, done: 0, overdue: 0, percentDone: null } }),
		makeEntry({ unitName: '丙', plan: { tasks: 2, done: 2, overdue: 0, percentDone: 100 } }),
	];
	it.each([
		['asc', ['甲', '丙', '乙']],
		['desc', ['丙', '甲', '乙']],
	] as const)('by share done, %s, branches without a plan last', (dir, order) => {
		expect(sortBy(entries, plan.sort, dir).map((e) => e.unitName)).toEqual(order);
	});
	it('names done, total and overdue in the cell, and flags overdue', () => {
		expect(plan.cell(entries[0]!).text).toContain('compare.planCell{"done":1,"tasks":4}');
		expect(plan.cell(entries[0]!).text).toContain('plan.progressOverdue{"n":2}');
		expect(plan.cell(entries[0]!).tone).toBe('flag');
		expect(plan.cell(entries[1]!).text).toBe('compare.planNone');
	});
	it('writes tasks, done and overdue to the CSV', () => {
		const rows = parseCsv(overviewCsv(entries, columns).replace(/^\uFEFF/, ''));
		const at = rows[0]!.indexOf('overviewCsv.planTasks');
		expect(rows[0]!.slice(at, at + 3)).toEqual([
			'overviewCsv.planTasks',
			'overviewCsv.planDone',
			'overviewCsv.planOverdue',
		]);
		expect(rows[1]!.slice(at, at + 3)).toEqual(['4', '1', '2']);
		expect(rows[2]!.slice(at, at + 3)).toEqual(['0', '0', '0']);
	});
});

describe('a loaded file keeps its plan in brief for the over-time view', () => {
	it('tasks without owner, measures or log; the plan it was started from, with its date', () => {
		const mine = task({ id: 'a', criterion: 'A1', title: 'A1 换届', status: 'done' });
		mine.doneOn = '2026-02-01';
		mine.owner = '王主席';
		mine.progress = [{ date: '2026-01-10', text: '已筹备' }];
		const file = makeFile('f.json', {
			plan: {
				tasks: [mine],
				review: {
					fromName: '2025 年度自评',
					fromAssessedOn: '2025-03-01',
					tasks: [{ id: 'x', criterion: null, title: '自定事项', status: 'paused', doneOn: '' }],
					levels: {},
				},
			},
		});
		const { entries } = loadResultFiles([file], loadOptions());
		expect(entries[0]!.planTasks).toEqual([
			{ id: 'a', criterion: 'A1', title: 'A1 换届', status: 'done', doneOn: '2026-02-01' },
		]);
		expect(entries[0]!.planReview).toEqual({
			fromAssessedOn: '2025-03-01',
			tasks: [{ id: 'x', criterion: null, title: '自定事项', status: 'paused', doneOn: '' }],
		});
	});

	it('a file without a plan has none', () => {
		const { entries } = loadResultFiles([makeFile('g.json')], loadOptions());
		expect([entries[0]!.planTasks, entries[0]!.planReview]).toEqual([[], null]);
	});
});
