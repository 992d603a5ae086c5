/**
 * 整改计划: the improvement plan that belongs to one assessment (schema version 4).
 *
 * A plan is a list of tasks. Generated tasks come from weak criteria and are pre-filled
 * from the catalogue (today's level, the next level's descriptor as the target) and from
 * the measures data (content/measures.yaml, the same list the guidance page shows);
 * users add their own tasks too. Each task has a 责任人, a 完成时限, a 状态 (with a reason
 * when 暂缓) and dated 进展记录.
 *
 * When a branch starts next year's assessment from this one (`carryForward`), unfinished
 * tasks move into the new plan and a snapshot of last year's tasks and levels is kept in
 * `review`, so the new assessment can show which tasks were done and how the criteria
 * they address moved (`taskOutcomes`). The same comparison runs between any two
 * assessments of one branch (`planOverTime`).
 *
 * Pure functions only: today's date, ids and the measures are handed in.
 */
import * as z from 'zod/mini';
import type { Catalogue } from './catalogue-schema';
import type { Assessment, Level } from './assessment';

/** Limits that keep a plan (and a hostile file) small. */
export const PLAN_LIMITS = {
	tasks: 100,
	measures: 10,
	measureText: 200,
	progress: 30,
	progressText: 500,
	title: 100,
	owner: 100,
	target: 500,
	reason: 500,
} as const;

/** Task states, in the order the editor offers them. */
export const TASK_STATUSES = ['todo', 'doing', 'done', 'paused'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const criterionKey = z.string().check(z.regex(/^[A-Z]\d{1,2}$/));
/** YYYY-MM-DD or empty. */
const isoDate = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));
/** YYYY-MM-DD, required. */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const level = z.nullable(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]));
const text = (max: number) => z.string().check(z.maxLength(max));

export const ProgressEntrySchema = z.strictObject({
	/** The day the progress was made or recorded. */
	date: isoDay,
	/** What was done (free text, shown as text only). */
	text: z.string().check(z.minLength(1), z.maxLength(PLAN_LIMITS.progressText)),
});

export const TaskSchema = z
	.strictObject({
		/** Stable id within the plan (kept when carried forward, so years can be matched). */
		id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
		/** The criterion the task addresses; null for a task the user added without one. */
		criterion: z.nullable(criterionKey),
		/** 整改事项: what the task is called. */
		title: z.string().check(z.minLength(1), z.maxLength(PLAN_LIMITS.title)),
		/** The criterion's level when the task was created (null: unanswered or a user task). */
		levelAtStart: level,
		/** 整改目标: for generated tasks, the next level's descriptor. */
		target: text(PLAN_LIMITS.target),
		/** 整改措施, one per entry (pre-filled from the measures data, editable). */
		measures: z.array(text(PLAN_LIMITS.measureText)).check(z.maxLength(PLAN_LIMITS.measures)),
		/** 责任人. */
		owner: text(PLAN_LIMITS.owner),
		/** 完成时限, YYYY-MM-DD or empty. */
		due: isoDate,
		/** 状态: 未开始 / 进行中 / 已完成 / 暂缓. */
		status: z.enum(TASK_STATUSES),
		/** Why the task is 暂缓 (kept when the status changes back, shown only while paused). */
		pauseReason: text(PLAN_LIMITS.reason),
		/** The day it was marked 已完成 (empty otherwise). */
		doneOn: isoDate,
		/** 进展记录, oldest first. */
		progress: z.array(ProgressEntrySchema).check(z.maxLength(PLAN_LIMITS.progress)),
		/** The assessment name this task was carried over from, or empty. */
		carriedFrom: text(100),
	})
	.check(
		z.refine((t) => t.status !== 'paused' || t.pauseReason.trim() !== '', {
			message: 'a paused task needs a reason',
			path: ['pauseReason'],
		}),
	);

/** A task as it stood at the end of the previous assessment (for the yearly review). */
export const ReviewTaskSchema = z.strictObject({
	id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
	criterion: z.nullable(criterionKey),
	title: z.string().check(z.minLength(1), z.maxLength(PLAN_LIMITS.title)),
	status: z.enum(TASK_STATUSES),
	doneOn: isoDate,
});

