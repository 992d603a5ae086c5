/**
 * The overview's columns as data: what each shows in the table, how it sorts and what it
 * writes to the CSV. The compare page, its CSV and the roll-up command all read this one
 * list, so a column added here (plan progress, 自评/验收 figures …) appears everywhere.
 *
 * To add a column: push an `OverviewColumn` in `overviewColumns` with an id, a label from
 * the strings file, a `cell` for the table, a `sort` value and its CSV cells. `group`
 * decides whether the table shows it at first ('main') or on demand ('more', 'category');
 * 'csv' columns are written to the CSV only.
 */
import type { Catalogue } from './catalogue-schema';
import type { Cell } from './csv';
import { round1 } from './scoring';
import type { BandId, OverviewEntry } from './overview-load';
import { sortValue, type SortKey, type SortValue } from './overview-table';

/** The strings lookup handed in (the page's or the build's `t`). */
// Keys are checked where the lookup is made (the page's and the build's `t` take only keys of
// the strings file); src/lib may not import the strings module, so the key is typed loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Text = (key: any, params?: Record<string, string | number>) => string;

/** How a cell is coloured; every tone is paired with words in the cell itself. */
export type Tone = BandId | 'unfinished' | 'flag' | 'ok';

/** What a table cell shows. */
export interface CellView {
	text: string;
	tone?: Tone;
	/** Plain-words explanation (a tooltip and, for screen readers, part of the cell). */
	note?: string;
}

/** main: shown at first; more and category: on demand; csv: in the CSV only. */
export type ColumnGroup = 'main' | 'more' | 'category' | 'csv';

/** One column of the overview. */
export interface OverviewColumn {
	/** Stable id, also the sort key. */
	id: string;
	label: string;
	/** What the figure means, in plain words (shown as a note). */
	note?: string;
	group: ColumnGroup;
	/** Right-aligned figures. */
	numeric?: boolean;
	cell(e: OverviewEntry): CellView;
	sort(e: OverviewEntry): SortValue;
	/** Cells written to the CSV, in order (none for a table-only column). */
	csv: { header: string; value(e: OverviewEntry): Cell }[];
}

const f1 = (n: number) => String(round1(n));

/** A column sorted by one of the fixed keys. */
function byKey(key: SortKey): (e: OverviewEntry) => SortValue {
	return (e) => sortValue(e, key);
}

/** What a category cell says: a figure, 不适用, or 未评 when nothing in it was answered. */
export function categoryCell(e: OverviewEntry, categoryId: string, text: Text): CellView {
	const v = e.categoryPercents[categoryId];
	const seen = e.categoryAnswered?.[categoryId];
	if (v === null || v === undefined) return { text: text('compare.cell.na') };
	if (seen && seen.answered === 0)
		return {
			text: text('compare.cell.unrated'),
			tone: 'unfinished',
			note: text('compare.cell.unratedNote'),
		};
	if (seen && seen.answered < seen.applicable)
		return {
			text: `${f1(v)}*`,
			note: text('compare.cell.partNote', { left: seen.applicable - seen.answered }),
		};
	return { text: f1(v) };
}

/** The 否决 conditions an entry reports, named, then those not answered yet, marked 未答. */
export function vetoNames(e: OverviewEntry, catalogue: Catalogue, text?: Text): string[] {
	const name = (id: string) => {
		const v = catalogue.vetoes.find((x) => x.id === id);
		return v ? `${id} ${v.title}` : id;
	};
	return [
		...e.vetoes.map(name),
		...(text
			? (e.unansweredVetoes ?? []).map((id) => `${name(id)}（${text('compare.cell.unanswered')}）`)
			: []),
	];
}

/** The 必备 criteria below 基本落实, named, with 未评 for those not answered. */
export function requiredNames(e: OverviewEntry, catalogue: Catalogue, text: Text): string[] {
	return e.missingRequired.map((id) => {
		const c = catalogue.criteria.find((x) => x.id === id);
		const name = c ? `${id} ${c.title}` : id;
		return e.criterionLevels[id] === null || e.criterionLevels[id] === undefined
			? `${name}（${text('compare.cell.unrated')}）`
			: name;
	});
}

