/**
 * Scoring: pure functions from a catalogue and an assessment to figures.
 *
 * Rules (explained on the 计分方法 page, generated from the same catalogue):
 * - a criterion earns `points × levelFractions[level]`; a rate criterion's level comes
 *   from its thresholds; an unanswered criterion earns 0 and the result is marked incomplete;
 * - 不适用 criteria are left out and their category is renormalised to its full points;
 *   a category whose criteria all do not apply is left out and the base renormalised to 100;
 * - bonus criteria add up to `bonusMax`; total = base + bonus;
 * - each category's `contribution` is what it adds to the base after renormalisation, so the
 *   contributions add up to the base (and the bonus contributions to the capped bonus);
 * - bands are decided on the UNROUNDED total; figures are shown rounded DOWN to one decimal
 *   (`floor1`), so a total below a line never reads as on it (89.96 shows 89.9, 合格);
 * - 否决 questions have three states (是 / 否 / 未答): a result is not 模范 while any is 未答
 *   (a derived veto is 未答 while the rate it derives from is not entered); an asked veto is
 *   also 是 when its `triggeredBy` criterion stands at that level (C5 未开展 → V2);
 * - a branch that held no 会员评家 (survey.held false) scores 0 on the `fromSurvey` criteria
 *   and cannot be 模范, but the 满意度 veto (V3) is not raised: a different failure;
 * - a 必备 criterion below 基本落实, a 否决 condition, an unanswered 否决 question or no 会员评家
 *   caps the band below 模范.
 */
import type { Catalogue, Criterion, Veto } from './catalogue-schema';
import type { Answer, Assessment, Level, Settings } from './assessment';
import { compareKeys } from './key-order';

export type CriterionStatus = 'answered' | 'na' | 'unanswered';

export interface CriterionScore {
	id: string;
	category: string;
	status: CriterionStatus;
	/** Level used for scoring (from the choice or the rate), null when not answered or N/A. */
	level: Level | null;
	/** Points available for this criterion (catalogue). */
	points: number;
	/** Points earned before renormalisation. */
	earned: number;
	/** Points at stake in the total after renormalisation (what a full mark would add). */
	weight: number;
	/** Points lost in the total after renormalisation. */
	lost: number;
	/** Points this criterion adds to the total after renormalisation (weight × level share). */
	contribution: number;
	required: boolean;
	bonus: boolean;
	evidenceCount: number;
}

export interface CategoryScore {
	id: string;
	title: string;
	bonus: boolean;
	/** Catalogue points of the category. */
	points: number;
	/** Earned, scaled to the category's points (renormalised over applicable criteria). */
	earned: number;
	/**
	 * Points the category is worth in the total after renormalisation: `points` unless a
	 * whole category does not apply (then the others grow so the base stays 100); 0 when none
	 * of its criteria apply. For the bonus category, its catalogue points.
	 */
	scaledPoints: number;
	/** What the category adds to the total: the base contributions add up to `base`. */
	contribution: number;
	/** 0–100, or null when no criterion applies. */
	percent: number | null;
	answered: number;
	applicable: number;
	na: number;
	total: number;
}

export interface Priority {
	id: string;
	title: string;
	category: string;
	lost: number;
	level: Level;
	nextLevel: Level;
	nextStep: string;
	guide: string;
	required: boolean;
}

export interface BandResult {
	id: 'qibu' | 'jianshe' | 'hege' | 'mofan';
	name: string;
}

/** Why a result that reaches the 模范 mark is shown one band lower. */
export type CapReason = 'required' | 'veto' | 'veto-unanswered' | 'no-survey';

