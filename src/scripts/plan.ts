/**
 * <zz-plan>: the 整改计划 editor. Events in, DOM out: every rule (generation, ordering,
 * status, progress, overdue, review) is in src/lib/plan.ts. Each change is saved at once
 * through the session, with the same 已保存 indicator and quota messages as the checklist.
 * User text reaches the page only through `.value` and `textContent`.
 */
import {
	PLAN_LIMITS,
	PlanSchema,
	TASK_STATUSES,
	addProgress,
	cut,
	generateTasks,
	isOverdue,
	levelLabel,
	levelsFromScore,
	localDay,
	measuresRef,
	moveTask,
	newTask,
	planCandidates,
	planProgress,
	removeTask,
	restoreTask,
	setStatus,
	summariseOutcomes,
	openCriteria,
	taskOutcomes,
	tasksFromRectification,
	type Candidate,
	type LevelState,
	type MeasuresById,
	type Plan,
	type Removed,
	type Task,
	type TaskStatus,
} from '../lib/plan';
import { planCsv } from '../lib/plan-csv';
import { scoreAssessment } from '../lib/scoring';
import { buildResultFile } from '../lib/result-file';
import { guideHref } from '../lib/guide-href';
import { RECEIVED_PREFIX } from '../lib/review-keys';
import type { ReceivedRectification } from './plan-rectify';
import { t, type StringKey } from '../i18n/client';
import {
	Session,
	bindAssessmentPicker,
	browserStorage,
	download,
	fileStem,
	newId,
	readCatalogue,
} from './session';
import { DeferredSheet } from './print-sheet';
import { dateField, el, whenIdle } from './dom';
import { showSaveResult, showSaved } from './save-status';

/** Task cards drawn per idle moment when the page opens: none long enough to hold up a tap. */
const TASKS_PER_STEP = 1;

type Field = 'title' | 'owner' | 'due' | 'status' | 'pauseReason' | 'target' | 'measures';

/** A labelled form field: <div class="field"><label/>control<p class="field-error"/></div>. */
function field(
	id: string,
	label: string,
	control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
): HTMLDivElement {
	const box = el('div', null, 'field');
	const l = el('label', label);
	l.htmlFor = id;
	control.id = id;
	const error = el('p', null, 'field-error');
	error.id = `${id}-error`;
	error.dataset['errorFor'] = id;
	control.setAttribute('aria-describedby', error.id);
	box.append(l, control, error);
	return box;
}

function input(type: string, value: string, max?: number): HTMLInputElement {
	const i = el('input');
	i.type = type;
	i.value = value;
	if (max) i.maxLength = max;
	return i;
}

class ZzPlan extends HTMLElement {
	private session!: Session;
	/** The printed sheet, rebuilt when idle or when printing starts. */
	private readonly sheet = new DeferredSheet(() => this.renderSheet());
	private measures: MeasuresById = {};
	private removed: Removed | null = null;
	/** Tasks shown with their editor open (by id); the others are shown to read. */
	private readonly editing = new Set<string>();
	/** Counts task-list drawings, so a superseded one stops appending cards. */
	private drawing = 0;
	private base = '/';

	connectedCallback(): void {
		const catalogue = readCatalogue();
		this.session = new Session(catalogue);
		this.measures = JSON.parse(
			document.getElementById('zz-measures')?.textContent ?? '{}',
		) as MeasuresById;
		this.base = this.dataset['base'] ?? '/';
		// The session always holds an assessment (a new one, unsaved, on a first visit).
		this.$('[data-view]').hidden = false;

		// From a received 验收 on the results page: open the plan of the assessment reviewed.
		const reviewed = new URLSearchParams(location.search).get('received');
		if (reviewed && this.session.assessments.some((x) => x.id === reviewed))
			this.session.select(reviewed);
		bindAssessmentPicker(this.$<HTMLSelectElement>('[data-current]'), this.session, () => {
			this.removed = null;
			this.editing.clear();
			this.$('[data-undo-box]').replaceChildren();
			this.render();
			void this.loadRectification();
			showSaved(this.status, this.a.updatedAt);
		});
		this.$('[data-rectify-add]').addEventListener('click', () => this.addRectification());
		this.$('[data-generate]').addEventListener('submit', (e) => {
			e.preventDefault();
			this.generate();
		});
		this.$('[data-add]').addEventListener('submit', (e) => {
			e.preventDefault();
			this.addTask();
		});
		const tasks = this.$('[data-tasks]');
		tasks.addEventListener('input', (e) => this.onField(e));
		tasks.addEventListener('change', (e) => this.onField(e));
		tasks.addEventListener('click', (e) => this.onClick(e));
		for (const b of this.querySelectorAll<HTMLButtonElement>('[data-download]'))
			b.addEventListener('click', () => this.download(b.dataset['download'] as 'csv' | 'json'));
		// Added below whatever the page just said, so the reminder never hides it.
		this.session.onPersistDenied = () =>
			this.$('[data-messages]').append(el('p', t('assess.persistDenied'), 'notice warn'));
		if (this.session.quarantined.length)
			this.message(t('assess.quarantined', { n: this.session.quarantined.length }), 'warn');
		this.render(true);
		void this.loadRectification();
		this.preselect();
		if (this.session.store.has(this.a.id)) showSaved(this.status, this.a.updatedAt);
	}

