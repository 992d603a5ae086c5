/**
 * <zz-received-review>: on the results page, the branch imports the reviewed result file
 * its 上级工会 sent back and reads the review, read-only, beside its own answers. The
 * review is kept in the browser (RecordStore, `zzzj.received.v5.` keys) keyed by the id
 * of the assessment it reviews; importing it never changes any assessment.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import { checkFileSize, parseResultFile } from '../lib/result-file';
import { checkIntegrity } from '../lib/review';
import { compareReview, rectificationItems } from '../lib/review-score';
import {
	ReceivedReviewSchema,
	receivedReviews,
	type ReceivedReview,
	type RecordStore,
} from '../lib/review-store';
import { t } from '../i18n/client';
import { acceptDrops } from './dropzone';
import { importErrorText } from './import-errors';
import { browserStorage, newId, readCatalogue } from './session';
import { webDigest } from './digest';
import { el } from './dom';
import { capsNotes, unitLine } from './results-view';
import {
	categoryComparison,
	criterionComparison,
	integrityNotice,
	rectificationList,
	scoreTiles,
} from './review-view';

/** The id of the assessment the results page shows (its select), if any. */
function currentAssessmentId(): string | null {
	return document.querySelector<HTMLSelectElement>('#r-current')?.value ?? null;
}

class ZzReceivedReview extends HTMLElement {
	private catalogue!: Catalogue;
	private store!: RecordStore<ReceivedReview>;
	private records: ReceivedReview[] = [];
	private messages!: HTMLElement;

	private $<T extends HTMLElement>(sel: string): T {
		return this.querySelector<T>(sel)!;
	}

	connectedCallback(): void {
		this.catalogue = readCatalogue();
		this.store = receivedReviews(browserStorage());
		this.messages = this.$('[data-messages]');
		this.records = this.store.load().records;
		const input = this.$<HTMLInputElement>('[data-import]');
		input.addEventListener('change', () => {
			const file = input.files?.[0];
			if (file) void this.importFile(file);
			input.value = '';
		});
		acceptDrops(this.$('[data-dropzone]'), (files) => void this.importFile(files[0]!));
		this.$<HTMLSelectElement>('[data-current]').addEventListener('change', (e) =>
			this.show((e.target as HTMLSelectElement).value),
		);
		this.$('[data-remove]').addEventListener('click', () => this.removeReview());
		document.querySelector('#r-current')?.addEventListener('change', () => this.showDefault());
		this.showDefault();
	}

	private showDefault(): void {
		const own = currentAssessmentId();
		const pick = this.records.find((r) => r.id === own) ?? this.records.at(-1);
		this.renderList(pick?.id ?? null);
		if (pick) this.show(pick.id);
	}

	private renderList(selected: string | null): void {
		this.$<HTMLSelectElement>('[data-current]').replaceChildren(
			...this.records.map((r) => {
				const p = r.assessment.profile;
				const o = el(
					'option',
					[p.unionName || p.unitName || r.fileName, r.review.reviewedOn]
						.filter(Boolean)
						.join(' · '),
				);
				o.value = r.id;
				o.selected = r.id === selected;
				return o;
			}),
		);
		this.$('[data-view]').hidden = this.records.length === 0;
	}

	private async importFile(file: File): Promise<void> {
		this.messages.replaceChildren();
		const fail = (text: string) =>
			this.messages.append(el('p', `${text}${t('import.unchanged')}`, 'notice bad'));
		const sizeError = checkFileSize(file.size);
		if (sizeError) return fail(importErrorText(sizeError));
		let text: string;
		try {
			text = await file.text();
		} catch {
			return fail(t('import.readFailed'));
		}
		const result = parseResultFile(text, {
			catalogue: this.catalogue,
			newId,
			now: new Date(),
			rejectUnknownCriteria: true,
			untitled: t('import.untitled'),
			passMark: 75,
			modelMark: 90,
		});
		if (!result.ok) return fail(importErrorText(result.error));
		if (!result.review) return fail(t('received.notReviewed'));
		const a = result.assessment;
		const record: ReceivedReview = {
			id: a.id,
			fileName: Array.from(file.name).slice(0, 200).join(''),
			importedAt: new Date().toISOString(),
			catalogueVersion: a.catalogueVersion,
			assessment: a,
			review: result.review,
			integrity: await checkIntegrity(webDigest(), result.review.branchHash, a.catalogueVersion, a),
		};
		if (!ReceivedReviewSchema.safeParse(record).success) return fail(t('import.readFailed'));
		const saved = this.store.save(record);
		if (!saved.ok)
			this.messages.append(
				el(
					'p',
					t(saved.reason === 'quota' ? 'review.saveFailedQuota' : 'review.saveFailedUnavailable'),
					'notice bad',
				),
			);
		this.records = [...this.records.filter((r) => r.id !== record.id), record];
		this.messages.append(
			el('p', t('received.imported', { name: unitLine(a) || a.name }), 'notice ok'),
		);
		this.renderList(record.id);
		this.show(record.id);
	}

	private removeReview(): void {
		const id = this.$<HTMLSelectElement>('[data-current]').value;
		this.store.remove(id);
		this.records = this.records.filter((r) => r.id !== id);
		this.messages.replaceChildren(el('p', t('received.removed'), 'notice ok'));
		this.showDefault();
	}

	private show(id: string): void {
		const r = this.records.find((x) => x.id === id);
		if (!r) return;
		const cmp = compareReview(this.catalogue, r.assessment, r.review);
		const rv = r.review.reviewer;
		this.$('[data-reviewer]').textContent = t('received.reviewer', {
			organisation: rv.organisation || '—',
			name: rv.name || '—',
			date: r.review.reviewedOn || '—',
		});
		this.$('[data-integrity]').replaceChildren(integrityNotice(r.integrity));
		const other = this.$('[data-other]');
		const own = currentAssessmentId();
		other.hidden = own === null || own === r.id;
		other.textContent = t('received.otherAssessment', {
			name: unitLine(r.assessment) || r.assessment.name,
		});
		this.$('[data-tiles]').replaceChildren(scoreTiles(cmp, this.catalogue.basePoints));
		capsNotes(this.$('[data-review-caps]'), cmp.review, this.catalogue);
		this.$('[data-compare]').replaceChildren(
			categoryComparison(cmp),
			criterionComparison(this.catalogue, cmp),
		);
		this.$('[data-rectify]').replaceChildren(
			rectificationList(this.catalogue, r.assessment, r.review),
		);
		// To the plan of the assessment reviewed, where the 整改要求 become tasks.
		const items = rectificationItems(this.catalogue, r.assessment, r.review);
		this.$('[data-rectify-plan-box]').hidden = items.length === 0;
		this.$<HTMLAnchorElement>('[data-rectify-plan]').href =
			`${this.dataset['base'] ?? '/'}assess/plan/?received=${encodeURIComponent(r.id)}#rectify`;
		this.$('[data-conclusion]').textContent = r.review.conclusion || t('opinion.conclusionNone');
		this.$<HTMLAnchorElement>('[data-opinion]').href =
			`${this.dataset['base'] ?? '/'}review/opinion/?received=${encodeURIComponent(r.id)}`;
	}
}

customElements.define('zz-received-review', ZzReceivedReview);
