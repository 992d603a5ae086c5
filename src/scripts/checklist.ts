/**
 * <zz-checklist>: an adapter between the server-rendered form and the form model
 * (`lib/checklist-form.ts`): it restores the current assessment into the fields, hands
 * every change to `applyField`, saves what the model accepts, and shows a refused value's
 * message at the field. It also runs the assessment list, import and the 会员评家 calculator.
 * The controls of a part not shown when the page opens are built when it is opened
 * (`form-controls.ts`) and filled in from the assessment then.
 * All user text goes into the page through `.value` and `textContent`, never as HTML.
 */
import { LIMITS, type Assessment, type Survey } from '../lib/assessment';
import {
	applyField,
	changesDerived,
	clipText,
	fieldOf,
	fieldValues,
	firstCategoryToAnswer,
	fractionSuggestion,
	savedValue,
	type Field,
	type FieldError,
} from '../lib/checklist-form';
import { effectiveLevel, rateStanding, scoreAssessment } from '../lib/scoring';
import { CategoryNav, type CategoryProgress } from './checklist-nav';
import { computeSurvey, floorPercent, formatPercent } from '../lib/survey';
import { evidenceCount } from '../lib/ledger';
import { checkFileSize, parseResultFile, buildResultFile } from '../lib/result-file';
import type { Repaired } from '../lib/storage';
import { importErrorText } from './import-errors';
import { acceptDrops } from './dropzone';
import { buildControls } from './form-controls';
import { FOLDS, foldSummary } from '../lib/checklist-folds';
import { el, nextTask, setData, setText, showMessage } from './dom';
import { showSaveResult, showSaved } from './save-status';
import { t, type StringKey } from '../i18n/client';
import {
	Session,
	browserStorage,
	download,
	fileStem,
	nameLabels,
	newId,
	readCatalogue,
} from './session';
import {
	assessmentYear,
	derivedName,
	isYearlyName,
	isoDay,
	nextYearName,
	oneYearLater,
} from '../lib/assessment-name';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isControl = (x: unknown): x is Control =>
	x instanceof HTMLInputElement ||
	x instanceof HTMLSelectElement ||
	x instanceof HTMLTextAreaElement;
const isCheckable = (x: Control): x is HTMLInputElement =>
	x instanceof HTMLInputElement && (x.type === 'radio' || x.type === 'checkbox');

class ZzChecklist extends HTMLElement {
	private session!: Session;
	private form!: HTMLFormElement;
	private messages!: HTMLElement;
	private status!: HTMLElement;
	private nav!: CategoryNav;

	connectedCallback(): void {
		this.form = this.querySelector('form[data-form]')!;
		this.messages = this.querySelector('[data-messages]')!;
		this.status = this.querySelector('[data-save-status]')!;
		void this.start();
	}

	/**
	 * Opening the page, each step a task of its own so that none holds a slow phone for long
	 * (one task did all of it, 60–120 ms on this machine's desktop CPU, four times that on a
	 * phone): the scripts' own loading, which builds the schemas; the first access to the
	 * browser's storage; reading and checking the saved assessments; the open parts' controls
	 * built and every control listening; the answers put in (then the element is marked
	 * `data-ready`); what is worked out from them (scores, progress, levels); the 已保存
	 * time. What a person changed in the form before it was ready is replaced by the saved
	 * answers, as when the scripts themselves are still loading.
	 */
	private async start(): Promise<void> {
		await nextTask();
		// The first access to localStorage reads this site's saved data into the page (3–11 ms
		// on this project's test machine): a step of its own before checking what it holds.
		const storage = browserStorage();
		await nextTask();
		this.session = new Session(readCatalogue(), storage);
		await nextTask();
		// The open parts' controls (a part opened before now, by a quick tap or find-in-page,
		// with the rest) and the assessment list's, which is worked with while folded.
		buildControls(this.form);
		buildControls(this.querySelector('[data-manager]')!, 'all');
		this.listen();
		// What is typed or ticked before the next step is replaced by the saved answers.
		await nextTask();
		this.fill(this.form.elements);
		this.renderManager();
		this.openWhereToContinue();
		this.dataset['ready'] = '';
		await nextTask();
		this.refresh();
		await nextTask();
		if (this.session.store.has(this.session.current.id))
			this.showSaved(this.session.current.updatedAt);
	}