	private $<T extends HTMLElement = HTMLElement>(sel: string): T {
		return this.querySelector<T>(sel)!;
	}

	private get a() {
		return this.session.current;
	}

	private get status(): HTMLElement {
		return this.$('[data-save-status]');
	}

	private today(): string {
		return localDay(new Date());
	}

	private levels(): Record<string, LevelState> {
		return levelsFromScore(scoreAssessment(this.session.catalogue, this.a).criteria);
	}

	private levelText(state: LevelState): string {
		return levelLabel(state, this.session.catalogue.levelNames, {
			unanswered: t('plan.unanswered'),
			na: t('plan.levelNa'),
		});
	}

	private message(text: string, kind: 'ok' | 'warn' | 'bad' = 'ok'): void {
		this.$('[data-messages]').replaceChildren(el('p', text, `notice ${kind}`));
	}

	// ---- saving ------------------------------------------------------------------------

	/** Replaces the plan and saves it; a plan the schema refuses is never saved. */
	private commit(plan: Plan): boolean {
		if (!PlanSchema.safeParse(plan).success) {
			this.message(t('assess.notSaved'), 'bad');
			return false;
		}
		this.a.plan = plan;
		showSaveResult(this.status, this.session.save(), this.a.updatedAt, (text) =>
			this.message(text, 'bad'),
		);
		this.renderSummary();
		this.sheet.invalidate();
		return true;
	}

	private updateTask(id: string, next: Task): boolean {
		return this.commit({
			...this.a.plan,
			tasks: this.a.plan.tasks.map((x) => (x.id === id ? next : x)),
		});
	}

	// ---- rendering ---------------------------------------------------------------------

	/** Draws the whole page; `opening`: as the page opens (the task cards drawn stepwise). */
	private render(opening = false): void {
		this.renderSummary();
		this.renderReview();
		this.renderRectification();
		this.renderCandidates();
		this.renderTasks(undefined, opening);
		this.sheet.invalidate();
	}

	private renderSummary(): void {
		const p = planProgress(this.a.plan, this.today());
		this.$('[data-progress-line]').textContent = p.total
			? t('plan.progressLine', { done: p.done, total: p.total }) +
				(p.overdue ? t('plan.progressOverdue', { n: p.overdue }) : '')
			: t('plan.progressEmpty');
		this.$('[data-progress-detail]').textContent = p.total
			? t('plan.progressDetail', { doing: p.doing, notStarted: p.todo, paused: p.paused })
			: '';
		const overdue = this.$('[data-overdue]');
		overdue.hidden = p.overdue === 0;
		overdue.textContent = p.overdue
			? t('plan.overdueList', { items: p.overdueTitles.join('、') })
			: '';
	}

	private renderReview(): void {
		const review = this.a.plan.review;
		const box = this.$('[data-review]');
		box.hidden = review === null;
		if (!review) return;
		const rows = taskOutcomes(review, this.levels());
		const s = summariseOutcomes(rows);
		this.$('[data-review-intro]').textContent = t('plan.reviewIntro', {
			name: review.fromName,
			date: review.fromAssessedOn || '—',
		});
		this.$('[data-review-summary]').textContent = t('plan.reviewSummary', {
			tasks: s.tasks,
			done: s.done,
			up: s.doneUp,
			same: s.doneSame,
			down: s.doneDown,
		});
		this.$('[data-review-rows]').replaceChildren(
			...rows.map((r) => {
				const tr = el('tr');
				const th = el('th', r.title);
				th.scope = 'row';
				tr.append(
					th,
					el('td', t(`plan.status.${r.status}` as StringKey)),
					el('td', r.criterion ? this.levelText(r.before) : '—'),
					el('td', r.criterion ? this.levelText(r.after) : '—'),
					el('td', t(`plan.movement.${r.movement}` as StringKey), `movement-${r.movement}`),
				);
				return tr;
			}),
		);
	}

