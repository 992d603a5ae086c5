/**
 * Migrations of a saved assessment between schema versions, one step each (chained: a
 * version 1 file goes v1 → v2 in result-file.ts, then v2 → v3 here), and the move of an
 * assessment answered against an earlier catalogue onto the current one. Used by result-file
 * import and by browser storage, so both read every earlier version the same way.
 *
 * v2 → v3 (issue 9):
 * - `survey.held` is new (会员评家 held this year: true / false / null 未答). It is set to false
 *   only where version 2 could say nothing else: the 会员评家 criterion without a rate (I1)
 *   at level 0 "本年度未开展会员评家" and the satisfaction rate (I2) 0 or empty; to true where
 *   replies were counted or a satisfaction above 0 was entered; otherwise null.
 * - `survey.countBasic`: version 2 counted 基本满意 by default. Where no counts were entered,
 *   the new strict default applies (nothing shown changes); where counts were entered, the
 *   saved choice is kept (the I2 figure may have been filled from it) and is shown, labelled,
 *   in the calculator.
 * - vetoes are kept as saved: version 2 asked them as 是/否 radios, so `false` was a choice;
 *   a veto never answered was absent or null and is now honoured as 未答 (it blocks 模范 and
 *   the results name it) instead of reading as 否.
 * Nothing else changes: answers, notes, evidence and settings are kept as they were.
 */
import type { Catalogue } from './catalogue-schema';
import type { Assessment, AssessmentV2, AssessmentV3 } from './assessment';

/** What a migration changed that the user should be told. */
export type MigrationNote =
	| { kind: 'vetoes-unanswered'; ids: string[] }
	| { kind: 'survey-not-held' }
	| { kind: 'catalogue-added'; from: string; to: string; ids: string[] };

/** Version 2 → 3 (then 3 → 4 is `upgradeToV4` in assessment.ts). */
export function migrateV2Assessment(
	a: AssessmentV2,
	catalogue: Catalogue,
): { assessment: AssessmentV3; notes: MigrationNote[] } {
	const notes: MigrationNote[] = [];
	const surveyCriteria = catalogue.criteria.filter((c) => c.fromSurvey);
	const held = surveyCriteria.find((c) => !c.rate);
	const satisfaction = surveyCriteria.find((c) => c.rate);
	const s = a.survey;
	const replies = (s.satisfied ?? 0) + (s.basic ?? 0) + (s.unsatisfied ?? 0);
	const rate = satisfaction ? (a.answers[satisfaction.id]?.rate ?? null) : null;
	const heldLevel = held ? (a.answers[held.id]?.level ?? null) : null;
	let wasHeld: boolean | null = null;
	if (replies > 0 || (rate !== null && rate > 0)) wasHeld = true;
	else if (heldLevel === 0 && (rate === null || rate === 0)) wasHeld = false;
	if (wasHeld === false) notes.push({ kind: 'survey-not-held' });
	const anyCount = [
		s.members,
		s.participants,
		s.frontline,
		s.satisfied,
		s.basic,
		s.unsatisfied,
	].some((n) => n !== null);
	const countBasic = anyCount ? s.countBasic : false;
	const unanswered = catalogue.vetoes
		.filter((v) => !v.derivedFrom && a.vetoes[v.id] !== true && a.vetoes[v.id] !== false)
		.map((v) => v.id);
	if (unanswered.length) notes.push({ kind: 'vetoes-unanswered', ids: unanswered });
	return {
		assessment: { ...a, survey: { held: wasHeld, ...s, countBasic } },
		notes,
	};
}

/**
 * Moves an assessment answered against an earlier catalogue onto `catalogue`: answers,
 * notes and evidence are kept (criteria are never renumbered), criteria new since then have
 * no answer and show as 未评. Returns the note to show, or null when already current.
 */
export function adoptCatalogue(
	a: Assessment,
	catalogue: Catalogue,
): { assessment: Assessment; note: MigrationNote | null } {
	if (a.catalogueVersion === catalogue.version) return { assessment: a, note: null };
	const ids = catalogue.criteria.map((c) => c.id).filter((id) => !(id in a.answers));
	const added = addedSince(catalogue, a.catalogueVersion).filter((id) => ids.includes(id));
	return {
		assessment: { ...a, catalogueVersion: catalogue.version },
		note: { kind: 'catalogue-added', from: a.catalogueVersion, to: catalogue.version, ids: added },
	};
}

/** Criteria added to the catalogue after `version` (from the catalogue's change list). */
export function addedSince(catalogue: Catalogue, version: string): string[] {
	const out: string[] = [];
	let at = catalogue.version;
	while (at !== version) {
		const step = catalogue.changes.find((c) => c.version === at);
		if (!step) break;
		out.unshift(...step.added);
		at = step.from;
	}
	return out;
}
