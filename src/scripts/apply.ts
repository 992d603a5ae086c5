/**
 * <zz-apply>: the 申报表. Shows the current assessment's profile and scores and edits its
 * 建家工作总结: every keystroke goes through the form model in src/lib/application.ts
 * (limits from LIMITS) and is saved at once like the checklist's answers.
 */
import { scoreAssessment } from '../lib/scoring';
import {
	parseSummaryFieldName,
	setSummaryField,
	summaryLimit,
	summaryValue,
} from '../lib/application';
import { t, type StringKey } from '../i18n/client';
import { Session, bindAssessmentPicker, readCatalogue } from './session';
import { el } from './dom';
import { showSaveResult } from './save-status';
import { categoryRows, fmt } from './results-view';

class ZzApply extends HTMLElement {
	private session!: Session;

	connectedCallback(): void {
		this.session = new Session(readCatalogue());
		// The session always holds an assessment (a new one, unsaved, on a first visit).
		this.querySelector<HTMLElement>('[data-view]')!.hidden = false;
		bindAssessmentPicker(
			this.querySelector<HTMLSelectElement>('[data-current]')!,
			this.session,
			() => this.render(),
		);
		for (const area of this.querySelectorAll<HTMLTextAreaElement>('textarea[name^="summary."]'))
			area.addEventListener('input', () => this.edit(area));
		this.render();
	}

	private edit(area: HTMLTextAreaElement): void {
		const field = parseSummaryFieldName(area.name);
		if (!field) return;
		const a = this.session.current;
		const r = setSummaryField(a.application, field, area.value);
		const count = this.querySelector<HTMLElement>(`[data-count-for="${area.name}"]`)!;
		if (!r.ok) {
			area.value = summaryValue(a.application, field);
			area.setAttribute('aria-invalid', 'true');
			count.textContent = t('apply.tooLong', { max: r.limit });
			return;
		}
		area.removeAttribute('aria-invalid');
		a.application = r.next;
		this.showCount(area);
		const status = this.querySelector<HTMLElement>('[data-save-status]')!;
		const w = this.session.save();
		status.className = w.ok ? 'muted no-print' : 'notice bad no-print';
		// The same 已保存 time and failure texts as the checklist; a failure is said in the status.
		showSaveResult(status, w, a.updatedAt, (text) => {
			status.textContent = text;
		});
	}

	private showCount(area: HTMLTextAreaElement): void {
		const field = parseSummaryFieldName(area.name);
		if (!field) return;
		this.querySelector<HTMLElement>(`[data-count-for="${area.name}"]`)!.textContent = t(
			'apply.count',
			{
				n: area.value.length,
				max: summaryLimit(field),
			},
		);
		this.querySelector<HTMLElement>(`[data-print-for="${area.name}"]`)!.textContent = area.value;
	}

	private render(): void {
		const catalogue = this.session.catalogue;
		const a = this.session.current;
		const score = scoreAssessment(catalogue, a);
		const p = a.profile;
		const cells: Record<string, string> = {
			unitName: p.unitName,
			unionName: p.unionName,
			unitType: t(`unitType.${p.unitType}` as StringKey),
			scope: t(`scope.${p.scope}` as StringKey),
			memberCount: p.memberCount === null ? '' : String(p.memberCount),
			assessedOn: p.assessedOn,
		};
		for (const td of this.querySelectorAll<HTMLElement>('[data-p]'))
			td.textContent = cells[td.dataset['p']!] ?? '';
		this.querySelector<HTMLElement>('[data-total]')!.textContent = t('results.outOf', {
			score: fmt(score.total),
			max: catalogue.basePoints,
		});
		this.querySelector<HTMLElement>('[data-band]')!.textContent = score.band.name;
		const incomplete = this.querySelector<HTMLElement>('[data-incomplete]')!;
		incomplete.hidden = score.completion.complete;
		incomplete.textContent = t('apply.incomplete', {
			answered: score.completion.answered,
			total: score.completion.total,
		});
		categoryRows(
			this.querySelector<HTMLElement>('[data-category-rows]')!,
			score,
			!score.completion.complete,
		);
		for (const k of score.categories) {
			const span = this.querySelector<HTMLElement>(`[data-cat-score="${k.id}"]`);
			if (span)
				span.textContent = t('apply.categoryScore', {
					earned: fmt(k.bonus ? Math.min(k.earned, k.points) : k.earned),
					points: k.points,
				});
		}
		const name = (id: string) => {
			const c = catalogue.criteria.find((x) => x.id === id);
			const v = catalogue.vetoes.find((x) => x.id === id);
			return c ? `${id} ${c.title}` : v ? `${id} ${v.title}` : id;
		};
		const status = this.querySelector<HTMLElement>('[data-status]')!;
		const unanswered = catalogue.vetoes.filter(
			(v) => !v.derivedFrom && (a.vetoes[v.id] ?? null) === null,
		);
		status.replaceChildren(
			el(
				'li',
				score.missingRequired.length
					? t('apply.requiredMissing', { items: score.missingRequired.map(name).join('、') })
					: t('apply.requiredOk'),
			),
			el(
				'li',
				score.vetoes.length
					? t('apply.vetoHit', { items: score.vetoes.map(name).join('、') })
					: unanswered.length
						? t('apply.vetoUnanswered', { items: unanswered.map((v) => name(v.id)).join('、') })
						: t('apply.vetoNone'),
			),
		);
		for (const area of this.querySelectorAll<HTMLTextAreaElement>('textarea[name^="summary."]')) {
			const field = parseSummaryFieldName(area.name);
			if (!field) continue;
			area.value = summaryValue(a.application, field);
			area.removeAttribute('aria-invalid');
			this.showCount(area);
		}
		this.querySelector<HTMLElement>('[data-filled-by]')!.textContent = t('apply.filledBy', {
			name: p.assessor || '＿＿＿＿',
			date: new Date().toISOString().slice(0, 10),
		});
	}
}

customElements.define('zz-apply', ZzApply);
