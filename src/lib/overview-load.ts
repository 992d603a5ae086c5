/**
 * Loading for the 上级工会 overview: one result file in, one scored `OverviewEntry` out.
 * Pure (no DOM); zod is reached only through `result-file.ts`. The compare page runs
 * this in a Web Worker (src/scripts/compare-worker.ts), the roll-up command in Node.
 *
 * Conventions:
 * - a `share` is a fraction 0–1; a `percent` or `rate` is 0–100 (as typed into the checklist);
 * - figures are left unrounded here except where they come from `scoreAssessment`
 *   (already one decimal); the UI rounds for display.
 */
import { localDay, planProgress, type ReviewTask } from './plan';
import type { Assessment, Level, Profile } from './assessment';
import {
	checkFileSize,
	parseResultFile,
	safeJsonParse,
	type ImportError,
	type ParseOptions,
} from './result-file';
import { round1, scoreAssessment, type BandResult } from './scoring';
import { compareUnitNames } from './unit-order';
import { branchCanonical, isReviewed, type Integrity, type Review } from './review';
import { reviewedAssessment } from './review-score';
import type { Catalogue } from './catalogue-schema';

/** A band id: qibu, jianshe, hege or mofan. */
export type BandId = BandResult['id'];
/** union (基层工会 as a whole) or subunit (分工会、工会小组). */
export type Scope = Profile['scope'];

/** Bands from lowest to highest, the order used for counts, sorting and the CSV. */
export const BAND_ORDER: readonly BandId[] = ['qibu', 'jianshe', 'hege', 'mofan'];

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
	/** The band the total alone would give, before 必备/否决 caps. */
	uncappedBand: BandId;
	/** Ids of the 否决 conditions the file reports as present (V1 …). */
	vetoes: string[];
	/** Ids of the 否决 questions not answered yet (they also keep the band below 模范). */
	unansweredVetoes: string[];
	/** Ids of 必备 criteria below 基本落实 (or unanswered). */
	missingRequired: string[];
	/** Criteria answered and criteria that apply (not 不适用), over the whole catalogue. */
	answeredCount: number;
	applicableCount: number;
	completionPercent: number;
	complete: boolean;
	/** Category percent (one decimal), null when no criterion of it applies. */
	categoryPercents: Record<string, number | null>;
	/**
	 * Per category: criteria answered and criteria that apply. A category that applies
	 * with none answered is 未评, not 0; one partly answered scores its unanswered as 0.
	 */
	categoryAnswered: Record<string, { answered: number; applicable: number }>;
	/** The three answered base criteria that lose most points, largest first. */
	topLosses: Loss[];
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
	/** The file's 整改计划 tasks in brief, in plan order (for the over-time view). */
	planTasks: ReviewTask[];
	/**
	 * The earlier plan this assessment was started from (为下一年开始), as it stood then:
	 * its date and tasks; null when the assessment was not started from another.
	 */
	planReview: { fromAssessedOn: string; tasks: ReviewTask[] } | null;
	/** The 验收 of a reviewed result file, scored the same way; null for a self-assessment only. */
	review: EntryReview | null;
}

/** What the overview keeps of a file's 验收 (version 5 reviewed result files). */
export interface EntryReview {
	total: number;
	base: number;
	bonus: number;
	band: BandId;
	capped: boolean;
	/** 验收 level per current criterion, as `criterionLevels`. */
	criterionLevels: Record<string, Level | null | 'na'>;
	/** Every current criterion has a 验收 finding. */
	complete: boolean;
	reviewer: string;
	organisation: string;
	reviewedOn: string;
	/** The hash the review recorded, and the branch's part to check it against (see review.ts). */
	recordedHash: string;
	branchCanonical: string;
	/** Set by the page once it has hashed `branchCanonical` (Web Crypto is asynchronous). */
	integrity: Integrity;
}

function entryReview(
	parsed: Assessment,
	scored: Assessment,
	review: Review,
	catalogue: Catalogue,
): EntryReview {
	const score = scoreAssessment(catalogue, reviewedAssessment(scored, review));
	const criterionLevels: Record<string, Level | null | 'na'> = {};
	for (const c of score.criteria) criterionLevels[c.id] = c.status === 'na' ? 'na' : c.level;
	return {
		total: score.total,
		base: score.base,
		bonus: score.bonus,
		band: score.band.id,
		capped: score.capped,
		criterionLevels,
		complete: catalogue.criteria.every((c) => isReviewed(review.criteria[c.id])),
		reviewer: normaliseName(review.reviewer.name),
		organisation: normaliseName(review.reviewer.organisation),
		reviewedOn: review.reviewedOn,
		recordedHash: review.branchHash,
		branchCanonical: branchCanonical(parsed.catalogueVersion, parsed),
		integrity: 'unchecked',
	};
}

/** A branch's plan in figures: tasks, 已完成, 逾期, and the share done (0–100, null without tasks). */
export interface PlanFigures {
	tasks: number;
	done: number;
	overdue: number;
	percentDone: number | null;
}

