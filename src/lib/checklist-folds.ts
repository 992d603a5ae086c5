/**
 * The checklist's folded sections after the categories (否决项, 会员评家, 推荐条件, 分档设置)
 * and the line each one's summary shows, so a reader sees where each stands without opening
 * it. Worked out from the assessment and its score; worded by the strings file, whose `t`
 * the caller hands in (the page's server-side one or the browser's).
 */
import type { Assessment } from './assessment';
import type { ScoreResult } from './scoring';
import { computeSurvey, formatPercent } from './survey';

/** The folded sections, in page order (each a `<details data-fold=…>`). */
export const FOLDS = ['vetoes', 'survey', 'eligibility', 'settings'] as const;
export type Fold = (typeof FOLDS)[number];

/** The strings a summary line is made of. */
export type FoldStringKey =
	| 'fold.answered'
	| 'fold.vetoYes'
	| 'fold.surveyFigures'
	| 'fold.surveyEmpty'
	| 'fold.surveyNotHeld'
	| 'fold.marks';
type Translate = (key: FoldStringKey, params?: Record<string, string | number>) => string;

/** What `fold`'s summary says for assessment `a` scored as `score`. */
export function foldSummary(
	fold: Fold,
	a: Pick<Assessment, 'survey' | 'settings'>,
	score: Pick<ScoreResult, 'vetoes' | 'unansweredVetoes' | 'eligibility'>,
	vetoCount: number,
	t: Translate,
): string {
	switch (fold) {
		case 'vetoes': {
			const answered = vetoCount - score.unansweredVetoes.length;
			return (
				t('fold.answered', { answered, total: vetoCount }) +
				(score.vetoes.length ? t('fold.vetoYes', { n: score.vetoes.length }) : '')
			);
		}
		case 'survey': {
			if (a.survey.held === false) return t('fold.surveyNotHeld');
			const r = computeSurvey(a.survey);
			if (r.participation === null && r.satisfaction === null) return t('fold.surveyEmpty');
			const shown = (n: number | null) => (n === null ? '—' : formatPercent(n));
			return t('fold.surveyFigures', {
				participation: shown(r.participation),
				satisfaction: shown(r.satisfaction),
			});
		}
		case 'eligibility': {
			const answered = score.eligibility.filter((e) => e.met !== null).length;
			return t('fold.answered', { answered, total: score.eligibility.length });
		}
		case 'settings':
			return t('fold.marks', { pass: a.settings.passMark, model: a.settings.modelMark });
	}
}
