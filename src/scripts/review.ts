/**
 * <zz-review>: the reviewer's page. Loads branch result files (the same safe import as the
 * checklist), keeps one review per file in the browser (RecordStore, own key prefix),
 * shows the branch's answers read-only beside the review controls, and downloads the
 * reviewed result file. Rules and figures live in src/lib; this file moves values between
 * the DOM and the review, and refuses at the field what the schema would refuse.
 */
import type { Catalogue, Criterion } from '../lib/catalogue-schema';
import { LIMITS, type Assessment, type Level } from '../lib/assessment';
import { buildResultFile, checkFileSize, parseResultFile } from '../lib/result-file';
import { scoreAssessment, levelForRate } from '../lib/scoring';
import {
	REVIEW_METHODS,
	branchHash,
	checkIntegrity,
	emptyReviewCriterion,
	type Integrity,
	type Review,
	type ReviewCriterion,
	type ReviewMethod,
} from '../lib/review';
import {
	compareReview,
	prefillFromSelf,
	reviewProgress,
	reviewScoresBlock,
	scoreReview,
} from '../lib/review-score';
import {
	ReviewDraftSchema,
	reviewDrafts,
	type RecordStore,
	type ReviewDraft,
} from '../lib/review-store';
import { t, type StringKey } from '../i18n/client';
import { acceptDrops } from './dropzone';
import { importErrorText } from './import-errors';
import { browserStorage, download, fileStem, newId, readCatalogue } from './session';
import { webDigest } from './digest';
import { dateOnFocus, el } from './dom';
import { compareKeys } from '../lib/key-order';
import { showSaved } from './save-status';
import { capsNotes, unitLine } from './results-view';
import {
	categoryComparison,
	criterionComparison,
	integrityNotice,
	levelText,
	scoreTiles,
} from './review-view';

function message(box: HTMLElement, text: string, kind: 'ok' | 'warn' | 'bad'): void {
	box.append(el('p', text, `notice ${kind}`));
}

/** The name a draft is listed under. */
function draftLabel(d: ReviewDraft): string {
	const p = d.assessment.profile;
	return [p.unionName || p.unitName || d.fileName, p.assessedOn].filter(Boolean).join(' · ');
}

class ZzReview extends HTMLElement {
	private catalogue!: Catalogue;
	private store!: RecordStore<ReviewDraft>;
	private drafts: ReviewDraft[] = [];
	private current: ReviewDraft | null = null;
	private integrity = new Map<string, Integrity>();
	private readonly digest = webDigest();
	private messages!: HTMLElement;

	private $<T extends HTMLElement>(sel: string): T {
		return this.querySelector<T>(sel)!;
	}

	connectedCallback(): void {
		this.catalogue = readCatalogue();
		this.store = reviewDrafts(browserStorage());
		this.messages = this.$('[data-messages]');
		const loaded = this.store.load();
		this.drafts = loaded.records.sort((a, b) => compareKeys(a.createdAt, b.createdAt));
		if (loaded.quarantined.length)
			message(this.messages, t('review.quarantined', { n: loaded.quarantined.length }), 'warn');
		const input = this.$<HTMLInputElement>('[data-import]');
		input.addEventListener('change', () => {
			if (input.files?.length) void this.loadFiles([...input.files]);
			input.value = '';
		});
		acceptDrops(this.$('[data-dropzone]'), (files) => void this.loadFiles([...files]));
		this.$<HTMLSelectElement>('[data-current]').addEventListener('change', (e) => {
			this.open((e.target as HTMLSelectElement).value);
		});
		this.$('[data-delete]').addEventListener('click', () => this.deleteCurrent());
		this.$('[data-prefill]').addEventListener('click', () => this.prefill());
		this.$('[data-download]').addEventListener('click', () => this.downloadFile());
		for (const input of this.querySelectorAll<HTMLInputElement>('[data-reviewer]'))
			input.addEventListener('change', () => this.setReviewer(input));
		for (const input of this.querySelectorAll<HTMLInputElement>('[data-date-field]'))
			dateOnFocus(input, t('form.datePlaceholder'));
		const conclusion = this.$<HTMLTextAreaElement>('[data-conclusion]');
		conclusion.addEventListener('input', () => {
			this.update((r) => ({ ...r, conclusion: conclusion.value }));
			this.count(conclusion, LIMITS.reviewConclusion);
		});
		this.renderList();
		const last = this.drafts.at(-1);
		if (last) this.open(last.id);
	}

	// ------------------------------------------------------------- loading files