	private candidates() {
		const score = scoreAssessment(this.session.catalogue, this.a);
		return planCandidates(
			this.session.catalogue,
			levelsFromScore(score.criteria),
			this.measures,
			this.a.plan,
			score.priorities.map((p) => p.id),
		);
	}

	/** The 整改要求 of a 验收 received for the current assessment, once loaded (see below). */
	private received: ReceivedRectification | null = null;

	/**
	 * Loads the 验收 this branch received for the current assessment (imported on the results
	 * page): the review code is fetched only when such a record exists.
	 */
	private async loadRectification(): Promise<void> {
		const id = this.a.id;
		this.received = null;
		let stored = false;
		try {
			stored = browserStorage()?.getItem(RECEIVED_PREFIX + id) != null;
		} catch {
			/* no storage: nothing received */
		}
		if (stored) {
			const { receivedRectification } = await import('./plan-rectify');
			if (this.a.id !== id) return;
			this.received = receivedRectification(
				this.session.catalogue,
				id,
				t('plan.rectifyReviewerUnknown'),
			);
		}
		this.renderRectification();
	}

	/** The 整改要求, each marked when the plan already has an unfinished task for it. */
	private renderRectification(): void {
		const found = this.received;
		const box = this.$('[data-rectify]');
		box.hidden = !found || found.items.length === 0;
		if (!found || box.hidden) return;
		const open = openCriteria(this.a.plan);
		this.$('[data-rectify-intro]').textContent = t('plan.rectifyIntro', {
			reviewer: found.reviewer,
			date: found.reviewedOn || '—',
			n: found.items.length,
		});
		this.$('[data-rectify-list]').replaceChildren(
			...found.items.map((item) => {
				const li = el('li');
				li.append(
					el('strong', `${item.criterionId} ${item.title}`),
					' ',
					el(
						'span',
						t('plan.rectifyLine', {
							level: this.session.catalogue.levelNames[item.level]!,
							due: item.deadline || t('plan.rectifyNoDeadline'),
						}),
						'muted',
					),
				);
				if (open.has(item.criterionId))
					li.append(' ', el('span', t('plan.candidatePlanned'), 'badge'));
				return li;
			}),
		);
		this.$<HTMLButtonElement>('[data-rectify-add]').hidden = found.items.every((i) =>
			open.has(i.criterionId),
		);
	}

	/** Adds the 验收's 整改要求 not yet in the plan as tasks (due by the review's deadlines). */
	private addRectification(): void {
		const found = this.received;
		if (!found) return;
		const { plan, added, skipped } = tasksFromRectification(
			this.a.plan,
			found.items,
			this.measures,
			newId,
			(comment) => t('plan.rectifyComment', { comment }),
		);
		if (!added.length) {
			const full = this.a.plan.tasks.length >= PLAN_LIMITS.tasks;
			return this.message(
				full ? t('plan.full', { n: PLAN_LIMITS.tasks }) : t('plan.generatedNone'),
				'warn',
			);
		}
		const before = this.a.plan.tasks;
		if (!this.commit(plan)) return;
		this.editNew(before);
		this.renderRectification();
		this.renderCandidates();
		this.renderTasks();
		this.message(
			t('plan.rectifyAdded', { n: added.length }) +
				(skipped.length ? t('plan.rectifySkipped', { n: skipped.length }) : ''),
		);
	}

	private renderCandidates(): void {
		const candidates = this.candidates();
		const item = (c: Candidate) => {
			const li = el('li');
			const label = el('label', null, 'check');
			const box = input('checkbox', c.criterion);
			box.name = 'criterion';
			box.disabled = c.planned;
			const text = el('span');
			text.append(
				el('strong', `${c.criterion} ${c.title}`),
				el(
					'span',
					t('plan.candidateLine', {
						level: this.levelText(c.level),
						target: this.session.catalogue.levelNames[c.targetLevel]!,
					}),
					'muted candidate-detail',
				),
			);
			if (c.planned) text.append(' ', el('span', t('plan.candidatePlanned'), 'badge'));
			label.append(box, text);
			li.append(label);
			return li;
		};
		// Rated criteria first, in priority order; unanswered ones folded away below them.
		const rated = candidates.filter((c) => c.level !== null);
		const unanswered = candidates.filter((c) => c.level === null);
		this.$('[data-candidates]').replaceChildren(...rated.map(item));
		this.$('[data-candidates-unanswered]').replaceChildren(...unanswered.map(item));
		this.$('[data-unanswered-box]').hidden = unanswered.length === 0;
		this.$('[data-unanswered-summary]').textContent = t('plan.unansweredGroup', {
			n: unanswered.length,
		});
		const none = candidates.length === 0;
		this.$('[data-candidates-none]').hidden = !none;
		this.$<HTMLFieldSetElement>('.plan-candidates').hidden = none;
		this.$<HTMLButtonElement>('[data-generate-button]').hidden = none;
	}

