/**
 * Overview across branches and over time: what a 上级工会 sees after dropping in many
 * result files. Pure functions only (no DOM), so the page script and the unit tests share
 * them; zod is reached only through `result-file.ts`.
 *
 * Flow: `loadResultFiles` → `OverviewEntry[]` → `summarise`, `rollUpSubunits`,
 * `compareOverTime` (one branch), `sortEntries` / `filterEntries` (the table) and
 * `overviewCsv` (the download).
 *
 * Conventions:
 * - a `share` is a fraction 0–1; a `percent` or `rate` is 0–100 (as typed into the checklist);
 * - figures are left unrounded here except where they come from `scoreAssessment`
 *   (already one decimal) and changes over time (rounded to one decimal so 0.1 + 0.2
 *   does not show as 0.30000000000000004); the UI rounds for display.
 */
import type { Catalogue } from './catalogue-schema';
import type { Assessment, Level, Profile } from './assessment';
import {
	checkFileSize,
	parseResultFile,
	safeJsonParse,
	type ImportError,
	type ParseOptions,
} from './result-file';
import { round1, scoreAssessment, type BandResult } from './scoring';
import { toCsv, type Cell } from './csv';
import { localDay, planProgress } from './plan';

/** A band id: qibu, jianshe, hege or mofan. */
export type BandId = BandResult['id'];
/** union (基层工会 as a whole) or subunit (分工会、工会小组). */
export type Scope = Profile['scope'];

/** Bands from lowest to highest, the order used for counts, sorting and the CSV. */
export const BAND_ORDER: readonly BandId[] = ['qibu', 'jianshe', 'hege', 'mofan'];

/** The category whose criteria decide whether a sub-unit runs 建小家 activities. */
export const SUBUNIT_CATEGORY = 'H';

/** Site's own rule: a sub-unit is "active" when its 建小家 criteria average at least this level (基本落实). */
export const ACTIVE_MEAN_LEVEL = 2;

/** A dropped file as the page hands it over: its name, text and size in bytes. */
export interface FileInput {
	name: string;
	text: string;
	size: number;
}

/** Options for `loadResultFiles`: those of `parseResultFile` (unknown criteria are always allowed here). */
export type LoadOptions = Omit<ParseOptions, 'rejectUnknownCriteria'> & {
	/**
	 * Band marks to score every file with. Each file carries its own 合格/模范 marks; a
	 * 上级工会 comparing branches usually wants one set for all, so bands are comparable.
	 * Left out, each file's own marks are used.
	 */
	marks?: { passMark: number; modelMark: number };
};

/** Why a file was not loaded: an import error, or a duplicate naming the file kept. */
export type RejectReason = ImportError | { code: 'duplicate'; detail: string };

/** A file that was not loaded. */
export interface Rejected {
	name: string;
	reason: RejectReason;
}

/** One loaded result file, scored against the current catalogue. */
export interface OverviewEntry {
	fileName: string;
	/** Display name of the branch (see `branchName`). */
	branch: string;
	unitName: string;
	unionName: string;
	scope: Scope;
	parentUnion: string;
	/** YYYY-MM-DD, or empty when the file has no date. */
	assessedOn: string;
	total: number;
	base: number;
	bonus: number;
	band: BandId;
	/** Whether 必备/否决 held the band below 模范. */
	capped: boolean;
	completionPercent: number;
	complete: boolean;
	/** Category percent (one decimal), null when no criterion of it applies. */
	categoryPercents: Record<string, number | null>;
	/** Level per current criterion: 0–3, null when unanswered, 'na' when 不适用. */
	criterionLevels: Record<string, Level | null | 'na'>;
	/** The catalogue version the file was filled against. */
	catalogueVersion: string;
	/** The file was filled against another catalogue version than the current one. */
	olderCatalogue: boolean;
	/** Current criteria the file's catalogue did not have (scored as unanswered). */
	missingCriteria: string[];
	/** 情况说明 per current criterion, only where not blank. */
	notes: Record<string, string>;
	/** 整改计划 progress on the day the files were loaded (files before version 4 have no tasks). */
	plan: PlanFigures;
}