	/** Says what loading found, and hands every control and button its work. */
	private listen(): void {
		const notices: string[] = [];
		if (!this.session.store.available) notices.push(t('assess.noStorage'));
		if (this.session.quarantined.length)
			notices.push(t('assess.quarantined', { n: this.session.quarantined.length }));
		notices.push(...this.session.notices);
		for (const r of this.session.repaired) notices.push(this.repairedText(r));
		if (notices.length) {
			this.messages.replaceChildren(...notices.map((text) => el('p', text, 'notice warn')));
		}

		this.session.onPersistDenied = () => {
			const note = this.querySelector<HTMLElement>('[data-persist-note]');
			if (note) note.hidden = false;
		};
		this.form.addEventListener('input', (e) => this.onInput(e));
		this.form.addEventListener('change', (e) => this.onInput(e));
		this.form.addEventListener('submit', (e) => e.preventDefault());
		// A category or 添加佐证 / 添加说明 gets its controls as it opens: on the click on its
		// summary (before it shows), or when the browser opens it (find-in-page). Printing gets
		// every control, so the printed form shows every answer.
		this.form.addEventListener(
			'click',
			(e) => {
				const d = e.target instanceof Element ? e.target.closest('summary')?.parentElement : null;
				if (d instanceof HTMLDetailsElement && !d.open) this.build(d, d);
			},
			true,
		);
		this.form.addEventListener(
			'toggle',
			(e) => {
				if (e.target instanceof HTMLDetailsElement && e.target.open) this.build(e.target);
			},
			true,
		);
		window.addEventListener('beforeprint', () => this.build(this.form, 'all'));
		this.setupManager();
		this.setupNextYear();
		this.setupSurveyApply();
		this.setupSettingsReset();
		this.nav = new CategoryNav(this, (d) => this.build(d, d));
		this.nav.setup();
	}

	/**
	 * Opens the first category with something left to answer (A on a new assessment), unless
	 * the address already opened one; with everything answered all stay folded, an overview.
	 */
	private openWhereToContinue(): void {
		if (this.querySelector('details[data-category][open]')) return;
		const id = firstCategoryToAnswer(this.session.catalogue, this.a);
		const d = id ? this.querySelector<HTMLDetailsElement>(`details[data-category="${id}"]`) : null;
		if (!d) return;
		this.build(d, d);
		d.open = true;
	}

	private get a(): Assessment {
		return this.session.current;
	}

	/** Names the fields of a repaired assessment in Chinese. */
	private repairedText(r: Repaired): string {
		const label = (path: string): string => {
			const [head, key, part] = path.split('.');
			if (head === 'answers' && key) {
				const partLabel: Record<string, StringKey> = {
					level: 'criterion.levelLegend',
					na: 'criterion.na',
					rate: 'form.field.rate',
					naReason: 'criterion.naReason',
					note: 'criterion.note',
					evidence: 'criterion.evidence',
				};
				const p = part ? partLabel[part] : undefined;
				return p ? `${key} ${t(p)}` : key;
			}
			if ((head === 'vetoes' || head === 'eligibility') && key) return key;
			const known: Record<string, StringKey> = {
				name: 'assess.name',
				profile: 'profile.title',
				survey: 'survey.title',
				settings: 'settings.title',
				answers: 'form.field.answers',
				vetoes: 'veto.title',
				eligibility: 'eligibility.title',
			};
			if (key && (head === 'profile' || head === 'survey' || head === 'settings')) {
				// Written out per group, so the page keeps these strings (strings-subset.ts).
				const k = (
					head === 'profile'
						? `profile.${key}`
						: head === 'survey'
							? `survey.${key}`
							: `settings.${key}`
				) as StringKey;
				return t(k) === k ? k : t(k);
			}
			const k = known[path];
			return k ? t(k) : t('form.field.other');
		};
		const fields = [...new Set(r.fields.map(label))];
		return t('assess.repaired', {
			name: r.name || r.id,
			n: fields.length,
			fields: fields.join('、'),
		});
	}

