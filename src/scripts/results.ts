/** <zz-results>: shows the current assessment's scores, charts, priorities and downloads. */
import { scoreAssessment, type ScoreResult } from '../lib/scoring';
import { buildResultFile } from '../lib/result-file';
import { nextSelfCheck } from '../lib/assessment-name';
import { t } from '../i18n/client';
import { Session, bindAssessmentPicker, download, fileStem, readCatalogue } from './session';
import {
	capsNotes,
	categoryRows,
	csvFor,
	drawCharts,
	fmt,
	priorityItems,
	readGuideTitles,
	unitLine,
} from './results-view';
import { el } from './dom';
import { renderPlanPanels } from './results-plan';
import { renderProgress } from './results-progress';

type Charts = Awaited<ReturnType<typeof drawCharts>>;

class ZzResults extends HTMLElement {
	private session!: Session;
	private charts: Charts | null = null;
	private score!: ScoreResult;

	connectedCallback(): void {
		const catalogue = readCatalogue();
		this.session = new Session(catalogue);
		// The session always holds an assessment (a new one, unsaved, on a first visit): one
		// with no answer yet is met by the 还没开始 panel.
		this.querySelector<HTMLElement>('[data-view]')!.hidden = false;
		bindAssessmentPicker(
			this.querySelector<HTMLSelectElement>('[data-current]')!,
			this.session,
			() => this.render(),
		);
		for (const b of this.querySelectorAll<HTMLButtonElement>('[data-download]'))
			b.addEventListener('click', () => this.download(b.dataset['download'] as 'json' | 'csv'));
		for (const b of this.querySelectorAll<HTMLButtonElement>('[data-png]'))
			b.addEventListener('click', () => void this.downloadPng(b.dataset['png'] as 'radar' | 'bar'));
		this.render();
	}

	private render(): void {
		const catalogue = this.session.catalogue;
		const a = this.session.current;
		const score = (this.score = scoreAssessment(catalogue, a));
		const incomplete = !score.completion.complete;
		const $ = <T extends HTMLElement>(sel: string) => this.querySelector<T>(sel)!;

		if (this.showNotStarted(score)) return;
		$('[data-unit]').textContent = unitLine(a) || a.name;
		this.showTotal(score);
		$('[data-band]').textContent = score.band.name;
		$('[data-base-score]').textContent = fmt(score.base);
		$('[data-bonus]').textContent = `+${fmt(score.bonus)}`;
		$('[data-completion]').textContent = `${score.completion.percent}%`;
		for (const f of this.querySelectorAll<HTMLElement>('[data-flag]')) f.hidden = !incomplete;
		$('[data-completion-note]').textContent = incomplete
			? t('results.incompleteNote', {
					answered: score.completion.answered,
					total: score.completion.total,
				})
			: t('results.completeNote');
		$('[data-completion-note]').className = incomplete ? 'notice warn' : 'notice ok';
		capsNotes($('[data-caps]'), score, catalogue);
		$('[data-band-note]').textContent = t('results.bandNote', {
			pass: a.settings.passMark,
			model: a.settings.modelMark,
		});
		categoryRows($('[data-category-rows]'), score, incomplete);
		$('[data-chart-not-rated]').hidden = !score.categories.some(
			(k) => !k.bonus && k.percent !== null && k.answered === 0,
		);
		priorityItems(
			$('[data-priorities]'),
			score,
			catalogue,
			readGuideTitles(),
			this.dataset['base'] ?? '/',
		);

		renderPlanPanels(this, catalogue, a, score, this.dataset['base'] ?? '/');

		const strengths = $('[data-strengths]');
		strengths.replaceChildren();
		const strongCats = score.categories.filter(
			(k) => !k.bonus && k.percent !== null && k.percent >= 90,
		);
		if (strongCats.length)
			strengths.append(
				el(
					'li',
					t('results.strengthsCategories', { items: strongCats.map((k) => k.title).join('、') }),
				),
			);
		for (const id of score.strengths) {
			const c = catalogue.criteria.find((x) => x.id === id)!;
			strengths.append(el('li', `${c.id} ${c.title}：${c.levels[3]}`));
		}
		if (!strengths.children.length) strengths.append(el('li', t('results.strengthsNone')));

		const unanswered = score.criteria.filter((c) => c.status === 'unanswered');
		$('[data-unanswered-section]').hidden = unanswered.length === 0;
		const ul = $('[data-unanswered]');
		ul.replaceChildren(
			...unanswered.map((c) => {
				const li = el('li');
				const link = el('a', `${c.id} ${catalogue.criteria.find((x) => x.id === c.id)!.title}`);
				link.href = `${this.dataset['base'] ?? '/'}assess/#criterion-${c.id}`;
				li.append(link);
				return li;
			}),
		);

		const elig = $('[data-eligibility]');
		elig.replaceChildren(
			...score.eligibility.map((e) => {
				const def = catalogue.eligibility.find((x) => x.id === e.id)!;
				const state =
					e.met === null
						? t('eligibility.unknown')
						: e.met
							? t('eligibility.met')
							: t('eligibility.notMet');
				const li = el('li');
				li.append(
					el(
						'span',
						state,
						`badge ${e.met === true ? 'bonus' : e.met === false ? 'required' : ''}`,
					),
					' ',
					def.condition,
				);
				return li;
			}),
		);
		const sourceId = catalogue.eligibility[0]?.source;
		const source = catalogue.sources.find((s) => s.id === sourceId);
		$('[data-eligibility-source]').textContent = source
			? t('results.eligibilitySource', { source: `${source.title}（${source.issuer}）` })
			: '';
		$('[data-next-check]').textContent = t('results.nextCheck', {
			date: nextSelfCheck(a.profile.assessedOn, new Date()),
		});
		renderProgress($('[data-progress]'), catalogue, this.session.assessments, a);
		this.showCharts();
	}