	/** Ticks the criteria named in `?criteria=` (from the results page), if open to planning. */
	private preselect(): void {
		const wanted = new URLSearchParams(location.search).get('criteria')?.split(',') ?? [];
		for (const box of this.querySelectorAll<HTMLInputElement>('.plan-candidates input'))
			box.checked = !box.disabled && wanted.includes(box.value);
	}

	/**
	 * Draws the task list. After a change the reader made, every card at once. On opening the
	 * page (`stepwise`), the cards are appended in idle time a few at a time, so a long plan
	 * never holds up the page in one piece: the list sits below the first screen (under
	 * 生成任务 and 添加任务), and cards are only ever added below the ones drawn, so nothing
	 * moves under the reader. A newer drawing supersedes a pending one.
	 */
	private renderTasks(focus?: { id: string; selector: string }, stepwise = false): void {
		const tasks = this.a.plan.tasks;
		const drawing = ++this.drawing;
		this.$('[data-tasks-empty]').hidden = tasks.length > 0;
		const list = this.$('[data-tasks]');
		let drawn = stepwise ? 0 : tasks.length;
		list.replaceChildren(...tasks.slice(0, drawn).map((task, i) => this.taskCard(task, i)));
		if (focus)
			this.querySelector<HTMLElement>(
				`[data-tasks] li[data-id="${CSS.escape(focus.id)}"] ${focus.selector}`,
			)?.focus();
		const more = () => {
			if (drawing !== this.drawing || drawn >= tasks.length) return;
			const next = Math.min(tasks.length, drawn + TASKS_PER_STEP);
			list.append(...tasks.slice(drawn, next).map((task, i) => this.taskCard(task, drawn + i)));
			drawn = next;
			whenIdle(more);
		};
		if (stepwise) whenIdle(more);
	}

	private taskCard(task: Task, index: number): HTMLLIElement {
		const cat = this.session.catalogue;
		const id = `task-${task.id}`;
		const li = el('li', null, 'plan-task');
		li.dataset['id'] = task.id;
		li.setAttribute('aria-labelledby', `${id}-h`);

		const head = el('div', null, 'plan-task-head');
		const h = el('h3');
		h.id = `${id}-h`;
		h.append(el('span', t('plan.task.number', { n: index + 1 }), 'plan-task-no'), ' ');
		h.append(el('span', task.title, 'plan-task-title'));
		const badges = el('p', null, 'plan-task-badges');
		head.append(h, badges);
		li.append(head);

		const criterion = task.criterion
			? cat.criteria.find((c) => c.id === task.criterion)
			: undefined;
		if (criterion || task.carriedFrom) {
			const meta = el('p', null, 'muted plan-task-meta');
			if (criterion) {
				meta.append(t('plan.task.levelNow', { level: this.levelText(task.levelAtStart) }), ' · ');
				const link = el('a', t('plan.task.guide', { id: criterion.id }));
				link.href = guideHref(this.base, measuresRef(criterion.guide, criterion.id));
				meta.append(link);
			}
			if (task.carriedFrom)
				meta.append(criterion ? ' · ' : '', t('plan.task.carried', { name: task.carriedFrom }));
			li.append(meta);
		}

		const editing = this.editing.has(task.id);
		li.append(editing ? this.taskEditor(task, id) : this.taskFacts(task));
		li.append(this.progressBlock(task, id));

		const actions = el('div', null, 'button-row plan-task-actions');
		actions.setAttribute('role', 'group');
		actions.setAttribute('aria-label', t('plan.task.actions', { title: task.title }));
		const button = (action: string, label: string, cls = 'button secondary') => {
			const b = el('button', label, cls);
			b.type = 'button';
			b.dataset['action'] = action;
			return b;
		};
		const edit = button('edit', t(editing ? 'plan.task.editDone' : 'plan.task.edit'));
		edit.setAttribute('aria-expanded', String(editing));
		edit.setAttribute('aria-controls', `${id}-body`);
		const up = button('up', t('plan.task.moveUp'));
		up.disabled = index === 0;
		const down = button('down', t('plan.task.moveDown'));
		down.disabled = index === this.a.plan.tasks.length - 1;
		actions.append(edit, up, down, button('delete', t('plan.task.delete'), 'button danger'));
		li.append(actions);
		this.refreshCard(li, task);
		return li;
	}