	// ---- restoring -------------------------------------------------------------------

	/** Puts the current assessment's values into every field and clears field errors. */
	private restore(): void {
		this.fill(this.form.elements);
		for (const hint of this.querySelectorAll<HTMLElement>('[data-rate-hint]')) hint.hidden = true;
		this.renderManager();
		this.refresh();
	}

	/** Puts the current assessment's values into these controls. */
	private fill(controls: Iterable<Element>): void {
		const { values, checked } = fieldValues(this.session.catalogue, this.a);
		for (const control of controls) {
			if (!isControl(control) || !control.name) continue;
			if (isCheckable(control))
				control.checked = (checked[control.name] ?? []).includes(control.value);
			else if (control.name in values) control.value = values[control.name]!;
			const field = fieldOf(control.name);
			if (field?.kind === 'answer' && field.part === 'rate')
				control.disabled = this.rateDisabled(field.criterion);
			this.clearError(control);
		}
	}

	/** Builds the controls of a part opening or open (see buildControls) and fills them in. */
	private build(root: ParentNode, opening: HTMLDetailsElement | 'all' | null = null): void {
		const built = buildControls(root, opening);
		if (built.length) this.fill(built);
	}

	/** A rate is not typed while its criterion is 不适用. */
	private rateDisabled(criterion: string): boolean {
		return Boolean(this.a.answers[criterion]?.na);
	}

	/** Puts one criterion's level radios and 不适用 checkbox back as its answer now is. */
	private restoreChoice(criterion: string): void {
		const { checked } = fieldValues(this.session.catalogue, this.a);
		for (const name of [`level-${criterion}`, `na-${criterion}`])
			for (const input of this.form.querySelectorAll<HTMLInputElement>(
				`input[name="${CSS.escape(name)}"]`,
			))
				input.checked = (checked[name] ?? []).includes(input.value);
	}

	// ---- saving ----------------------------------------------------------------------

	private onInput(e: Event): void {
		const control = e.target;
		if (!isControl(control)) return;
		// Text fields save on input; radios, checkboxes and selects on change.
		const onChange = isCheckable(control) || control instanceof HTMLSelectElement;
		if ((e.type === 'change') !== onChange) return;
		const field = fieldOf(control.name);
		if (!field) return;
		if (field.kind === 'answer' && field.part === 'rate') this.showFractionHint(control);
		if (this.apply(control, field)) {
			// A level and 不适用 exclude each other: show the other control as the answer now is.
			if (field.kind === 'answer' && (field.part === 'level' || field.part === 'na'))
				this.restoreChoice(field.criterion);
			// A settings mark refused only because of the other one may be fine now.
			if (field.kind === 'settings')
				for (const other of this.form.querySelectorAll<HTMLInputElement>(
					'input[name^="settings."][aria-invalid="true"]',
				))
					if (other !== control) this.apply(other, fieldOf(other.name)!);
			this.persist();
			// A note or a 不适用原因 is saved, but nothing shown depends on it: no redraw per key.
			if (changesDerived(field)) this.refresh();
		} else if (field.kind === 'answer' && field.part === 'rate') this.refresh();
	}

	/** Under a rate typed as a fraction (0.9), asks whether 90% was meant. */
	private showFractionHint(control: Control): void {
		const hint = this.querySelector<HTMLElement>(`#${CSS.escape(control.id)}-hint`);
		if (!hint) return;
		const percent = fractionSuggestion(control.value);
		hint.hidden = percent === null;
		hint.textContent =
			percent === null ? '' : t('criterion.rateFraction', { percent: String(percent) });
	}

	/** Hands a field's value to the form model; true when it was accepted into the assessment. */
	private apply(control: Control, field: Field): boolean {
		const result = applyField(this.a, field, {
			value: control.value,
			checked: isCheckable(control) ? control.checked : undefined,
			badInput: control.validity.badInput,
		});
		if (!result.ok) {
			this.showError(control, field, result.error);
			return false;
		}
		this.session.update(result.assessment);
		this.clearError(control);
		if (field.kind === 'profile' && field.key === 'assessedOn') this.followDate();
		return true;
	}

