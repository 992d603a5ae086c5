/**
 * 会员评家 calculator: participation and satisfaction from the counts members return.
 * Thresholds are those cited in the notes: 高邮 rules (≥30% of members take part, of whom
 * ≥60% front-line); a Beijing group's rule of ≥60% participation is offered as the stricter one.
 *
 * Rules (stated on 计分方法):
 * - every figure is compared with its line UNROUNDED (96 满意 of 113 is 84.956…%, below 85%);
 * - figures are shown, and written into I2, rounded DOWN to one decimal (`floorPercent`), so
 *   a figure below a line never reads as on it (84.956…% shows as 84.9%);
 * - 满意度 counts 满意 only by default; counting 基本满意 as well is a labelled choice;
 * - a front-line count larger than the participants is refused (no share is computed).
 */
import type { Survey } from './assessment';

export const PARTICIPATION_MIN = 30;
export const PARTICIPATION_STRICT = 60;
export const FRONTLINE_MIN = 60;

export interface SurveyResult {
	/** Replies counted (满意 + 基本满意 + 不满意). */
	replies: number;
	/** 参评率 %, unrounded, or null without members/participants. */
	participation: number | null;
	/** 一线职工占参评者 %, unrounded, or null (also when the count is refused). */
	frontlineShare: number | null;
	/** 满意率 %, unrounded, or null without replies. */
	satisfaction: number | null;
	/** Which definition `satisfaction` uses: strict (满意 only) or lenient (满意 + 基本满意). */
	basis: 'strict' | 'lenient';
	/** Problems to show next to the figures. */
	warnings: SurveyWarning[];
}

export type SurveyWarning =
	| 'participation-low'
	| 'participation-below-strict'
	| 'frontline-low'
	| 'frontline-exceeds-participants'
	| 'replies-exceed-participants'
	| 'participants-exceed-members';

/** Percentage, unrounded. */
function pct(n: number, d: number): number {
	return (n / d) * 100;
}

/**
 * A percentage rounded down to one decimal: what is shown and written into a rate field.
 * (The small epsilon keeps 29.999999… from float division at 30.0 when it is exactly 30.)
 */
export function floorPercent(n: number): number {
	return Math.floor(n * 10 + 1e-9) / 10;
}

/** A percentage as shown: rounded down to one decimal, with the decimal only when there is one. */
export function formatPercent(n: number): string {
	return `${floorPercent(n)}%`;
}

/**
 * The field-level error for a survey about to be saved, or null: a front-line count larger
 * than the participants (or, without a participant count, than the replies) is refused.
 */
export function surveyFieldError(
	s: Survey,
): { field: 'frontline'; code: 'frontline-exceeds-participants' } | null {
	const replies = (s.satisfied ?? 0) + (s.basic ?? 0) + (s.unsatisfied ?? 0);
	const participants = s.participants ?? (replies > 0 ? replies : null);
	if (s.frontline !== null && participants !== null && s.frontline > participants)
		return { field: 'frontline', code: 'frontline-exceeds-participants' };
	return null;
}

export function computeSurvey(s: Survey): SurveyResult {
	const replies = (s.satisfied ?? 0) + (s.basic ?? 0) + (s.unsatisfied ?? 0);
	const warnings: SurveyWarning[] = [];
	const participants = s.participants ?? (replies > 0 ? replies : null);
	const participation = s.members && participants !== null ? pct(participants, s.members) : null;
	if (participation !== null) {
		if (participation < PARTICIPATION_MIN) warnings.push('participation-low');
		else if (participation < PARTICIPATION_STRICT) warnings.push('participation-below-strict');
	}
	const refused = surveyFieldError(s) !== null;
	const frontlineShare =
		participants && s.frontline !== null && !refused ? pct(s.frontline, participants) : null;
	if (refused) warnings.push('frontline-exceeds-participants');
	else if (frontlineShare !== null && frontlineShare < FRONTLINE_MIN)
		warnings.push('frontline-low');
	if (s.participants !== null && replies > s.participants)
		warnings.push('replies-exceed-participants');
	if (s.members !== null && participants !== null && participants > s.members)
		warnings.push('participants-exceed-members');
	const happy = (s.satisfied ?? 0) + (s.countBasic ? (s.basic ?? 0) : 0);
	const satisfaction = replies > 0 ? pct(happy, replies) : null;
	return {
		replies,
		participation,
		frontlineShare,
		satisfaction,
		basis: s.countBasic ? 'lenient' : 'strict',
		warnings,
	};
}