	/** A task as it stands, to read: who, by when, its state, target and measures. */
	private taskFacts(task: Task): HTMLElement {
		const dl = el('dl', null, 'plan-task-facts');
		dl.id = `task-${task.id}-body`;
		const state = [t(`plan.status.${task.status}`)];
		if (task.status === 'paused' && task.pauseReason)
			state.push(`${t('plan.task.pauseReason')}：${task.pauseReason}`);
		const fact = (label: string, value: string | HTMLElement, wide = false) => {
			const box = el('div', null, wide ? 'plan-fact wide' : 'plan-fact');
			const dd = el('dd');
			dd.append(value);
			box.append(el('dt', label), dd);
			dl.append(box);
		};
		fact(t('plan.task.owner'), task.owner || t('plan.task.none'));
		fact(t('plan.task.due'), task.due || t('plan.task.none'));
		fact(t('plan.task.status'), state.join('，'));
		fact(t('plan.task.targetShort'), task.target || t('plan.task.none'), true);
		let measures: string | HTMLElement = t('plan.task.none');
		if (task.measures.length) {
			measures = el('ol', null, 'plan-fact-list');
			for (const m of task.measures) measures.append(el('li', m));
		}
		fact(t('plan.task.measuresShort'), measures, true);
		return dl;
	}

	/** A task's editor, built when the reader asks to edit it (or when it was just made). */
	private taskEditor(task: Task, id: string): HTMLElement {
		const box = el('div', null, 'plan-task-editor');
		box.id = `${id}-body`;
		const grid = el('div', null, 'field-grid');
		const title = input('text', task.title, PLAN_LIMITS.title);
		title.dataset['field'] = 'title';
		grid.append(field(`${id}-title`, t('plan.task.title'), title));
		const owner = input('text', task.owner, PLAN_LIMITS.owner);
		owner.dataset['field'] = 'owner';
		owner.autocomplete = 'name';
		grid.append(field(`${id}-owner`, t('plan.task.owner'), owner));
		const due = dateField(task.due, t('form.datePlaceholder'));
		due.dataset['field'] = 'due';
		grid.append(field(`${id}-due`, t('plan.task.due'), due));
		const status = el('select');
		status.dataset['field'] = 'status';
		for (const s of TASK_STATUSES) {
			const o = el('option', t(`plan.status.${s}`));
			o.value = s;
			o.selected = s === task.status;
			status.append(o);
		}
		grid.append(field(`${id}-status`, t('plan.task.status'), status));
		box.append(grid);

		const reason = input('text', task.pauseReason, PLAN_LIMITS.reason);
		reason.dataset['field'] = 'pauseReason';
		const reasonField = field(`${id}-reason`, t('plan.task.pauseReason'), reason);
		reasonField.dataset['reasonField'] = '';
		reasonField.hidden = task.status !== 'paused';
		box.append(reasonField);

		const target = el('textarea');
		target.rows = 2;
		target.maxLength = PLAN_LIMITS.target;
		target.value = task.target;
		target.dataset['field'] = 'target';
		box.append(field(`${id}-target`, t('plan.task.target'), target));
		const measures = el('textarea');
		measures.rows = Math.max(2, Math.min(6, task.measures.length + 1));
		measures.value = task.measures.join('\n');
		measures.dataset['field'] = 'measures';
		box.append(field(`${id}-measures`, t('plan.task.measures'), measures));

		return box;
	}