	/** The element holding a field's error message, made on first use next to the field. */
	private errorBox(control: Control, create: boolean): HTMLElement | null {
		const id = `${control.id || control.name}-error`;
		let box = document.getElementById(id);
		if (!box && create) {
			box = el('p', null, 'field-error');
			box.id = id;
			box.setAttribute('role', 'alert');
			(control.closest('.field, label, fieldset') ?? control).append(box);
			if (control.closest('label') === box.parentElement) box.parentElement?.after(box);
		}
		return box;
	}

	private showError(control: Control, field: Field, error: FieldError): void {
		const box = this.errorBox(control, true)!;
		const saved = savedValue(this.session.catalogue, this.a, field);
		box.textContent =
			t(`form.error.${error.code}` as StringKey, error.params) +
			(saved === '' ? t('form.keptEmpty') : t('form.kept', { value: saved }));
		control.setAttribute('aria-invalid', 'true');
		const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
		if (!described.includes(box.id))
			control.setAttribute('aria-describedby', [...described, box.id].join(' '));
	}

	private clearError(control: Control): void {
		if (control.getAttribute('aria-invalid') !== 'true') return;
		control.removeAttribute('aria-invalid');
		const box = this.errorBox(control, false);
		if (!box) return;
		const described = (control.getAttribute('aria-describedby') ?? '')
			.split(' ')
			.filter((x) => x && x !== box.id);
		if (described.length) control.setAttribute('aria-describedby', described.join(' '));
		else control.removeAttribute('aria-describedby');
		box.remove();
	}

	private persist(): void {
		showSaveResult(this.status, this.session.save(), this.a.updatedAt, (text) =>
			showMessage(this.messages, text, 'bad'),
		);
	}

	private showSaved(iso: string): void {
		showSaved(this.status, iso);
	}

	// ---- derived display ---------------------------------------------------------------