export interface ScoreResult {
	/** Base points shown (rounded down to one decimal). */
	base: number;
	/** Bonus points shown (after the cap, rounded down to one decimal). */
	bonus: number;
	/** Total shown (rounded down to one decimal). The band is decided on `exactTotal`. */
	total: number;
	/** base + bonus, unrounded: what the band is decided on. */
	exactTotal: number;
	/** base categories are scaled by this because whole categories do not apply (1 when none). */
	baseScale: number;
	band: BandResult;
	/** The band before 必备/否决 caps. */
	uncappedBand: BandResult;
	capped: boolean;
	/** Every reason that holds (a reason blocks 模范 whether or not the total reached it). */
	capReasons: CapReason[];
	missingRequired: string[];
	/** 否决 conditions that hold (answered 是, triggered, or derived). */
	vetoes: string[];
	/** 否决 questions not answered yet (or derived from a rate not yet entered). */
	unansweredVetoes: string[];
	/** The branch said it held no 会员评家 this year. */
	noSurvey: boolean;
	categories: CategoryScore[];
	criteria: CriterionScore[];
	completion: { answered: number; total: number; percent: number; complete: boolean };
	priorities: Priority[];
	strengths: string[];
	eligibility: { id: string; met: boolean | null }[];
}

/** Level for a rate, from the catalogue's thresholds (highest first). */
export function levelForRate(criterion: Criterion, rate: number): Level {
	const steps = criterion.rate?.thresholds ?? [];
	for (const step of steps) if (rate >= step.min) return step.level as Level;
	return 0;
}

/**
 * Where a rate stands: its level and the lowest figure of the next higher level (null at
 * the top), so the checklist can say "现在 72%，达到 85% 可升一档".
 */
export function rateStanding(
	criterion: Criterion,
	rate: number,
): { level: Level; nextMin: number | null } {
	const level = levelForRate(criterion, rate);
	const higher = (criterion.rate?.thresholds ?? [])
		.filter((step) => step.level > level)
		.map((step) => step.min);
	return { level, nextMin: higher.length ? Math.min(...higher) : null };
}

/** Whether an answer counts as 不适用: `na` is ignored where the criterion does not allow it. */
function isNa(criterion: Criterion | undefined, answer: Answer | undefined): boolean {
	return Boolean(answer?.na) && (criterion === undefined || naAllowed(criterion));
}

/**
 * The level an answer stands at, or null when it is not answered (or N/A). With `noSurvey`
 * (no 会员评家 held), a `fromSurvey` criterion stands at level 0 whatever was entered.
 */
export function effectiveLevel(
	criterion: Criterion,
	answer: Answer | undefined,
	noSurvey = false,
): Level | null {
	if (noSurvey && criterion.fromSurvey) return 0;
	if (!answer || isNa(criterion, answer)) return null;
	if (criterion.rate) return answer.rate === null ? null : levelForRate(criterion, answer.rate);
	return answer.level;
}

/**
 * Whether a criterion is answered, 不适用 or not yet answered. With `noSurvey`, a
 * `fromSurvey` criterion is answered (at level 0) whatever was entered.
 */
export function criterionStatus(
	criterion: Criterion,
	answer: Answer | undefined,
	noSurvey = false,
): CriterionStatus {
	if (isNa(criterion, answer) && !(noSurvey && criterion.fromSurvey)) return 'na';
	return effectiveLevel(criterion, answer, noSurvey) === null ? 'unanswered' : 'answered';
}

/** Rounds to one decimal, the precision every figure is shown in. */
export function round1(n: number): number {
	return Math.round(n * 10) / 10;
}

/**
 * Rounds down to one decimal: how totals are shown, so a figure below a band line never
 * reads as on it. (The epsilon absorbs float error such as 0.7 × 3 = 2.0999….)
 */
export function floor1(n: number): number {
	return Math.floor(n * 10 + 1e-6) / 10;
}

/** The catalogue's own 合格 and 模范 marks, used until a user changes them. */
export function defaultMarks(catalogue: Catalogue): Settings {
	return {
		passMark: catalogue.bands.find((b) => b.id === 'hege')?.min ?? 75,
		modelMark: catalogue.bands.find((b) => b.id === 'mofan')?.min ?? 90,
	};
}

