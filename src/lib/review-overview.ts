/**
 * The 上级工会 overview of 自评 against 验收: which score each branch is judged on, how far
 * its self-assessment was above the review, which branches rated themselves more than a
 * chosen number of points above it, and which criteria are most often over-rated.
 * Pure functions over `OverviewEntry` (aggregate.ts); the page only draws what they return.
 */
import type { Catalogue } from './catalogue-schema';
import type { BandId, OverviewEntry } from './aggregate';
import type { Integrity } from './review';
import { toCsv, type Cell } from './csv';

/** Points by which a self-score may exceed the 验收 before the branch is listed (user setting). */
export const DEFAULT_OVERRATE_THRESHOLD = 10;
/** Bounds of that setting. */
export const OVERRATE_THRESHOLD_RANGE = { min: 0, max: 100 } as const;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** One branch file: 自评, 验收 and 差值, and which of them the overview scores it on. */
export interface ReviewOverviewRow {
	fileName: string;
	branch: string;
	assessedOn: string;
	self: number;
	/** null when the file has no 验收. */
	review: number | null;
	/** 自评 − 验收 (positive: the branch rated itself higher); null without a 验收. */
	diff: number | null;
	/** The score the overview uses: the 验收 where there is one, else the 自评. */
	score: number;
	source: 'review' | 'self';
	band: BandId;
	/** Whether the 验收 covers every criterion. */
	reviewComplete: boolean | null;
	integrity: Integrity | null;
}

export function reviewOverviewRows(entries: readonly OverviewEntry[]): ReviewOverviewRow[] {
	return entries.map((e) => {
		const r = e.review;
		return {
			fileName: e.fileName,
			branch: e.branch,
			assessedOn: e.assessedOn,
			self: e.total,
			review: r ? r.total : null,
			diff: r ? r1(e.total - r.total) : null,
			score: r ? r.total : e.total,
			source: r ? 'review' : 'self',
			band: r ? r.band : e.band,
			reviewComplete: r ? r.complete : null,
			integrity: r ? r.integrity : null,
		};
	});
}

/** A threshold typed by the user, or why it cannot be used (the last valid one stays). */
export function parseThreshold(
	text: string,
): { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-number' | 'range' } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, reason: 'empty' };
	const value = Number(trimmed);
	if (!Number.isFinite(value)) return { ok: false, reason: 'not-number' };
	if (value < OVERRATE_THRESHOLD_RANGE.min || value > OVERRATE_THRESHOLD_RANGE.max)
		return { ok: false, reason: 'range' };
	return { ok: true, value };
}

/** Rows per page of the 自评 / 验收 table (the compare page's overview pages the same way). */
export const REVIEW_PAGE_SIZE = 100;
/** Over-rated branches listed on the page; the CSV has them all. */
export const OVER_RATED_SHOWN = 50;

/** Reviewed branches whose 自评 exceeds the 验收 by more than `threshold` points, largest gap first. */
export function overRatedBranches(
	rows: readonly ReviewOverviewRow[],
	threshold: number,
): ReviewOverviewRow[] {
	return rows
		.filter((r) => r.diff !== null && r.diff > threshold)
		.sort((a, b) => b.diff! - a.diff! || a.branch.localeCompare(b.branch, 'zh-CN'));
}

/**
 * The over-rated branches the page lists (the `OVER_RATED_SHOWN` largest differences) and
 * how many more there are; the CSV has them all.
 */
export function overRatedList(
	rows: readonly ReviewOverviewRow[],
	threshold: number,
): { shown: ReviewOverviewRow[]; more: number } {
	const over = overRatedBranches(rows, threshold);
	return {
		shown: over.slice(0, OVER_RATED_SHOWN),
		more: Math.max(0, over.length - OVER_RATED_SHOWN),
	};
}

/** A criterion the branches rated above what the 验收 found. */
export interface OverRatedCriterion {
	id: string;
	title: string;
	/** Reviewed files in which the branch's level was above the 验收 level. */
	overCount: number;
	/** Reviewed files in which both sides gave this criterion a level. */
	comparedCount: number;
	/** overCount ÷ comparedCount (0–1). */
	overShare: number;
	/** Mean of (自评 level − 验收 level) where over-rated. */
	meanGap: number;
}

const idOrder = new Intl.Collator('en', { numeric: true }).compare;

/** Criteria most often over-rated across reviewed files, most often first; at most `limit`. */
export function overRatedCriteria(
	entries: readonly OverviewEntry[],
	catalogue: Catalogue,
	limit = 10,
): OverRatedCriterion[] {
	const out: OverRatedCriterion[] = [];
	for (const c of catalogue.criteria) {
		let compared = 0;
		let over = 0;
		let gap = 0;
		for (const e of entries) {
			if (!e.review) continue;
			const self = e.criterionLevels[c.id];
			const review = e.review.criterionLevels[c.id];
			if (typeof self !== 'number' || typeof review !== 'number') continue;
			compared++;
			if (self > review) {
				over++;
				gap += self - review;
			}
		}
		if (over > 0)
			out.push({
				id: c.id,
				title: c.title,
				overCount: over,
				comparedCount: compared,
				overShare: over / compared,
				meanGap: r1(gap / over),
			});
	}
	return out
		.sort((a, b) => b.overCount - a.overCount || b.overShare - a.overShare || idOrder(a.id, b.id))
		.slice(0, limit);
}

/** Counts for the overview's heading line. */
export function reviewCounts(rows: readonly ReviewOverviewRow[]): {
	reviewed: number;
	selfOnly: number;
	altered: number;
} {
	return {
		reviewed: rows.filter((r) => r.source === 'review').length,
		selfOnly: rows.filter((r) => r.source === 'self').length,
		altered: rows.filter((r) => r.integrity === 'altered').length,
	};
}

/** Text of the 自评/验收 CSV, handed in so this module stays free of the strings file. */
export interface ReviewCsvLabels {
	/** Headers: branch, date, 自评, 验收, 差值, score used, its source, band, integrity. */
	head: readonly [string, string, string, string, string, string, string, string, string];
	source: Record<ReviewOverviewRow['source'], string>;
	integrity: Record<Integrity, string>;
	bandName: (id: BandId) => string;
}

/** 自评, 验收 and 差值 for every file, as CSV for Excel (BOM, formula-safe: see csv.ts). */
export function reviewOverviewCsv(
	rows: readonly ReviewOverviewRow[],
	labels: ReviewCsvLabels,
): string {
	const body: Cell[][] = rows.map((r) => [
		r.branch,
		r.assessedOn,
		r.self,
		r.review,
		r.diff,
		r.score,
		labels.source[r.source],
		labels.bandName(r.band),
		r.integrity ? labels.integrity[r.integrity] : '',
	]);
	return toCsv([[...labels.head], ...body]);
}
