/**
 * 验收 scores and the 自评 / 验收 comparison, all by the same `scoreAssessment` as the
 * self-assessment: the reviewed answers are the branch's assessment with each level,
 * rate, 不适用 and 否决 answer replaced by the reviewer's (notes and evidence stay the
 * branch's). A criterion the reviewer has not reviewed counts as unanswered in the 验收
 * score, so an unfinished review never borrows the branch's own marks.
 */
import type { Catalogue } from './catalogue-schema';
import type { Assessment, Level } from './assessment';
import { scoreAssessment, type ScoreResult } from './scoring';
import {
	emptyReviewCriterion,
	isReviewed,
	type Review,
	type ReviewCriterion,
	type ReviewMethod,
	type ReviewScores,
} from './review';

/** The branch's assessment as the reviewer found it (a new object; the branch's is untouched). */
export function reviewedAssessment(branch: Assessment, review: Review): Assessment {
	const answers: Assessment['answers'] = {};
	const ids = new Set([...Object.keys(branch.answers), ...Object.keys(review.criteria)]);
	for (const id of ids) {
		const own = branch.answers[id];
		const r = review.criteria[id] ?? emptyReviewCriterion();
		answers[id] = {
			level: r.level,
			na: r.na,
			naReason: own?.naReason ?? '',
			rate: r.rate,
			evidence: own ? [...own.evidence] : [],
			note: own?.note ?? '',
		};
	}
	return { ...branch, answers, vetoes: { ...review.vetoes } };
}

/** Scores of the reviewed answers. */
export function scoreReview(catalogue: Catalogue, branch: Assessment, review: Review): ScoreResult {
	return scoreAssessment(catalogue, reviewedAssessment(branch, review));
}

/** The informative `scores` block written into a review. */
export function reviewScoresBlock(score: ScoreResult): ReviewScores {
	return {
		base: score.base,
		bonus: score.bonus,
		total: score.total,
		band: score.band.id,
		capped: score.capped,
		missingRequired: score.missingRequired,
		vetoes: score.vetoes,
	};
}

/** How far the review has got: criteria with a finding, of those the catalogue has. */
export function reviewProgress(
	catalogue: Catalogue,
	review: Review,
): { reviewed: number; total: number } {
	const reviewed = catalogue.criteria.filter((c) => isReviewed(review.criteria[c.id])).length;
	return { reviewed, total: catalogue.criteria.length };
}

/** The reviewer's entry for each criterion, prefilled from the branch's own answer. */
export function prefillFromSelf(catalogue: Catalogue, branch: Assessment, review: Review): Review {
	const criteria = { ...review.criteria };
	for (const c of catalogue.criteria) {
		if (isReviewed(criteria[c.id])) continue;
		const own = branch.answers[c.id];
		if (!own) continue;
		const base = criteria[c.id] ?? emptyReviewCriterion();
		if (own.na && c.allowNotApplicable !== false) criteria[c.id] = { ...base, na: true };
		else if (c.rate && own.rate !== null) criteria[c.id] = { ...base, rate: own.rate };
		else if (!c.rate && own.level !== null) criteria[c.id] = { ...base, level: own.level };
	}
	const vetoes = { ...review.vetoes };
	for (const v of catalogue.vetoes)
		if ((vetoes[v.id] ?? null) === null && branch.vetoes[v.id] !== undefined)
			vetoes[v.id] = branch.vetoes[v.id] ?? null;
	return { ...review, criteria, vetoes };
}

/** One criterion, 自评 beside 验收. */
export interface CriterionComparison {
	id: string;
	title: string;
	category: string;
	required: boolean;
	/** Level, 'na' for 不适用, null when not answered / not reviewed. */
	self: Level | 'na' | null;
	review: Level | 'na' | null;
	/** Points in the total, 自评 and 验收 (after renormalisation). */
	selfPoints: number;
	reviewPoints: number;
	/** 验收 − 自评 in points; negative when the branch rated itself higher. */
	diff: number;
	methods: ReviewMethod[];
	comment: string;
}

/** One category, 自评 beside 验收. */
export interface CategoryComparison {
	id: string;
	title: string;
	points: number;
	self: number;
	review: number;
	diff: number;
}

