/**
 * What the compare page shows, worked out without the DOM: copies of one assessment,
 * whether the over-time section applies, the overview's rows a page at a time, the
 * statistics in plain words, a branch's summary (drill-down) and the over-time table.
 * src/scripts/compare.ts only puts these on the page.
 */
import type { Catalogue } from './catalogue-schema';
import { guideHref } from './guide-href';
import { round1 } from './scoring';
import { copyKey, nameOrder, type BandId, type OverviewEntry } from './overview-load';
import { filterEntries, sortBy, type EntryFilter } from './overview-table';
import type { CellView, OverviewColumn, Text } from './overview-columns';
import { requiredNames, vetoNames } from './overview-columns';
import type { Stats, Summary } from './overview-stats';
import type { PlanFollowUp, TimeComparison } from './over-time';
import { levelLabel } from './plan';
import { groupByBranch } from './over-time';

/** A figure to one decimal, or — when there is none. */
export const f1 = (n: number | null | undefined): string =>
	n === null || n === undefined ? '—' : String(round1(n));

/** A change with its sign (+1.5, -2, 0), or — when there is none. */
export const signed = (n: number | null | undefined): string =>
	n === null || n === undefined ? '—' : n > 0 ? `+${round1(n)}` : String(round1(n));

// ---------------------------------------------------------------- copies

/** Two or more files for the same branch and 评估日期: which one the overview uses. */
export interface CopyGroup {
	key: string;
	branch: string;
	assessedOn: string;
	/** Every copy, in the order the files came. */
	options: OverviewEntry[];
	/** File name of the copy in use. */
	chosen: string;
}

/**
 * Keeps one entry per branch and date. The first copy is used unless `choices` (copy key
 * → file name) says otherwise; every group of copies is returned so the page can say so
 * and let the reader switch. Nothing is dropped silently.
 */
export function resolveCopies(
	entries: readonly OverviewEntry[],
	choices: ReadonlyMap<string, string> = new Map(),
): { entries: OverviewEntry[]; copies: CopyGroup[] } {
	const byKey = new Map<string, OverviewEntry[]>();
	const order: string[] = [];
	for (const e of entries) {
		const key = copyKey(e);
		const list = byKey.get(key);
		if (list) list.push(e);
		else {
			byKey.set(key, [e]);
			order.push(key);
		}
	}
	const kept: OverviewEntry[] = [];
	const copies: CopyGroup[] = [];
	for (const key of order) {
		const list = byKey.get(key)!;
		const wanted = choices.get(key);
		const chosen = list.find((e) => e.fileName === wanted) ?? list[0]!;
		kept.push(chosen);
		if (list.length > 1)
			copies.push({
				key,
				branch: chosen.branch,
				assessedOn: chosen.assessedOn,
				options: list,
				chosen: chosen.fileName,
			});
	}
	return { entries: kept, copies };
}

// ---------------------------------------------------------------- over time

/** A branch that can be compared over time: it has two or more dated results. */
export interface SeriesBranch {
	key: string;
	label: string;
	count: number;
}

/**
 * Branches with results on two or more dates, most dates first, then by name. The
 * over-time section is shown only when this is not empty.
 */
export function seriesBranches(entries: readonly OverviewEntry[]): SeriesBranch[] {
	const out: SeriesBranch[] = [];
	for (const [key, list] of groupByBranch(entries)) {
		const dates = new Set(list.map((e) => e.assessedOn));
		if (dates.size >= 2) out.push({ key, label: list[0]!.branch, count: list.length });
	}
	return out.sort((a, b) => b.count - a.count || nameOrder(a.label, b.label));
}

/** The over-time table as text: header cells, then one row per base category, then the total. */
export function timeTable(
	cmp: TimeComparison,
	catalogue: Catalogue,
	text: Text,
): { head: string[]; rows: string[][] } {
	const head = [
		text('compare.col.category'),
		...cmp.points.map((p) => p.assessedOn || p.fileName),
		text('compare.col.change'),
	];
	const rows = cmp.categories
		.filter((k) => !catalogue.categories.find((x) => x.id === k.id)?.bonus)
		.map((k) => {
			const title = catalogue.categories.find((x) => x.id === k.id)?.title ?? k.id;
			return [
				`${k.id} ${title}`,
				...k.values.map((v, i) => {
					const change = k.changes[i];
					if (v === null || v === undefined) return '—';
					return `${f1(v)}%${change !== null && change !== undefined ? `（${signed(change)}）` : ''}`;
				}),
				signed(k.firstToLast),
			];
		});
	rows.push([
		text('compare.col.total'),
		...cmp.total.values.map((v, i) => {
			const change = cmp.total.changes[i];
			return `${f1(v)}${change !== null && change !== undefined ? `（${signed(change)}）` : ''}`;
		}),
		signed(cmp.total.firstToLast),
	]);
	return { head, rows };
}

