/**
 * DOM renderers shared by the results page and the print view. Every piece of user
 * text is set with `textContent`.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import { guideHref } from '../lib/guide-href';
import type { Assessment } from '../lib/assessment';
import { round1, type ScoreResult } from '../lib/scoring';
import { assessmentCsv } from '../lib/export-csv';
import { vetoLabel } from '../lib/veto-label';
import { t } from '../i18n/client';
import type { CategoryDatum } from './charts';
import { el, readJson } from './dom';

/** Guidance titles embedded by GuideTitles.astro. */
export function readGuideTitles(): Record<string, string> {
	return readJson<Record<string, string>>('zz-guides', {});
}

export const fmt = (n: number) => String(round1(n));

/** One line naming the unit, union and date of an assessment. */
export function unitLine(a: Assessment): string {
	const p = a.profile;
	return [
		p.unitName,
		p.unionName,
		p.assessedOn,
		p.assessor ? `${t('profile.assessor')}：${p.assessor}` : '',
	]
		.filter(Boolean)
		.join(' · ');
}

/**
 * One row per category, then the base total. The 得分 column is each category's
 * contribution to the total after renormalisation, so the base rows add up to the base
 * score; when a whole category does not apply, 应得分 shows the catalogue points and what
 * they become after 折算 ("15 → 17.6").
 */
export function categoryRows(tbody: HTMLElement, score: ScoreResult, incomplete: boolean): void {
	const scaled = Math.abs(score.baseScale - 1) > 1e-9;
	const label = (td: HTMLElement, key: Parameters<typeof t>[0]) => {
		// Shown before the figure when the table stacks its rows on a phone (CSS attr()).
		td.dataset['label'] = t(key);
		return td;
	};
	const rows = score.categories.map((k) => {
		const tr = el('tr');
		const th = el('th', `${k.id} ${k.title}`);
		th.scope = 'row';
		const flag = incomplete && k.answered < k.applicable ? `（${t('results.incomplete')}）` : '';
		// A category with nothing answered yet is 未评, not 0 (the bonus too, as on compare).
		const notRated = k.percent !== null && k.answered === 0;
		tr.append(
			th,
			label(
				el(
					'td',
					k.bonus
						? `+${k.points}`
						: scaled
							? `${k.points} → ${fmt(k.scaledPoints)}`
							: String(k.points),
				),
				'results.col.points',
			),
			label(
				el(
					'td',
					k.percent === null
						? t('results.col.na')
						: notRated
							? t('results.notRated')
							: `${fmt(k.contribution)}${flag}`,
				),
				'results.col.earned',
			),
			label(
				el(
					'td',
					k.percent === null ? '—' : notRated ? t('results.notRated') : `${fmt(k.percent)}%${flag}`,
				),
				'results.col.percent',
			),
			label(el('td', `${k.answered} / ${k.applicable}`), 'results.col.answered'),
		);
		return tr;
	});
	const sum = el('tr', null, 'sum-row');
	const th = el('th', scaled ? t('results.baseRowScaled') : t('results.baseRow'));
	th.scope = 'row';
	sum.append(
		th,
		label(el('td', '100'), 'results.col.points'),
		label(el('td', fmt(score.base)), 'results.col.earned'),
		el('td', ''),
		el('td', ''),
	);
	// The bonus row comes after the base total, as it is added on top.
	const bonusIndex = score.categories.findIndex((k) => k.bonus);
	if (bonusIndex >= 0) rows.splice(bonusIndex, 0, sum);
	else rows.push(sum);
	tbody.replaceChildren(...rows);
}

/**
 * The charts' data: base categories that apply. A category with nothing answered yet is
 * labelled 未评 and carries no figure (null), so the chart does not draw it as 0.
 */
export function chartData(score: ScoreResult): CategoryDatum[] {
	return score.categories
		.filter((k) => !k.bonus && k.percent !== null)
		.map((k) => {
			const rated = k.answered > 0;
			return {
				label: rated ? k.title : t('results.chartNotRated', { title: k.title }),
				percent: rated ? round1(k.percent ?? 0) : null,
				earned: rated ? round1(k.earned) : null,
				points: k.points,
			};
		});
}