export interface ReviewComparison {
	self: ScoreResult;
	review: ScoreResult;
	criteria: CriterionComparison[];
	categories: CategoryComparison[];
	/** 验收 − 自评 total. */
	diff: number;
	/** Criteria reviewed lower than the branch rated them, in catalogue order. */
	lowered: string[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function levelOf(s: ScoreResult['criteria'][number]): Level | 'na' | null {
	return s.status === 'na' ? 'na' : s.level;
}

function pointsOf(s: ScoreResult['criteria'][number]): number {
	return s.status === 'answered' ? s.weight - s.lost : 0;
}

/** 自评 and 验收 side by side, per criterion and per category, from the same scoring. */
export function compareReview(
	catalogue: Catalogue,
	branch: Assessment,
	review: Review,
): ReviewComparison {
	const self = scoreAssessment(catalogue, branch);
	const reviewed = scoreReview(catalogue, branch, review);
	const criteria = catalogue.criteria.map((c, i): CriterionComparison => {
		const s = self.criteria[i]!;
		const v = reviewed.criteria[i]!;
		const entry: ReviewCriterion = review.criteria[c.id] ?? emptyReviewCriterion();
		const selfPoints = r1(pointsOf(s));
		const reviewPoints = r1(pointsOf(v));
		return {
			id: c.id,
			title: c.title,
			category: c.category,
			required: c.required === true,
			self: levelOf(s),
			review: levelOf(v),
			selfPoints,
			reviewPoints,
			diff: r1(reviewPoints - selfPoints),
			methods: [...entry.methods],
			comment: entry.comment,
		};
	});
	const categories = catalogue.categories.map((k, i): CategoryComparison => {
		const s = self.categories[i]!;
		const v = reviewed.categories[i]!;
		return {
			id: k.id,
			title: k.title,
			points: s.points,
			self: r1(s.earned),
			review: r1(v.earned),
			diff: r1(v.earned - s.earned),
		};
	});
	const lowered = criteria
		.filter((c) => typeof c.self === 'number' && typeof c.review === 'number' && c.review < c.self)
		.map((c) => c.id);
	return {
		self,
		review: reviewed,
		criteria,
		categories,
		diff: r1(reviewed.total - self.total),
		lowered,
	};
}

/**
 * One 整改要求 of a 验收意见书: a criterion the reviewer found below 基本落实 (level 2).
 * Shaped so a 整改计划 can take it as a task: the criterion, where it stands, the target
 * level and its descriptor, the reviewer's comment, the deadline and the guide page.
 */
export interface RectificationItem {
	criterionId: string;
	title: string;
	category: string;
	required: boolean;
	/** The 验收 level found (0 or 1). */
	level: Level;
	/** The level to reach: 基本落实. */
	targetLevel: Level;
	/** The catalogue's descriptor of the target level. */
	target: string;
	/** The reviewer's comment on the criterion. */
	comment: string;
	/** YYYY-MM-DD, the criterion's own deadline or the review's 整改期限; empty when neither is set. */
	deadline: string;
	/** Guidance page id (optionally #heading). */
	guide: string;
}

/** The level every criterion must reach for the 验收 not to ask for 整改. */
export const RECTIFY_BELOW: Level = 2;

/** 整改要求: reviewed criteria below 基本落实, 必备 first, then catalogue order. */
export function rectificationItems(
	catalogue: Catalogue,
	branch: Assessment,
	review: Review,
): RectificationItem[] {
	const score = scoreReview(catalogue, branch, review);
	const items: RectificationItem[] = [];
	catalogue.criteria.forEach((c, i) => {
		const s = score.criteria[i]!;
		if (s.status !== 'answered' || s.level === null || s.level >= RECTIFY_BELOW || s.bonus) return;
		const entry = review.criteria[c.id] ?? emptyReviewCriterion();
		items.push({
			criterionId: c.id,
			title: c.title,
			category: c.category,
			required: c.required === true,
			level: s.level,
			targetLevel: RECTIFY_BELOW,
			target: c.levels[RECTIFY_BELOW],
			comment: entry.comment,
			deadline: entry.deadline || review.rectifyBy,
			guide: c.guide,
		});
	});
	return items.sort((a, b) => Number(b.required) - Number(a.required));
}

/** 主要亮点 of a 验收意见书: criteria the reviewer found 规范有效 (level 3), bonus excluded. */
export function reviewStrengths(
	catalogue: Catalogue,
	branch: Assessment,
	review: Review,
): string[] {
	const score = scoreReview(catalogue, branch, review);
	return score.criteria
		.filter((c) => c.status === 'answered' && c.level === 3 && !c.bonus)
		.map((c) => c.id);
}