/** A branch's plan in figures: tasks, 已完成, 逾期, and the share done (0–100, null without tasks). */
export interface PlanFigures {
	tasks: number;
	done: number;
	overdue: number;
	percentDone: number | null;
}

/** What `loadResultFiles` returns. */
export interface LoadResult {
	entries: OverviewEntry[];
	rejected: Rejected[];
}

/** Trims and collapses runs of whitespace (including the full-width space) to one space. */
export function normaliseName(name: string): string {
	return name.replace(/\s+/g, ' ').trim();
}

/** The name shown for a branch: 单位 and 工会 names joined unless one already contains the other. */
export function branchName(
	profile: { unitName: string; unionName: string },
	fallback = '',
): string {
	const unit = normaliseName(profile.unitName);
	const union = normaliseName(profile.unionName);
	if (!unit) return union || fallback;
	if (!union || union.includes(unit)) return union || unit;
	if (unit.includes(union)) return unit;
	return `${unit}·${union}`;
}

/**
 * Identity of a branch across files: normalised 单位 + 工会 names. A file with neither
 * name cannot be matched to anything, so it is keyed by its file name instead (two
 * anonymous files are then never taken for the same branch).
 */
export function branchKey(entry: {
	unitName: string;
	unionName: string;
	fileName: string;
}): string {
	const unit = normaliseName(entry.unitName);
	const union = normaliseName(entry.unionName);
	if (!unit && !union) return `\u0001file\u0000${entry.fileName}`;
	return `${unit}\u0000${union}`;
}

/**
 * Ids of the criteria in the catalogue the file was written against: the file's own
 * `scores.criteria` list (every criterion of its catalogue); version 1 files have no
 * scores, so their answered ids stand in. The text has already passed `parseResultFile`,
 * so parsing it again is safe; this runs only for files of another catalogue version.
 */
function fileCriterionIds(text: string, assessment: Assessment): Set<string> {
	const data = safeJsonParse(text) as { scores?: { criteria?: { id: string }[] } };
	const listed = data.scores?.criteria;
	return new Set(listed ? listed.map((c) => c.id) : Object.keys(assessment.answers));
}

function toEntry(file: FileInput, parsed: Assessment, opts: LoadOptions): OverviewEntry {
	const { catalogue } = opts;
	const olderCatalogue = parsed.catalogueVersion !== catalogue.version;
	let missingCriteria: string[] = [];
	let assessment = parsed;
	if (olderCatalogue) {
		const had = fileCriterionIds(file.text, parsed);
		missingCriteria = catalogue.criteria.filter((c) => !had.has(c.id)).map((c) => c.id);
		// Criteria new in the current catalogue count as not answered, whatever the file holds.
		if (missingCriteria.length) {
			const answers = { ...parsed.answers };
			for (const id of missingCriteria) delete answers[id];
			assessment = { ...assessment, answers };
		}
	}
	if (opts.marks) assessment = { ...assessment, settings: { ...opts.marks } };
	// scoreAssessment walks the current catalogue only, so answers to criteria it no
	// longer has are ignored and the comparison is on matching criteria.
	const score = scoreAssessment(catalogue, assessment);

	const categoryPercents: Record<string, number | null> = {};
	for (const k of score.categories)
		categoryPercents[k.id] = k.percent === null ? null : round1(k.percent);
	const criterionLevels: Record<string, Level | null | 'na'> = {};
	const notes: Record<string, string> = {};
	for (const c of score.criteria) {
		criterionLevels[c.id] = c.status === 'na' ? 'na' : c.level;
		const note = assessment.answers[c.id]?.note.trim();
		if (note) notes[c.id] = note;
	}
	const p = assessment.profile;
	return {
		fileName: file.name,
		branch: branchName(p, file.name),
		unitName: normaliseName(p.unitName),
		unionName: normaliseName(p.unionName),
		scope: p.scope,
		parentUnion: normaliseName(p.parentUnion),
		assessedOn: p.assessedOn,
		total: score.total,
		base: score.base,
		bonus: score.bonus,
		band: score.band.id,
		capped: score.capped,
		completionPercent: score.completion.percent,
		complete: score.completion.complete,
		categoryPercents,
		criterionLevels,
		catalogueVersion: parsed.catalogueVersion,
		olderCatalogue,
		missingCriteria,
		notes,
		plan: planFigures(assessment, opts.now),
	};
}

