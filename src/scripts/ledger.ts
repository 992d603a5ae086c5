/**
 * <zz-ledger>: the 台账目录 editor. The 有 of an item is the checklist's 佐证 tick (see
 * src/lib/ledger.ts), so changing it here changes the checklist too. Every change is saved
 * at once; user text reaches the page only through `.value` and `textContent`.
 */
import {
	LEDGER_LIMITS,
	LedgerSchema,
	QIBU_SANDANG_SANCE,
	groupByCategory,
	groupBySet,
	ledgerCsvRows,
	ledgerRows,
	ledgerTotals,
	setItemStatus,
	emptyLedgerItem,
	isEmptyLedgerItem,
	type LedgerGroup,
	type LedgerRow,
	type LedgerStatus,
} from '../lib/ledger';
import { emptyAnswer, isEmptyAnswer } from '../lib/assessment';
import { cut, localDay } from '../lib/plan';
import { toCsv } from '../lib/csv';
import { t } from '../i18n/client';
import { Session, bindAssessmentPicker, download, fileStem, readCatalogue } from './session';
import { DeferredSheet } from './print-sheet';
import { dateField, el } from './dom';
import { showSaveResult, showSaved } from './save-status';

const STATUSES: readonly LedgerStatus[] = ['have', 'missing', 'na'];
type Detail = 'location' | 'updatedOn' | 'note';

class ZzLedger extends HTMLElement {
	private session!: Session;
	/** The printed sheet, rebuilt when idle or when printing starts. */
	private readonly sheet = new DeferredSheet(() => this.renderSheet(this.rows()));
	private grouping: 'category' | 'set' = 'category';
	/** The groups the reader has opened (by id), kept open when the page is drawn again. */
	private readonly opened = new Set<string>();

