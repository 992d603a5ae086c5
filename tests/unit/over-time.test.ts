import { describe, expect, it } from 'vitest';
import { compareOverTime, planFollowUp } from '../../src/lib/over-time';
import type { ReviewTask } from '../../src/lib/plan';
import type { OverviewEntry } from '../../src/lib/overview-load';
import { makeEntry } from './fixtures';

const task = (id: string, criterion: string | null, status: ReviewTask['status']): ReviewTask => ({
	id,
	criterion,
	title: `任务${id}`,
	status,
	doneOn: status === 'done' ? '2025-10-01' : '',
});

const at = (assessedOn: string, patch: Partial<OverviewEntry>) =>
	makeEntry({ assessedOn, fileName: `${assessedOn}.json`, ...patch });

describe('planFollowUp: an earlier plan followed to the next result', () => {
	const earlier = at('2025-03-01', {
		criterionLevels: { A1: 1, A2: 2, A3: 2, A4: 'na', A5: null },
		planTasks: [task('t1', 'A1', 'doing'), task('t2', 'A2', 'todo')],
	});

	it.each([
		{
			name: 'the later file kept the plan it was started from: its states are used',
			later: at('2026-03-01', {
				criterionLevels: { A1: 3, A2: 2, A3: 1, A4: 2, A5: 1 },
				planReview: {
					fromAssessedOn: '2025-03-01',
					tasks: [
						task('t1', 'A1', 'done'),
						task('t2', 'A2', 'done'),
						task('t3', 'A3', 'done'),
						task('t4', 'A4', 'paused'),
						task('t5', null, 'done'),
					],
				},
			}),
			source: 'carried',
			movements: ['up', 'same', 'down', 'unknown', 'unknown'],
			statuses: ['done', 'done', 'done', 'paused', 'done'],
			summary: { tasks: 5, done: 4, doneUp: 1, doneSame: 1, doneDown: 1 },
		},
		{
			name: 'the later file was started from another date: the earlier file’s own plan is used',
			later: at('2026-03-01', {
				criterionLevels: { A1: 2, A2: 2 },
				planReview: { fromAssessedOn: '2024-03-01', tasks: [task('x', 'A1', 'done')] },
			}),
			source: 'earlier',
			movements: ['up', 'same'],
			statuses: ['doing', 'todo'],
			summary: { tasks: 2, done: 0, doneUp: 0, doneSame: 0, doneDown: 0 },
		},
		{
			name: 'the later file has no plan review: the earlier file’s own plan is used',
			later: at('2026-03-01', { criterionLevels: { A1: 0, A2: 'na' } }),
			source: 'earlier',
			movements: ['down', 'unknown'],
			statuses: ['doing', 'todo'],
			summary: { tasks: 2, done: 0, doneUp: 0, doneSame: 0, doneDown: 0 },
		},
	])('$name', ({ later, source, movements, statuses, summary }) => {
		const f = planFollowUp(earlier, later)!;
		expect(f.source).toBe(source);
		expect(f.rows.map((r) => r.movement)).toEqual(movements);
		expect(f.rows.map((r) => r.status)).toEqual(statuses);
		expect(f.summary).toEqual(summary);
		expect([f.fromDate, f.toDate, f.fromFile, f.toFile]).toEqual([
			'2025-03-01',
			'2026-03-01',
			'2025-03-01.json',
			'2026-03-01.json',
		]);
	});

	it('levels before come from the earlier result, after from the later', () => {
		const f = planFollowUp(earlier, at('2026-03-01', { criterionLevels: { A1: 3, A2: 1 } }))!;
		expect(f.rows.map((r) => [r.criterion, r.before, r.after])).toEqual([
			['A1', 1, 3],
			['A2', 2, 1],
		]);
	});

	it('gives nothing when neither file has a task', () => {
		expect(planFollowUp(at('2025-03-01', {}), at('2026-03-01', {}))).toBeNull();
	});
});

describe('compareOverTime follows each plan to the next date', () => {
	it('one follow-up per consecutive pair with a plan, in date order, whatever the input order', () => {
		const c = compareOverTime([
			at('2026-03-01', { criterionLevels: { A1: 3 } }),
			at('2024-03-01', { criterionLevels: { A1: 1 }, planTasks: [task('a', 'A1', 'done')] }),
			at('2025-03-01', { criterionLevels: { A1: 2 } }),
		]);
		expect(c.planFollowUps.map((f) => [f.fromDate, f.toDate, f.rows[0]!.movement])).toEqual([
			['2024-03-01', '2025-03-01', 'up'],
		]);
	});
});