/** Last year's plan, kept in the assessment that was started from it. */
export const PlanReviewSchema = z.strictObject({
	/** Name of the assessment the new one was started from. */
	fromName: text(100),
	/** Its 评估日期 (YYYY-MM-DD or empty). */
	fromAssessedOn: isoDate,
	/** Its tasks at the time, in plan order. */
	tasks: z.array(ReviewTaskSchema).check(z.maxLength(PLAN_LIMITS.tasks)),
	/** Its level per criterion the tasks address: 0–3, null unanswered, 'na' 不适用. */
	levels: z.record(criterionKey, z.union([level, z.literal('na')])),
});

export const PlanSchema = z
	.strictObject({
		/** Tasks in the order the branch works through them. */
		tasks: z.array(TaskSchema).check(z.maxLength(PLAN_LIMITS.tasks)),
		/** Last year's plan when this assessment was started from another; else null. */
		review: z.nullable(PlanReviewSchema),
	})
	.check(
		z.refine((p) => new Set(p.tasks.map((t) => t.id)).size === p.tasks.length, {
			message: 'task ids must be unique',
		}),
		z.refine((p) => p.review === null || Object.keys(p.review.levels).length <= PLAN_LIMITS.tasks, {
			message: 'too many review levels',
		}),
	);

export type ProgressEntry = z.infer<typeof ProgressEntrySchema>;
export type Task = z.infer<typeof TaskSchema>;
export type ReviewTask = z.infer<typeof ReviewTaskSchema>;
export type PlanReview = z.infer<typeof PlanReviewSchema>;
export type Plan = z.infer<typeof PlanSchema>;
/** A criterion's state as the plan sees it: a level, unanswered (null) or 不适用. */
export type LevelState = Level | null | 'na';
/** Measures per criterion id (content/measures.yaml). */
export type MeasuresById = Readonly<Record<string, readonly string[]>>;

/** An empty plan (what every older file imports with). */
export function emptyPlan(): Plan {
	return { tasks: [], review: null };
}

/** A blank task for the user to fill in. */
export function newTask(id: string, title: string): Task {
	return {
		id,
		criterion: null,
		title: cut(title, PLAN_LIMITS.title) || '—',
		levelAtStart: null,
		target: '',
		measures: [],
		owner: '',
		due: '',
		status: 'todo',
		pauseReason: '',
		doneOn: '',
		progress: [],
		carriedFrom: '',
	};
}

/** Cuts text to `max` code points (as the schema counts), never inside a surrogate pair. */
export function cut(value: string, max: number): string {
	const chars = Array.from(value);
	return chars.length <= max ? value : chars.slice(0, max).join('');
}

/** The criteria the plan already has an unfinished task for (not 已完成; 暂缓 counts). */
export function openCriteria(plan: Pick<Plan, 'tasks'>): Set<string> {
	const open = new Set<string>();
	for (const t of plan.tasks) if (t.status !== 'done' && t.criterion) open.add(t.criterion);
	return open;
}

/** A criterion the branch could plan for, with what the plan would pre-fill. */
export interface Candidate {
	criterion: string;
	title: string;
	level: Level | null;
	/** The level the task aims at. */
	targetLevel: Level;
	target: string;
	measures: string[];
	/** Whether an unfinished task for it is already in the plan. */
	planned: boolean;
}

/**
 * Criteria worth a task, weakest first: every answered criterion below 规范有效 and every
 * unanswered one, skipping 不适用. `levels` is each criterion's effective level (rate
 * criteria derive it), as scoring computes it; `order` is the priority order to keep
 * (the results page's 改进优先级), others follow in catalogue order.
 */
export function planCandidates(
	catalogue: Catalogue,
	levels: Readonly<Record<string, LevelState>>,
	measures: MeasuresById,
	plan: Plan,
	order: readonly string[] = [],
): Candidate[] {
	const open = openCriteria(plan);
	const rank = (id: string) => {
		const i = order.indexOf(id);
		return i < 0 ? order.length + catalogue.criteria.findIndex((c) => c.id === id) : i;
	};
	const out: Candidate[] = [];
	for (const c of catalogue.criteria) {
		const state = levels[c.id] ?? null;
		if (state === 'na' || state === 3) continue;
		// As the results page's priorities: 必备 items aim at 基本落实 first; unanswered ones too.
		const targetLevel = (state === null || (c.required && state < 2) ? 2 : state + 1) as Level;
		out.push({
			criterion: c.id,
			title: c.title,
			level: state,
			targetLevel,
			target: c.levels[targetLevel],
			measures: (measures[c.id] ?? [])
				.slice(0, PLAN_LIMITS.measures)
				.map((m) => cut(m, PLAN_LIMITS.measureText)),
			planned: open.has(c.id),
		});
	}
	return out.sort((a, b) => rank(a.criterion) - rank(b.criterion));
}