/** One earlier plan followed to the next date, as text: what it covers, figures, one row per task. */
export interface FollowUpView {
	/** Which dates, and where the task states come from. */
	intro: string;
	/** Tasks, done, and how the criteria of done tasks moved. */
	summary: string;
	/** The table's caption (also the name of its scroll region). */
	caption: string;
	head: string[];
	/** Task, status, levels before → after, movement (a `movement` id for colour). */
	rows: { cells: string[]; movement: PlanFollowUp['rows'][number]['movement'] }[];
}

export function followUpView(f: PlanFollowUp, catalogue: Catalogue, text: Text): FollowUpView {
	const level = (state: PlanFollowUp['rows'][number]['before']) =>
		levelLabel(state, catalogue.levelNames, {
			unanswered: text('plan.unanswered'),
			na: text('plan.levelNa'),
		});
	// A file without a 评估日期 is named by its file name.
	const dates = { fromDate: f.fromDate || f.fromFile, toDate: f.toDate || f.toFile };
	return {
		intro: text(
			f.source === 'carried' ? 'compare.tasksIntroCarried' : 'compare.tasksIntroEarlier',
			{ ...dates, fromFile: f.fromFile, toFile: f.toFile },
		),
		caption: text('compare.tasksCaption', dates),
		summary: text('compare.tasksSummary', {
			tasks: f.summary.tasks,
			done: f.summary.done,
			up: f.summary.doneUp,
			same: f.summary.doneSame,
			down: f.summary.doneDown,
		}),
		head: [
			text('plan.review.col.task'),
			text('compare.tasksCol.status'),
			text('compare.tasksCol.levels'),
			text('plan.review.col.movement'),
		],
		rows: f.rows.map((r) => ({
			// A task made from a criterion is titled with its id and name (see generateTasks);
			// one the branch wrote itself says that it addresses no criterion.
			cells: [
				r.title,
				text(`plan.status.${r.status}`) +
					(r.status === 'done' && r.doneOn ? `（${r.doneOn}）` : ''),
				r.criterion ? `${level(r.before)} → ${level(r.after)}` : text('compare.tasksOwn'),
				r.criterion ? text(`plan.movement.${r.movement}`) : '—',
			],
			movement: r.movement,
		})),
	};
}

// ---------------------------------------------------------------- overview table

/** How the reader has the table: filters, sort, page and the columns shown. */
export interface TableQuery {
	filter: EntryFilter;
	sort: { id: string; dir: 'asc' | 'desc' };
	/** 0-based page. */
	page: number;
	pageSize: number;
}

/** One row of the visible page. */
export interface TableRow {
	entry: OverviewEntry;
	cells: CellView[];
}

/** A page of the overview. */
export interface TablePage {
	/** Every entry passing the filters, sorted (for the CSV and the statistics). */
	matching: OverviewEntry[];
	rows: TableRow[];
	/** The page shown (clamped to the pages there are) and how many pages there are (≥ 1). */
	page: number;
	pages: number;
	/** 1-based numbers of the first and last row shown (0 and 0 when none). */
	from: number;
	to: number;
}

/** One page of a list of rows, as a pager shows it. */
export interface RowPage<T> {
	rows: T[];
	/** The page shown (clamped to the pages there are) and how many pages there are (≥ 1). */
	page: number;
	pages: number;
	/** 1-based numbers of the first and last row shown (0 and 0 when none). */
	from: number;
	to: number;
}

/** Page `page` (0-based, clamped) of `rows`, `size` rows a page: the one paging rule of the compare page. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): RowPage<T> {
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const shown = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
	const slice = rows.slice(shown * size, (shown + 1) * size);
	return {
		rows: slice,
		page: shown,
		pages,
		from: slice.length ? shown * size + 1 : 0,
		to: shown * size + slice.length,
	};
}

/** Filters, sorts and cuts out one page of rows, with their cells for the given columns. */
export function tablePage(
	entries: readonly OverviewEntry[],
	columns: readonly OverviewColumn[],
	sortColumns: readonly OverviewColumn[],
	query: TableQuery,
): TablePage {
	const filtered = filterEntries(entries, query.filter);
	const by = sortColumns.find((c) => c.id === query.sort.id);
	const matching = by ? sortBy(filtered, (e) => by.sort(e), query.sort.dir) : filtered;
	const { rows, ...at } = pageOf(matching, query.page, query.pageSize);
	return {
		matching,
		rows: rows.map((entry) => ({ entry, cells: columns.map((c) => c.cell(entry)) })),
		...at,
	};
}