/** Band for a total under the given settings. */
export function bandFor(catalogue: Catalogue, settings: Settings, total: number): BandResult {
	const marks: Record<BandResult['id'], number> = {
		qibu: 0,
		jianshe: Math.min(
			catalogue.bands.find((b) => b.id === 'jianshe')?.min ?? 60,
			settings.passMark,
		),
		hege: settings.passMark,
		mofan: settings.modelMark,
	};
	const order: BandResult['id'][] = ['mofan', 'hege', 'jianshe', 'qibu'];
	const id = order.find((b) => total >= marks[b]) ?? 'qibu';
	return { id, name: catalogue.bands.find((b) => b.id === id)?.name ?? id };
}

function naAllowed(c: Criterion): boolean {
	return c.allowNotApplicable !== false;
}

/** Scores an assessment against a catalogue. */
export function scoreAssessment(catalogue: Catalogue, assessment: Assessment): ScoreResult {
	const fractions = catalogue.levelFractions;
	const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
	const noSurvey = assessment.survey.held === false;

	const criteria: CriterionScore[] = catalogue.criteria.map((c) => {
		const answer = assessment.answers[c.id];
		const status = criterionStatus(c, answer, noSurvey);
		const level = status === 'na' ? null : effectiveLevel(c, answer, noSurvey);
		const earned = level === null ? 0 : c.points * fractions[level];
		return {
			id: c.id,
			category: c.category,
			status,
			level,
			points: c.points,
			earned,
			weight: 0,
			lost: 0,
			contribution: 0,
			required: c.required === true,
			bonus: bonusCats.has(c.category),
			evidenceCount: answer?.evidence.length ?? 0,
		};
	});

	const categories: CategoryScore[] = catalogue.categories.map((k) => {
		const mine = criteria.filter((c) => c.category === k.id);
		const points = mine.reduce((s, c) => s + c.points, 0);
		const applicable = mine.filter((c) => c.status !== 'na');
		const applicablePoints = applicable.reduce((s, c) => s + c.points, 0);
		const earnedRaw = applicable.reduce((s, c) => s + c.earned, 0);
		const scale = k.bonus ? 1 : applicablePoints > 0 ? points / applicablePoints : 0;
		for (const c of applicable) c.weight = c.points * scale;
		return {
			id: k.id,
			title: k.title,
			bonus: k.bonus === true,
			points,
			earned: earnedRaw * scale,
			scaledPoints: applicablePoints > 0 || k.bonus ? points : 0,
			contribution: earnedRaw * scale,
			percent: applicablePoints > 0 ? (earnedRaw / applicablePoints) * 100 : null,
			answered: mine.filter((c) => c.status === 'answered').length,
			applicable: applicable.length,
			na: mine.length - applicable.length,
			total: mine.length,
		};
	});

	const baseCats = categories.filter((k) => !k.bonus && k.percent !== null);
	const basePointsIncluded = baseCats.reduce((s, k) => s + k.points, 0);
	const baseScale = basePointsIncluded > 0 ? catalogue.basePoints / basePointsIncluded : 0;
	const base = baseCats.reduce((s, k) => s + k.earned, 0) * baseScale;
	for (const k of categories) {
		if (k.bonus) continue;
		k.scaledPoints *= baseScale;
		k.contribution *= baseScale;
	}
	for (const c of criteria) {
		if (c.status === 'na') continue;
		if (!c.bonus) c.weight *= baseScale;
		const share = c.level === null ? 0 : fractions[c.level];
		c.lost = c.weight * (1 - share);
		c.contribution = c.weight * share;
	}
	const bonusRaw = criteria.filter((c) => c.bonus).reduce((s, c) => s + c.earned, 0);
	const bonus = Math.min(catalogue.bonusMax, bonusRaw);
	// The bonus category contributes what counts after the cap.
	for (const k of categories) if (k.bonus) k.contribution = Math.min(k.earned, bonus);
	const exactTotal = base + bonus;

	const missingRequired = criteria
		.filter((c) => c.required && c.status !== 'na' && (c.level === null || c.level < 2))
		.map((c) => c.id);

	const vetoState = new Map(
		catalogue.vetoes.map((v) => [v.id, vetoStateOf(catalogue, assessment, v, criteria, noSurvey)]),
	);
	const vetoes = catalogue.vetoes.filter((v) => vetoState.get(v.id) === true).map((v) => v.id);
	const unansweredVetoes = catalogue.vetoes
		.filter((v) => vetoState.get(v.id) === null)
		.map((v) => v.id);

	const capReasons: CapReason[] = [];
	if (missingRequired.length) capReasons.push('required');
	if (vetoes.length) capReasons.push('veto');
	if (unansweredVetoes.length) capReasons.push('veto-unanswered');
	if (noSurvey) capReasons.push('no-survey');
	const uncappedBand = bandFor(catalogue, assessment.settings, exactTotal);
	const capped = uncappedBand.id === 'mofan' && capReasons.length > 0;
	const band: BandResult = capped
		? { id: 'hege', name: catalogue.bands.find((b) => b.id === 'hege')?.name ?? 'hege' }
		: uncappedBand;

	const scorable = criteria.filter((c) => c.status !== 'na');
	const answered = scorable.filter((c) => c.status === 'answered').length;
	const completion = {
		answered,
		total: scorable.length,
		percent: scorable.length ? Math.round((answered / scorable.length) * 100) : 100,
		complete: answered === scorable.length,
	};

	const priorities: Priority[] = criteria
		.filter((c) => c.status === 'answered' && c.level !== null && c.level < 3)
		.map((c) => {
			const def = catalogue.criteria.find((x) => x.id === c.id)!;
			const level = c.level as Level;
			const nextLevel = (c.required && level < 2 ? 2 : level + 1) as Level;
			return {
				id: c.id,
				title: def.title,
				category: c.category,
				lost: c.lost,
				level,
				nextLevel,
				nextStep: def.levels[nextLevel],
				guide: def.guide,
				required: c.required,
			};
		})
		.sort(
			(a, b) =>
				b.lost - a.lost || Number(b.required) - Number(a.required) || compareKeys(a.id, b.id),
		);

	const strengths = criteria
		.filter((c) => c.status === 'answered' && c.level === 3 && !c.bonus)
		.map((c) => c.id);

	const eligibility = catalogue.eligibility.map((e) => {
		if (e.check.kind === 'ask') return { id: e.id, met: assessment.eligibility[e.id] ?? null };
		// Narrowing of e.check does not reach into the find() callback, so keep the id.
		const criterionId = e.check.criterion;
		const answer = assessment.answers[criterionId];
		const def = catalogue.criteria.find((x) => x.id === criterionId);
		if (noSurvey && def?.fromSurvey) return { id: e.id, met: false };
		if (!answer || isNa(def, answer) || answer.rate === null) return { id: e.id, met: null };
		return { id: e.id, met: answer.rate >= e.check.min };
	});

	return {
		base: floor1(base),
		bonus: floor1(bonus),
		total: floor1(exactTotal),
		exactTotal,
		baseScale,
		band,
		uncappedBand,
		capped,
		capReasons,
		missingRequired,
		vetoes,
		unansweredVetoes,
		noSurvey,
		categories,
		criteria,
		completion,
		priorities,
		strengths,
		eligibility,
	};
}

/**
 * One 否决 condition's state: true (holds), false (does not), null (未答: not answered, or
 * derived from a rate not entered yet).
 */
function vetoStateOf(
	catalogue: Catalogue,
	assessment: Assessment,
	v: Veto,
	criteria: CriterionScore[],
	noSurvey: boolean,
): boolean | null {
	// A 是 always holds (a derived veto is not asked, but a file may still say so).
	if (assessment.vetoes[v.id] === true) return true;
	if (v.derivedFrom) {
		const from = v.derivedFrom;
		const def = catalogue.criteria.find((x) => x.id === from.criterion);
		// No 会员评家 held: there is no satisfaction to be low (the 'no-survey' reason applies instead).
		if (noSurvey && def?.fromSurvey) return false;
		const answer = assessment.answers[from.criterion];
		if (!answer || isNa(def, answer) || answer.rate === null) return null;
		return answer.rate < from.below;
	}
	const trigger = v.triggeredBy;
	if (trigger && criteria.find((c) => c.id === trigger.criterion)?.level === trigger.level)
		return true;
	return assessment.vetoes[v.id] === false ? false : null;
}