/**
 * Adds one task per chosen criterion (pre-filled, 未开始) to the end of the plan and returns
 * the new plan. Criteria that already have an unfinished task, are unknown, or are not
 * candidates are skipped; the plan never grows past its limit.
 */
export function generateTasks(
	plan: Plan,
	candidates: readonly Candidate[],
	chosen: readonly string[],
	newId: () => string,
): { plan: Plan; added: string[] } {
	const tasks = [...plan.tasks];
	const added: string[] = [];
	for (const id of chosen) {
		const c = candidates.find((x) => x.criterion === id);
		if (!c || c.planned || added.includes(id)) continue;
		if (tasks.length >= PLAN_LIMITS.tasks) break;
		tasks.push({
			...newTask(newId(), `${c.criterion} ${c.title}`),
			criterion: c.criterion,
			levelAtStart: c.level,
			target: cut(c.target, PLAN_LIMITS.target),
			measures: [...c.measures],
		});
		added.push(id);
	}
	return { plan: { ...plan, tasks }, added };
}

/**
 * A 整改要求 from a 验收 as a task takes it (`rectificationItems` in review-score.ts gives
 * these): the criterion, the level the reviewer found, the level's descriptor to reach, the
 * reviewer's comment and the deadline (YYYY-MM-DD or empty).
 */
export interface RectificationRequest {
	criterionId: string;
	title: string;
	level: Level;
	target: string;
	comment: string;
	deadline: string;
}

/**
 * Adds one task per 整改要求 to the end of the plan: 未开始, due by the review's deadline,
 * aiming at the level the review asks for (with the reviewer's comment), measures from the
 * measures data. Criteria that already have an unfinished task are skipped (`skipped`); the
 * plan never grows past its limit.
 */
export function tasksFromRectification(
	plan: Plan,
	requests: readonly RectificationRequest[],
	measures: MeasuresById,
	newId: () => string,
	commentLabel: (comment: string) => string,
): { plan: Plan; added: string[]; skipped: string[] } {
	const open = openCriteria(plan);
	const tasks = [...plan.tasks];
	const added: string[] = [];
	const skipped: string[] = [];
	for (const r of requests) {
		if (open.has(r.criterionId) || added.includes(r.criterionId)) {
			skipped.push(r.criterionId);
			continue;
		}
		if (tasks.length >= PLAN_LIMITS.tasks) break;
		const comment = r.comment.trim();
		tasks.push({
			...newTask(newId(), `${r.criterionId} ${r.title}`),
			criterion: r.criterionId,
			levelAtStart: r.level,
			target: cut(comment ? `${r.target}${commentLabel(comment)}` : r.target, PLAN_LIMITS.target),
			measures: (measures[r.criterionId] ?? [])
				.slice(0, PLAN_LIMITS.measures)
				.map((m) => cut(m, PLAN_LIMITS.measureText)),
			due: /^\d{4}-\d{2}-\d{2}$/.test(r.deadline) ? r.deadline : '',
		});
		added.push(r.criterionId);
	}
	return { plan: { ...plan, tasks }, added, skipped };
}

/** Moves the task at `from` to `to` (both clamped); returns a new plan. */
export function moveTask(plan: Plan, from: number, to: number): Plan {
	const tasks = [...plan.tasks];
	if (from < 0 || from >= tasks.length) return plan;
	const target = Math.max(0, Math.min(tasks.length - 1, to));
	const [task] = tasks.splice(from, 1);
	tasks.splice(target, 0, task!);
	return { ...plan, tasks };
}

/** What `removeTask` hands back so the deletion can be undone. */
export interface Removed {
	task: Task;
	index: number;
}

/** Removes a task; returns the new plan and what `restoreTask` needs to undo it. */
export function removeTask(plan: Plan, id: string): { plan: Plan; removed: Removed | null } {
	const index = plan.tasks.findIndex((t) => t.id === id);
	if (index < 0) return { plan, removed: null };
	const tasks = plan.tasks.filter((t) => t.id !== id);
	return { plan: { ...plan, tasks }, removed: { task: plan.tasks[index]!, index } };
}