export function capsNotes(box: HTMLElement, score: ScoreResult, catalogue: Catalogue): void {
	box.replaceChildren();
	const name = (id: string) => {
		const c = catalogue.criteria.find((x) => x.id === id);
		if (c) return `${id} ${c.title}`;
		return vetoLabel(catalogue, id);
	};
	if (score.missingRequired.length) {
		const items = score.missingRequired.map(name).join('、');
		box.append(
			el(
				'p',
				score.capped
					? t('results.cappedRequired', { items })
					: t('results.requiredMissingNote', { items }),
				'notice bad',
			),
		);
	}
	if (score.vetoes.length) {
		const items = score.vetoes.map(name).join('、');
		box.append(el('p', t('results.cappedVeto', { items }), 'notice bad'));
	}
	if (score.unansweredVetoes.length) {
		const items = score.unansweredVetoes.map(name).join('、');
		box.append(el('p', t('results.vetoUnanswered', { items }), 'notice bad'));
	}
	if (score.noSurvey) box.append(el('p', t('results.noSurvey'), 'notice bad'));
}

export function priorityItems(
	list: HTMLElement,
	score: ScoreResult,
	catalogue: Catalogue,
	guides: Record<string, string>,
	base: string,
	limit = 10,
): void {
	list.replaceChildren();
	if (!score.priorities.length) {
		list.append(el('li', t('results.prioritiesNone')));
		return;
	}
	for (const p of score.priorities.slice(0, limit)) {
		const li = el('li', null, 'priority');
		const head = el('p', null, 'priority-head');
		head.append(
			el('strong', `${p.id} ${p.title}`),
			' ',
			el('span', t('results.priorityLost', { lost: fmt(p.lost) }), 'badge'),
		);
		if (p.required) head.append(' ', el('span', t('criterion.required'), 'badge required'));
		li.append(head);
		li.append(
			el('p', t('results.priorityNow', { level: catalogue.levelNames[p.level]! }), 'muted'),
		);
		li.append(
			el(
				'p',
				t('results.priorityNext', { level: catalogue.levelNames[p.nextLevel]!, text: p.nextStep }),
			),
		);
		const page = p.guide.split('#')[0]!;
		if (guides[page]) {
			const a = el('a', t('results.priorityGuide', { title: guides[page] }));
			a.href = guideHref(base, p.guide);
			const line = el('p');
			line.append(a);
			li.append(line);
		}
		list.append(li);
	}
}

/** CSV labels from the strings file. */
export function csvFor(catalogue: Catalogue, a: Assessment, score: ScoreResult): string {
	return assessmentCsv(catalogue, a, score, {
		header: [
			t('csv.unitName'),
			t('csv.unionName'),
			t('csv.assessedOn'),
			t('csv.category'),
			t('csv.id'),
			t('csv.title'),
			t('csv.required'),
			t('csv.points'),
			t('csv.level'),
			t('csv.rate'),
			t('csv.earned'),
			t('csv.naReason'),
			t('csv.evidence'),
			t('csv.note'),
		],
		yes: t('csv.yes'),
		na: t('csv.na'),
		unanswered: t('csv.unanswered'),
		base: t('csv.base'),
		bonusCap: t('csv.bonusCap'),
		total: t('csv.total'),
		veto: {
			category: t('csv.vetoCategory'),
			yes: t('veto.yes'),
			no: t('veto.no'),
			unanswered: t('veto.unanswered'),
		},
	});
}

/** Loads the chart code on demand and draws both charts; resolves to the chart objects. */
export async function drawCharts(radar: SVGSVGElement, bar: SVGSVGElement, score: ScoreResult) {
	const charts = await import('./charts');
	const data = chartData(score);
	return {
		radar: charts.radarChart(radar, data),
		bar: charts.barChart(bar, data),
		png: charts.chartPng,
	};
}
