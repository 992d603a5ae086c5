/**
 * Scoring: pure functions from a catalogue and an assessment to figures.
 *
 * Rules (explained on the 计分方法 page, generated from the same catalogue):
 * - a criterion earns `points × levelFractions[level]`; a rate criterion's level comes
 *   from its thresholds; an unanswered criterion earns 0 and the result is marked incomplete;
 * - 不适用 criteria are left out and their category is renormalised to its full points;
 *   a category whose criteria all do not apply is left out and the base renormalised to 100;
 * - bonus criteria add up to `bonusMax`; total = base + bonus;
 * - bands by total; a 必备 criterion below 基本落实 or any 否决 condition caps the band below 模范.
 */
import type { Catalogue, Criterion } from './catalogue-schema';
import type { Answer, Assessment, Level, Settings } from './assessment';

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

export interface ScoreResult {
	base: number;
	bonus: number;
	total: number;
	band: BandResult;
	/** The band before 必备/否决 caps. */
	uncappedBand: BandResult;
	capped: boolean;
	missingRequired: string[];
	vetoes: string[];
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

/** Whether an answer counts as 不适用: `na` is ignored where the criterion does not allow it. */
function isNa(criterion: Criterion | undefined, answer: Answer | undefined): boolean {
	return Boolean(answer?.na) && (criterion === undefined || naAllowed(criterion));
}

/** The level an answer stands at, or null when it is not answered (or N/A). */
export function effectiveLevel(criterion: Criterion, answer: Answer | undefined): Level | null {
	if (!answer || isNa(criterion, answer)) return null;
	if (criterion.rate) return answer.rate === null ? null : levelForRate(criterion, answer.rate);
	return answer.level;
}

/** Rounds to one decimal, the precision every figure is shown in. */
export function round1(n: number): number {
	return Math.round(n * 10) / 10;
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

	const criteria: CriterionScore[] = catalogue.criteria.map((c) => {
		const answer = assessment.answers[c.id];
		const na = isNa(c, answer);
		const level = na ? null : effectiveLevel(c, answer);
		const status: CriterionStatus = na ? 'na' : level === null ? 'unanswered' : 'answered';
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
	for (const c of criteria) {
		if (c.status === 'na') continue;
		if (!c.bonus) c.weight *= baseScale;
		c.lost = c.weight * (1 - (c.level === null ? 0 : fractions[c.level]));
	}
	const bonus = Math.min(
		catalogue.bonusMax,
		criteria.filter((c) => c.bonus).reduce((s, c) => s + c.earned, 0),
	);
	const total = round1(base) + round1(bonus);

	const missingRequired = criteria
		.filter((c) => c.required && c.status !== 'na' && (c.level === null || c.level < 2))
		.map((c) => c.id);

	const vetoes = catalogue.vetoes
		.filter((v) => {
			if (assessment.vetoes[v.id] === true) return true;
			if (v.derivedFrom) {
				const answer = assessment.answers[v.derivedFrom.criterion];
				const def = catalogue.criteria.find((x) => x.id === v.derivedFrom?.criterion);
				return (
					!!answer &&
					!isNa(def, answer) &&
					answer.rate !== null &&
					answer.rate < v.derivedFrom.below
				);
			}
			return false;
		})
		.map((v) => v.id);

	const uncappedBand = bandFor(catalogue, assessment.settings, total);
	const capped = uncappedBand.id === 'mofan' && (missingRequired.length > 0 || vetoes.length > 0);
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
				b.lost - a.lost || Number(b.required) - Number(a.required) || a.id.localeCompare(b.id),
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
		if (!answer || isNa(def, answer) || answer.rate === null) return { id: e.id, met: null };
		return { id: e.id, met: answer.rate >= e.check.min };
	});

	return {
		base: round1(base),
		bonus: round1(bonus),
		total: round1(total),
		band,
		uncappedBand,
		capped,
		missingRequired,
		vetoes,
		categories,
		criteria,
		completion,
		priorities,
		strengths,
		eligibility,
	};
}
