/**
 * The 整改计划 as CSV (UTF-8 with BOM, formula-safe cells: see csv.ts), one row per task
 * in plan order. Labels are handed in so this module stays free of the strings file.
 */
import { toCsv } from './csv';
import { isOverdue, type Plan, type TaskStatus } from './plan';

export interface PlanCsvLabels {
	header: [
		no: string,
		criterion: string,
		title: string,
		levelAtStart: string,
		target: string,
		measures: string,
		owner: string,
		due: string,
		status: string,
		pauseReason: string,
		doneOn: string,
		progress: string,
		overdue: string,
		carriedFrom: string,
	];
	status: Record<TaskStatus, string>;
	/** Names of levels 0–3. */
	levelNames: readonly string[];
	yes: string;
}

/** One CSV document for the plan on `today` (YYYY-MM-DD, for the 逾期 column). */
export function planCsv(plan: Plan, today: string, labels: PlanCsvLabels): string {
	return toCsv([
		labels.header,
		...plan.tasks.map((t, i) => [
			i + 1,
			t.criterion ?? '',
			t.title,
			t.levelAtStart === null ? '' : labels.levelNames[t.levelAtStart],
			t.target,
			t.measures.join('\n'),
			t.owner,
			t.due,
			labels.status[t.status],
			t.status === 'paused' ? t.pauseReason : '',
			t.doneOn,
			t.progress.map((p) => `${p.date} ${p.text}`).join('\n'),
			isOverdue(t, today) ? labels.yes : '',
			t.carriedFrom,
		]),
	]);
}