/** The plan figures of one assessment on the day `now` (local date). */
export function planFigures(assessment: Pick<Assessment, 'plan'>, now: Date): PlanFigures {
	const p = planProgress(assessment.plan, localDay(now));
	return { tasks: p.total, done: p.done, overdue: p.overdue, percentDone: p.percentDone };
}

/**
 * Reads, checks and scores many result files. Files are taken in the order given; of
 * several files for the same branch and 评估日期 the first loads and the rest are
 * rejected as duplicates naming the file kept (an undated file counts as dated "").
 */
export function loadResultFiles(files: readonly FileInput[], opts: LoadOptions): LoadResult {
	const entries: OverviewEntry[] = [];
	const rejected: Rejected[] = [];
	const kept = new Map<string, string>();
	for (const file of files) {
		const sizeError = checkFileSize(file.size);
		if (sizeError) {
			rejected.push({ name: file.name, reason: sizeError });
			continue;
		}
		const parsed = parseResultFile(file.text, { ...opts, rejectUnknownCriteria: false });
		if (!parsed.ok) {
			rejected.push({ name: file.name, reason: parsed.error });
			continue;
		}
		const p = parsed.assessment.profile;
		// Checked before scoring so a pile of duplicates costs little.
		const key = `${branchKey({ ...p, fileName: file.name })}\u0000${p.assessedOn}`;
		const first = kept.get(key);
		if (first !== undefined) {
			rejected.push({ name: file.name, reason: { code: 'duplicate', detail: first } });
			continue;
		}
		kept.set(key, file.name);
		entries.push(toEntry(file, parsed.assessment, opts));
	}
	return { entries, rejected };
}

// ---------------------------------------------------------------- statistics

/**
 * Percentile by linear interpolation between closest ranks, the method of Excel's
 * PERCENTILE.INC, LibreOffice PERCENTILE and NumPy's default ("linear", Hyndman & Fan
 * type 7): rank h = (n − 1)·p on 0-based sorted values, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * `sorted` must be ascending; p is 0–1. Returns null for no values.
 */
export function percentileInc(sorted: readonly number[], p: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be within 0–1, got ${p}`);
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Descriptive figures for one set of values. */
export interface Stats {
	n: number;
	mean: number;
	min: number;
	max: number;
	/** Population standard deviation (the loaded branches are the whole group described, not a sample). */
	sd: number;
	median: number;
	/** Lower quartile, PERCENTILE.INC(values, 0.25). */
	p25: number;
	/** Mean of the lowest ⌈n/4⌉ values: how the weakest quarter of branches stands. */
	weakestQuarterMean: number;
}

/** Mean, spread and quartiles of a set of values, or null when there are none. */
export function describeValues(values: readonly number[]): Stats | null {
	const n = values.length;
	if (n === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.reduce((s, x) => s + x, 0) / n;
	const variance = sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
	// ⌈n/4⌉ so that 1–4 branches still give a weakest quarter of one branch.
	const quarter = sorted.slice(0, Math.ceil(n / 4));
	return {
		n,
		mean,
		min: sorted[0]!,
		max: sorted[n - 1]!,
		sd: Math.sqrt(variance),
		median: percentileInc(sorted, 0.5)!,
		p25: percentileInc(sorted, 0.25)!,
		weakestQuarterMean: quarter.reduce((s, x) => s + x, 0) / quarter.length,
	};
}

/** One bar of the totals histogram: totals t with from ≤ t < to + 1 (the top bin also takes ≥ 100). */
export interface HistogramBin {
	from: number;
	to: number;
	label: string;
	count: number;
}

/**
 * Totals in bins of 10 points: 0–9, 10–19, …, 80–89, 90–100. Bonus points can push a
 * total above 100 (up to 105); those go to the top bin rather than a bin of their own.
 */
export function histogram(totals: readonly number[]): HistogramBin[] {
	const bins: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({
		from: i * 10,
		to: i === 9 ? 100 : i * 10 + 9,
		label: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`,
		count: 0,
	}));
	for (const t of totals) {
		// The small epsilon keeps a total such as 30 (stored as 29.999…) in its own bin.
		const i = Math.min(9, Math.max(0, Math.floor(t / 10 + 1e-9)));
		bins[i]!.count++;
	}
	return bins;
}