/** Puts a removed task back where it was (or at the end if the plan has shrunk since). */
export function restoreTask(plan: Plan, removed: Removed): Plan {
	if (plan.tasks.some((t) => t.id === removed.task.id) || plan.tasks.length >= PLAN_LIMITS.tasks)
		return plan;
	const tasks = [...plan.tasks];
	tasks.splice(Math.min(removed.index, tasks.length), 0, removed.task);
	return { ...plan, tasks };
}

/**
 * Sets a task's status. 已完成 stamps `doneOn` with today (unless already set); leaving
 * 已完成 clears it. 暂缓 needs a reason: without one the status is refused (null).
 */
export function setStatus(task: Task, status: TaskStatus, today: string): Task | null {
	if (status === 'paused' && task.pauseReason.trim() === '') return null;
	return {
		...task,
		status,
		doneOn: status === 'done' ? task.doneOn || today : '',
	};
}

/** Adds a dated progress entry (newest last); refused (null) when empty or the log is full. */
export function addProgress(task: Task, date: string, entry: string): Task | null {
	const trimmed = entry.trim();
	if (!trimmed || !/^\d{4}-\d{2}-\d{2}$/.test(date) || task.progress.length >= PLAN_LIMITS.progress)
		return null;
	const progress = [...task.progress, { date, text: cut(trimmed, PLAN_LIMITS.progressText) }];
	// Kept in date order; entries of the same day stay in the order they were added.
	progress.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return { ...task, progress };
}

/** Whether a task is overdue on `today` (YYYY-MM-DD): not done or paused, and its 时限 has passed. */
export function isOverdue(task: Task, today: string): boolean {
	return (task.status === 'todo' || task.status === 'doing') && task.due !== '' && task.due < today;
}

/** Counts for the progress line and the compare page. */
export interface PlanProgress {
	total: number;
	todo: number;
	doing: number;
	done: number;
	paused: number;
	overdue: number;
	/** Titles of overdue tasks, in plan order. */
	overdueTitles: string[];
	/** Share of tasks done, 0–100 (one decimal), null for an empty plan. */
	percentDone: number | null;
}

/** How far a plan has got on `today`. */
export function planProgress(plan: Plan, today: string): PlanProgress {
	const count = (s: TaskStatus) => plan.tasks.filter((t) => t.status === s).length;
	const overdue = plan.tasks.filter((t) => isOverdue(t, today));
	const total = plan.tasks.length;
	const done = count('done');
	return {
		total,
		todo: count('todo'),
		doing: count('doing'),
		done,
		paused: count('paused'),
		overdue: overdue.length,
		overdueTitles: overdue.map((t) => t.title),
		percentDone: total ? Math.round((done / total) * 1000) / 10 : null,
	};
}

/** Each criterion's level state in an assessment, as the plan and review use it. */
export type LevelsOf = (a: Assessment) => Record<string, LevelState>;

/**
 * Next year's plan from this year's: unfinished tasks (未开始, 进行中, 暂缓) move over with
 * their owner, 时限, status and log, marked as carried from `fromName`; every task of this
 * year (done or not) and the levels of the criteria they address go into `review`.
 */
export function carryForward(
	plan: Plan,
	from: { name: string; assessedOn: string; levels: Readonly<Record<string, LevelState>> },
): Plan {
	const review: PlanReview = {
		fromName: cut(from.name, 100),
		fromAssessedOn: from.assessedOn,
		tasks: plan.tasks.map((t) => ({
			id: t.id,
			criterion: t.criterion,
			title: t.title,
			status: t.status,
			doneOn: t.doneOn,
		})),
		levels: {},
	};
	for (const t of plan.tasks)
		if (t.criterion) review.levels[t.criterion] = from.levels[t.criterion] ?? null;
	return {
		tasks: plan.tasks
			.filter((t) => t.status !== 'done')
			.map((t) => ({ ...t, carriedFrom: cut(from.name, 100) })),
		review,
	};
}

/** How one task's criterion moved between two assessments. */
export type Movement = 'up' | 'same' | 'down' | 'unknown';

/** One row of the yearly review: a task and its criterion before and after. */
export interface TaskOutcome {
	id: string;
	title: string;
	criterion: string | null;
	status: TaskStatus;
	doneOn: string;
	before: LevelState;
	after: LevelState;
	movement: Movement;
}

