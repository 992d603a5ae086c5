import { describe, expect, it } from 'vitest';
import {
	PLAN_LIMITS,
	PlanSchema,
	addProgress,
	carryForward,
	emptyPlan,
	generateTasks,
	isOverdue,
	levelsFromScore,
	moveTask,
	nextYearAssessment,
	newTask,
	openCriteria,
	planCandidates,
	planOverTime,
	planProgress,
	removeTask,
	restoreTask,
	setStatus,
	summariseOutcomes,
	taskOutcomes,
	tasksFromRectification,
	type Plan,
	type Task,
} from '../../src/lib/plan';
import { scoreAssessment } from '../../src/lib/scoring';
import type { Assessment } from '../../src/lib/assessment';
import { answer, assessmentAt, realCatalogue } from './helpers';

const real = realCatalogue();
const ids = () => {
	let n = 0;
	return () => `task-${++n}`;
};
const levelsOf = (a: Assessment) => levelsFromScore(scoreAssessment(real, a).criteria);
const task = (patch: Partial<Task> = {}): Task => ({ ...newTask('t1', '测试事项'), ...patch });
const plan = (...tasks: Task[]): Plan => ({ tasks, review: null });

describe('openCriteria', () => {
	const t = (id: string, criterion: string | null, status: Task['status']): Task => ({
		...newTask(id, id),
		criterion,
		status,
		pauseReason: status === 'paused' ? '等批复' : '',
	});
	it.each([
		['no tasks', [], []],
		[
			'未开始, 进行中 and 暂缓 are open',
			[t('a', 'A1', 'todo'), t('b', 'A2', 'doing'), t('c', 'A3', 'paused')],
			['A1', 'A2', 'A3'],
		],
		['已完成 is not', [t('a', 'A1', 'done'), t('b', 'A2', 'todo')], ['A2']],
		['a task of the branch’s own has no criterion', [t('a', null, 'todo')], []],
		[
			'one done and one open for the same criterion: open',
			[t('a', 'A1', 'done'), t('b', 'A1', 'doing')],
			['A1'],
		],
	] as const)('%s', (_, tasks, want) => {
		expect([...openCriteria({ tasks: [...tasks] })].sort()).toEqual(want);
	});
});

describe('planCandidates', () => {
	const a = assessmentAt(real, 3, {
		A1: answer({ level: 1 }),
		A2: answer({ na: true, naReason: '不足 10 名' }),
		B2: answer({ level: 0 }),
		A4: answer({ rate: 85 }),
	});
	delete a.answers['C3'];
	const levels = levelsOf(a);
	const measures = { A1: ['按期召开会员大会选举', '选举材料归档'], B2: ['每季度开会'] };
	const got = planCandidates(real, levels, measures, emptyPlan(), ['B2']);

	it('lists answered criteria below 规范有效 and unanswered ones, never 不适用 or 规范有效', () => {
		expect(got.map((c) => c.criterion).sort()).toEqual(['A1', 'A4', 'B2', 'C3']);
	});
	it('keeps the priority order handed in, then catalogue order', () => {
		expect(got.map((c) => c.criterion)).toEqual(['B2', 'A1', 'A4', 'C3']);
	});
	it.each([
		['A1', 1, 2, '必备 below 基本落实 aims at 基本落实'],
		['B2', 0, 1, 'others aim one level up'],
		['A4', 2, 3, 'rate criteria use the derived level'],
		['C3', null, 2, 'unanswered aim at 基本落实'],
	] as const)('%s: today %s, target %s (%s)', (id, level, target, _why) => {
		const c = got.find((x) => x.criterion === id)!;
		expect(c.level).toBe(level);
		expect(c.targetLevel).toBe(target);
		expect(c.target).toBe(real.criteria.find((x) => x.id === id)!.levels[target]);
	});
	it('pre-fills measures from the measures data', () => {
		expect(got.find((c) => c.criterion === 'A1')!.measures).toEqual(measures.A1);
		expect(got.find((c) => c.criterion === 'C3')!.measures).toEqual([]);
	});
	it('marks criteria with an unfinished task as planned, but not those whose task is done', () => {
		const p = plan(
			task({ id: 'x', criterion: 'A1' }),
			task({ id: 'y', criterion: 'B2', status: 'done' }),
		);
		const c = planCandidates(real, levels, measures, p);
		expect(c.find((x) => x.criterion === 'A1')!.planned).toBe(true);
		expect(c.find((x) => x.criterion === 'B2')!.planned).toBe(false);
	});
});