	/** Updates progress, level badges, rate levels, N/A reasons, veto states and the calculator. */
	private refresh(): void {
		const cat = this.session.catalogue;
		const score = scoreAssessment(cat, this.a);
		const total = score.completion.total;
		const answeredAll = score.completion.answered;
		setText(
			this.querySelector<HTMLElement>('[data-progress-overall]')!,
			t('progress.overall', { answered: answeredAll, total }) +
				(score.criteria.some((c) => c.status === 'na')
					? t('progress.na', { n: score.criteria.filter((c) => c.status === 'na').length })
					: ''),
		);
		(this.querySelector('[data-progress-bar]') as HTMLProgressElement).value =
			score.completion.percent;
		const progress = new Map<string, CategoryProgress>();
		for (const k of score.categories) {
			progress.set(k.id, { answered: k.answered, total: k.applicable });
			const el = this.querySelector<HTMLElement>(`[data-category-progress="${k.id}"]`);
			if (el)
				setText(
					el,
					t('progress.category', { answered: k.answered, total: k.applicable }) +
						(k.na ? t('progress.na', { n: k.na }) : ''),
				);
		}
		this.nav.update(progress);
		let opened = false;
		const scored = new Map(score.criteria.map((x) => [x.id, x]));
		for (const c of cat.criteria) {
			const box = this.querySelector<HTMLElement>(`#criterion-${c.id}`);
			const cs = scored.get(c.id);
			if (!box || !cs) continue;
			const ans = this.a.answers[c.id];
			const state = box.querySelector<HTMLElement>('[data-state]')!;
			setText(
				state,
				cs.status === 'na'
					? t('criterion.na')
					: cs.level === null
						? t('criterion.unanswered')
						: cat.levelNames[cs.level]!,
			);
			// The state pill is coloured by level (a low rate is not shown in green).
			setData(box, 'status', cs.status);
			setData(box, 'level', cs.level === null || cs.status === 'na' ? null : String(cs.level));
			const ticked = ans?.evidence.length ?? 0;
			// How many of its 台账 items are on file (a tick is the ledger's 有).
			const count = box.querySelector<HTMLElement>('[data-evidence-count]');
			if (count)
				setText(
					count,
					`（${t('criterion.evidenceCount', { ...evidenceCount(c, ans, this.a.ledger) })}）`,
				);
			// Evidence and note open by themselves once used (never closed for the user).
			const evidence = box.querySelector<HTMLDetailsElement>('details[data-more="evidence"]');
			if (evidence && ticked && !evidence.open) opened = evidence.open = true;
			const note = box.querySelector<HTMLDetailsElement>('details[data-more="note"]');
			if (note && ans?.note && !note.open) opened = note.open = true;
			const reason = box.querySelector<HTMLElement>('[data-na-reason]');
			if (reason) reason.hidden = !ans?.na;
			if (c.rate) {
				const out = box.querySelector<HTMLElement>('[data-rate-level]')!;
				const rateInput = box.querySelector<HTMLInputElement>(`input[name="rate-${c.id}"]`);
				const level = effectiveLevel(c, ans);
				// A refused figure (120, or 12 on the way to it) never shows a level.
				const invalid = rateInput?.getAttribute('aria-invalid') === 'true';
				let text: string;
				if (ans?.na) text = t('criterion.rateNa');
				else if (invalid) text = t('criterion.rateInvalid');
				else if (level === null || ans?.rate == null) text = t('criterion.rateLevelNone');
				else {
					const standing = rateStanding(c, ans.rate);
					text =
						t('criterion.rateNow', { rate: String(ans.rate), level: cat.levelNames[level]! }) +
						(standing.nextMin === null
							? t('criterion.rateTop')
							: t('criterion.rateNext', { min: String(standing.nextMin) }));
				}
				setText(out, text);
				setData(out, 'level', !ans?.na && !invalid && level !== null ? String(level) : null);
				if (rateInput) rateInput.disabled = this.rateDisabled(c.id);
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
			if (el) setText(el, t('veto.derived', { criterion: v.derivedFrom.criterion, state }));
		}
		// What just opened by itself gets its controls now, in one go, not one event at a time.
		if (opened) this.build(this.form);
		const parentField = this.querySelector<HTMLElement>('[data-parent-field]');
		if (parentField) parentField.hidden = this.a.profile.scope !== 'subunit';
		this.refreshSurvey(this.a.survey);
		for (const fold of FOLDS) {
			const line = this.querySelector<HTMLElement>(`[data-fold-state="${fold}"]`);
			if (line) setText(line, foldSummary(fold, this.a, score, cat.vetoes.length, t));
		}
	}

	private refreshSurvey(s: Survey): void {
		const r = computeSurvey(s);
		const fmt = (n: number | null) => (n === null ? t('survey.none') : formatPercent(n));
		for (const key of ['participation', 'frontlineShare', 'satisfaction'] as const) {
			const el = this.querySelector<HTMLElement>(`[data-survey-out="${key}"]`);
			if (el) setText(el, fmt(r[key]));
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
			const value = apply.dataset['value'] ?? '';
			let next = applyField(this.a, { kind: 'answer', part: 'rate', criterion: 'I2' }, { value });
			if (next.ok && next.assessment.answers['I2']?.na)
				next = applyField(
					next.assessment,
					{ kind: 'answer', part: 'na', criterion: 'I2' },
					{ value: 'on', checked: false },
				);
			if (!next.ok) return;
			this.session.update(next.assessment);
			this.persist();
			this.restore();
			showMessage(this.messages, t('survey.applied', { value }), 'ok');
		});
	}

