/**
 * The results page's plan and ledger panels: the 整改计划 progress line (with overdue tasks
 * named) and the 生成整改计划 action, and "说得到、拿不出" (criteria rated 基本落实 or better
 * whose evidence is missing). Rules are in src/lib/plan.ts and src/lib/ledger.ts.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import type { Assessment } from '../lib/assessment';
import type { ScoreResult } from '../lib/scoring';
import { levelsFromScore, localDay, planProgress } from '../lib/plan';
import { claimedWithoutEvidence, ledgerRows } from '../lib/ledger';
import { t } from '../i18n/client';
import { el } from './dom';

/** How many of the top priorities the 生成整改计划 link ticks in advance. */
const PRESELECT = 5;

export function renderPlanPanels(
	root: HTMLElement,
	catalogue: Catalogue,
	a: Assessment,
	score: ScoreResult,
	base: string,
): void {
	const $ = (sel: string) => root.querySelector<HTMLElement>(sel)!;
	const p = planProgress(a.plan, localDay(new Date()));
	$('[data-plan-line]').textContent = p.total
		? t('plan.progressLine', { done: p.done, total: p.total }) +
			(p.overdue ? t('plan.progressOverdue', { n: p.overdue }) : '')
		: t('results.planNone');
	const overdue = $('[data-plan-overdue]');
	overdue.hidden = p.overdue === 0;
	overdue.textContent = p.overdue
		? t('plan.overdueList', { items: p.overdueTitles.join('、') })
		: '';
	const generate = root.querySelector<HTMLAnchorElement>('[data-plan-generate]')!;
	const ids = score.priorities.slice(0, PRESELECT).map((x) => x.id);
	generate.href = `${base}assess/plan/${ids.length ? `?criteria=${ids.join(',')}` : ''}#generate`;
	generate.textContent = p.total ? t('results.planOpen') : t('results.planGenerate');

	const claimed = claimedWithoutEvidence(
		catalogue,
		levelsFromScore(score.criteria),
		ledgerRows(catalogue, a.answers, a.ledger),
	);
	const list = $('[data-claimed]');
	list.replaceChildren(
		...claimed.map((c) =>
			el(
				'li',
				t('results.claimedLine', {
					id: c.criterion,
					title: c.title,
					level: catalogue.levelNames[c.level]!,
					items: c.missing.join('、'),
				}),
			),
		),
	);
	list.hidden = claimed.length === 0;
	$('[data-claimed-none]').hidden = claimed.length > 0;
}
