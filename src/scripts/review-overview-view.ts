/**
 * <zz-review-overview>: on the compare page, 自评 / 验收 / 差值 per file, the branches whose
 * self-score exceeds the 验收 by more than a threshold the user sets, the criteria most
 * often over-rated, and a CSV. The figures come from src/lib/review-overview.ts; the
 * entries come from compare.ts in a `zz-entries` event after every load.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import type { OverviewEntry } from '../lib/aggregate';
import {
	DEFAULT_OVERRATE_THRESHOLD,
	overRatedList,
	overRatedCriteria,
	parseThreshold,
	reviewCounts,
	reviewOverviewCsv,
	reviewOverviewRows,
	REVIEW_PAGE_SIZE,
} from '../lib/review-overview';
import { pageOf } from '../lib/compare-view';
import { showPage } from './pager';
import { t, type StringKey } from '../i18n/client';
import { download, readCatalogue } from './session';
import { webDigest } from './digest';
import { el } from './dom';
import { fmt } from './results-view';
import { signed } from './review-view';

class ZzReviewOverview extends HTMLElement {
	private catalogue!: Catalogue;
	private entries: OverviewEntry[] = [];
	private threshold = DEFAULT_OVERRATE_THRESHOLD;
	private run = 0;
	/** The table's page (0-based); a new load starts again at the first. */
	private page = 0;

	private $<T extends HTMLElement>(sel: string): T {
		return this.querySelector<T>(sel)!;
	}

	connectedCallback(): void {
		this.catalogue = readCatalogue();
		document.addEventListener('zz-entries', (e) => {
			this.entries = (e as CustomEvent<OverviewEntry[]>).detail;
			this.page = 0;
			void this.check();
		});
		const input = this.$<HTMLInputElement>('[data-threshold]');
		input.addEventListener('input', () => {
			const r = parseThreshold(input.value);
			const err = this.$('[data-threshold-error]');
			if (r.ok) {
				this.threshold = r.value;
				err.textContent = '';
				input.removeAttribute('aria-invalid');
			} else {
				err.textContent = t('reviewOverview.thresholdInvalid', { value: this.threshold });
				input.setAttribute('aria-invalid', 'true');
			}
			this.render();
		});
		this.$('[data-csv]').addEventListener('click', () => this.csv());
		const turn = (by: number) => {
			this.page += by;
			this.render();
		};
		this.$('[data-page-prev]').addEventListener('click', () => turn(-1));
		this.$('[data-page-next]').addEventListener('click', () => turn(1));
		this.render();
		// In case the compare page loaded its entries before this element was defined.
		document.dispatchEvent(new CustomEvent('zz-entries-request'));
	}

	/** Hashes each reviewed file's branch part (Web Crypto), then draws. */
	private async check(): Promise<void> {
		const run = ++this.run;
		this.render();
		const digest = webDigest();
		if (!digest) return;
		for (const e of this.entries) {
			const r = e.review;
			if (!r || r.integrity !== 'unchecked') continue;
			try {
				r.integrity =
					`sha256:${await digest(r.branchCanonical)}` === r.recordedHash ? 'intact' : 'altered';
			} catch {
				/* stays unchecked */
			}
			if (run !== this.run) return;
		}
		this.render();
	}

	private render(): void {
		const rows = reviewOverviewRows(this.entries);
		const counts = reviewCounts(rows);
		this.hidden = rows.length === 0;
		this.$('[data-none]').hidden = counts.reviewed > 0;
		this.$('[data-counts]').textContent = rows.length ? t('reviewOverview.counts', counts) : '';
		const altered = this.$('[data-altered]');
		altered.hidden = counts.altered === 0;
		altered.textContent = t('reviewOverview.altered', { n: counts.altered });
		const bandName = (id: string) => this.catalogue.bands.find((b) => b.id === id)?.name ?? id;
		// A page at a time: 10,000 rows at once would hold the page for seconds.
		const view = pageOf(rows, this.page, REVIEW_PAGE_SIZE);
		this.page = view.page;
		this.$('[data-rows]').replaceChildren(
			...view.rows.map((r) => {
				const tr = el('tr');
				if (r.diff !== null && r.diff > this.threshold) tr.className = 'diff-lower';
				const th = el('th', r.branch);
				th.scope = 'row';
				tr.append(
					th,
					el('td', r.assessedOn),
					el('td', fmt(r.self)),
					el('td', r.review === null ? '—' : fmt(r.review)),
					el('td', r.diff === null ? '—' : signed(r.diff)),
					el('td', fmt(r.score)),
					el('td', t(`reviewOverview.source.${r.source}` as StringKey)),
					el('td', bandName(r.band)),
					el('td', r.integrity ? t(`reviewOverview.integrity.${r.integrity}` as StringKey) : '—'),
				);
				return tr;
			}),
		);
		showPage(this, view);
		const { shown: over, more: overMore } = overRatedList(rows, this.threshold);
		const more = this.$('[data-over-more]');
		more.hidden = overMore === 0;
		more.textContent = overMore
			? t('reviewOverview.overMore', { shown: over.length, more: overMore })
			: '';
		this.$('[data-over]').replaceChildren(
			...(over.length
				? over.map((r) =>
						el(
							'li',
							t('reviewOverview.overItem', {
								branch: r.branch,
								self: fmt(r.self),
								review: fmt(r.review ?? 0),
								diff: fmt(r.diff ?? 0),
							}),
						),
					)
				: [el('li', t('reviewOverview.overNone', { value: this.threshold }))]),
		);
		const crit = overRatedCriteria(this.entries, this.catalogue);
		this.$('[data-criteria]').replaceChildren(
			...(crit.length
				? crit.map((c) =>
						el(
							'li',
							t('reviewOverview.criteriaItem', {
								id: c.id,
								title: c.title,
								over: c.overCount,
								compared: c.comparedCount,
								gap: c.meanGap,
							}),
						),
					)
				: [el('li', t('reviewOverview.criteriaNone'))]),
		);
	}

	private csv(): void {
		const rows = reviewOverviewRows(this.entries);
		const text = reviewOverviewCsv(rows, {
			head: [
				t('reviewOverview.col.branch'),
				t('reviewOverview.col.date'),
				t('reviewOverview.col.self'),
				t('reviewOverview.col.review'),
				t('reviewOverview.col.diff'),
				t('reviewOverview.col.score'),
				t('reviewOverview.col.source'),
				t('reviewOverview.col.band'),
				t('reviewOverview.col.integrity'),
			],
			source: { review: t('reviewOverview.source.review'), self: t('reviewOverview.source.self') },
			integrity: {
				intact: t('reviewOverview.integrity.intact'),
				altered: t('reviewOverview.integrity.altered'),
				unchecked: t('reviewOverview.integrity.unchecked'),
			},
			bandName: (id) => this.catalogue.bands.find((b) => b.id === id)?.name ?? id,
		});
		download(
			t('reviewOverview.csvFile', { date: new Date().toISOString().slice(0, 10) }),
			text,
			'text/csv;charset=utf-8',
		);
	}
}

customElements.define('zz-review-overview', ZzReviewOverview);