/** The plan figures of one assessment on the day `now` (local date). */
export function planFigures(assessment: Pick<Assessment, 'plan'>, now: Date): PlanFigures {
	const p = planProgress(assessment.plan, localDay(now));
	return { tasks: p.total, done: p.done, overdue: p.overdue, percentDone: p.percentDone };
}

/** What the over-time view keeps of a task: no owner, measures or log. */
function taskBrief(t: ReviewTask): ReviewTask {
	return { id: t.id, criterion: t.criterion, title: t.title, status: t.status, doneOn: t.doneOn };
}

/** Points an answered criterion loses in the total, after renormalisation. */
export interface Loss {
	id: string;
	/** Points lost (one decimal). */
	lost: number;
	level: Level;
}

/** How many 失分项 an entry keeps for its summary. */
export const TOP_LOSSES = 3;

/** What `loadResultFiles` returns. */
export interface LoadResult {
	entries: OverviewEntry[];
	rejected: Rejected[];
}

/** Compares names the way a Chinese reader expects, numbers in numeric order (单位2 before 单位10). */
export const nameOrder = compareUnitNames;

/** Compares criterion ids so that A2 comes before A10. */
export const idOrder = new Intl.Collator('en', { numeric: true }).compare;

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

function toEntry(
	file: FileInput,
	parsed: Assessment,
	opts: LoadOptions,
	review: Review | null = null,
): OverviewEntry {
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
	const categoryAnswered: Record<string, { answered: number; applicable: number }> = {};
	for (const k of score.categories)
		categoryAnswered[k.id] = { answered: k.answered, applicable: k.applicable };
	const criterionLevels: Record<string, Level | null | 'na'> = {};
	const notes: Record<string, string> = {};
	const topLosses: Loss[] = score.criteria
		.filter((c) => !c.bonus && c.status === 'answered' && c.level !== null && c.lost > 0.05)
		.sort((a, b) => b.lost - a.lost || idOrder(a.id, b.id))
		.slice(0, TOP_LOSSES)
		.map((c) => ({ id: c.id, lost: round1(c.lost), level: c.level as Level }));
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
		uncappedBand: score.uncappedBand.id,
		vetoes: [...score.vetoes],
		unansweredVetoes: [...score.unansweredVetoes],
		missingRequired: [...score.missingRequired],
		answeredCount: score.completion.answered,
		applicableCount: score.completion.total,
		completionPercent: score.completion.percent,
		complete: score.completion.complete,
		categoryPercents,
		categoryAnswered,
		topLosses,
		criterionLevels,
		catalogueVersion: parsed.catalogueVersion,
		olderCatalogue,
		missingCriteria,
		notes,
		plan: planFigures(parsed, opts.now),
		planTasks: parsed.plan.tasks.map(taskBrief),
		planReview: parsed.plan.review
			? {
					fromAssessedOn: parsed.plan.review.fromAssessedOn,
					tasks: parsed.plan.review.tasks.map(taskBrief),
				}
			: null,
		review: review ? entryReview(parsed, assessment, review, catalogue) : null,
	};
}

/** What `scoreFile` gives for one file: its entry, or why it was not loaded. */
export type FileOutcome = { ok: true; entry: OverviewEntry } | { ok: false; reason: ImportError };

/** Reads, checks and scores one result file (size cap, safe JSON, schema, migrations). */
export function scoreFile(file: FileInput, opts: LoadOptions): FileOutcome {
	const sizeError = checkFileSize(file.size);
	if (sizeError) return { ok: false, reason: sizeError };
	const parsed = parseResultFile(file.text, { ...opts, rejectUnknownCriteria: false });
	if (!parsed.ok) return { ok: false, reason: parsed.error };
	return { ok: true, entry: toEntry(file, parsed.assessment, opts, parsed.review) };
}

/** The key two copies of one assessment share: the branch (see `branchKey`) and the 评估日期. */
export function copyKey(entry: {
	unitName: string;
	unionName: string;
	fileName: string;
	assessedOn: string;
}): string {
	return `${branchKey(entry)}\u0000${entry.assessedOn}`;
}

/**
 * Reads, checks and scores many result files. Files are taken in the order given; of
 * several files for the same branch and 评估日期 the first loads and the rest are
 * rejected as duplicates naming the file kept (an undated file counts as dated "").
 * The compare page does not drop copies this way: it shows them and lets the reader
 * choose (see `resolveCopies` in compare-view.ts).
 */
export function loadResultFiles(files: readonly FileInput[], opts: LoadOptions): LoadResult {
	const entries: OverviewEntry[] = [];
	const rejected: Rejected[] = [];
	const kept = new Map<string, string>();
	for (const file of files) {
		const outcome = scoreFile(file, opts);
		if (!outcome.ok) {
			rejected.push({ name: file.name, reason: outcome.reason });
			continue;
		}
		const key = copyKey(outcome.entry);
		const first = kept.get(key);
		if (first !== undefined) {
			rejected.push({ name: file.name, reason: { code: 'duplicate', detail: first } });
			continue;
		}
		kept.set(key, file.name);
		entries.push(outcome.entry);
	}
	return { entries, rejected };
}