/** Ids of the columns shown at first. */
export function defaultColumnIds(columns: readonly OverviewColumn[]): string[] {
	return columns.filter((c) => c.group === 'main').map((c) => c.id);
}

// ---------------------------------------------------------------- statistics

/** The statistics' columns, each with a plain label and the statistic it stands for. */
export const STAT_COLUMNS = [
	'n',
	'mean',
	'min',
	'weakestQuarterMean',
	'p25',
	'median',
	'max',
	'sd',
] as const satisfies readonly (keyof Stats)[];

/** One row of the statistics table: a base category and its figures as text. */
export function statsRows(summary: Summary): { id: string; title: string; cells: string[] }[] {
	return summary.categories
		.filter((k) => !k.bonus)
		.map((k) => ({
			id: k.id,
			title: `${k.id} ${k.title}`,
			cells: STAT_COLUMNS.map((s) =>
				s === 'n' ? String(k.stats?.n ?? 0) : f1(k.stats ? k.stats[s] : null),
			),
		}));
}

// ---------------------------------------------------------------- drill-down

/** A criterion that lost points, with its guide. */
export interface LossLine {
	id: string;
	title: string;
	lost: number;
	levelName: string;
	href: string;
}

/** What a click on a branch opens: its total, band and why, and its largest 失分项. */
export interface BranchSummary {
	branch: string;
	fileName: string;
	assessedOn: string;
	total: string;
	base: string;
	bonus: string;
	band: BandId;
	bandName: string;
	/** Plain sentences saying why the band is what it is, most important first. */
	why: string[];
	losses: LossLine[];
	/** Criteria not answered yet (0 when complete). */
	unanswered: number;
}

/** The drill-down for one entry. `base` is the site's base path for guide links. */
export function branchSummary(
	e: OverviewEntry,
	catalogue: Catalogue,
	text: Text,
	base: string,
	marks: { passMark: number; modelMark: number },
): BranchSummary {
	const bandName = (id: BandId) => catalogue.bands.find((b) => b.id === id)?.name ?? id;
	const why: string[] = [];
	const unanswered = e.applicableCount - e.answeredCount;
	if (unanswered > 0)
		why.push(text('compare.why.unfinished', { left: unanswered, percent: e.completionPercent }));
	if (e.capped)
		why.push(
			text('compare.why.capped', { uncapped: bandName(e.uncappedBand), band: bandName(e.band) }),
		);
	if (e.vetoes.length || e.unansweredVetoes?.length)
		why.push(text('compare.why.vetoes', { list: vetoNames(e, catalogue, text).join('；') }));
	if (e.missingRequired.length)
		why.push(text('compare.why.required', { list: requiredNames(e, catalogue, text).join('；') }));
	if (!e.capped) {
		const next =
			e.band === 'mofan'
				? null
				: e.band === 'hege'
					? { name: bandName('mofan'), mark: marks.modelMark }
					: { name: bandName('hege'), mark: marks.passMark };
		why.push(
			next
				? text('compare.why.byTotalNext', {
						total: f1(e.total),
						band: bandName(e.band),
						next: next.name,
						gap: f1(Math.max(0, next.mark - e.total)),
					})
				: text('compare.why.byTotalTop', { total: f1(e.total), band: bandName(e.band) }),
		);
	}
	const losses = e.topLosses.map((l) => {
		const c = catalogue.criteria.find((x) => x.id === l.id);
		return {
			id: l.id,
			title: c?.title ?? l.id,
			lost: l.lost,
			levelName: catalogue.levelNames[l.level] ?? String(l.level),
			href: c ? guideHref(base, c.guide) : guideHref(base, ''),
		};
	});
	return {
		branch: e.branch,
		fileName: e.fileName,
		assessedOn: e.assessedOn,
		total: f1(e.total),
		base: f1(e.base),
		bonus: f1(e.bonus),
		band: e.band,
		bandName: bandName(e.band),
		why,
		losses,
		unanswered,
	};
}

// ---------------------------------------------------------------- loading

/** Counts while files load, as the progress line shows them. */
export interface LoadCounts {
	/** Files read so far (result files; other files in a folder or archive are skipped). */
	read: number;
	valid: number;
	problems: number;
}
