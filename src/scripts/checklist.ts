/**
 * <zz-checklist>: restores the current assessment into the server-rendered form, saves
 * every change at once, and runs the assessment list, import and the 会员评家 calculator.
 * All user text goes into the page through `.value` and `textContent`, never as HTML.
 */
import {
	SCOPES,
	UNIT_TYPES,
	emptyAnswer,
	isEmptyAnswer,
	type Answer,
	type Assessment,
	type Survey,
} from '../lib/assessment';
import { effectiveLevel, scoreAssessment } from '../lib/scoring';
import { computeSurvey, floorPercent, formatPercent, surveyFieldError } from '../lib/survey';
import { evidenceCount } from '../lib/ledger';
import { checkFileSize, parseResultFile, buildResultFile } from '../lib/result-file';
import { importErrorText } from './import-errors';
import { acceptDrops } from './dropzone';
import { t, type StringKey } from '../i18n/client';
import { Session, download, fileStem, newId, readCatalogue } from './session';

const SURVEY_KEYS = [
	'members',
	'participants',
	'frontline',
	'satisfied',
	'basic',
	'unsatisfied',
] as const;

/** Shows a message in the page's alert region (text only). */
function showMessage(box: HTMLElement, text: string, kind: 'ok' | 'warn' | 'bad' = 'ok'): void {
	const p = document.createElement('p');
	p.className = `notice ${kind}`;
	p.textContent = text;
	box.replaceChildren(p);
}

class ZzChecklist extends HTMLElement {
	private session!: Session;
	private form!: HTMLFormElement;
	private messages!: HTMLElement;
	private status!: HTMLElement;

	connectedCallback(): void {
		const catalogue = readCatalogue();
		this.session = new Session(catalogue);
		this.form = this.querySelector('form[data-form]')!;
		this.messages = this.querySelector('[data-messages]')!;
		this.status = this.querySelector('[data-save-status]')!;

		if (!this.session.store.available) showMessage(this.messages, t('assess.noStorage'), 'warn');
		if (this.session.quarantined.length)
			showMessage(
				this.messages,
				t('assess.quarantined', { n: this.session.quarantined.length }),
				'warn',
			);
		else if (this.session.notices.length)
			showMessage(this.messages, this.session.notices.join(' '), 'warn');

		this.session.onPersistDenied = () => {
			const note = this.querySelector<HTMLElement>('[data-persist-note]');
			if (note) note.hidden = false;
		};
		this.form.addEventListener('input', (e) => this.onInput(e));
		this.form.addEventListener('change', (e) => this.onInput(e));
		this.form.addEventListener('submit', (e) => e.preventDefault());
		this.setupManager();
		this.setupSurveyApply();
		this.setupSettingsReset();
		this.restore();
		if (this.session.store.has(this.session.current.id))
			this.showSaved(this.session.current.updatedAt);
	}

	private get a(): Assessment {
		return this.session.current;
	}

	// ---- restoring -------------------------------------------------------------------

	/** Puts the current assessment's values into every field. */
	private restore(): void {
		const a = this.a;
		const f = this.form;
		const set = (name: string, value: string) => {
			const el = f.elements.namedItem(name);
			if (
				el instanceof HTMLInputElement ||
				el instanceof HTMLSelectElement ||
				el instanceof HTMLTextAreaElement
			)
				el.value = value;
		};
		for (const [k, v] of Object.entries(a.profile))
			set(`profile.${k}`, v === null ? '' : String(v));
		for (const c of this.session.catalogue.criteria) {
			const ans = a.answers[c.id] ?? emptyAnswer();
			for (const radio of f.querySelectorAll<HTMLInputElement>(`input[name="level-${c.id}"]`))
				radio.checked = ans.na ? radio.value === 'na' : radio.value === String(ans.level);
			const na = f.querySelector<HTMLInputElement>(`input[name="na-${c.id}"]`);
			if (na) na.checked = ans.na;
			set(`rate-${c.id}`, ans.rate === null ? '' : String(ans.rate));
			set(`naReason-${c.id}`, ans.naReason);
			set(`note-${c.id}`, ans.note);
			for (const box of f.querySelectorAll<HTMLInputElement>(`input[name="evidence-${c.id}"]`))
				box.checked = ans.evidence.includes(Number(box.value));
		}
		for (const v of this.session.catalogue.vetoes)
			for (const r of f.querySelectorAll<HTMLInputElement>(`input[name="veto-${v.id}"]`))
				r.checked = a.vetoes[v.id] != null && a.vetoes[v.id] === (r.value === 'yes');
		for (const e of this.session.catalogue.eligibility)
			for (const r of f.querySelectorAll<HTMLInputElement>(`input[name="elig-${e.id}"]`))
				r.checked = a.eligibility[e.id] != null && a.eligibility[e.id] === (r.value === 'yes');
		for (const k of SURVEY_KEYS)
			set(`survey.${k}`, a.survey[k] === null ? '' : String(a.survey[k]));
		for (const r of f.querySelectorAll<HTMLInputElement>('input[name="survey.held"]'))
			r.checked = a.survey.held !== null && a.survey.held === (r.value === 'yes');
		const countBasic = f.elements.namedItem('survey.countBasic') as HTMLInputElement;
		countBasic.checked = a.survey.countBasic;
		set('settings.passMark', String(a.settings.passMark));
		set('settings.modelMark', String(a.settings.modelMark));
		this.renderManager();
		this.refresh();
	}