/** Every column of the overview, in table order. */
export function overviewColumns(catalogue: Catalogue, text: Text): OverviewColumn[] {
	const bandName = (id: BandId) => catalogue.bands.find((b) => b.id === id)?.name ?? id;
	const scopeName = (e: OverviewEntry) =>
		e.scope === 'union' ? text('overviewCsv.scopeUnion') : text('overviewCsv.scopeSubunit');
	const columns: OverviewColumn[] = [
		{
			id: 'branch',
			label: text('compare.col.branch'),
			group: 'main',
			cell: (e) => ({ text: e.branch }),
			sort: byKey('branch'),
			csv: [
				{ header: text('overviewCsv.unitName'), value: (e) => e.unitName },
				{ header: text('overviewCsv.unionName'), value: (e) => e.unionName },
			],
		},
		{
			id: 'scope',
			label: text('compare.col.scope'),
			group: 'more',
			cell: (e) => ({ text: text(`scope.${e.scope}`) }),
			sort: byKey('scope'),
			csv: [{ header: text('overviewCsv.scope'), value: scopeName }],
		},
		{
			id: 'parentUnion',
			label: text('compare.col.parentUnion'),
			group: 'more',
			cell: (e) => ({ text: e.parentUnion || '—' }),
			sort: byKey('parentUnion'),
			csv: [{ header: text('overviewCsv.parentUnion'), value: (e) => e.parentUnion }],
		},
		{
			id: 'assessedOn',
			label: text('compare.col.date'),
			group: 'main',
			cell: (e) => ({ text: e.assessedOn || '—' }),
			sort: byKey('assessedOn'),
			csv: [{ header: text('overviewCsv.assessedOn'), value: (e) => e.assessedOn }],
		},
		{
			id: 'total',
			label: text('compare.col.total'),
			group: 'main',
			numeric: true,
			cell: (e) => ({ text: f1(e.total) }),
			sort: byKey('total'),
			csv: [{ header: text('overviewCsv.total'), value: (e) => e.total }],
		},
		{
			id: 'base',
			label: text('compare.col.base'),
			group: 'more',
			numeric: true,
			cell: (e) => ({ text: f1(e.base) }),
			sort: byKey('base'),
			csv: [{ header: text('overviewCsv.base'), value: (e) => e.base }],
		},
		{
			id: 'bonus',
			label: text('compare.col.bonus'),
			group: 'more',
			numeric: true,
			cell: (e) => ({ text: f1(e.bonus) }),
			sort: byKey('bonus'),
			csv: [{ header: text('overviewCsv.bonus'), value: (e) => e.bonus }],
		},
		{
			id: 'band',
			label: text('compare.col.band'),
			group: 'main',
			cell: (e) =>
				e.complete
					? {
							text: bandName(e.band),
							tone: e.band,
							...(e.capped ? { note: text('compare.cell.cappedNote') } : {}),
						}
					: {
							text: text('compare.cell.bandUnfinished', { band: bandName(e.band) }),
							tone: 'unfinished',
							note: text('compare.cell.bandUnfinishedNote'),
						},
			sort: byKey('band'),
			csv: [{ header: text('overviewCsv.band'), value: (e) => bandName(e.band) }],
		},
		{
			id: 'completionPercent',
			label: text('compare.col.completion'),
			note: text('compare.col.completionNote'),
			group: 'main',
			numeric: true,
			cell: (e) => ({
				text: `${e.completionPercent}%`,
				tone: e.complete ? 'ok' : 'unfinished',
				...(e.complete
					? {}
					: { note: text('compare.cell.leftNote', { left: e.applicableCount - e.answeredCount }) }),
			}),
			sort: byKey('completionPercent'),
			csv: [{ header: text('overviewCsv.completion'), value: (e) => e.completionPercent }],
		},
		{
			id: 'vetoes',
			label: text('compare.col.vetoes'),
			note: text('compare.col.vetoesNote'),
			group: 'main',
			cell: (e) =>
				e.vetoes.length || e.unansweredVetoes?.length
					? { text: vetoNames(e, catalogue, text).join('；'), tone: 'flag' }
					: { text: text('compare.cell.none') },
			sort: (e) => e.vetoes.length * 100 + (e.unansweredVetoes?.length ?? 0),
			csv: [
				{
					header: text('overviewCsv.vetoes'),
					value: (e) => vetoNames(e, catalogue, text).join('；'),
				},
			],
		},
		{
			id: 'required',
			label: text('compare.col.required'),
			note: text('compare.col.requiredNote'),
			group: 'main',
			cell: (e) =>
				e.missingRequired.length
					? { text: requiredNames(e, catalogue, text).join('；'), tone: 'flag' }
					: { text: text('compare.cell.none') },
			sort: (e) => e.missingRequired.length,
			csv: [
				{
					header: text('overviewCsv.required'),
					value: (e) => requiredNames(e, catalogue, text).join('；'),
				},
			],
		},
		...catalogue.categories.map((k): OverviewColumn => ({
			id: `category:${k.id}`,
			label: `${k.id} ${k.title}`,
			group: k.bonus ? 'csv' : 'category',
			numeric: true,
			cell: (e) => categoryCell(e, k.id, text),
			sort: byKey(`category:${k.id}`),
			csv: [
				{
					header: k.title,
					value: (e) => {
						const v = e.categoryPercents[k.id];
						if (typeof v !== 'number') return text('overviewCsv.na');
						return e.categoryAnswered?.[k.id]?.answered === 0 ? text('compare.cell.unrated') : v;
					},
				},
			],
		})),
		{
			id: 'plan',
			label: text('compare.col.plan'),
			group: 'more',
			cell: (e) =>
				e.plan.tasks
					? {
							text:
								text('compare.planCell', { done: e.plan.done, tasks: e.plan.tasks }) +
								(e.plan.overdue ? text('plan.progressOverdue', { n: e.plan.overdue }) : ''),
							...(e.plan.overdue ? { tone: 'flag' as const } : {}),
						}
					: { text: text('compare.planNone') },
			// Share done; an empty plan sorts last either way.
			sort: (e) => e.plan.percentDone,
			csv: [
				{ header: text('overviewCsv.planTasks'), value: (e) => e.plan.tasks },
				{ header: text('overviewCsv.planDone'), value: (e) => e.plan.done },
				{ header: text('overviewCsv.planOverdue'), value: (e) => e.plan.overdue },
			],
		},
		// 验收 (issue 11): the reviewed score, its band and 自评 − 验收, blank for files without a review.
		{
			id: 'reviewTotal',
			label: text('overviewCsv.reviewTotal'),
			group: 'more',
			numeric: true,
			cell: (e) =>
				e.review
					? {
							text: f1(e.review.total),
							...(e.review.integrity === 'altered'
								? { tone: 'flag' as const, note: text('reviewOverview.integrity.altered') }
								: {}),
						}
					: { text: '—', note: text('reviewOverview.source.self') },
			sort: (e) => (e.review ? e.review.total : null),
			csv: [
				{ header: text('overviewCsv.reviewTotal'), value: (e) => (e.review ? e.review.total : '') },
				{
					header: text('overviewCsv.reviewBand'),
					value: (e) =>
						e.review ? (catalogue.bands.find((b) => b.id === e.review!.band)?.name ?? '') : '',
				},
			],
		},
		{
			id: 'reviewDiff',
			label: text('overviewCsv.reviewDiff'),
			group: 'more',
			numeric: true,
			cell: (e) => (e.review ? { text: f1(e.total - e.review.total) } : { text: '—' }),
			sort: (e) => (e.review ? round1(e.total - e.review.total) : null),
			csv: [
				{
					header: text('overviewCsv.reviewDiff'),
					value: (e) => (e.review ? round1(e.total - e.review.total) : ''),
				},
			],
		},
		{
			id: 'catalogue',
			label: text('overviewCsv.noteHead'),
			group: 'csv',
			cell: (e) => ({ text: e.olderCatalogue ? e.catalogueVersion : '' }),
			sort: (e) => e.catalogueVersion,
			csv: [
				{
					header: text('overviewCsv.noteHead'),
					value: (e) =>
						e.olderCatalogue
							? text('overviewCsv.olderCatalogue', { version: e.catalogueVersion }) +
								(e.missingCriteria.length
									? text('overviewCsv.missingCriteria', { ids: e.missingCriteria.join('、') })
									: '')
							: '',
				},
			],
		},
	];
	return columns;
}