describe('generateTasks', () => {
	const a = assessmentAt(real, 1);
	const candidates = planCandidates(real, levelsOf(a), { A1: ['措施一'] }, emptyPlan());

	it('adds one pre-filled 未开始 task per chosen criterion, in the order chosen', () => {
		const { plan: p, added } = generateTasks(emptyPlan(), candidates, ['B1', 'A1'], ids());
		expect(added).toEqual(['B1', 'A1']);
		expect(p.tasks.map((t) => [t.id, t.criterion, t.status, t.levelAtStart])).toEqual([
			['task-1', 'B1', 'todo', 1],
			['task-2', 'A1', 'todo', 1],
		]);
		expect(p.tasks[1]!.title).toBe(`A1 ${real.criteria[0]!.title}`);
		expect(p.tasks[1]!.measures).toEqual(['措施一']);
		expect(p.tasks[1]!.target).toBe(real.criteria[0]!.levels[2]);
		expect(PlanSchema.safeParse(p).success).toBe(true);
	});
	it('skips unknown, repeated and already planned criteria', () => {
		const first = generateTasks(emptyPlan(), candidates, ['A1'], ids()).plan;
		const again = planCandidates(real, levelsOf(a), {}, first);
		const { added } = generateTasks(first, again, ['A1', 'ZZ', 'B1', 'B1'], ids());
		expect(added).toEqual(['B1']);
	});
	it('never grows past the task limit', () => {
		const full = plan(
			...Array.from({ length: PLAN_LIMITS.tasks }, (_, i) => task({ id: `f${i}` })),
		);
		expect(generateTasks(full, candidates, ['A1'], ids()).added).toEqual([]);
	});
});

describe('editing', () => {
	const p = plan(task({ id: 'a' }), task({ id: 'b' }), task({ id: 'c' }));
	it.each([
		[0, 2, ['b', 'c', 'a']],
		[2, 0, ['c', 'a', 'b']],
		[1, 9, ['a', 'c', 'b']],
		[1, -3, ['b', 'a', 'c']],
		[7, 0, ['a', 'b', 'c']],
	] as const)('moveTask %i → %i', (from, to, order) => {
		expect(moveTask(p, from, to).tasks.map((t) => t.id)).toEqual(order);
	});
	it('removeTask then restoreTask puts the task back where it was', () => {
		const { plan: without, removed } = removeTask(p, 'b');
		expect(without.tasks.map((t) => t.id)).toEqual(['a', 'c']);
		expect(restoreTask(without, removed!).tasks.map((t) => t.id)).toEqual(['a', 'b', 'c']);
		expect(removeTask(p, 'zz').removed).toBeNull();
	});
	it('restoring twice does not duplicate', () => {
		const { plan: without, removed } = removeTask(p, 'a');
		const back = restoreTask(without, removed!);
		expect(restoreTask(back, removed!).tasks).toHaveLength(3);
	});
	it('已完成 stamps the day once; leaving it clears the day', () => {
		const done = setStatus(task(), 'done', '2026-05-01')!;
		expect(done.doneOn).toBe('2026-05-01');
		expect(setStatus(done, 'done', '2026-06-01')!.doneOn).toBe('2026-05-01');
		expect(setStatus(done, 'doing', '2026-06-01')!.doneOn).toBe('');
	});
	it('暂缓 needs a reason', () => {
		expect(setStatus(task(), 'paused', '2026-05-01')).toBeNull();
		expect(setStatus(task({ pauseReason: '等待行政批复' }), 'paused', '2026-05-01')!.status).toBe(
			'paused',
		);
		expect(PlanSchema.safeParse(plan(task({ status: 'paused' }))).success).toBe(false);
	});
	it('addProgress keeps entries in date order and refuses empty text', () => {
		let t = addProgress(task(), '2026-05-02', '  已起草制度  ')!;
		t = addProgress(t, '2026-04-01', '召开委员会')!;
		expect(t.progress).toEqual([
			{ date: '2026-04-01', text: '召开委员会' },
			{ date: '2026-05-02', text: '已起草制度' },
		]);
		expect(addProgress(t, '2026-05-02', '   ')).toBeNull();
		expect(addProgress(t, '05/02', '文字')).toBeNull();
	});
	it('markup stays text in the model', () => {
		const t = addProgress(
			task({ title: '<img src=x onerror=alert(1)>' }),
			'2026-01-01',
			'<b>x</b>',
		)!;
		expect(t.title).toBe('<img src=x onerror=alert(1)>');
		expect(t.progress[0]!.text).toBe('<b>x</b>');
	});
});