	/**
	 * Before any answer there is no score to show: the page says 还没开始 and leads to the
	 * checklist instead of showing 0 / 100, 起步 and a 必备 warning. True when shown.
	 */
	private showNotStarted(score: ScoreResult): boolean {
		const notStarted = score.completion.answered === 0;
		const view = this.querySelector<HTMLElement>('[data-view]')!;
		for (const section of view.querySelectorAll<HTMLElement>(':scope > section'))
			section.hidden = notStarted !== section.matches('[data-not-started]');
		if (notStarted)
			this.querySelector('[data-not-started-text]')!.textContent = t('results.notStarted', {
				name: this.session.current.name,
			});
		return notStarted;
	}

	/**
	 * The total: "64.7 / 100" within the base; above it (bonus points) it reads as the sum
	 * "基本分 96 + 加分 5 = 101" rather than "101 / 100".
	 */
	private showTotal(score: ScoreResult): void {
		const max = this.session.catalogue.basePoints;
		const total = this.querySelector<HTMLElement>('[data-total]')!;
		const parts = this.querySelector<HTMLElement>('[data-total-parts]')!;
		const withBonus = score.bonus > 0;
		total.textContent = withBonus
			? fmt(score.total)
			: t('results.outOf', { score: fmt(score.total), max });
		parts.hidden = !withBonus;
		parts.textContent = withBonus
			? t('results.totalParts', {
					base: fmt(score.base),
					bonus: fmt(score.bonus),
					total: fmt(score.total),
				})
			: '';
	}

	/** Draws the charts once the chart area is near the viewport (their code loads then). */
	private showCharts(): void {
		const status = this.querySelector<HTMLElement>('[data-chart-status]')!;
		const radar = this.querySelector<SVGSVGElement>('svg[data-radar]')!;
		const bar = this.querySelector<SVGSVGElement>('svg[data-bar]')!;
		const draw = async () => {
			this.charts?.radar.destroy();
			this.charts?.bar.destroy();
			status.textContent = t('results.chartLoading');
			try {
				this.charts = await drawCharts(radar, bar, this.score);
				status.textContent = '';
				for (const b of this.querySelectorAll<HTMLButtonElement>('[data-png]')) b.disabled = false;
			} catch {
				status.textContent = t('results.chartFailed');
			}
		};
		if (this.charts) return void draw();
		const observer = new IntersectionObserver(
			(entries) => {
				if (entries.some((e) => e.isIntersecting)) {
					observer.disconnect();
					void draw();
				}
			},
			{ rootMargin: '200px' },
		);
		observer.observe(this.querySelector('[data-charts]')!);
	}

	private download(kind: 'json' | 'csv'): void {
		const a = this.session.current;
		if (kind === 'json') {
			const file = buildResultFile(a, this.score, new Date());
			download(`${fileStem(a)}.json`, JSON.stringify(file, null, 2));
		} else {
			download(
				`${fileStem(a)}.csv`,
				csvFor(this.session.catalogue, a, this.score),
				'text/csv;charset=utf-8',
			);
		}
	}

	private async downloadPng(which: 'radar' | 'bar'): Promise<void> {
		if (!this.charts) return;
		const blob = await this.charts.png(this.charts[which]);
		if (blob)
			download(
				`${fileStem(this.session.current)}_${t(which === 'radar' ? 'results.pngRadar' : 'results.pngBar')}.png`,
				blob,
				'image/png',
			);
	}
}

customElements.define('zz-results', ZzResults);