	private setupSettingsReset(): void {
		this.querySelector('[data-settings-reset]')!.addEventListener('click', () => {
			this.session.update({ ...this.a, settings: { ...this.session.defaults } });
			for (const input of this.form.querySelectorAll<HTMLInputElement>(
				'input[name^="settings."]',
			)) {
				const field = fieldOf(input.name)!;
				input.value = savedValue(this.session.catalogue, this.a, field);
				this.clearError(input);
			}
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
		this.querySelector('[data-manager-name]')!.textContent = this.a.name;
	}

	/** A name the site proposed for a year ("2026 年度自评") follows the 评估日期's year. */
	private followDate(): void {
		const labels = nameLabels();
		if (!isYearlyName(this.a.name, labels)) return;
		const year = assessmentYear(this.a.profile.assessedOn, new Date());
		const name = labels.yearly(year);
		if (name === this.a.name) return;
		this.a.name = name;
		this.renderManager();
	}

	/** Names of the other saved assessments (a new name should not repeat one). */
	private takenNames(): string[] {
		return this.session.assessments.map((x) => x.name);
	}

	/** 为下一年开始: asks for the new 评估日期 and proposes "2027 年度自评"; copies the answers. */
	private setupNextYear(): void {
		const dialog = this.querySelector<HTMLDialogElement>('[data-next-year-dialog]')!;
		const date = this.querySelector<HTMLInputElement>('[data-next-year-date]')!;
		const name = this.querySelector<HTMLInputElement>('[data-next-year-name]')!;
		const error = this.querySelector<HTMLElement>('[data-next-year-error]')!;
		let nameEdited = false;
		const propose = () => {
			if (!nameEdited)
				name.value = nextYearName(date.value, this.takenNames(), nameLabels(), new Date());
		};
		name.addEventListener('input', () => (nameEdited = true));
		date.addEventListener('input', propose);
		date.addEventListener('change', propose);
		this.openNextYear = () => {
			nameEdited = false;
			error.textContent = '';
			const today = isoDay(new Date());
			const later = oneYearLater(this.a.profile.assessedOn);
			date.value = later && later > today ? later : today;
			propose();
			dialog.showModal();
			date.focus();
		};
		this.querySelector('[data-next-year-no]')!.addEventListener('click', () => dialog.close());
		this.querySelector('[data-next-year-form]')!.addEventListener('submit', (e) => {
			e.preventDefault();
			const from = this.a.profile.assessedOn;
			const problem = !/^\d{4}-\d{2}-\d{2}$/.test(date.value)
				? ([date, t('assess.nextYearDateMissing')] as const)
				: from && date.value <= from
					? ([date, t('assess.nextYearDateEarlier', { date: from })] as const)
					: !name.value.trim()
						? ([name, t('assess.nextYearNameMissing')] as const)
						: null;
			date.removeAttribute('aria-invalid');
			name.removeAttribute('aria-invalid');
			if (problem) {
				error.textContent = problem[1];
				problem[0].setAttribute('aria-invalid', 'true');
				problem[0].focus();
				return;
			}
			dialog.close();
			// Answers and ledger carried, unfinished 整改 tasks carried over, last year's outcomes kept.
			const a = this.session.startNextYear(clipText(name.value.trim(), LIMITS.shortText));
			a.profile.assessedOn = date.value;
			this.session.save(false);
			this.restore();
			this.showSaved(a.updatedAt);
			showMessage(
				this.messages,
				t('assess.nextYearDone', { year: assessmentYear(date.value, new Date()), name: a.name }),
				'ok',
			);
		});
	}

	private openNextYear: () => void = () => {};

	private setupManager(): void {
		const select = this.querySelector<HTMLSelectElement>('[data-current]')!;
		select.addEventListener('change', () => {
			this.session.select(select.value);
			this.restore();
			this.showSaved(this.a.updatedAt);
		});
		const rename = this.querySelector<HTMLInputElement>('[data-rename]')!;
		rename.addEventListener('input', () => {
			if (!this.apply(rename, { kind: 'name' })) return;
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
					const today = new Date();
					const a = this.session.create(
						nextYearName(isoDay(today), this.takenNames(), nameLabels(), today),
					);
					this.restore();
					this.showSaved(a.updatedAt);
					showMessage(this.messages, t('assess.created', { name: a.name }), 'ok');
					break;
				}
				case 'next-year':
					this.openNextYear();
					break;
				case 'duplicate': {
					const a = this.session.duplicate(
						derivedName(
							this.a.name,
							t('assess.copySuffix'),
							this.takenNames(),
							nameLabels(),
							LIMITS.shortText,
						),
					);
					this.restore();
					this.showSaved(a.updatedAt);
					showMessage(this.messages, t('assess.duplicated', { name: a.name }), 'ok');
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
		a.name = derivedName(
			a.name || a.profile.unitName || file.name,
			t('assess.importedSuffix'),
			this.takenNames(),
			nameLabels(),
			LIMITS.shortText,
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
