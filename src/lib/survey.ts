/**
 * 会员评家 calculator: participation and satisfaction from the counts members return.
 * Thresholds are those cited in the notes: 高邮 rules (≥30% of members take part, of whom
 * ≥60% front-line); a Beijing group's rule of ≥60% participation is offered as the stricter one.
 */
import type { Survey } from './assessment';

export const PARTICIPATION_MIN = 30;
export const PARTICIPATION_STRICT = 60;
export const FRONTLINE_MIN = 60;

export interface SurveyResult {
	/** Replies counted (满意 + 基本满意 + 不满意). */
	replies: number;
	/** 参评率 %, or null without members/participants. */
	participation: number | null;
	/** 一线职工占参评者 %, or null. */
	frontlineShare: number | null;
	/** 满意率 %, or null without replies. */
	satisfaction: number | null;
	/** Problems to show next to the figures. */
	warnings: SurveyWarning[];
}

export type SurveyWarning =
	| 'participation-low'
	| 'participation-below-strict'
	| 'frontline-low'
	| 'replies-exceed-participants'
	| 'participants-exceed-members';

function pct(n: number, d: number): number {
	return Math.round((n / d) * 1000) / 10;
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
	const frontlineShare =
		participants && s.frontline !== null ? pct(s.frontline, participants) : null;
	if (frontlineShare !== null && frontlineShare < FRONTLINE_MIN) warnings.push('frontline-low');
	if (s.participants !== null && replies > s.participants)
		warnings.push('replies-exceed-participants');
	if (s.members !== null && participants !== null && participants > s.members)
		warnings.push('participants-exceed-members');
	const happy = (s.satisfied ?? 0) + (s.countBasic ? (s.basic ?? 0) : 0);
	const satisfaction = replies > 0 ? pct(happy, replies) : null;
	return { replies, participation, frontlineShare, satisfaction, warnings };
}
