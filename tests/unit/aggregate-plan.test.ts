/** The compare page's 整改进度 column: figures per branch, sorting and the CSV columns. */
import { describe, expect, it } from 'vitest';
import {
	overviewCsv,
	planFigures,
	sortEntries,
	type OverviewCsvLabels,
} from '../../src/lib/aggregate';
import { newTask, type Task } from '../../src/lib/plan';
import { catalogue, makeEntry } from './fixtures';
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

describe('sorting and CSV', () => {
	const entries = [
		makeEntry({ unitName: '甲', plan: { tasks: 4, done: 1, overdue: 2, percentDone: 25 } }),
		makeEntry({ unitName: '乙', plan: { tasks: 0, done: 0, overdue: 0, percentDone: null } }),
		makeEntry({ unitName: '丙', plan: { tasks: 2, done: 2, overdue: 0, percentDone: 100 } }),
	];
	it.each([
		['asc', ['甲', '丙', '乙']],
		['desc', ['丙', '甲', '乙']],
	] as const)('by share done, %s, branches without a plan last', (dir, order) => {
		expect(sortEntries(entries, 'plan', dir).map((e) => e.unitName)).toEqual(order);
	});
	it('writes tasks, done and overdue after the categories', () => {
		const labels: OverviewCsvLabels = {
			head: ['单位', '工会', '范围', '上级', '日期', '总分', '基本分', '加分', '档次', '完成度'],
			planHead: ['整改任务数', '整改已完成', '整改逾期'],
			noteHead: '备注',
			scope: { union: '基层工会', subunit: '分工会' },
			na: '不适用',
			olderCatalogue: (v) => v,
			missingCriteria: (ids) => ids.join(','),
		};
		const rows = parseCsv(overviewCsv(entries, catalogue, labels).slice(1));
		const at = 10 + catalogue.categories.length;
		expect(rows[0]!.slice(at, at + 3)).toEqual(['整改任务数', '整改已完成', '整改逾期']);
		expect(rows[1]!.slice(at, at + 3)).toEqual(['4', '1', '2']);
		expect(rows[2]!.slice(at, at + 3)).toEqual(['0', '0', '0']);
	});
});