describe('overdue and progress', () => {
	it.each([
		['todo', '2026-03-01', '2026-03-02', true],
		['doing', '2026-03-01', '2026-03-02', true],
		['todo', '2026-03-02', '2026-03-02', false],
		['todo', '', '2026-03-02', false],
		['done', '2026-01-01', '2026-03-02', false],
		['paused', '2026-01-01', '2026-03-02', false],
	] as const)('%s due %s on %s → overdue %s', (status, due, today, expected) => {
		expect(isOverdue(task({ status, due, pauseReason: '原因' }), today)).toBe(expected);
	});
	it('counts tasks by status and names the overdue ones', () => {
		const p = plan(
			task({ id: 'a', status: 'done', title: '甲' }),
			task({ id: 'b', status: 'doing', due: '2026-01-31', title: '乙' }),
			task({ id: 'c', due: '2026-02-01', title: '丙' }),
			task({ id: 'd', status: 'paused', pauseReason: '等批复', due: '2026-01-01', title: '丁' }),
		);
		expect(planProgress(p, '2026-02-01')).toEqual({
			total: 4,
			todo: 1,
			doing: 1,
			done: 1,
			paused: 1,
			overdue: 1,
			overdueTitles: ['乙'],
			percentDone: 25,
		});
		expect(planProgress(emptyPlan(), '2026-02-01').percentDone).toBeNull();
	});
});

describe('carry-forward and over time', () => {
	const p = plan(
		task({ id: 'a', criterion: 'A1', status: 'done', doneOn: '2026-06-01', title: '换届' }),
		task({
			id: 'b',
			criterion: 'B2',
			status: 'doing',
			owner: '王',
			progress: [{ date: '2026-05-01', text: '开会' }],
		}),
		task({ id: 'c', criterion: null, status: 'paused', pauseReason: '等批复', title: '自加' }),
	);
	const next = carryForward(p, {
		name: '2026 年度自评',
		assessedOn: '2026-03-01',
		levels: { A1: 1, B2: 0, C1: 3 },
	});

	it('moves unfinished tasks with owner, status and log, marked as carried', () => {
		expect(next.tasks.map((t) => [t.id, t.status, t.carriedFrom])).toEqual([
			['b', 'doing', '2026 年度自评'],
			['c', 'paused', '2026 年度自评'],
		]);
		expect(next.tasks[0]!.owner).toBe('王');
		expect(next.tasks[0]!.progress).toHaveLength(1);
	});
	it('keeps every earlier task and only the levels of the criteria they address', () => {
		expect(next.review!.tasks.map((t) => [t.id, t.status])).toEqual([
			['a', 'done'],
			['b', 'doing'],
			['c', 'paused'],
		]);
		expect(next.review!.levels).toEqual({ A1: 1, B2: 0 });
		expect(PlanSchema.safeParse(next).success).toBe(true);
	});
	it('shows which tasks were done and how their criteria moved', () => {
		const rows = taskOutcomes(next.review!, { A1: 3, B2: 0 });
		expect(rows.map((r) => [r.id, r.status, r.before, r.after, r.movement])).toEqual([
			['a', 'done', 1, 3, 'up'],
			['b', 'doing', 0, 0, 'same'],
			['c', 'paused', null, null, 'unknown'],
		]);
		expect(summariseOutcomes(rows)).toEqual({
			tasks: 3,
			done: 1,
			doneUp: 1,
			doneSame: 0,
			doneDown: 0,
		});
		expect(taskOutcomes(next.review!, { A1: 'na', B2: 1 }).map((r) => r.movement)).toEqual([
			'unknown',
			'up',
			'unknown',
		]);
	});
	it('planOverTime compares two whole assessments of one branch', () => {
		const earlier = assessmentAt(real, 1);
		earlier.plan = plan(
			task({ id: 'a', criterion: 'A1', status: 'done' }),
			task({ id: 'b', criterion: 'B1' }),
		);
		const later = assessmentAt(real, 1, { A1: answer({ level: 3 }), B1: answer({ level: 0 }) });
		const rows = planOverTime(earlier, later, levelsOf);
		expect(rows.map((r) => [r.criterion, r.before, r.after, r.movement])).toEqual([
			['A1', 1, 3, 'up'],
			['B1', 1, 0, 'down'],
		]);
	});
});