	private async loadFiles(files: File[]): Promise<void> {
		this.messages.replaceChildren();
		if (!this.digest) return message(this.messages, t('review.needsCrypto'), 'bad');
		let opened: string | null = null;
		for (const file of files) {
			const fail = (text: string) =>
				message(this.messages, `${file.name}：${text}${t('import.unchanged')}`, 'bad');
			const sizeError = checkFileSize(file.size);
			if (sizeError) {
				fail(importErrorText(sizeError));
				continue;
			}
			let text: string;
			try {
				text = await file.text();
			} catch {
				fail(t('import.readFailed'));
				continue;
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
			if (!result.ok) {
				fail(importErrorText(result.error));
				continue;
			}
			const a = result.assessment;
			const hash = await branchHash(this.digest, a.catalogueVersion, a);
			const stamp = new Date().toISOString();
			const review: Review = result.review ?? {
				reviewer: { name: '', organisation: '' },
				reviewedOn: stamp.slice(0, 10),
				rectifyBy: '',
				conclusion: '',
				branchHash: hash,
				criteria: {},
				vetoes: {},
				scores: reviewScoresBlock(scoreAssessment(this.catalogue, { ...a, answers: {} })),
			};
			const draft: ReviewDraft = {
				id: newId(),
				fileName: Array.from(file.name).slice(0, 200).join(''),
				createdAt: stamp,
				updatedAt: stamp,
				catalogueVersion: a.catalogueVersion,
				assessment: a,
				review,
			};
			const check = ReviewDraftSchema.safeParse(draft);
			if (!check.success) {
				fail(importErrorText({ code: 'bad-shape', detail: '' }));
				continue;
			}
			this.integrity.set(
				draft.id,
				result.review ? (review.branchHash === hash ? 'intact' : 'altered') : 'intact',
			);
			this.drafts.push(draft);
			this.save(draft);
			opened = draft.id;
			message(
				this.messages,
				t(result.review ? 'review.loadedReviewed' : 'review.loaded', { name: draftLabel(draft) }),
				'ok',
			);
		}
		this.renderList();
		if (opened) this.open(opened);
	}

	// ------------------------------------------------------------- list

	private renderList(): void {
		const select = this.$<HTMLSelectElement>('[data-current]');
		select.replaceChildren(
			...this.drafts.map((d) => {
				const o = el('option', draftLabel(d));
				o.value = d.id;
				o.selected = d.id === this.current?.id;
				return o;
			}),
		);
		this.$('[data-list]').hidden = this.drafts.length === 0;
		this.$('[data-list-empty]').hidden = this.drafts.length > 0;
		if (!this.drafts.length) this.$('[data-view]').hidden = true;
	}

	private open(id: string): void {
		const d = this.drafts.find((x) => x.id === id);
		if (!d) return;
		this.current = d;
		this.$<HTMLSelectElement>('[data-current]').value = id;
		this.$('[data-view]').hidden = false;
		this.$('[data-unit]').textContent = unitLine(d.assessment) || d.fileName;
		for (const input of this.querySelectorAll<HTMLInputElement>('[data-reviewer]')) {
			const key = input.dataset['reviewer']!;
			input.value =
				key === 'name' || key === 'organisation'
					? d.review.reviewer[key]
					: d.review[key as 'reviewedOn' | 'rectifyBy'];
		}
		const conclusion = this.$<HTMLTextAreaElement>('[data-conclusion]');
		conclusion.value = d.review.conclusion;
		this.count(conclusion, LIMITS.reviewConclusion);
		const opinion = this.$<HTMLAnchorElement>('[data-opinion]');
		opinion.href = `${this.dataset['base'] ?? '/'}review/opinion/?review=${encodeURIComponent(d.id)}`;
		this.renderVetoes(d);
		this.renderCriteria(d);
		this.renderSummary();
		void this.showIntegrity(d);
	}

	private async showIntegrity(d: ReviewDraft): Promise<void> {
		let integrity = this.integrity.get(d.id);
		if (!integrity) {
			integrity = await checkIntegrity(
				this.digest,
				d.review.branchHash,
				d.catalogueVersion,
				d.assessment,
			);
			this.integrity.set(d.id, integrity);
		}
		if (this.current?.id === d.id)
			this.$('[data-integrity]').replaceChildren(integrityNotice(integrity));
	}

	private deleteCurrent(): void {
		const d = this.current;
		if (!d || !window.confirm(t('review.deleteConfirm', { name: draftLabel(d) }))) return;
		this.store.remove(d.id);
		this.drafts = this.drafts.filter((x) => x.id !== d.id);
		this.current = null;
		this.messages.replaceChildren();
		message(this.messages, t('review.deleted', { name: draftLabel(d) }), 'ok');
		this.renderList();
		const last = this.drafts.at(-1);
		if (last) this.open(last.id);
	}

	// ------------------------------------------------------------- editing

	/**
	 * Applies a change to the current review if the result is a valid draft; otherwise
	 * nothing changes and false is returned (the caller says why at the field).
	 */
	private update(change: (r: Review) => Review): boolean {
		const d = this.current;
		if (!d) return false;
		const next: ReviewDraft = {
			...d,
			review: change(d.review),
			updatedAt: new Date().toISOString(),
		};
		next.review.scores = reviewScoresBlock(scoreReview(this.catalogue, d.assessment, next.review));
		if (!ReviewDraftSchema.safeParse(next).success) return false;
		Object.assign(d, next);
		this.save(d);
		this.renderSummary();
		return true;
	}

	private save(d: ReviewDraft): void {
		const r = this.store.save(d);
		const status = this.$('[data-save-status]');
		if (r.ok) {
			status.className = 'muted';
			showSaved(status, new Date().toISOString());
		} else {
			status.className = 'notice bad';
			status.textContent = t(
				r.reason === 'quota' ? 'review.saveFailedQuota' : 'review.saveFailedUnavailable',
			);
		}
	}

	private setReviewer(input: HTMLInputElement): void {
		const key = input.dataset['reviewer']!;
		const value = input.value;
		const ok = this.update((r) =>
			key === 'name' || key === 'organisation'
				? { ...r, reviewer: { ...r.reviewer, [key]: value } }
				: { ...r, [key]: value },
		);
		const error = this.querySelector<HTMLElement>('[data-error-for="rectifyBy"]');
		if (error) error.textContent = ok ? '' : t('review.rectifyBeforeReview');
		const rectify = this.$<HTMLInputElement>('[data-reviewer="rectifyBy"]');
		if (ok) rectify.removeAttribute('aria-invalid');
		else {
			rectify.setAttribute('aria-invalid', 'true');
			if (this.current)
				input.value =
					key === 'name' || key === 'organisation'
						? this.current.review.reviewer[key]
						: this.current.review[key as 'reviewedOn' | 'rectifyBy'];
		}
	}

	private setCriterion(id: string, patch: Partial<ReviewCriterion>): boolean {
		return this.update((r) => ({
			...r,
			criteria: { ...r.criteria, [id]: { ...emptyReviewCriterion(), ...r.criteria[id], ...patch } },
		}));
	}

	private prefill(): void {
		const d = this.current;
		if (!d) return;
		const before = reviewProgress(this.catalogue, d.review).reviewed;
		this.update((r) => prefillFromSelf(this.catalogue, d.assessment, r));
		const after = reviewProgress(this.catalogue, d.review).reviewed;
		this.renderVetoes(d);
		this.renderCriteria(d);
		this.messages.replaceChildren();
		message(this.messages, t('review.prefilled', { n: after - before }), 'ok');
	}

	private count(area: HTMLTextAreaElement | HTMLInputElement, max: number): void {
		const out = this.querySelector<HTMLElement>(`[data-count-for="${area.id}"]`);
		if (out) out.textContent = t('apply.count', { n: area.value.length, max });
	}

	// ------------------------------------------------------------- rendering

	private renderSummary(): void {
		const d = this.current;
		if (!d) return;
		const cmp = compareReview(this.catalogue, d.assessment, d.review);
		this.$('[data-tiles]').replaceChildren(scoreTiles(cmp, this.catalogue.basePoints));
		const p = reviewProgress(this.catalogue, d.review);
		this.$('[data-progress]').textContent = t('review.progress', p);
		capsNotes(this.$('[data-caps]'), cmp.review, this.catalogue);
		this.$('[data-compare]').replaceChildren(
			categoryComparison(cmp),
			criterionComparison(this.catalogue, cmp),
		);
	}

	private renderVetoes(d: ReviewDraft): void {
		const box = this.$('[data-vetoes]');
		box.replaceChildren(
			...this.catalogue.vetoes.map((v) => {
				const fs = el('fieldset', null, 'veto-review');
				fs.append(el('legend', `${v.id} ${v.question}`));
				const own = d.assessment.vetoes[v.id];
				fs.append(
					el(
						'p',
						t('review.vetoSelf', {
							answer:
								own === true
									? t('veto.yes')
									: own === false
										? t('veto.no')
										: t('review.vetoUnanswered'),
						}),
						'muted',
					),
				);
				const current = d.review.vetoes[v.id] ?? null;
				const row = el('div', null, 'choice-row');
				for (const [value, label] of [
					['yes', t('veto.yes')],
					['no', t('veto.no')],
					['unchecked', t('review.vetoUnchecked')],
				] as const) {
					const id = `rv-veto-${v.id}-${value}`;
					const input = el('input');
					input.type = 'radio';
					input.name = `rv-veto-${v.id}`;
					input.id = id;
					input.value = value;
					input.checked =
						(current === true && value === 'yes') ||
						(current === false && value === 'no') ||
						(current === null && value === 'unchecked');
					input.addEventListener('change', () =>
						this.update((r) => ({
							...r,
							vetoes: {
								...r.vetoes,
								[v.id]: value === 'yes' ? true : value === 'no' ? false : null,
							},
						})),
					);
					const lab = el('label', label);
					lab.htmlFor = id;
					const wrap = el('span', null, 'choice');
					wrap.append(input, lab);
					row.append(wrap);
				}
				fs.append(row);
				return fs;
			}),
		);
	}

	/** The branch's answer to one criterion, read-only. */
	private selfAnswer(c: Criterion, a: Assessment): HTMLElement {
		const box = el('div', null, 'review-self');
		box.append(el('h4', t('review.selfAnswer')));
		const ans = a.answers[c.id];
		let text: string;
		if (!ans || (!ans.na && ans.level === null && ans.rate === null))
			text = t('review.selfUnanswered');
		else if (ans.na)
			text = ans.naReason
				? t('review.selfNa', { reason: ans.naReason })
				: t('review.selfNaNoReason');
		else if (c.rate && ans.rate !== null)
			text = t('review.selfRate', {
				label: c.rate.label,
				rate: ans.rate,
				level: this.catalogue.levelNames[levelForRate(c, ans.rate)],
			});
		else text = levelText(this.catalogue, ans.level);
		const level = el('p', text, 'review-self-level');
		level.dataset['selfLevel'] = c.id;
		box.append(level);
		if (ans?.note) {
			box.append(el('p', t('review.selfNote'), 'small muted'), el('p', ans.note, 'pre-wrap'));
		}
		const ev = ans?.evidence ?? [];
		box.append(el('p', t('review.selfEvidence'), 'small muted'));
		if (ev.length) {
			const ul = el('ul', null, 'small');
			for (const i of ev) if (c.evidence[i]) ul.append(el('li', c.evidence[i]));
			box.append(ul);
		} else box.append(el('p', t('review.selfEvidenceNone'), 'small'));
		return box;
	}

	/** The reviewer's controls for one criterion. */
	private reviewControls(c: Criterion, entry: ReviewCriterion): HTMLElement {
		const box = el('div', null, 'review-controls');
		const base = `rv-${c.id}`;
		// Level or rate.
		const field = el('div', null, 'field');
		if (c.rate) {
			const label = el('label', t('review.rate', { label: c.rate.label }));
			label.htmlFor = `${base}-rate`;
			const input = el('input');
			input.id = `${base}-rate`;
			input.type = 'text';
			input.inputMode = 'decimal';
			input.value = entry.rate === null ? '' : String(entry.rate);
			input.setAttribute('aria-describedby', `${base}-rate-err`);
			const err = el('p', '', 'field-error');
			err.id = `${base}-rate-err`;
			const na = el('input');
			na.type = 'checkbox';
			na.id = `${base}-na`;
			na.checked = entry.na;
			input.addEventListener('change', () => {
				const raw = input.value.trim();
				const value = raw === '' ? null : Number(raw);
				const ok =
					value === null || (Number.isFinite(value) && value >= 0 && value <= 100)
						? this.setCriterion(c.id, { rate: value, na: false })
						: false;
				err.textContent = ok ? '' : t('review.rateInvalid');
				if (ok) {
					input.removeAttribute('aria-invalid');
					na.checked = false;
				} else input.setAttribute('aria-invalid', 'true');
			});
			field.append(label, input, err);
			if (c.allowNotApplicable !== false) {
				na.addEventListener('change', () => {
					this.setCriterion(c.id, { na: na.checked, rate: na.checked ? null : entry.rate });
					if (na.checked) input.value = '';
				});
				const nl = el('label', t('review.levelNa'));
				nl.htmlFor = na.id;
				const wrap = el('span', null, 'choice');
				wrap.append(na, nl);
				field.append(wrap);
			}
		} else {
			const label = el('label', t('review.level'));
			label.htmlFor = `${base}-level`;
			const select = el('select');
			select.id = `${base}-level`;
			const options: [string, string][] = [
				['', t('review.levelNone')],
				...this.catalogue.levelNames.map((n, i): [string, string] => [String(i), `${i} ${n}`]),
			];
			if (c.allowNotApplicable !== false) options.push(['na', t('review.levelNa')]);
			for (const [value, text] of options) {
				const o = el('option', text);
				o.value = value;
				select.append(o);
			}
			select.value = entry.na ? 'na' : entry.level === null ? '' : String(entry.level);
			select.addEventListener('change', () => {
				const v = select.value;
				this.setCriterion(c.id, {
					na: v === 'na',
					level: v === '' || v === 'na' ? null : (Number(v) as Level),
				});
			});
			field.append(label, select);
		}
		box.append(field);
		// Methods.
		const fs = el('fieldset', null, 'methods');
		fs.append(el('legend', t('review.methods')));
		for (const m of REVIEW_METHODS) {
			const input = el('input');
			input.type = 'checkbox';
			input.id = `${base}-m-${m}`;
			input.checked = entry.methods.includes(m);
			input.addEventListener('change', () => {
				const now = this.current?.review.criteria[c.id]?.methods ?? [];
				const methods: ReviewMethod[] = REVIEW_METHODS.filter((x) =>
					x === m ? input.checked : now.includes(x),
				);
				this.setCriterion(c.id, { methods });
			});
			const lab = el('label', t(`review.method.${m}` as StringKey));
			lab.htmlFor = input.id;
			const wrap = el('span', null, 'choice');
			wrap.append(input, lab);
			fs.append(wrap);
		}
		box.append(fs);
		// Comment.
		const cf = el('div', null, 'field');
		const cl = el('label', t('review.comment'));
		cl.htmlFor = `${base}-comment`;
		const area = el('textarea');
		area.id = `${base}-comment`;
		area.rows = 2;
		area.maxLength = LIMITS.reviewComment;
		area.value = entry.comment;
		area.setAttribute('aria-describedby', `${base}-comment-count`);
		const count = el('p', '', 'field-hint');
		count.id = `${base}-comment-count`;
		count.dataset['countFor'] = area.id;
		area.addEventListener('input', () => {
			this.setCriterion(c.id, { comment: area.value });
			this.count(area, LIMITS.reviewComment);
		});
		cf.append(cl, area, count);
		box.append(cf);
		// Deadline.
		const df = el('div', null, 'field');
		const dl = el('label', t('review.deadline'));
		dl.htmlFor = `${base}-deadline`;
		const date = el('input');
		dateOnFocus(date, t('form.datePlaceholder'));
		date.id = `${base}-deadline`;
		date.value = entry.deadline;
		date.addEventListener('change', () => {
			if (!this.setCriterion(c.id, { deadline: date.value }))
				date.value = this.current?.review.criteria[c.id]?.deadline ?? '';
		});
		df.append(dl, date);
		box.append(df);
		queueMicrotask(() => this.count(area, LIMITS.reviewComment));
		return box;
	}

	private renderCriteria(d: ReviewDraft): void {
		const root = this.$('[data-criteria]');
		const parts: HTMLElement[] = [];
		for (const k of this.catalogue.categories) {
			const section = el('section', null, 'review-category');
			const h = el('h3', `${k.id} ${k.title}`);
			h.id = `rv-cat-${k.id}`;
			section.setAttribute('aria-labelledby', h.id);
			section.append(h);
			for (const c of this.catalogue.criteria.filter((x) => x.category === k.id)) {
				const item = el('article', null, 'review-item');
				item.id = `review-${c.id}`;
				const head = el('h4', `${c.id} ${c.title}`, 'review-item-title');
				if (c.required) head.append(' ', el('span', t('criterion.required'), 'badge required'));
				item.append(
					head,
					this.selfAnswer(c, d.assessment),
					this.reviewControls(c, d.review.criteria[c.id] ?? emptyReviewCriterion()),
				);
				section.append(item);
			}
			parts.push(section);
		}
		root.replaceChildren(...parts);
	}

	// ------------------------------------------------------------- download

	private downloadFile(): void {
		const d = this.current;
		if (!d) return;
		const review: Review = {
			...d.review,
			scores: reviewScoresBlock(scoreReview(this.catalogue, d.assessment, d.review)),
		};
		const file = buildResultFile(
			d.assessment,
			scoreAssessment(this.catalogue, d.assessment),
			new Date(),
			review,
		);
		download(
			`${t('review.fileStem', { name: fileStem(d.assessment) })}.json`,
			JSON.stringify(file, null, 2),
		);
	}
}

customElements.define('zz-review', ZzReview);
