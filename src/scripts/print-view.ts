/** <zz-print-view>: fills the 评分表 with the current assessment; charts become images for print. */
import { scoreAssessment } from '../lib/scoring';
import { t, type StringKey } from '../i18n/client';
import { Session, readCatalogue } from './session';
import {
	capsNotes,
	categoryRows,
	drawCharts,
	fmt,
	priorityItems,
	readGuideTitles,
} from './results-view';

class ZzPrintView extends HTMLElement {
	connectedCallback(): void {
		const catalogue = readCatalogue();
		const session = new Session(catalogue);
		const a = session.current;
		const score = scoreAssessment(catalogue, a);
		const set = (sel: string, text: string) => {
			const node = this.querySelector<HTMLElement>(sel);
			if (node) node.textContent = text;
		};
		for (const [k, v] of Object.entries(a.profile)) {
			const text =
				k === 'unitType'
					? t(`unitType.${String(v)}` as StringKey)
					: v === null || v === ''
						? ''
						: String(v);
			set(`[data-p="${k}"]`, text);
		}
		const incomplete = !score.completion.complete;
		for (const c of catalogue.criteria) {
			const cs = score.criteria.find((x) => x.id === c.id)!;
			const ans = a.answers[c.id];
			set(
				`[data-self="${c.id}"]`,
				cs.status === 'na' ? t('criterion.na') : cs.status === 'unanswered' ? '' : fmt(cs.earned),
			);
			const parts: string[] = [];
			if (cs.status === 'answered' && cs.level !== null)
				parts.push(catalogue.levelNames[cs.level]!);
			if (ans?.rate !== null && ans?.rate !== undefined)
				parts.push(`${c.rate?.label ?? ''} ${ans.rate}%`);
			if (ans?.na && ans.naReason) parts.push(`${t('criterion.na')}：${ans.naReason}`);
			const evidence = (ans?.evidence ?? []).map((i) => c.evidence[i]).filter(Boolean);
			if (evidence.length) parts.push(t('print.evidenceOn', { items: evidence.join('、') }));
			if (ans?.note) parts.push(ans.note);
			set(`[data-note="${c.id}"]`, parts.join('；'));
		}
		for (const k of score.categories) {
			set(
				`[data-cat-self="${k.id}"]`,
				k.percent === null ? t('criterion.na') : fmt(k.contribution),
			);
			const scaled = !k.bonus && Math.abs(score.baseScale - 1) > 1e-9;
			const notes = [
				k.na ? t('progress.na', { n: k.na }) : '',
				scaled ? t('print.scaledPoints', { points: fmt(k.scaledPoints) }) : '',
			].filter(Boolean);
			if (notes.length) set(`[data-cat-note="${k.id}"]`, notes.join('；'));
		}
		for (const v of catalogue.vetoes)
			set(
				`[data-veto="${v.id}"]`,
				score.vetoes.includes(v.id)
					? t('veto.yes')
					: score.unansweredVetoes.includes(v.id)
						? t('veto.unanswered')
						: t('veto.no'),
			);
		const flag = incomplete ? `（${t('results.incomplete')}）` : '';
		set('[data-s="base"]', fmt(score.base) + flag);
		set('[data-s="bonus"]', `+${fmt(score.bonus)}`);
		set('[data-s="total"]', fmt(score.total) + flag);
		set('[data-s="band"]', score.band.name + flag);
		set(
			'[data-s="completion"]',
			`${score.completion.percent}%（${score.completion.answered} / ${score.completion.total}）`,
		);
		capsNotes(this.querySelector('[data-caps]')!, score, catalogue);
		set(
			'[data-band-note]',
			t('results.bandNote', { pass: a.settings.passMark, model: a.settings.modelMark }),
		);
		categoryRows(this.querySelector('[data-category-rows]')!, score, incomplete);
		priorityItems(
			this.querySelector('[data-priorities]')!,
			score,
			catalogue,
			readGuideTitles(),
			this.dataset['base'] ?? '/',
		);
		void this.charts(score);
	}

	/** Draws the charts (SVG, which prints at any size), then marks the sheet ready. */
	private async charts(score: ReturnType<typeof scoreAssessment>): Promise<void> {
		const radar = this.querySelector<SVGSVGElement>('svg[data-radar]')!;
		const bar = this.querySelector<SVGSVGElement>('svg[data-bar]')!;
		try {
			await drawCharts(radar, bar, score);
		} catch {
			// The category table beside the charts has the same figures.
		}
		this.dataset['ready'] = '';
	}
}

customElements.define('zz-print-view', ZzPrintView);