/** A criterion often answered at 未开展 or 有制度未落实. */
export interface WeakCriterion {
	id: string;
	title: string;
	/** Entries answering it at level 0 or 1. */
	weakCount: number;
	/** weakCount ÷ answeredCount (0–1). */
	weakShare: number;
	/** Entries with a level for it (not unanswered, not 不适用). */
	answeredCount: number;
	/** Guidance page for it. */
	guide: string;
}

/** Everything `summarise` works out. */
export interface Summary {
	count: number;
	/** Figures for the totals. */
	total: Stats | null;
	/** Figures per category, in catalogue order; null stats when no entry has a percent for it. */
	categories: { id: string; title: string; bonus: boolean; stats: Stats | null }[];
	histogram: HistogramBin[];
	/** Entries per band, lowest band first; share 0–1. */
	bands: { id: BandId; name: string; count: number; share: number }[];
	/** Base criteria with at least one weak answer, most often weak first. */
	weakCriteria: WeakCriterion[];
	completeCount: number;
	/** Share of entries with every applicable criterion answered (0–1), null with no entries. */
	completeShare: number | null;
}

/** Compares criterion ids so that A2 comes before A10. */
const idOrder = new Intl.Collator('en', { numeric: true }).compare;

/** Per-category figures, the totals' histogram, band counts, most often weak criteria and completeness. */
export function summarise(entries: readonly OverviewEntry[], catalogue: Catalogue): Summary {
	const count = entries.length;
	const categories = catalogue.categories.map((k) => {
		const values: number[] = [];
		for (const e of entries) {
			const v = e.categoryPercents[k.id];
			if (typeof v === 'number') values.push(v);
		}
		return { id: k.id, title: k.title, bonus: k.bonus === true, stats: describeValues(values) };
	});

	const bands = BAND_ORDER.map((id) => {
		const n = entries.filter((e) => e.band === id).length;
		return {
			id,
			name: catalogue.bands.find((b) => b.id === id)?.name ?? id,
			count: n,
			share: count ? n / count : 0,
		};
	});

	// Bonus criteria are extras most branches do not have; counting their level 0 as
	// "weak" would crowd the list, so only base criteria are listed.
	const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
	const weakCriteria: WeakCriterion[] = [];
	for (const c of catalogue.criteria) {
		if (bonusCats.has(c.category)) continue;
		let answeredCount = 0;
		let weakCount = 0;
		for (const e of entries) {
			const level = e.criterionLevels[c.id];
			if (typeof level !== 'number') continue;
			answeredCount++;
			if (level <= 1) weakCount++;
		}
		if (weakCount > 0)
			weakCriteria.push({
				id: c.id,
				title: c.title,
				weakCount,
				weakShare: weakCount / answeredCount,
				answeredCount,
				guide: c.guide,
			});
	}
	weakCriteria.sort((a, b) => b.weakShare - a.weakShare || idOrder(a.id, b.id));

	const completeCount = entries.filter((e) => e.complete).length;
	return {
		count,
		total: describeValues(entries.map((e) => e.total)),
		categories,
		histogram: histogram(entries.map((e) => e.total)),
		bands,
		weakCriteria,
		completeCount,
		completeShare: count ? completeCount / count : null,
	};
}