describe('nextYearAssessment', () => {
	it('copies answers and ledger, dates it today, and carries the plan forward', () => {
		const a = assessmentAt(real, 1, { A1: answer({ level: 1, evidence: [0] }) });
		a.name = '2026 年度自评';
		a.profile.assessedOn = '2026-03-01';
		a.ledger = { 'A1.0': { na: false, location: '一号柜', updatedOn: '', note: '' } };
		a.plan = plan(
			task({ id: 'a', criterion: 'A1', status: 'done', doneOn: '2026-06-01' }),
			task({ id: 'b', criterion: 'B1' }),
		);
		const next = nextYearAssessment(a, {
			id: 'next-1',
			name: '2027 年度自评',
			now: new Date(2027, 2, 5, 10),
			levels: levelsOf(a),
		});
		expect(next.id).toBe('next-1');
		expect(next.profile.assessedOn).toBe('2027-03-05');
		expect(next.answers).toEqual(a.answers);
		expect(next.ledger).toEqual(a.ledger);
		expect(next.plan.tasks.map((t) => t.id)).toEqual(['b']);
		expect(next.plan.review!.fromName).toBe('2026 年度自评');
		expect(next.plan.review!.levels).toEqual({ A1: 1, B1: 1 });
		// The original is untouched.
		expect(a.plan.tasks).toHaveLength(2);
		next.answers['A1']!.evidence.push(1);
		expect(a.answers['A1']!.evidence).toEqual([0]);
	});
});

describe('tasksFromRectification', () => {
	const label = (c: string) => `（验收意见：${c}）`;
	const request = (
		id: string,
		patch: Partial<Parameters<typeof tasksFromRectification>[1][number]> = {},
	) => ({
		criterionId: id,
		title: `${id} 的标题`,
		level: 1 as const,
		target: `${id} 基本落实的描述`,
		comment: '',
		deadline: '2026-09-30',
		...patch,
	});
	const measures = { A1: ['措施一', '措施二'] };

	it('adds one 未开始 task per 整改要求, due by its deadline, aiming at the level asked for', () => {
		const r = tasksFromRectification(
			emptyPlan(),
			[request('A1'), request('C2', { level: 0 })],
			measures,
			ids(),
			label,
		);
		expect(r.added).toEqual(['A1', 'C2']);
		expect(r.skipped).toEqual([]);
		expect(r.plan.tasks).toMatchObject([
			{
				id: 'task-1',
				criterion: 'A1',
				title: 'A1 A1 的标题',
				levelAtStart: 1,
				target: 'A1 基本落实的描述',
				measures: ['措施一', '措施二'],
				due: '2026-09-30',
				status: 'todo',
			},
			{ id: 'task-2', criterion: 'C2', levelAtStart: 0, measures: [], due: '2026-09-30' },
		]);
		expect(PlanSchema.safeParse(r.plan).success).toBe(true);
	});

	it.each([
		[
			'the reviewer’s comment follows the target',
			{ comment: ' 台账缺 2025 年 ' },
			'A1 基本落实的描述（验收意见：台账缺 2025 年）',
			'2026-09-30',
		],
		['no deadline leaves 完成时限 empty', { deadline: '' }, 'A1 基本落实的描述', ''],
		['a malformed deadline is not copied', { deadline: '2026-9-1' }, 'A1 基本落实的描述', ''],
	])('%s', (_, patch, target, due) => {
		const [t] = tasksFromRectification(emptyPlan(), [request('A1', patch)], measures, ids(), label)
			.plan.tasks;
		expect(t).toMatchObject({ target, due });
	});

	it('skips a criterion with an unfinished task, and the same criterion twice; a done task does not block', () => {
		const start = plan(
			task({ id: 'x', criterion: 'A1' }),
			task({ id: 'y', criterion: 'B1', status: 'done', doneOn: '2026-01-01' }),
		);
		const r = tasksFromRectification(
			start,
			[request('A1'), request('B1'), request('B1')],
			measures,
			ids(),
			label,
		);
		expect(r.added).toEqual(['B1']);
		expect(r.skipped).toEqual(['A1', 'B1']);
		expect(r.plan.tasks.map((t) => t.id)).toEqual(['x', 'y', 'task-1']);
	});

	it('never grows the plan past its limit, and cuts a long target to the schema limit', () => {
		const full = plan(
			...Array.from({ length: PLAN_LIMITS.tasks - 1 }, (_, i) => task({ id: `t${i}` })),
		);
		const r = tasksFromRectification(
			full,
			[request('A1', { comment: '长'.repeat(600) }), request('A2')],
			measures,
			ids(),
			label,
		);
		expect(r.plan.tasks).toHaveLength(PLAN_LIMITS.tasks);
		expect(r.added).toEqual(['A1']);
		expect(Array.from(r.plan.tasks.at(-1)!.target).length).toBeLessThanOrEqual(PLAN_LIMITS.target);
		expect(PlanSchema.safeParse(r.plan).success).toBe(true);
	});
});