	// ---- saving ----------------------------------------------------------------------

	private answer(id: string): Answer {
		return (this.a.answers[id] ??= emptyAnswer());
	}

	private tidy(id: string): void {
		const ans = this.a.answers[id];
		if (ans && isEmptyAnswer(ans)) delete this.a.answers[id];
	}

	private onInput(e: Event): void {
		const el = e.target;
		if (!(
			el instanceof HTMLInputElement ||
			el instanceof HTMLSelectElement ||
			el instanceof HTMLTextAreaElement
		))
			return;
		// Text fields save on input; radios, checkboxes and selects on change.
		if (
			e.type === 'input' &&
			(el.type === 'radio' || el.type === 'checkbox' || el instanceof HTMLSelectElement)
		)
			return;
		if (
			e.type === 'change' &&
			!(el.type === 'radio' || el.type === 'checkbox' || el instanceof HTMLSelectElement)
		)
			return;
		if (this.apply(el)) {
			this.persist();
			this.refresh();
		}
	}

	/** Applies one field to the assessment; false when the value is invalid and not saved. */
	private apply(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): boolean {
		const a = this.a;
		const name = el.name;
		const [kind, rest] = [name.split(/[-.]/)[0]!, name.slice(name.search(/[-.]/) + 1)];
		const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));
		switch (kind) {
			case 'profile': {
				const key = rest as keyof Assessment['profile'];
				if (key === 'memberCount') {
					const n = numberOrNull(el.value);
					if (n !== null && (!Number.isInteger(n) || n < 0)) return this.invalid(el);
					a.profile.memberCount = n;
				} else if (key === 'unitType') {
					const value = UNIT_TYPES.find((u) => u === el.value);
					if (!value) return false;
					a.profile.unitType = value;
				} else if (key === 'scope') {
					const value = SCOPES.find((u) => u === el.value);
					if (!value) return false;
					a.profile.scope = value;
				} else if (
					key === 'unitName' ||
					key === 'unionName' ||
					key === 'parentUnion' ||
					key === 'assessedOn' ||
					key === 'assessor'
				) {
					a.profile[key] = el.value.slice(0, 100);
				} else return false;
				break;
			}
			case 'level': {
				const ans = this.answer(rest);
				if (el.value === 'na') {
					ans.na = true;
					ans.level = null;
				} else {
					ans.na = false;
					ans.level = Number(el.value) as Answer['level'];
				}
				this.tidy(rest);
				break;
			}
			case 'na': {
				const ans = this.answer(rest);
				ans.na = (el as HTMLInputElement).checked;
				this.tidy(rest);
				break;
			}
			case 'rate': {
				const n = numberOrNull(el.value);
				if (n !== null && (!Number.isFinite(n) || n < 0 || n > 100)) return this.invalid(el);
				this.answer(rest).rate = n;
				this.tidy(rest);
				break;
			}
			case 'naReason':
				this.answer(rest).naReason = el.value.slice(0, 500);
				this.tidy(rest);
				break;
			case 'note':
				this.answer(rest).note = el.value.slice(0, 2000);
				this.tidy(rest);
				break;
			case 'evidence': {
				const ans = this.answer(rest);
				const i = Number(el.value);
				const on = (el as HTMLInputElement).checked;
				ans.evidence = on
					? [...new Set([...ans.evidence, i])].sort((x, y) => x - y)
					: ans.evidence.filter((x) => x !== i);
				this.tidy(rest);
				break;
			}
			case 'veto':
				a.vetoes[rest] = el.value === 'yes';
				break;
			case 'elig':
				a.eligibility[rest] = el.value === 'yes';
				break;
			case 'survey': {
				if (rest === 'countBasic') a.survey.countBasic = (el as HTMLInputElement).checked;
				else if (rest === 'held') a.survey.held = el.value === 'yes';
				else {
					const n = numberOrNull(el.value);
					if (n !== null && (!Number.isInteger(n) || n < 0)) return this.invalid(el);
					const next = { ...a.survey, [rest as (typeof SURVEY_KEYS)[number]]: n };
					// A front-line count above the participants is refused; the last valid one is kept.
					const error = surveyFieldError(next);
					const box = this.querySelector<HTMLElement>('[data-survey-error="frontline"]');
					if (box) box.textContent = error ? t(`survey.warn.${error.code}`) : '';
					const frontline = this.form.elements.namedItem('survey.frontline') as HTMLInputElement;
					if (error) return this.invalid(frontline);
					frontline.removeAttribute('aria-invalid');
					a.survey = next;
				}
				break;
			}
			case 'settings': {
				const pass = Number(
					(this.form.elements.namedItem('settings.passMark') as HTMLInputElement).value,
				);
				const model = Number(
					(this.form.elements.namedItem('settings.modelMark') as HTMLInputElement).value,
				);
				const errorBox = this.querySelector<HTMLElement>('[data-settings-error]')!;
				if (!(pass >= 1 && model <= 105 && pass < model)) {
					errorBox.textContent = t('settings.invalid');
					return false;
				}
				errorBox.textContent = '';
				a.settings = { passMark: pass, modelMark: model };
				break;
			}
			default:
				return false;
		}
		el.removeAttribute('aria-invalid');
		return true;
	}

	private invalid(el: HTMLElement): false {
		el.setAttribute('aria-invalid', 'true');
		return false;
	}

	private persist(): void {
		const result = this.session.save();
		if (result.ok) this.showSaved(this.a.updatedAt);
		else {
			this.status.textContent = t('assess.notSaved');
			delete this.status.dataset['savedAt'];
			showMessage(
				this.messages,
				t(result.reason === 'quota' ? 'assess.saveFailedQuota' : 'assess.saveFailedUnavailable'),
				'bad',
			);
		}
	}

	private showSaved(iso: string): void {
		const time = new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
		this.status.textContent = t('assess.saved', { time });
		this.status.dataset['savedAt'] = iso;
	}

	// ---- derived display ---------------------------------------------------------------

	/** Updates progress, level badges, rate levels, N/A reasons, veto states and the calculator. */
	private refresh(): void {
		const cat = this.session.catalogue;
		const score = scoreAssessment(cat, this.a);
		const total = score.completion.total;
		const answeredAll = score.completion.answered;
		(this.querySelector('[data-progress-overall]') as HTMLElement).textContent =
			t('progress.overall', { answered: answeredAll, total }) +
			(score.criteria.some((c) => c.status === 'na')
				? t('progress.na', { n: score.criteria.filter((c) => c.status === 'na').length })
				: '');
		(this.querySelector('[data-progress-bar]') as HTMLProgressElement).value =
			score.completion.percent;
		for (const k of score.categories) {
			const el = this.querySelector<HTMLElement>(`[data-category-progress="${k.id}"]`);
			if (el)
				el.textContent =
					t('progress.category', { answered: k.answered, total: k.applicable }) +
					(k.na ? t('progress.na', { n: k.na }) : '');
		}
		for (const c of cat.criteria) {
			const box = this.querySelector<HTMLElement>(`#criterion-${c.id}`);
			if (!box) continue;
			const ans = this.a.answers[c.id];
			const cs = score.criteria.find((x) => x.id === c.id)!;
			const state = box.querySelector<HTMLElement>('[data-state]')!;
			state.textContent =
				cs.status === 'na'
					? t('criterion.na')
					: cs.level === null
						? t('criterion.unanswered')
						: cat.levelNames[cs.level]!;
			box.dataset['status'] = cs.status;
			const count = box.querySelector<HTMLElement>('[data-evidence-count]');
			if (count)
				count.textContent = `（${t('criterion.evidenceCount', { ...evidenceCount(c, ans, this.a.ledger) })}）`;
			const reason = box.querySelector<HTMLElement>('[data-na-reason]');
			if (reason) reason.hidden = !ans?.na;
			if (c.rate) {
				const out = box.querySelector<HTMLElement>('[data-rate-level]')!;
				const level = effectiveLevel(c, ans);
				out.textContent = ans?.na
					? t('criterion.rateNa')
					: level === null
						? t('criterion.rateLevelNone')
						: t('criterion.rateLevel', { level: `${cat.levelNames[level]}——${c.levels[level]}` });
				const rateInput = box.querySelector<HTMLInputElement>(`input[name="rate-${c.id}"]`);
				if (rateInput) rateInput.disabled = Boolean(ans?.na);
			}
		}
		for (const v of cat.vetoes) {
			if (!v.derivedFrom) continue;
			const el = this.querySelector<HTMLElement>(`[data-veto-derived="${v.id}"] [data-veto-state]`);
			const ans = this.a.answers[v.derivedFrom.criterion];
			const state =
				!ans || ans.rate === null || ans.na
					? t('veto.derivedNone')
					: score.vetoes.includes(v.id)
						? t('veto.derivedOn')
						: t('veto.derivedOff');
			if (el) el.textContent = t('veto.derived', { criterion: v.derivedFrom.criterion, state });
		}
		const parentField = this.querySelector<HTMLElement>('[data-parent-field]');
		if (parentField) parentField.hidden = this.a.profile.scope !== 'subunit';
		this.refreshSurvey(this.a.survey);
	}

	private refreshSurvey(s: Survey): void {
		const r = computeSurvey(s);
		const fmt = (n: number | null) => (n === null ? t('survey.none') : formatPercent(n));
		for (const key of ['participation', 'frontlineShare', 'satisfaction'] as const) {
			const el = this.querySelector<HTMLElement>(`[data-survey-out="${key}"]`);
			if (el) el.textContent = fmt(r[key]);
		}
		(this.querySelector('[data-survey-replies]') as HTMLElement).textContent = r.replies
			? t('survey.replies', { n: r.replies })
			: '';
		const list = this.querySelector<HTMLElement>('[data-survey-warnings]')!;
		list.replaceChildren(
			...r.warnings.map((w) => {
				const li = document.createElement('li');
				li.className = 'notice warn';
				li.textContent = t(`survey.warn.${w}` as StringKey);
				return li;
			}),
		);
		const apply = this.querySelector<HTMLButtonElement>('[data-survey-apply]')!;
		// Written into I2 rounded down, so a figure below a line is never filled in as on it.
		apply.disabled = r.satisfaction === null || s.held === false;
		apply.dataset['value'] = r.satisfaction === null ? '' : String(floorPercent(r.satisfaction));
	}

	private setupSurveyApply(): void {
		const apply = this.querySelector<HTMLButtonElement>('[data-survey-apply]')!;
		apply.addEventListener('click', () => {
			const value = Number(apply.dataset['value']);
			if (!Number.isFinite(value)) return;
			const ans = this.answer('I2');
			ans.rate = value;
			ans.na = false;
			const input = this.form.elements.namedItem('rate-I2') as HTMLInputElement | null;
			if (input) input.value = String(value);
			this.persist();
			this.refresh();
			showMessage(this.messages, t('survey.applied', { value }), 'ok');
		});
	}

	private setupSettingsReset(): void {
		this.querySelector('[data-settings-reset]')!.addEventListener('click', () => {
			this.a.settings = { ...this.session.defaults };
			(this.form.elements.namedItem('settings.passMark') as HTMLInputElement).value = String(
				this.a.settings.passMark,
			);
			(this.form.elements.namedItem('settings.modelMark') as HTMLInputElement).value = String(
				this.a.settings.modelMark,
			);
			this.querySelector<HTMLElement>('[data-settings-error]')!.textContent = '';
			this.persist();
		});
	}

	// ---- assessment list, backup, import ------------------------------------------------

	private renderManager(): void {
		const select = this.querySelector<HTMLSelectElement>('[data-current]')!;
		select.replaceChildren(
			...this.session.assessments.map((a) => {
				const o = document.createElement('option');
				o.value = a.id;
				o.textContent = a.name || a.profile.unitName || a.id;
				o.selected = a.id === this.a.id;
				return o;
			}),
		);
		if (!this.session.assessments.includes(this.a)) {
			const o = document.createElement('option');
			o.value = this.a.id;
			o.textContent = this.a.name;
			o.selected = true;
			select.append(o);
		}
		(this.querySelector('[data-rename]') as HTMLInputElement).value = this.a.name;
	}

	private setupManager(): void {
		const select = this.querySelector<HTMLSelectElement>('[data-current]')!;
		select.addEventListener('change', () => {
			this.session.select(select.value);
			this.restore();
			this.showSaved(this.a.updatedAt);
		});
		const rename = this.querySelector<HTMLInputElement>('[data-rename]')!;
		rename.addEventListener('input', () => {
			this.a.name = rename.value.slice(0, 100);
			this.persist();
			const option = select.querySelector<HTMLOptionElement>(
				`option[value="${CSS.escape(this.a.id)}"]`,
			);
			if (option) option.textContent = this.a.name;
		});
		const dialog = this.querySelector<HTMLDialogElement>('[data-confirm]')!;
		this.querySelector('[data-confirm-no]')!.addEventListener('click', () => dialog.close());
		this.querySelector('[data-confirm-yes]')!.addEventListener('click', () => {
			const name = this.a.name;
			dialog.close();
			this.session.remove(this.a.id);
			if (!this.session.assessments.includes(this.a)) this.session.save(false);
			this.restore();
			showMessage(this.messages, t('assess.deleted', { name }), 'ok');
			select.focus();
		});
		this.querySelector<HTMLElement>('[data-manager]')!.addEventListener('click', (e) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
			if (!button) return;
			switch (button.dataset['action']) {
				case 'new': {
					const a = this.session.create(
						t('assess.defaultName', { year: new Date().getFullYear() }),
					);
					this.restore();
					this.showSaved(a.updatedAt);
					showMessage(this.messages, t('assess.created', { name: a.name }), 'ok');
					break;
				}
				case 'duplicate': {
					const a = this.session.duplicate(t('assess.copyName', { name: this.a.name }));
					this.restore();
					this.showSaved(a.updatedAt);
					showMessage(this.messages, t('assess.duplicated', { name: a.name }), 'ok');
					break;
				}
				case 'next-year': {
					const from = this.a.name;
					const year = Math.max(
						new Date().getFullYear(),
						(Number(this.a.profile.assessedOn.slice(0, 4)) || 0) + 1,
					);
					const a = this.session.startNextYear(t('assess.defaultName', { year }));
					this.restore();
					this.showSaved(a.updatedAt);
					showMessage(this.messages, t('assess.nextYearDone', { from, name: a.name }), 'ok');
					break;
				}
				case 'backup': {
					const file = buildResultFile(
						this.a,
						scoreAssessment(this.session.catalogue, this.a),
						new Date(),
					);
					download(`${fileStem(this.a)}.json`, JSON.stringify(file, null, 2));
					break;
				}
				case 'delete': {
					this.querySelector<HTMLElement>('[data-confirm-body]')!.textContent = t(
						'assess.deleteConfirmBody',
						{
							name: this.a.name,
						},
					);
					dialog.showModal();
					break;
				}
			}
		});
		const input = this.querySelector<HTMLInputElement>('[data-import]')!;
		input.addEventListener('change', () => {
			const file = input.files?.[0];
			if (file) void this.importFile(file);
			input.value = '';
		});
		acceptDrops(
			this.querySelector<HTMLElement>('[data-dropzone]')!,
			(files) => void this.importFile(files[0]!),
		);
	}

	/** Imports a result file as a new assessment; on any problem nothing is touched. */
	async importFile(file: File): Promise<void> {
		const sizeError = checkFileSize(file.size);
		if (sizeError) return this.importFailed(importErrorText(sizeError));
		let text: string;
		try {
			text = await file.text();
		} catch {
			return this.importFailed(t('import.readFailed'));
		}
		const result = parseResultFile(text, {
			catalogue: this.session.catalogue,
			newId,
			now: new Date(),
			rejectUnknownCriteria: true,
			untitled: t('import.untitled'),
			...this.session.defaults,
		});
		if (!result.ok) return this.importFailed(importErrorText(result.error));
		this.session.notices = [];
		const a = this.session.adopt(result.assessment, result.notes);
		a.id = newId();
		a.name = t('assess.importedName', { name: a.name || a.profile.unitName || file.name }).slice(
			0,
			100,
		);
		this.session.add(a);
		this.restore();
		if (this.session.lastWrite?.ok) this.showSaved(a.updatedAt);
		showMessage(
			this.messages,
			result.migratedFrom
				? t('assess.importedMigrated', { name: a.name, version: result.migratedFrom })
				: t('assess.imported', { name: a.name }),
			'ok',
		);
		if (this.session.notices.length)
			this.messages.append(
				Object.assign(document.createElement('p'), {
					className: 'notice warn',
					textContent: this.session.notices.join(' '),
				}),
			);
	}

	private importFailed(text: string): void {
		showMessage(this.messages, `${text}${t('import.unchanged')}`, 'bad');
	}
}

customElements.define('zz-checklist', ZzChecklist);