// ---------------------------------------------------------------- sub-units

/** One sub-unit as counted in its parent's roll-up. */
export interface SubunitLine {
	branch: string;
	fileName: string;
	assessedOn: string;
	band: BandId;
	/** Mean level of its 建小家 criteria answered, null when none is. */
	meanLevel: number | null;
	active: boolean;
}

/** Roll-up of the sub-units of one 基层工会. */
export interface SubunitRollUp {
	/** As written in the files (normalised); empty when sub-units did not name it. */
	parentUnion: string;
	/** Sub-units counted (each once, by its latest file). */
	count: number;
	/** Sub-units per band, lowest first; share 0–1. */
	bands: { id: BandId; count: number; share: number }[];
	/** Sub-units counted as running 建小家 activities (site's rule, see `rollUpSubunits`). */
	activeCount: number;
	/** Sub-units with no 建小家 criterion answered (counted as not active). */
	unknownCount: number;
	/** 建小家活动率 in percent (0–100), the figure criterion H1 asks for. */
	activityRate: number;
	subunits: SubunitLine[];
}

const zhOrder = new Intl.Collator('zh-Hans-CN', { numeric: true }).compare;

/**
 * Sub-unit (分工会、工会小组) roll-up per parent 基层工会: count, share at each band and
 * 建小家活动率 = active sub-units ÷ all sub-units × 100.
 *
 * "Active" is the site's own rule (no source defines it for self-assessment): a sub-unit
 * runs 建小家 activities when the mean level of its answered 建小家 (category H)
 * criteria is at least 2, 基本落实. N/A and unanswered criteria are left out of the mean;
 * a sub-unit with none answered is not evidenced as active, so it counts as not active
 * (and is reported in `unknownCount`). Each sub-unit counts once, by its latest file, so
 * several years of files do not inflate the count. Parents are sorted by name.
 */
export function rollUpSubunits(
	entries: readonly OverviewEntry[],
	categoryId: string = SUBUNIT_CATEGORY,
): SubunitRollUp[] {
	const latest = new Map<string, Map<string, OverviewEntry>>();
	for (const e of entries) {
		if (e.scope !== 'subunit') continue;
		const parent = normaliseName(e.parentUnion);
		let group = latest.get(parent);
		if (!group) latest.set(parent, (group = new Map()));
		const key = branchKey(e);
		const prev = group.get(key);
		if (!prev || e.assessedOn > prev.assessedOn) group.set(key, e);
	}
	const prefix = new RegExp(`^${categoryId}\\d`);
	const result: SubunitRollUp[] = [];
	for (const [parentUnion, group] of latest) {
		const subunits: SubunitLine[] = [...group.values()].map((e) => {
			const levels = Object.entries(e.criterionLevels)
				.filter(([id, level]) => prefix.test(id) && typeof level === 'number')
				.map(([, level]) => level as number);
			const meanLevel = levels.length ? levels.reduce((s, x) => s + x, 0) / levels.length : null;
			return {
				branch: e.branch,
				fileName: e.fileName,
				assessedOn: e.assessedOn,
				band: e.band,
				meanLevel,
				active: meanLevel !== null && meanLevel >= ACTIVE_MEAN_LEVEL,
			};
		});
		const count = subunits.length;
		const activeCount = subunits.filter((s) => s.active).length;
		result.push({
			parentUnion,
			count,
			bands: BAND_ORDER.map((id) => {
				const n = subunits.filter((s) => s.band === id).length;
				return { id, count: n, share: n / count };
			}),
			activeCount,
			unknownCount: subunits.filter((s) => s.meanLevel === null).length,
			activityRate: (activeCount / count) * 100,
			subunits: subunits.sort((a, b) => zhOrder(a.branch, b.branch)),
		});
	}
	return result.sort((a, b) => zhOrder(a.parentUnion, b.parentUnion));
}