function movement(before: LevelState, after: LevelState): Movement {
	if (typeof before !== 'number' || typeof after !== 'number') return 'unknown';
	return after > before ? 'up' : after < before ? 'down' : 'same';
}

/** The review rows: each earlier task, whether it was done, and how its criterion moved. */
export function taskOutcomes(
	review: Pick<PlanReview, 'tasks' | 'levels'>,
	nowLevels: Readonly<Record<string, LevelState>>,
): TaskOutcome[] {
	return review.tasks.map((t) => {
		const before = t.criterion ? (review.levels[t.criterion] ?? null) : null;
		const after = t.criterion ? (nowLevels[t.criterion] ?? null) : null;
		return {
			id: t.id,
			title: t.title,
			criterion: t.criterion,
			status: t.status,
			doneOn: t.doneOn,
			before,
			after,
			movement: movement(before, after),
		};
	});
}

/** Review figures: tasks done, and how the criteria of done tasks moved. */
export interface OutcomeSummary {
	tasks: number;
	done: number;
	/** Done tasks whose criterion rose, stayed, fell. */
	doneUp: number;
	doneSame: number;
	doneDown: number;
}

export function summariseOutcomes(rows: readonly TaskOutcome[]): OutcomeSummary {
	const done = rows.filter((r) => r.status === 'done');
	return {
		tasks: rows.length,
		done: done.length,
		doneUp: done.filter((r) => r.movement === 'up').length,
		doneSame: done.filter((r) => r.movement === 'same').length,
		doneDown: done.filter((r) => r.movement === 'down').length,
	};
}

/**
 * Over time between two assessments of the same branch: the earlier one's tasks, and how
 * their criteria moved by the later one. `levelsOf` gives each assessment's levels (as
 * scoring computes them).
 */
export function planOverTime(
	earlier: Assessment,
	later: Assessment,
	levelsOf: LevelsOf,
): TaskOutcome[] {
	const before = levelsOf(earlier);
	const review = carryForward(earlier.plan, {
		name: earlier.name,
		assessedOn: earlier.profile.assessedOn,
		levels: before,
	}).review!;
	return taskOutcomes(review, levelsOf(later));
}

/** Each criterion's level state from a score (`scoreAssessment(...).criteria`). */
export function levelsFromScore(
	criteria: readonly {
		id: string;
		status: 'answered' | 'na' | 'unanswered';
		level: number | null;
	}[],
): Record<string, LevelState> {
	const out: Record<string, LevelState> = {};
	for (const c of criteria)
		out[c.id] = c.status === 'na' ? 'na' : c.level === null ? null : (c.level as Level);
	return out;
}

/** The id of a criterion's 整改措施 block on its guidance page, e.g. `measures-a1`. */
export function measuresAnchor(criterion: string): string {
	return `measures-${criterion.toLowerCase()}`;
}

/** The guide reference (`page#anchor`) of a criterion's 整改措施, for `guideHref`. */
export function measuresRef(criterionGuide: string, criterion: string): string {
	return `${criterionGuide.split('#')[0]}#${measuresAnchor(criterion)}`;
}

/** A date as YYYY-MM-DD in the local time zone (what a user means by "today"). */
export function localDay(d: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The level label of a level state, with the labels handed in. */
export function levelLabel(
	state: LevelState,
	levelNames: readonly string[],
	labels: { unanswered: string; na: string },
): string {
	return state === null ? labels.unanswered : state === 'na' ? labels.na : levelNames[state]!;
}

/**
 * Next year's assessment started from this one: the answers, ledger, profile and settings
 * are copied for re-rating; the 评估日期 becomes `today`; the plan is carried forward
 * (`carryForward`), so the new assessment shows which tasks were done and what moved.
 */
export function nextYearAssessment(
	a: Assessment,
	opts: { id: string; name: string; now: Date; levels: Readonly<Record<string, LevelState>> },
): Assessment {
	const copy = structuredClone(a);
	const stamp = opts.now.toISOString();
	return {
		...copy,
		id: opts.id,
		name: cut(opts.name, 100),
		createdAt: stamp,
		updatedAt: stamp,
		profile: { ...copy.profile, assessedOn: localDay(opts.now) },
		plan: carryForward(a.plan, {
			name: a.name,
			assessedOn: a.profile.assessedOn,
			levels: opts.levels,
		}),
	};
}