	connectedCallback(): void {
		this.session = new Session(readCatalogue());
		// The session always holds an assessment (a new one, unsaved, on a first visit).
		this.$('[data-view]').hidden = false;
		bindAssessmentPicker(this.$<HTMLSelectElement>('[data-current]'), this.session, () => {
			this.render();
			showSaved(this.status, this.a.updatedAt);
		});
		for (const r of this.querySelectorAll<HTMLInputElement>('input[name="ledger-group"]'))
			r.addEventListener('change', () => {
				this.grouping = r.value === 'set' ? 'set' : 'category';
				this.render();
			});
		const groups = this.$('[data-groups]');
		groups.addEventListener('change', (e) => this.onField(e));
		groups.addEventListener('input', (e) => this.onField(e));
		this.$('[data-download="csv"]').addEventListener('click', () => this.downloadCsv());
		this.render();
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

	private rows(): LedgerRow[] {
		return ledgerRows(this.session.catalogue, this.a.answers, this.a.ledger);
	}

	private groups(rows: LedgerRow[]): (LedgerGroup & { size?: number | null })[] {
		return this.grouping === 'set'
			? groupBySet(QIBU_SANDANG_SANCE, rows, t('ledger.other'))
			: groupByCategory(this.session.catalogue, rows);
	}

	private groupTitle(g: LedgerGroup & { size?: number | null }): string {
		return g.size ? t('ledger.setPart', { title: g.title, size: g.size }) : g.title;
	}

	private render(): void {
		const rows = this.rows();
		this.$('[data-set-note]').hidden = this.grouping !== 'set';
		this.$('[data-groups]').replaceChildren(...this.groups(rows).map((g) => this.groupSection(g)));
		this.renderTotals(rows);
		this.sheet.invalidate();
	}

	private renderTotals(rows: LedgerRow[]): void {
		this.$('[data-totals]').textContent = t('ledger.totals', ledgerTotals(rows));
		for (const g of this.groups(rows)) {
			const count = this.querySelector(`[data-group-count="${CSS.escape(g.id)}"]`);
			if (count) count.textContent = t('ledger.groupCount', ledgerTotals(g.rows));
		}
	}

	/**
	 * One group, folded behind its title and counts as the checklist's categories are (the
	 * folded list reads as the binder's table of contents); its table of editors is built when
	 * first opened, so the page does not lay out several hundred form fields before anyone
	 * asks for them. A group the reader opened stays open when the page is drawn again.
	 */
	private groupSection(g: LedgerGroup & { size?: number | null }): HTMLElement {
		const box = el('details', null, 'category ledger-group');
		box.dataset['group'] = g.id;
		const summary = el('summary', null, 'category-summary');
		const h = el('h2', this.groupTitle(g));
		h.id = `ledger-g-${g.id}`;
		// Its counts are written by renderTotals, with the page's.
		const count = el('span', null, 'category-progress');
		count.dataset['groupCount'] = g.id;
		summary.append(h, count);
		box.append(summary);
		let built = false;
		const build = () => {
			if (built) return;
			built = true;
			// The rows as they are now, not as they were when the group was drawn.
			const now = this.groups(this.rows()).find((x) => x.id === g.id) ?? g;
			box.append(this.groupTable(now, h.id));
		};
		if (this.opened.has(g.id)) {
			build();
			box.open = true;
		}
		box.addEventListener('toggle', () => {
			if (!box.open) return void this.opened.delete(g.id);
			build();
			this.opened.add(g.id);
		});
		return box;
	}

	private groupTable(g: LedgerGroup & { size?: number | null }, labelledby: string): HTMLElement {
		const wrap = el('div', null, 'table-scroll');
		wrap.tabIndex = 0;
		wrap.setAttribute('role', 'region');
		wrap.setAttribute('aria-labelledby', labelledby);
		const table = el('table', null, 'ledger-table');
		const caption = el('caption', this.groupTitle(g), 'visually-hidden');
		const head = el('thead');
		const hr = el('tr');
		for (const key of ['item', 'status', 'location', 'updatedOn', 'note'] as const) {
			const th = el('th', t(`ledger.col.${key}`));
			th.scope = 'col';
			hr.append(th);
		}
		head.append(hr);
		const body = el('tbody');
		for (const r of g.rows) body.append(this.rowEditor(r));
		table.append(caption, head, body);
		wrap.append(table);
		return wrap;
	}

	private rowEditor(r: LedgerRow): HTMLTableRowElement {
		const tr = el('tr');
		tr.dataset['key'] = r.key;
		const th = el('th', null, 'c-item');
		th.scope = 'row';
		th.append(
			el('span', r.name),
			el('br'),
			el('span', `${r.criterion} ${r.criterionTitle}`, 'muted small'),
		);
		tr.append(th);
		const label = (field: string) => t('ledger.fieldLabel', { field, item: r.name });
		const status = el('select');
		status.dataset['field'] = 'status';
		status.setAttribute('aria-label', label(t('ledger.col.status')));
		for (const s of STATUSES) {
			const o = el('option', t(`ledger.status.${s}`));
			o.value = s;
			o.selected = s === r.status;
			status.append(o);
		}
		status.disabled = r.criterionNa;
		const statusCell = el('td');
		statusCell.append(status);
		if (r.criterionNa) statusCell.append(el('span', t('ledger.criterionNa'), 'muted small'));
		tr.append(statusCell);
		const text = (field: Detail, value: string, type: 'text' | 'date', max?: number) => {
			const i = type === 'date' ? dateField(value, t('form.datePlaceholder')) : el('input');
			if (type === 'text') i.value = value;
			if (max) i.maxLength = max;
			i.dataset['field'] = field;
			i.setAttribute('aria-label', label(t(`ledger.col.${field}`)));
			const td = el('td');
			td.append(i);
			return td;
		};
		tr.append(
			text('location', r.location, 'text', LEDGER_LIMITS.location),
			text('updatedOn', r.updatedOn, 'date'),
			text('note', r.note, 'text', LEDGER_LIMITS.note),
		);
		tr.classList.toggle('ledger-status-missing', r.status === 'missing');
		return tr;
	}

	private onField(e: Event): void {
		const control = e.target as HTMLInputElement | HTMLSelectElement;
		const field = control.dataset['field'];
		const tr = control.closest<HTMLElement>('tr[data-key]');
		if (!field || !tr) return;
		if ((field === 'status') !== (e.type === 'change')) return;
		const key = tr.dataset['key']!;
		const [criterion, index] = [key.split('.')[0]!, Number(key.split('.')[1])];
		const a = this.a;
		const entry = a.ledger[key];
		const ledger = { ...a.ledger };
		let evidence = a.answers[criterion]?.evidence ?? [];
		if (field === 'status') {
			const next = setItemStatus(evidence, entry, index, control.value as LedgerStatus);
			evidence = next.evidence;
			if (next.entry) ledger[key] = next.entry;
			else delete ledger[key];
		} else {
			let value = control.value;
			if (field === 'updatedOn' && !/^(\d{4}-\d{2}-\d{2})?$/.test(value)) return;
			if (field === 'location') value = cut(value, LEDGER_LIMITS.location);
			if (field === 'note') value = cut(value, LEDGER_LIMITS.note);
			const next = { ...(entry ?? emptyLedgerItem()), [field as Detail]: value };
			if (isEmptyLedgerItem(next)) delete ledger[key];
			else ledger[key] = next;
		}
		if (!LedgerSchema.safeParse(ledger).success) return;
		const answer = { ...(a.answers[criterion] ?? emptyAnswer()), evidence };
		a.ledger = ledger;
		if (isEmptyAnswer(answer)) delete a.answers[criterion];
		else a.answers[criterion] = answer;
		showSaveResult(this.status, this.session.save(), a.updatedAt, (text) =>
			this.$('[data-messages]').replaceChildren(el('p', text, 'notice bad')),
		);
		const rows = this.rows();
		this.renderTotals(rows);
		if (field === 'status')
			tr.classList.toggle('ledger-status-missing', control.value === 'missing');
		this.sheet.invalidate();
	}

	// ---- print and CSV -----------------------------------------------------------------

	private renderSheet(rows: LedgerRow[]): void {
		const a = this.a;
		this.$('[data-sheet-meta]').textContent = [
			`${t('plan.sheet.unit')}：${a.profile.unionName || a.profile.unitName || '—'}`,
			`${t('plan.sheet.assessment')}：${a.name}`,
			t('ledger.totals', ledgerTotals(rows)),
			`${t('plan.sheet.printedOn')}：${localDay(new Date())}`,
		].join('　');
		let n = 0;
		const head = (cols: string[]) => {
			const thead = el('thead');
			const tr = el('tr');
			for (const c of cols) {
				const th = el('th', c);
				th.scope = 'col';
				tr.append(th);
			}
			thead.append(tr);
			return thead;
		};
		const cols = ['no', 'item', 'criterion', 'status', 'location', 'updatedOn', 'note'] as const;
		this.$('[data-sheet-groups]').replaceChildren(
			...this.groups(rows).map((g) => {
				const table = el('table');
				table.append(
					el('caption', this.groupTitle(g)),
					head(cols.map((c) => t(`ledger.col.${c}`))),
				);
				const body = el('tbody');
				for (const r of g.rows) {
					const tr = el('tr');
					tr.append(
						el('td', String(++n)),
						el('td', r.name),
						el('td', r.criterion),
						el('td', t(`ledger.status.${r.status}`)),
						el('td', r.location),
						el('td', r.updatedOn),
						el('td', r.note),
					);
					body.append(tr);
				}
				table.append(body);
				return table;
			}),
		);
		const missing = rows.filter((r) => r.status === 'missing');
		const box = this.$('[data-sheet-missing]');
		if (!missing.length) return void box.replaceChildren(el('p', t('ledger.missingNone')));
		const list = el('ol');
		for (const r of missing) list.append(el('li', `${r.criterion} ${r.name}`));
		box.replaceChildren(list);
	}

	private downloadCsv(): void {
		const rows = ledgerCsvRows(this.rows(), {
			header: [
				t('ledgerCsv.criterion'),
				t('ledgerCsv.criterionTitle'),
				t('ledgerCsv.item'),
				t('ledgerCsv.status'),
				t('ledgerCsv.location'),
				t('ledgerCsv.updatedOn'),
				t('ledgerCsv.note'),
			],
			status: {
				have: t('ledger.status.have'),
				missing: t('ledger.status.missing'),
				na: t('ledger.status.na'),
			},
		});
		download(`${fileStem(this.a)}_${t('ledger.title')}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
	}
}

customElements.define('zz-ledger', ZzLedger);