// ---------------------------------------------------------------- over time

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

/** What `compareOverTime` returns. */
export interface TimeComparison {
	points: { fileName: string; assessedOn: string; total: number; band: BandId }[];
	total: Series;
	/** Per category id, in the order the entries list them (catalogue order). */
	categories: ({ id: string } & Series)[];
	/** In date order, then catalogue order. */
	criterionChanges: CriterionChange[];
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
	for (let i = 1; i < list.length; i++) {
		const before = list[i - 1]!;
		const after = list[i]!;
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
	};
}

// ---------------------------------------------------------------- table helpers

/** Columns the overview table sorts by; `category:X` sorts by category X's percent. */
export type SortKey =
	| 'branch'
	| 'unitName'
	| 'unionName'
	| 'parentUnion'
	| 'scope'
	| 'assessedOn'
	| 'total'
	| 'base'
	| 'bonus'
	| 'band'
	| 'completionPercent'
	| 'plan'
	| `category:${string}`;

function sortValue(e: OverviewEntry, key: SortKey): string | number | null {
	if (key.startsWith('category:')) return e.categoryPercents[key.slice('category:'.length)] ?? null;
	switch (key) {
		case 'band':
			return BAND_ORDER.indexOf(e.band);
		case 'plan':
			// Share done; an empty plan sorts last either way.
			return e.plan.percentDone;
		case 'branch':
		case 'unitName':
		case 'unionName':
		case 'parentUnion':
		case 'scope':
		case 'assessedOn':
			return e[key] === '' ? null : e[key];
		default:
			return e[key as 'total' | 'base' | 'bonus' | 'completionPercent'];
	}
}

/**
 * A sorted copy. Stable: equal rows keep their order in either direction. Names sort in
 * Chinese (pinyin) collation; blanks and nulls (no date, 不适用 category) go last either way.
 */
export function sortEntries(
	entries: readonly OverviewEntry[],
	key: SortKey,
	direction: 'asc' | 'desc' = 'asc',
): OverviewEntry[] {
	const sign = direction === 'asc' ? 1 : -1;
	const rows = entries.map((entry, index) => ({ entry, index, value: sortValue(entry, key) }));
	rows.sort((a, b) => {
		if (a.value === null || b.value === null) {
			if (a.value === b.value) return a.index - b.index;
			return a.value === null ? 1 : -1;
		}
		const cmp =
			typeof a.value === 'number' && typeof b.value === 'number'
				? a.value - b.value
				: zhOrder(String(a.value), String(b.value));
		return cmp * sign || a.index - b.index;
	});
	return rows.map((r) => r.entry);
}

/** Filters for the overview table; anything left out does not filter. */
export interface EntryFilter {
	/** Case-insensitive substring of the branch, 单位 or 工会 name. */
	text?: string;
	band?: BandId | '';
	scope?: Scope | '';
	completeOnly?: boolean;
}

/** Entries matching every given filter, in their original order. */
export function filterEntries(
	entries: readonly OverviewEntry[],
	filter: EntryFilter,
): OverviewEntry[] {
	const text = normaliseName(filter.text ?? '').toLowerCase();
	return entries.filter(
		(e) =>
			(!text ||
				[e.branch, e.unitName, e.unionName].some((name) => name.toLowerCase().includes(text))) &&
			(!filter.band || e.band === filter.band) &&
			(!filter.scope || e.scope === filter.scope) &&
			(!filter.completeOnly || e.complete),
	);
}

// ---------------------------------------------------------------- CSV

/** Text of the overview CSV, passed in so the module stays free of the strings file. */
export interface OverviewCsvLabels {
	/** Headers of the fixed columns: unit, union, scope, parent, date, total, base, bonus, band, completion. */
	head: readonly [string, string, string, string, string, string, string, string, string, string];
	/** Headers of the 整改计划 columns: tasks, 已完成, 逾期. */
	planHead: readonly [string, string, string];
	/** Header of the last column, the catalogue-version note. */
	noteHead: string;
	/** The scope of each entry. */
	scope: Record<Scope, string>;
	/** Cell for a category whose criteria are all 不适用. */
	na: string;
	/** Note for an entry filled on an older catalogue, given its version. */
	olderCatalogue: (version: string) => string;
	/** Added to that note, given the criteria the older catalogue lacked. */
	missingCriteria: (ids: readonly string[]) => string;
}