	/**
	 * A task's 进展记录: the log, and behind 添加进展 the date, text and 记录进展 button, built
	 * when first opened (`open` builds it at once, opened, as after recording an entry).
	 */
	private progressBlock(task: Task, id: string, open = false): HTMLElement {
		const box = el('div', null, 'plan-progress');
		const h = el('h4', t('plan.task.progress'));
		h.id = `${id}-progress-h`;
		box.append(h);
		if (task.progress.length) {
			const ul = el('ul', null, 'plan-progress-list');
			ul.setAttribute('aria-labelledby', h.id);
			for (const p of task.progress) {
				const item = el('li');
				const time = el('time', p.date);
				time.dateTime = p.date;
				item.append(time, ' ', el('span', p.text));
				ul.append(item);
			}
			box.append(ul);
		} else box.append(el('p', t('plan.task.progressNone'), 'muted'));
		// A disclosure button rather than <details>: inserting a <details> makes the browser
		// restyle the whole page, once per batch of cards drawn.
		const toggle = el('button', t('plan.task.progressNew'), 'more-toggle');
		toggle.type = 'button';
		toggle.setAttribute('aria-expanded', 'false');
		toggle.setAttribute('aria-controls', `${id}-padd`);
		const more = el('div', null, 'plan-progress-more');
		more.append(toggle);
		let row: HTMLElement | null = null;
		const show = (expanded: boolean) => {
			if (!row) {
				row = el('div', null, 'plan-progress-add');
				row.id = `${id}-padd`;
				const date = input('date', this.today());
				date.dataset['progress'] = 'date';
				const text = input('text', '', PLAN_LIMITS.progressText);
				text.dataset['progress'] = 'text';
				const add = el('button', t('plan.task.progressAdd'), 'button secondary');
				add.type = 'button';
				add.dataset['action'] = 'progress';
				row.append(
					field(`${id}-pdate`, t('plan.task.progressDate'), date),
					field(`${id}-ptext`, t('plan.task.progressText'), text),
					add,
				);
				more.append(row);
			}
			row.hidden = !expanded;
			toggle.setAttribute('aria-expanded', String(expanded));
		};
		if (open) show(true);
		toggle.addEventListener('click', () => {
			const expanded = toggle.getAttribute('aria-expanded') !== 'true';
			show(expanded);
			if (expanded) row?.querySelector<HTMLElement>('[data-progress="text"]')?.focus();
		});
		box.append(more);
		return box;
	}

	/** Updates the parts of a card that follow from the task without touching its inputs. */
	private refreshCard(li: HTMLElement, task: Task): void {
		const badges = li.querySelector<HTMLElement>('.plan-task-badges')!;
		const status = el('span', t(`plan.status.${task.status}`), `badge status-${task.status}`);
		badges.replaceChildren(status);
		if (task.status === 'done' && task.doneOn)
			badges.append(' ', el('span', t('plan.task.doneOn', { date: task.doneOn }), 'muted'));
		if (isOverdue(task, this.today()))
			badges.append(' ', el('span', t('plan.task.overdue'), 'badge required'));
		li.querySelector('.plan-task-title')!.textContent = task.title;
		li.querySelector('.plan-task-actions')!.setAttribute(
			'aria-label',
			t('plan.task.actions', { title: task.title }),
		);
		li.classList.toggle('is-done', task.status === 'done');
	}

	// ---- events ------------------------------------------------------------------------

