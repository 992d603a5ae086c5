/**
 * The results page's 比上次 section: the total and every category against the same unit's
 * previous assessment saved in this browser (src/lib/progress.ts picks it and computes).
 */
import type { Catalogue } from '../lib/catalogue-schema';
import type { Assessment } from '../lib/assessment';
import { previousAssessment, progressAgainst, signed, unitKey } from '../lib/progress';
import { t } from '../i18n/client';
import { el } from './dom';
import { fmt } from './results-view';

/** Fills `box` with the comparison, or a sentence saying why there is none. */
export function renderProgress(
	box: HTMLElement,
	catalogue: Catalogue,
	list: readonly Assessment[],
	current: Assessment,
): void {
	box.replaceChildren();
	if (!unitKey(current) || !current.profile.assessedOn) {
		box.append(el('p', t('results.progressNoUnit'), 'muted'));
		return;
	}
	const previous = previousAssessment(list, current);
	if (!previous) {
		box.append(el('p', t('results.progressNone'), 'muted'));
		return;
	}
	const p = progressAgainst(catalogue, current, previous);
	box.append(
		el('p', t('results.progressIntro', { date: p.previousDate, name: p.previousName })),
		el(
			'p',
			t('results.progressTotal', {
				delta: signed(p.delta),
				before: fmt(p.previousTotal),
				after: fmt(p.total),
			}),
			`progress-total ${deltaClass(p.delta)}`,
		),
	);
	const table = el('table', null, 'category-table progress-table');
	const caption = el('caption', t('results.progressCaption'), 'visually-hidden');
	const head = el('thead');
	const hr = el('tr');
	for (const text of [t('results.col.category'), t('results.progressCol')]) {
		const th = el('th', text);
		th.scope = 'col';
		hr.append(th);
	}
	head.append(hr);
	const body = el('tbody');
	for (const k of p.categories) {
		const tr = el('tr');
		const th = el('th', `${k.id} ${k.title}`);
		th.scope = 'row';
		tr.append(
			th,
			el(
				'td',
				k.delta === null ? t('results.progressNotRated') : signed(k.delta),
				k.delta === null ? 'muted' : deltaClass(k.delta),
			),
		);
		body.append(tr);
	}
	table.append(caption, head, body);
	const scroll = el('div', null, 'table-scroll');
	scroll.append(table);
	box.append(scroll);
}

function deltaClass(n: number): string {
	return n > 0 ? 'delta-up' : n < 0 ? 'delta-down' : 'delta-same';
}