/** The catalogue-version note: empty for the current catalogue, else which version and what was missing. */
function catalogueNote(e: OverviewEntry, labels: OverviewCsvLabels): string {
	if (!e.olderCatalogue) return '';
	return (
		labels.olderCatalogue(e.catalogueVersion) +
		(e.missingCriteria.length ? labels.missingCriteria(e.missingCriteria) : '')
	);
}

/** The overview as CSV for Excel: one row per entry, category percents, and a catalogue-version note. */
export function overviewCsv(
	entries: readonly OverviewEntry[],
	catalogue: Catalogue,
	labels: OverviewCsvLabels,
): string {
	const header: Cell[] = [
		...labels.head,
		...catalogue.categories.map((k) => k.title),
		...labels.planHead,
		labels.noteHead,
	];
	const bandName = (id: BandId) => catalogue.bands.find((b) => b.id === id)?.name ?? id;
	const rows: Cell[][] = entries.map((e) => [
		e.unitName,
		e.unionName,
		labels.scope[e.scope],
		e.parentUnion,
		e.assessedOn,
		e.total,
		e.base,
		e.bonus,
		bandName(e.band),
		e.completionPercent,
		...catalogue.categories.map((k) => {
			const v = e.categoryPercents[k.id];
			return typeof v === 'number' ? v : labels.na;
		}),
		e.plan.tasks,
		e.plan.done,
		e.plan.overdue,
		catalogueNote(e, labels),
	]);
	return toCsv([header, ...rows]);
}

/** What the compare page says when the files were filled against more than one catalogue version. */
export interface CatalogueVersionNote {
	/** Every catalogue version among the files, oldest first, the current one included when present. */
	versions: string[];
	/** The current catalogue version (what every file is scored against). */
	current: string;
	/** Criteria the older files have no answer to (scored 未评, 0 points), from the change list. */
	added: string[];
	/** Their points in the current catalogue: at most this much of an older file's total is missing. */
	addedPoints: number;
	/** Criteria whose points changed since the oldest version among the files. */
	reweighted: string[];
}

/**
 * The note for a comparison across catalogue versions, or null when every file has the same
 * version as the current catalogue. Every file is scored against the current catalogue, so
 * totals are on one scale, but an older file has no answer to the criteria added since and
 * loses up to `addedPoints` until it is opened in the checklist and those are answered.
 */
export function catalogueVersionNote(
	entries: readonly Pick<OverviewEntry, 'catalogueVersion'>[],
	catalogue: Catalogue,
): CatalogueVersionNote | null {
	const collator = new Intl.Collator('en', { numeric: true });
	const versions = [...new Set(entries.map((e) => e.catalogueVersion))].sort(collator.compare);
	const older = versions.filter((v) => v !== catalogue.version);
	if (!older.length) return null;
	const added = new Set<string>();
	const reweighted = new Set<string>();
	for (const version of older) {
		let at = catalogue.version;
		while (at !== version) {
			const step = catalogue.changes.find((c) => c.version === at);
			if (!step) break;
			for (const id of step.added) added.add(id);
			for (const id of step.reweighted) reweighted.add(id);
			at = step.from;
		}
	}
	const addedIds = catalogue.criteria.filter((c) => added.has(c.id));
	const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
	return {
		versions,
		current: catalogue.version,
		added: addedIds.map((c) => c.id),
		addedPoints: addedIds
			.filter((c) => !bonusCats.has(c.category))
			.reduce((s, c) => s + c.points, 0),
		reweighted: catalogue.criteria.filter((c) => reweighted.has(c.id)).map((c) => c.id),
	};
}