	private fieldError(li: HTMLElement, control: HTMLElement, text: string): void {
		const box = li.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(control.id)}"]`);
		if (box) box.textContent = text;
		if (text) control.setAttribute('aria-invalid', 'true');
		else control.removeAttribute('aria-invalid');
	}

	private onField(e: Event): void {
		const control = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
		const name = control.dataset['field'] as Field | undefined;
		const li = control.closest<HTMLElement>('li[data-id]');
		if (!name || !li) return;
		// Selects save on change, text on input.
		if ((name === 'status') !== (e.type === 'change')) return;
		const task = this.a.plan.tasks.find((x) => x.id === li.dataset['id']);
		if (!task) return;
		const value = control.value;
		let next: Task | null = task;
		this.fieldError(li, control, '');
		switch (name) {
			case 'title':
				if (value.trim() === '') return this.fieldError(li, control, t('plan.task.titleEmpty'));
				next = { ...task, title: cut(value, PLAN_LIMITS.title) };
				break;
			case 'owner':
				next = { ...task, owner: cut(value, PLAN_LIMITS.owner) };
				break;
			case 'due':
				if (!/^(\d{4}-\d{2}-\d{2})?$/.test(value)) return;
				next = { ...task, due: value };
				break;
			case 'target':
				next = { ...task, target: cut(value, PLAN_LIMITS.target) };
				break;
			case 'measures': {
				const lines = value
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean);
				if (lines.length > PLAN_LIMITS.measures)
					this.fieldError(li, control, t('plan.task.measuresTooMany', { n: PLAN_LIMITS.measures }));
				next = {
					...task,
					measures: lines
						.slice(0, PLAN_LIMITS.measures)
						.map((l) => cut(l, PLAN_LIMITS.measureText)),
				};
				break;
			}
			case 'pauseReason':
				if (task.status === 'paused' && value.trim() === '')
					return this.fieldError(li, control, t('plan.task.pauseReasonKept'));
				next = { ...task, pauseReason: cut(value, PLAN_LIMITS.reason) };
				break;
			case 'status': {
				next = setStatus(task, value as TaskStatus, this.today());
				const reasonField = li.querySelector<HTMLElement>('[data-reason-field]')!;
				if (!next) {
					// 暂缓 needs a reason first: keep the old status, open the reason field.
					(control as HTMLSelectElement).value = task.status;
					reasonField.hidden = false;
					const reason = reasonField.querySelector('input')!;
					this.fieldError(li, reason, t('plan.task.pauseNeedsReason'));
					reason.focus();
					return;
				}
				reasonField.hidden = next.status !== 'paused' && task.pauseReason === '';
				break;
			}
		}
		if (this.updateTask(task.id, next)) this.refreshCard(li, next);
	}

	private onClick(e: Event): void {
		const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
		const li = button?.closest<HTMLElement>('li[data-id]');
		if (!button || !li) return;
		const id = li.dataset['id']!;
		const index = this.a.plan.tasks.findIndex((x) => x.id === id);
		const task = this.a.plan.tasks[index];
		if (!task) return;
		switch (button.dataset['action']) {
			case 'edit': {
				const open = !this.editing.has(id);
				if (open) this.editing.add(id);
				else this.editing.delete(id);
				const card = this.taskCard(task, index);
				li.replaceWith(card);
				card
					.querySelector<HTMLElement>(
						open ? 'input[data-field="title"]' : 'button[data-action="edit"]',
					)
					?.focus();
				break;
			}
			case 'up':
			case 'down': {
				const to = index + (button.dataset['action'] === 'up' ? -1 : 1);
				if (!this.commit(moveTask(this.a.plan, index, to))) return;
				const last = this.a.plan.tasks.length - 1;
				// Keep focus on the moved task; at an edge the pressed button is disabled, so use the other.
				const action =
					(button.dataset['action'] === 'up' && to === 0) ||
					(button.dataset['action'] === 'down' && to === last)
						? button.dataset['action'] === 'up'
							? 'down'
							: 'up'
						: button.dataset['action'];
				this.renderTasks({ id, selector: `button[data-action="${action}"]` });
				break;
			}
			case 'delete': {
				const { plan, removed } = removeTask(this.a.plan, id);
				if (!removed || !this.commit(plan)) return;
				this.removed = removed;
				this.renderTasks();
				this.renderCandidates();
				const box = this.$('[data-undo-box]');
				const p = el('p', null, 'notice ok');
				const undo = el('button', t('plan.undo'), 'button secondary');
				undo.type = 'button';
				undo.addEventListener('click', () => this.undo());
				p.append(t('plan.deleted', { title: task.title }), ' ', undo);
				box.replaceChildren(p);
				undo.focus();
				break;
			}
			case 'progress': {
				const date = li.querySelector<HTMLInputElement>('[data-progress="date"]')!;
				const text = li.querySelector<HTMLInputElement>('[data-progress="text"]')!;
				if (task.progress.length >= PLAN_LIMITS.progress)
					return this.fieldError(
						li,
						text,
						t('plan.task.progressFull', { n: PLAN_LIMITS.progress }),
					);
				const next = addProgress(task, date.value, text.value);
				if (!next) return this.fieldError(li, text, t('plan.task.progressEmpty'));
				if (!this.updateTask(id, next)) return;
				const block = li.querySelector('.plan-progress')!;
				block.replaceWith(this.progressBlock(next, `task-${id}`, true));
				const fresh = li.querySelector<HTMLInputElement>('[data-progress="text"]')!;
				this.fieldError(li, fresh, '');
				li.querySelector<HTMLElement>('.plan-progress [data-error-for]')!.textContent = '';
				fresh.focus();
				this.message(t('plan.task.progressAdded'));
				break;
			}
		}
	}

	private undo(): void {
		if (!this.removed) return;
		const { task } = this.removed;
		if (!this.commit(restoreTask(this.a.plan, this.removed))) return;
		this.removed = null;
		this.$('[data-undo-box]').replaceChildren(
			el('p', t('plan.restored', { title: task.title }), 'notice ok'),
		);
		this.renderTasks({ id: task.id, selector: 'input[data-field="title"]' });
		this.renderCandidates();
	}

	/** Opens the editor of every task not in `before`: a task just made is filled in next. */
	private editNew(before: readonly Task[]): void {
		const old = new Set(before.map((x) => x.id));
		for (const x of this.a.plan.tasks) if (!old.has(x.id)) this.editing.add(x.id);
	}

	private generate(): void {
		const chosen = [
			...this.querySelectorAll<HTMLInputElement>('.plan-candidates input:checked'),
		].map((b) => b.value);
		if (this.a.plan.tasks.length >= PLAN_LIMITS.tasks && chosen.length)
			return this.message(t('plan.full', { n: PLAN_LIMITS.tasks }), 'warn');
		const before = this.a.plan.tasks;
		const { plan, added } = generateTasks(this.a.plan, this.candidates(), chosen, newId);
		if (!added.length) return this.message(t('plan.generatedNone'), 'warn');
		if (!this.commit(plan)) return;
		this.editNew(before);
		this.renderCandidates();
		this.renderTasks();
		this.message(t('plan.generated', { n: added.length }));
	}

	private addTask(): void {
		const title = this.$<HTMLInputElement>('[data-add-title]');
		const error = this.$('[data-add-error]');
		const value = title.value.trim();
		if (!value) {
			error.textContent = t('plan.addEmpty');
			title.setAttribute('aria-invalid', 'true');
			title.focus();
			return;
		}
		if (this.a.plan.tasks.length >= PLAN_LIMITS.tasks) {
			error.textContent = t('plan.full', { n: PLAN_LIMITS.tasks });
			return;
		}
		error.textContent = '';
		title.removeAttribute('aria-invalid');
		const task = newTask(newId(), value);
		if (!this.commit({ ...this.a.plan, tasks: [...this.a.plan.tasks, task] })) return;
		this.editing.add(task.id);
		title.value = '';
		this.renderTasks();
		this.message(t('plan.added', { title: task.title }));
	}

	// ---- print and downloads -----------------------------------------------------------------

	private renderSheet(): void {
		const a = this.a;
		const today = this.today();
		const p = planProgress(a.plan, today);
		this.$('[data-sheet-meta]').textContent = [
			`${t('plan.sheet.unit')}：${a.profile.unionName || a.profile.unitName || '—'}`,
			`${t('plan.sheet.assessment')}：${a.name}`,
			`${t('plan.sheet.progress')}：${t('plan.progressLine', { done: p.done, total: p.total })}${p.overdue ? t('plan.progressOverdue', { n: p.overdue }) : ''}`,
			`${t('plan.sheet.printedOn')}：${today}`,
		].join('　');
		const rows = this.$('[data-sheet-rows]');
		if (!a.plan.tasks.length) {
			const td = el('td', t('plan.sheet.empty'));
			td.colSpan = 9;
			const tr = el('tr');
			tr.append(td);
			rows.replaceChildren(tr);
			return;
		}
		rows.replaceChildren(
			...a.plan.tasks.map((task, i) => {
				const tr = el('tr');
				const measures = el('td');
				const list = el('ol', null, 'sheet-measures');
				for (const m of task.measures) list.append(el('li', m));
				if (task.measures.length) measures.append(list);
				const last = task.progress[task.progress.length - 1];
				const state = [t(`plan.status.${task.status}`)];
				if (task.status === 'paused') state.push(task.pauseReason);
				if (task.status === 'done' && task.doneOn) state.push(task.doneOn);
				if (isOverdue(task, today)) state.push(t('plan.task.overdue'));
				tr.append(
					el('td', String(i + 1), 'c-num'),
					el('td', task.title),
					el('td', task.target),
					measures,
					el('td', task.owner),
					el('td', task.due),
					el('td', state.join('，')),
					el('td', last ? `${last.date} ${last.text}` : ''),
					el('td', '', 'c-sign'),
				);
				return tr;
			}),
		);
	}

	private download(kind: 'csv' | 'json'): void {
		const a = this.a;
		if (kind === 'json') {
			const score = scoreAssessment(this.session.catalogue, a);
			download(
				`${fileStem(a)}.json`,
				JSON.stringify(buildResultFile(a, score, new Date()), null, 2),
			);
			return;
		}
		const csv = planCsv(a.plan, this.today(), {
			header: [
				t('planCsv.no'),
				t('planCsv.criterion'),
				t('planCsv.title'),
				t('planCsv.levelAtStart'),
				t('planCsv.target'),
				t('planCsv.measures'),
				t('planCsv.owner'),
				t('planCsv.due'),
				t('planCsv.status'),
				t('planCsv.pauseReason'),
				t('planCsv.doneOn'),
				t('planCsv.progress'),
				t('planCsv.overdue'),
				t('planCsv.carriedFrom'),
			],
			status: {
				todo: t('plan.status.todo'),
				doing: t('plan.status.doing'),
				done: t('plan.status.done'),
				paused: t('plan.status.paused'),
			},
			levelNames: this.session.catalogue.levelNames,
			yes: t('planCsv.yes'),
		});
		download(`${fileStem(a)}_${t('plan.title')}.csv`, csv, 'text/csv;charset=utf-8');
	}
}

customElements.define('zz-plan', ZzPlan);
