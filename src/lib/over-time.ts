/**
 * One branch over its dated results (复查、动态管理): figures per date and what changed.
 */
import type { Level } from './assessment';
import { round1 } from './scoring';
import { summariseOutcomes, taskOutcomes, type OutcomeSummary, type TaskOutcome } from './plan';
import { branchKey, type BandId, type OverviewEntry } from './overview-load';

/** Groups entries by branch (see `branchKey`), each group sorted by date, oldest first. */
export function groupByBranch(entries: readonly OverviewEntry[]): Map<string, OverviewEntry[]> {
	const groups = new Map<string, OverviewEntry[]>();
	for (const e of entries) {
		const key = branchKey(e);
		const list = groups.get(key);
		if (list) list.push(e);
		else groups.set(key, [e]);
	}
	for (const list of groups.values()) list.sort(byDate);
	return groups;
}

function byDate(a: OverviewEntry, b: OverviewEntry): number {
	return a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0;
}

/** A figure at each date, its change from the date before and from the first date to the last. */
export interface Series {
	/** One value per date, in `TimeComparison.points` order. */
	values: (number | null)[];
	/** values[i] − values[i−1] (one decimal); null for the first date or when either is null. */
	changes: (number | null)[];
	/** Last − first (one decimal); null with fewer than two dates or when either is null. */
	firstToLast: number | null;
}

/** A criterion whose level went up or down between two consecutive dates. */
export interface CriterionChange {
	id: string;
	fromDate: string;
	toDate: string;
	fromFile: string;
	toFile: string;
	fromLevel: Level;
	toLevel: Level;
	direction: 'up' | 'down';
	fromNote: string;
	toNote: string;
}

/**
 * An earlier assessment's 整改计划 followed to the next date: each task, whether it was
 * done, and how the level of the criterion it addresses moved between the two results.
 */
export interface PlanFollowUp {
	fromDate: string;
	toDate: string;
	fromFile: string;
	toFile: string;
	/**
	 * Where the task states come from: `carried` when the later assessment was started from
	 * the earlier one (为下一年开始) and kept its tasks as they stood then, the latest record;
	 * `earlier` when only the earlier file's own plan, as saved on its date, is known.
	 */
	source: 'carried' | 'earlier';
	rows: TaskOutcome[];
	summary: OutcomeSummary;
}

/** What `compareOverTime` returns. */
export interface TimeComparison {
	points: { fileName: string; assessedOn: string; total: number; band: BandId }[];
	total: Series;
	/** Per category id, in the order the entries list them (catalogue order). */
	categories: ({ id: string } & Series)[];
	/** In date order, then catalogue order. */
	criterionChanges: CriterionChange[];
	/** Per pair of consecutive dates whose earlier one had a plan, in date order. */
	planFollowUps: PlanFollowUp[];
}

/**
 * The earlier entry's plan followed to the later one. The later file's record of the plan
 * it was started from is preferred when it names the earlier date: it was taken at the end
 * of the year's work, while the earlier file may have been saved before any task was done.
 */
export function planFollowUp(before: OverviewEntry, after: OverviewEntry): PlanFollowUp | null {
	const carried =
		after.planReview !== null && after.planReview.fromAssessedOn === before.assessedOn
			? after.planReview.tasks
			: null;
	const tasks = carried ?? before.planTasks;
	if (!tasks.length) return null;
	const rows = taskOutcomes({ tasks, levels: before.criterionLevels }, after.criterionLevels);
	return {
		fromDate: before.assessedOn,
		toDate: after.assessedOn,
		fromFile: before.fileName,
		toFile: after.fileName,
		source: carried ? 'carried' : 'earlier',
		rows,
		summary: summariseOutcomes(rows),
	};
}

function series(values: (number | null)[]): Series {
	const diff = (a: number | null | undefined, b: number | null | undefined) =>
		typeof a === 'number' && typeof b === 'number' ? round1(b - a) : null;
	return {
		values,
		changes: values.map((v, i) => (i === 0 ? null : diff(values[i - 1], v))),
		firstToLast: values.length < 2 ? null : diff(values[0], values[values.length - 1]),
	};
}

/**
 * How one branch changed over its dated results (复查、动态管理): total and category
 * percents per date with changes, and the criteria whose level rose or fell between
 * consecutive dates with both levels and both notes. Only changes between two levels
 * count; a move to or from 不适用 or unanswered is not an up or down.
 * Entries are sorted by date here too (stable), in case the caller did not.
 */
export function compareOverTime(entries: readonly OverviewEntry[]): TimeComparison {
	const list = [...entries].sort(byDate);
	const categoryIds = [...new Set(list.flatMap((e) => Object.keys(e.categoryPercents)))];
	const criterionChanges: CriterionChange[] = [];
	const planFollowUps: PlanFollowUp[] = [];
	for (let i = 1; i < list.length; i++) {
		const before = list[i - 1]!;
		const after = list[i]!;
		const followUp = planFollowUp(before, after);
		if (followUp) planFollowUps.push(followUp);
		for (const [id, toLevel] of Object.entries(after.criterionLevels)) {
			const fromLevel = before.criterionLevels[id];
			if (typeof fromLevel !== 'number' || typeof toLevel !== 'number' || fromLevel === toLevel)
				continue;
			criterionChanges.push({
				id,
				fromDate: before.assessedOn,
				toDate: after.assessedOn,
				fromFile: before.fileName,
				toFile: after.fileName,
				fromLevel,
				toLevel,
				direction: toLevel > fromLevel ? 'up' : 'down',
				fromNote: before.notes[id] ?? '',
				toNote: after.notes[id] ?? '',
			});
		}
	}
	return {
		points: list.map((e) => ({
			fileName: e.fileName,
			assessedOn: e.assessedOn,
			total: e.total,
			band: e.band,
		})),
		total: series(list.map((e) => e.total)),
		categories: categoryIds.map((id) => ({
			id,
			...series(list.map((e) => e.categoryPercents[id] ?? null)),
		})),
		criterionChanges,
		planFollowUps,
	};
}
