/**
 * <zz-compare>: the 上级工会 overview and one branch over time. A thin adapter: files go to
 * a Web Worker (compare-worker.ts) that reads, checks and scores them; every figure and
 * row shown comes from src/lib (compare-view.ts, overview-*.ts); this file puts them on
 * the page and turns clicks into queries.
 */
import type { DrawnChart } from './charts';
import type { OverviewEntry, Rejected } from '../lib/overview-load';
import { rollUpSubunits } from '../lib/subunits';
import { compareOverTime, groupByBranch, type TimeComparison } from '../lib/over-time';
import { summarise } from '../lib/overview-stats';
import { overviewColumns, type OverviewColumn } from '../lib/overview-columns';
import { overviewCsv } from '../lib/export-csv';
import { catalogueVersionNote } from '../lib/catalogue-version-note';
import {
	branchSummary,
	defaultColumnIds,
	f1,
	followUpView,
	resolveCopies,
	seriesBranches,
	statsRows,
	tablePage,
	timeTable,
	type CopyGroup,
	type TableQuery,
} from '../lib/compare-view';
import type { EntryFilter } from '../lib/overview-table';
import { buildResultFile } from '../lib/result-file';
import { scoreAssessment } from '../lib/scoring';
import type { ZipRefusal } from '../lib/zip-read';
import { t, type StringKey } from '../i18n/client';
import { Session, download, readCatalogue } from './session';
import { showPage } from './pager';
import { el, readGuideTitles } from './dom';
import { importErrorText } from './import-errors';
import { filesFromDrop } from './dropzone';
import type { LoadItem, LoadMessage, LoadRequest } from './compare-load-protocol';

/** Rows per page of the overview: the table never holds more than this many rows. */
const PAGE_SIZE = 100;

/** A load in progress: its worker and what it has sent so far. */
interface Running {
	worker: Worker;
	entries: OverviewEntry[];
	rejected: Rejected[];
	refused: { name: string; refusal: ZipRefusal }[];
	finish: () => void;
	/** From the worker's `done`: how long it took and how many files were not result files. */
	ms: number;
	skipped: number;
}

class ZzCompare extends HTMLElement {
	private session!: Session;
	private columns: OverviewColumn[] = [];
	private shownColumns = new Set<string>();
	/** Entries from files, every copy, in the order loaded. */
	private fileEntries: OverviewEntry[] = [];
	/** Entries for this browser's saved assessments (loaded once, shown while the box is ticked). */
	private storedEntries: OverviewEntry[] | null = null;
	private rejected: Rejected[] = [];
	private refused: { name: string; refusal: ZipRefusal }[] = [];
	/** The copy the reader chose for a branch and date (copy key → file name). */
	private choices = new Map<string, string>();
	private entries: OverviewEntry[] = [];
	private copies: CopyGroup[] = [];
	private query: TableQuery = {
		filter: {},
		sort: { id: 'total', dir: 'desc' },
		page: 0,
		pageSize: PAGE_SIZE,
	};
	private shown: OverviewEntry[] = [];
	private pageEntries: OverviewEntry[] = [];
	private running: Running | null = null;
	private queue: Promise<void> = Promise.resolve();
	private branchChosen = false;
	private charts: Partial<Record<'time' | 'hist', DrawnChart>> = {};
	private $ = <T extends Element = HTMLElement>(sel: string) => this.querySelector<T>(sel)!;

	connectedCallback(): void {
		document.addEventListener('zz-entries-request', () =>
			document.dispatchEvent(new CustomEvent('zz-entries', { detail: this.entries })),
		);
		const catalogue = readCatalogue();
		this.session = new Session(catalogue);
		this.columns = overviewColumns(catalogue, t);
		this.shownColumns = new Set(defaultColumnIds(this.columns));
		const fromList = (list: FileList | null) =>
			Array.from(list ?? [], (file) => ({ file, name: file.webkitRelativePath || file.name }));
		for (const sel of ['[data-files]', '[data-folder]']) {
			const input = this.$<HTMLInputElement>(sel);
			input.addEventListener('change', () => {
				const items = fromList(input.files);
				input.value = '';
				if (items.length) this.enqueue(items);
			});
		}
		const zone = this.$('[data-dropzone]');
		zone.addEventListener('dragover', (e) => {
			e.preventDefault();
			zone.dataset['over'] = '';
		});
		zone.addEventListener('dragleave', () => delete zone.dataset['over']);
		zone.addEventListener('drop', (e) => {
			e.preventDefault();
			delete zone.dataset['over'];
			if (!e.dataTransfer) return;
			void filesFromDrop(e.dataTransfer).then((items) => items.length && this.enqueue(items));
		});
		this.$('[data-cancel]').addEventListener('click', () => this.cancel());
		this.$('[data-clear]').addEventListener('click', () => {
			this.fileEntries = [];
			this.rejected = [];
			this.refused = [];
			this.choices.clear();
			this.$('[data-load-status]').textContent = '';
			this.recompute();
		});
		this.$<HTMLInputElement>('[data-include-stored]').addEventListener('change', () =>
			this.loadStored(),
		);
		this.setUpFilters();
		this.setUpColumnChooser();
		this.$('[data-page-prev]').addEventListener('click', () => this.turnPage(-1));
		this.$('[data-page-next]').addEventListener('click', () => this.turnPage(1));
		this.$('[data-export]').addEventListener('click', () => {
			download(
				t('overviewCsv.fileName', { date: new Date().toISOString().slice(0, 10) }),
				overviewCsv(this.shown, this.columns),
				'text/csv;charset=utf-8',
			);
		});
		this.$('[data-overview-body]').addEventListener('click', (e) => {
			const button = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
			if (button) this.openSummary(this.pageEntries[Number(button.dataset['row'])]!);
		});
		this.$('[data-summary-close]').addEventListener('click', () =>
			this.$<HTMLDialogElement>('[data-summary]').close(),
		);
		this.$<HTMLSelectElement>('[data-time-branch]').addEventListener('change', () => {
			this.branchChosen = true;
			this.renderTimeOptions();
		});
		this.$('[data-time-options]').addEventListener('change', () => this.renderTime());
		this.$('[data-copies]').addEventListener('change', (e) => {
			const radio = e.target as HTMLInputElement;
			if (radio.type !== 'radio') return;
			this.choices.set(radio.dataset['key'] ?? '', radio.value);
			this.recompute();
		});
		this.recompute();
		this.loadStored();
		this.prepareWorker();
	}

	// ---- loading -------------------------------------------------------------------------

	private loadStored(): void {
		if (!this.$<HTMLInputElement>('[data-include-stored]').checked || this.storedEntries) {
			this.recompute();
			return;
		}
		const items: LoadItem[] = this.session.assessments
			.filter((a) => this.session.store.has(a.id))
			.map((a) => ({
				name: t('compare.storedName', { name: a.name }),
				text: JSON.stringify(
					buildResultFile(a, scoreAssessment(this.session.catalogue, a), new Date()),
				),
			}));
		if (!items.length) {
			this.storedEntries = [];
			this.recompute();
			return;
		}
		this.queue = this.queue.then(() =>
			this.run(items, true).then((r) => {
				if (r) this.storedEntries = r.entries;
				this.recompute();
			}),
		);
	}

	private enqueue(items: LoadItem[]): void {
		this.queue = this.queue.then(() =>
			this.run(items, false).then((r) => {
				if (!r) return;
				this.fileEntries = [...this.fileEntries, ...r.entries];
				this.rejected = [...this.rejected, ...r.rejected];
				this.refused = [...this.refused, ...r.refused];
				this.recompute();
				this.$('[data-load-status]').textContent =
					t('compare.loaded', { n: this.entries.length, ms: r.ms }) +
					(r.skipped ? t('compare.loadedSkipped', { n: r.skipped }) : '');
			}),
		);
	}

	/** Runs one load in a fresh worker; resolves to what it loaded, or null when cancelled or failed. */
	private run(
		items: LoadItem[],
		quiet: boolean,
	): Promise<Pick<Running, 'entries' | 'rejected' | 'refused' | 'ms' | 'skipped'> | null> {
		const worker = this.takeWorker();
		const bar = this.$<HTMLProgressElement>('[data-progress-bar]');
		const counts = this.$('[data-progress-counts]');
		const status = this.$('[data-load-status]');
		if (!quiet) {
			this.$('[data-progress]').hidden = false;
			bar.removeAttribute('value');
			counts.textContent = t('compare.loadingProgress', { read: 0, valid: 0, problems: 0 });
			status.textContent = t('compare.loading', { n: items.length });
		}
		return new Promise((resolve) => {
			const running: Running = {
				worker,
				entries: [],
				rejected: [],
				refused: [],
				finish: () => resolve(null),
				ms: 0,
				skipped: 0,
			};
			this.running = running;
			const end = (result: Parameters<typeof resolve>[0]) => {
				worker.terminate();
				this.running = null;
				this.prepareWorker();
				this.$('[data-progress]').hidden = true;
				resolve(result);
			};
			running.finish = () => end(null);
			worker.onmessage = (e: MessageEvent<LoadMessage>) => {
				const m = e.data;
				switch (m.type) {
					case 'progress':
						if (m.totalBytes > 0) {
							bar.max = m.totalBytes;
							bar.value = m.bytes;
						}
						counts.textContent = t('compare.loadingProgress', m);
						break;
					case 'entries':
						running.entries.push(...m.entries);
						break;
					case 'rejected':
						running.rejected.push(...m.rejected);
						break;
					case 'archive-refused':
						running.refused.push({ name: m.name, refusal: m.refusal });
						break;
					case 'done':
						running.ms = m.ms;
						running.skipped = m.skipped;
						end(running);
						break;
					case 'failed':
						status.textContent = t('compare.loadFailed');
						end(null);
						break;
				}
			};
			worker.onerror = () => {
				status.textContent = t('compare.loadFailed');
				end(null);
			};
			const request: LoadRequest = {
				catalogue: this.session.catalogue,
				items,
				untitled: t('import.untitled'),
				now: new Date().toISOString(),
				marks: { ...this.session.defaults },
			};
			worker.postMessage(request);
		});
	}

	private spare: Worker | null = null;

	/**
	 * A worker for the next load. One is started ahead (when the page is idle and after
	 * each load), so a pick starts work at once instead of waiting for the worker to boot.
	 */
	private takeWorker(): Worker {
		const worker = this.spare ?? ZzCompare.newWorker();
		this.spare = null;
		return worker;
	}

	private static newWorker(): Worker {
		return new Worker(new URL('./compare-worker.ts', import.meta.url), { type: 'module' });
	}

	private prepareWorker(): void {
		const start = () => (this.spare ??= ZzCompare.newWorker());
		if ('requestIdleCallback' in window) requestIdleCallback(start);
		else setTimeout(start, 200);
	}

	/** Stops the load in progress: its worker ends, nothing it read is kept. */
	private cancel(): void {
		if (!this.running) return;
		this.running.finish();
		this.$('[data-load-status]').textContent = t('compare.cancelled');
	}

	// ---- state ---------------------------------------------------------------------------

	private recompute(): void {
		const stored = this.$<HTMLInputElement>('[data-include-stored]').checked
			? (this.storedEntries ?? [])
			: [];
		const resolved = resolveCopies([...stored, ...this.fileEntries], this.choices);
		this.entries = resolved.entries;
		this.copies = resolved.copies;
		this.$('[data-none]').hidden = this.entries.length > 0;
		this.$('[data-has-entries]').hidden = this.entries.length === 0;
		this.branchGroups = null;
		this.renderOverview();
		// The rest in tasks of their own (each is a pass over every entry), so that with
		// 10,000 entries no one task holds the page: the 自评/验收 overview
		// (review-overview-view.ts, from the same entries), problems and copies, branches.
		clearTimeout(this.restTimer);
		const entries = this.entries;
		this.restTimer = window.setTimeout(() => {
			document.dispatchEvent(new CustomEvent('zz-entries', { detail: entries }));
			this.restTimer = window.setTimeout(() => {
				this.renderRejected();
				this.renderCopies();
				this.restTimer = window.setTimeout(() => this.renderBranches(), 0);
			}, 0);
		}, 0);
	}

	private restTimer = 0;

	private renderRejected(): void {
		const box = this.$<HTMLDetailsElement>('[data-rejected]');
		const n = this.rejected.length + this.refused.length;
		box.hidden = n === 0;
		box.open = n > 0 && n <= 50;
		this.$('[data-rejected-summary]').textContent = t('compare.rejectedTitle', { n });
		const refusals = this.$('[data-refused]');
		refusals.replaceChildren(
			...this.refused.map((r) =>
				el(
					'p',
					t('compare.zipRefused', {
						name: r.name,
						reason: t(`zip.${r.refusal.code}` as StringKey, { detail: r.refusal.detail }),
					}),
					'notice bad',
				),
			),
		);
		this.$('[data-rejected-list]').replaceChildren(
			...this.rejected.slice(0, 500).map((r) => {
				const li = el('li');
				li.append(el('strong', r.name), '：', importErrorText(r.reason));
				return li;
			}),
		);
	}

	private renderCopies(): void {
		const box = this.$('[data-copies]');
		box.hidden = this.copies.length === 0;
		if (!this.copies.length) return;
		this.$('[data-copies-title]').textContent = t('compare.copiesTitle', {
			n: this.copies.length,
		});
		this.$('[data-copies-list]').replaceChildren(
			...this.copies.slice(0, 200).map((g, gi) => {
				const set = el('fieldset', null, 'copy-group');
				set.append(
					el('legend', t('compare.copyGroup', { branch: g.branch, date: g.assessedOn || '—' })),
				);
				for (const o of g.options) {
					const label = el('label', null, 'check');
					const radio = el('input');
					radio.type = 'radio';
					radio.name = `copy-${gi}`;
					radio.dataset['key'] = g.key;
					radio.value = o.fileName;
					radio.checked = o.fileName === g.chosen;
					label.append(
						radio,
						t('compare.copyOption', {
							file: o.fileName,
							total: f1(o.total),
							completion: o.completionPercent,
						}),
					);
					if (radio.checked) label.append(' ', el('span', t('compare.copyInUse'), 'badge bonus'));
					set.append(label);
				}
				return set;
			}),
		);
	}

	// ---- one branch over time --------------------------------------------------------

	private renderBranches(): void {
		const groups = seriesBranches(this.entries);
		this.$('[data-time-section]').hidden = groups.length === 0;
		const select = this.$<HTMLSelectElement>('[data-time-branch]');
		const previous = select.value;
		select.replaceChildren(
			...groups.map((g) => {
				const o = el('option', `${g.label}（${g.count}）`);
				o.value = g.key;
				return o;
			}),
		);
		if (this.branchChosen && groups.some((g) => g.key === previous)) select.value = previous;
		clearTimeout(this.restTimer);
		this.restTimer = window.setTimeout(() => this.renderTimeOptions(), 0);
	}

	/** The entries by branch, worked out once per set of entries (see `recompute`). */
	private branchGroups: Map<string, OverviewEntry[]> | null = null;

	private branchEntries(): OverviewEntry[] {
		const key = this.$<HTMLSelectElement>('[data-time-branch]').value;
		this.branchGroups ??= groupByBranch(this.entries);
		return this.branchGroups.get(key) ?? [];
	}

	private renderTimeOptions(): void {
		const list = this.branchEntries();
		this.$('[data-time-options]').replaceChildren(
			...list.map((e, i) => {
				const label = el('label', null, 'check');
				const box = el('input');
				box.type = 'checkbox';
				box.value = String(i);
				box.checked = true;
				label.append(
					box,
					t('compare.timeOption', {
						date: e.assessedOn || '—',
						total: f1(e.total),
						file: e.fileName,
					}),
				);
				if (e.olderCatalogue) label.append(' ', el('span', t('compare.olderMark'), 'badge veto'));
				return label;
			}),
		);
		this.renderTime();
	}

	private renderTime(): void {
		const list = this.branchEntries();
		const picked = Array.from(
			this.querySelectorAll<HTMLInputElement>('[data-time-options] input:checked'),
		).map((b) => list[Number(b.value)]!);
		const enough = picked.length >= 2;
		this.$('[data-time-need]').hidden = enough;
		this.$('[data-time-view]').hidden = !enough;
		if (!enough) return;
		const cmp = compareOverTime(picked);
		const catalogue = this.session.catalogue;
		const table = timeTable(cmp, catalogue, t);
		const head = el('tr');
		for (const h of table.head) {
			const th = el('th', h);
			th.scope = 'col';
			head.append(th);
		}
		this.$('[data-time-head]').replaceChildren(head);
		this.$('[data-time-body]').replaceChildren(
			...table.rows.map(([first, ...cells]) => {
				const tr = el('tr');
				const th = el('th', first);
				th.scope = 'row';
				tr.append(th, ...cells.map((c) => el('td', c)));
				return tr;
			}),
		);
		const changes = this.$('[data-time-changes]');
		changes.replaceChildren();
		if (!cmp.criterionChanges.length) changes.append(el('li', t('compare.changesNone')));
		for (const ch of cmp.criterionChanges) {
			const c = catalogue.criteria.find((x) => x.id === ch.id);
			const li = el('li', null, ch.direction === 'up' ? 'change-up' : 'change-down');
			li.append(
				el(
					'span',
					ch.direction === 'up' ? t('compare.up') : t('compare.down'),
					`badge ${ch.direction === 'up' ? 'bonus' : 'required'}`,
				),
				' ',
				t('compare.changeLine', {
					id: ch.id,
					title: c?.title ?? '',
					from: catalogue.levelNames[ch.fromLevel]!,
					to: catalogue.levelNames[ch.toLevel]!,
					fromDate: ch.fromDate,
					toDate: ch.toDate,
				}),
			);
			if (ch.fromNote)
				li.append(el('p', t('compare.noteFrom', { note: ch.fromNote }), 'muted small'));
			if (ch.toNote) li.append(el('p', t('compare.noteTo', { note: ch.toNote }), 'muted small'));
			changes.append(li);
		}
		this.renderFollowUps(cmp);
		const cats = cmp.categories.filter(
			(k) => !catalogue.categories.find((x) => x.id === k.id)?.bonus,
		);
		const title = (id: string) => catalogue.categories.find((k) => k.id === id)?.title ?? id;
		this.$('[data-time-legend]').replaceChildren(
			...cmp.points.flatMap((p, i) => [
				el('span', null, `swatch swatch-${i % 6}`),
				p.assessedOn || p.fileName,
			]),
		);
		void this.chart(
			'time',
			this.$<SVGSVGElement>('svg[data-time-chart]'),
			cats.map((k) => title(k.id)),
			cmp.points.map((p, i) => ({
				label: p.assessedOn || p.fileName,
				data: cats.map((k) => k.values[i] ?? null),
			})),
			100,
		);
	}

	/** Each earlier plan followed to the next date: tasks done and how their criteria moved. */
	private renderFollowUps(cmp: TimeComparison): void {
		const box = this.$('[data-time-tasks]');
		if (!cmp.planFollowUps.length) {
			box.replaceChildren(el('p', t('compare.tasksNone'), 'muted'));
			return;
		}
		box.replaceChildren(
			...cmp.planFollowUps.flatMap((f) => {
				const view = followUpView(f, this.session.catalogue, t);
				const caption = view.caption;
				// On a phone each task stacks, its figures labelled (data-label), as on the results.
				const table = el('table', null, 'follow-up-table stack-on-phone');
				const head = el('tr');
				for (const h of view.head) {
					const th = el('th', h);
					th.scope = 'col';
					head.append(th);
				}
				const body = el('tbody');
				for (const row of view.rows) {
					const [first, ...cells] = row.cells;
					const tr = el('tr');
					const th = el('th', first!);
					th.scope = 'row';
					tr.append(
						th,
						...cells.map((c, i) => {
							const td = el('td', c);
							td.dataset['label'] = view.head[i + 1]!;
							return td;
						}),
					);
					tr.lastElementChild!.classList.add(`movement-${row.movement}`);
					body.append(tr);
				}
				const thead = el('thead');
				thead.append(head);
				table.append(el('caption', caption), thead, body);
				const scroll = el('div', null, 'table-scroll');
				scroll.tabIndex = 0;
				scroll.setAttribute('role', 'region');
				scroll.setAttribute('aria-label', caption);
				scroll.append(table);
				return [el('p', view.intro), el('p', view.summary), scroll];
			}),
		);
	}

	// ---- overview ----------------------------------------------------------------------

	private setUpFilters(): void {
		const read = (): EntryFilter => ({
			text: this.$<HTMLInputElement>('[data-filter-text]').value,
			band: this.$<HTMLSelectElement>('[data-filter-band]').value as NonNullable<
				EntryFilter['band']
			>,
			scope: this.$<HTMLSelectElement>('[data-filter-scope]').value as NonNullable<
				EntryFilter['scope']
			>,
			completion: this.$<HTMLSelectElement>('[data-filter-completion]').value as NonNullable<
				EntryFilter['completion']
			>,
			flaggedOnly: this.$<HTMLInputElement>('[data-filter-flagged]').checked,
		});
		for (const sel of [
			'[data-filter-text]',
			'[data-filter-band]',
			'[data-filter-scope]',
			'[data-filter-completion]',
			'[data-filter-flagged]',
		])
			this.$(sel).addEventListener('input', () => {
				this.query = { ...this.query, filter: read(), page: 0 };
				this.renderOverview();
			});
	}

	private setUpColumnChooser(): void {
		const box = this.$('[data-columns]');
		const groups: [StringKey, OverviewColumn[]][] = [
			['compare.columnsMore', this.columns.filter((c) => c.group === 'main' || c.group === 'more')],
			['compare.columnsCategories', this.columns.filter((c) => c.group === 'category')],
		];
		box.replaceChildren(
			...groups.map(([legend, cols]) => {
				const set = el('fieldset', null, 'column-group');
				set.append(el('legend', t(legend)));
				for (const c of cols) {
					const label = el('label', null, 'check');
					const box = el('input');
					box.type = 'checkbox';
					box.value = c.id;
					box.checked = this.shownColumns.has(c.id);
					// The branch column names each row: it always stays.
					box.disabled = c.id === 'branch';
					label.append(box, c.label);
					set.append(label);
				}
				return set;
			}),
		);
		box.addEventListener('change', (e) => {
			const input = e.target as HTMLInputElement;
			if (input.checked) this.shownColumns.add(input.value);
			else this.shownColumns.delete(input.value);
			this.renderOverview();
		});
	}

	private visibleColumns(): OverviewColumn[] {
		return this.columns.filter((c) => c.group !== 'csv' && this.shownColumns.has(c.id));
	}

	private turnPage(step: number): void {
		this.query = { ...this.query, page: this.query.page + step };
		this.renderTable();
	}

	private summaryTimer = 0;

	/**
	 * The table answers at once; the statistics follow in the next task, so with 10,000
	 * entries no single task holds the page (typing in the filter stays smooth).
	 */
	private renderOverview(): void {
		this.renderTable();
		clearTimeout(this.summaryTimer);
		this.summaryTimer = window.setTimeout(() => this.renderSummary(this.shown), 0);
	}

	/** The table head, the visible page of rows and the pager. */
	private renderTable(): void {
		const columns = this.visibleColumns();
		const view = tablePage(this.entries, columns, this.columns, this.query);
		this.query = { ...this.query, page: view.page };
		this.shown = view.matching;
		this.pageEntries = view.rows.map((r) => r.entry);
		this.$('[data-shown]').textContent = t('compare.shown', {
			shown: view.matching.length,
			total: this.entries.length,
		});
		const versionNote = catalogueVersionNote(this.entries, this.session.catalogue);
		const older = this.$('[data-older-note]');
		older.hidden = versionNote === null;
		if (versionNote)
			older.textContent = t('compare.versionNote', {
				versions: versionNote.versions.join('、'),
				current: versionNote.current,
				added: versionNote.added.join('、'),
				points: versionNote.addedPoints,
				reweighted: versionNote.reweighted.join('、'),
			});

		const head = el('tr');
		for (const c of columns) {
			const th = el('th', null, c.numeric ? 'num' : undefined);
			th.scope = 'col';
			th.dataset['sort'] = c.id;
			if (c.note) th.title = c.note;
			th.setAttribute(
				'aria-sort',
				c.id === this.query.sort.id
					? this.query.sort.dir === 'asc'
						? 'ascending'
						: 'descending'
					: 'none',
			);
			const button = el('button', c.label, 'sort-button');
			button.type = 'button';
			button.setAttribute('aria-label', t('compare.sortBy', { col: c.label }));
			button.addEventListener('click', () => {
				const same = this.query.sort.id === c.id;
				this.query = {
					...this.query,
					sort: { id: c.id, dir: same && this.query.sort.dir === 'desc' ? 'asc' : 'desc' },
					page: 0,
				};
				// The same entries in another order: the statistics stay as they are.
				this.renderTable();
				this.querySelector<HTMLElement>(`th[data-sort="${c.id}"] button`)?.focus();
			});
			th.append(button);
			head.append(th);
		}
		this.$('[data-overview-head]').replaceChildren(head);

		const frag = document.createDocumentFragment();
		view.rows.forEach((row, i) => {
			const tr = el('tr');
			row.cells.forEach((cell, k) => {
				const c = columns[k]!;
				if (c.id === 'branch') {
					const th = el('th');
					th.scope = 'row';
					const open = el('button', cell.text, 'link-button');
					open.type = 'button';
					open.dataset['row'] = String(i);
					open.title = t('compare.openBranch', { branch: cell.text });
					th.append(open);
					if (row.entry.olderCatalogue)
						th.append(' ', el('span', t('compare.olderMark'), 'badge veto'));
					tr.append(th);
					return;
				}
				const td = el(
					'td',
					cell.text,
					[c.numeric ? 'num' : '', cell.tone ? `tone tone-${cell.tone}` : '']
						.filter(Boolean)
						.join(' ') || undefined,
				);
				if (cell.note) td.title = cell.note;
				tr.append(td);
			});
			frag.append(tr);
		});
		this.$('[data-overview-body]').replaceChildren(frag);
		this.$('[data-overview-empty]').hidden = view.matching.length > 0 || this.entries.length === 0;
		showPage(this, view);
	}

	private openSummary(entry: OverviewEntry): void {
		const s = branchSummary(
			entry,
			this.session.catalogue,
			t,
			this.dataset['base'] ?? '/',
			this.session.defaults,
		);
		this.$('[data-summary-title]').textContent = s.branch;
		this.$('[data-summary-file]').textContent = t('compare.summaryFile', {
			file: s.fileName,
			date: s.assessedOn || '—',
		});
		this.$('[data-summary-total]').textContent = t('compare.summaryTotal', {
			total: s.total,
			base: s.base,
			bonus: s.bonus,
		});
		const band = this.$('[data-summary-band]');
		band.replaceChildren(
			el('span', t('compare.summaryBand', { band: s.bandName }), `tone tone-${s.band}`),
		);
		this.$('[data-summary-why]').replaceChildren(...s.why.map((w) => el('li', w)));
		const guides = readGuideTitles();
		const losses = this.$('[data-summary-losses]');
		losses.replaceChildren(
			...s.losses.map((l) => {
				const li = el('li');
				li.append(
					t('compare.summaryLossLine', {
						id: l.id,
						title: l.title,
						level: l.levelName,
						lost: f1(l.lost),
					}),
					' ',
				);
				const a = el('a', t('compare.summaryGuide'));
				a.href = l.href;
				const page = l.href.split('/guide/')[1]?.split('/')[0] ?? '';
				if (guides[page]) a.textContent = t('compare.weakGuide', { title: guides[page] });
				li.append(a);
				return li;
			}),
		);
		if (!s.losses.length) losses.append(el('li', t('compare.summaryLossesNone')));
		this.$<HTMLDialogElement>('[data-summary]').showModal();
	}

	private renderSummary(shown: OverviewEntry[]): void {
		const catalogue = this.session.catalogue;
		const s = summarise(shown, catalogue);
		this.$('[data-total-line]').textContent = s.total
			? t('compare.meanTotal', {
					mean: f1(s.total.mean),
					median: f1(s.total.median),
					p25: f1(s.total.p25),
				})
			: '';
		this.$('[data-stats-body]').replaceChildren(
			...statsRows(s).map((r) => {
				const tr = el('tr');
				const th = el('th', r.title);
				th.scope = 'row';
				tr.append(th, ...r.cells.map((c) => el('td', c, 'num')));
				return tr;
			}),
		);
		this.$('[data-hist-body]').replaceChildren(
			...s.histogram.map((b) => {
				const tr = el('tr');
				tr.append(el('td', b.label), el('td', String(b.count), 'num'));
				return tr;
			}),
		);
		this.$('[data-bands-body]').replaceChildren(
			...s.bands.map((b) => {
				const tr = el('tr');
				tr.append(
					el('td', b.name, `tone tone-${b.id}`),
					el('td', String(b.count), 'num'),
					el('td', `${f1(b.share * 100)}%`, 'num'),
				);
				return tr;
			}),
		);
		this.$('[data-complete-share]').textContent =
			s.completeShare === null
				? ''
				: t('compare.completeShare', { share: f1(s.completeShare * 100) });
		const guides = readGuideTitles();
		const base = this.dataset['base'] ?? '/';
		this.$('[data-weak]').replaceChildren(
			...s.weakCriteria.slice(0, 10).map((w) => {
				const li = el('li');
				li.append(
					el('strong', `${w.id} ${w.title}`),
					'：',
					t('compare.weakLine', {
						share: f1(w.weakShare * 100),
						weak: w.weakCount,
						answered: w.answeredCount,
					}),
				);
				const page = w.guide.split('#')[0]!;
				if (guides[page]) {
					const a = el('a', t('compare.weakGuide', { title: guides[page] }));
					a.href = `${base}guide/${page}/`;
					li.append(' ', a);
				}
				return li;
			}),
		);
		this.renderSubunits(shown);
		void this.chart(
			'hist',
			this.$<SVGSVGElement>('svg[data-hist-chart]'),
			s.histogram.map((b) => b.label),
			[{ label: t('compare.histCount'), data: s.histogram.map((b) => b.count) }],
		);
	}

	private renderSubunits(shown: OverviewEntry[]): void {
		const box = this.$('[data-subunits]');
		const roll = rollUpSubunits(shown);
		if (!roll.length) {
			box.replaceChildren(el('p', t('compare.subunitNone'), 'muted'));
			return;
		}
		const catalogue = this.session.catalogue;
		const table = el('table', null, 'category-table');
		const head = el('tr');
		for (const label of [
			t('compare.col.parent'),
			t('compare.col.subunits'),
			...catalogue.bands.map((b) => b.name),
			t('compare.col.activity'),
			t('compare.col.unknown'),
		]) {
			const th = el('th', label);
			th.scope = 'col';
			head.append(th);
		}
		const thead = el('thead');
		thead.append(head);
		const tbody = el('tbody');
		for (const r of roll.slice(0, 500)) {
			const tr = el('tr');
			const th = el('th', r.parentUnion || '—');
			th.scope = 'row';
			tr.append(
				th,
				el('td', String(r.count)),
				...r.bands.map((b) => el('td', `${b.count}（${f1(b.share * 100)}%）`)),
				el('td', `${f1(r.activityRate)}%`),
				el('td', String(r.unknownCount)),
			);
			tbody.append(tr);
		}
		const wrap = el('div', null, 'table-scroll');
		// Scrolls sideways on a phone: reachable and named for keyboard and screen-reader users.
		wrap.tabIndex = 0;
		wrap.setAttribute('role', 'region');
		wrap.setAttribute('aria-label', t('compare.subunitTitle'));
		table.append(thead, tbody);
		wrap.append(table);
		box.replaceChildren(wrap);
	}

	private async chart(
		which: 'time' | 'hist',
		svg: SVGSVGElement,
		labels: string[],
		series: { label: string; data: (number | null)[] }[],
		yMax?: number,
	): Promise<void> {
		// A chart inside a hidden section is not shown: its code is not even loaded for it.
		// The section's next render, once it is shown, draws it.
		if (svg.closest('[hidden]')) return;
		const { seriesBarChart } = await import('./charts');
		this.charts[which]?.destroy();
		this.charts[which] = seriesBarChart(svg, labels, series, yMax);
	}
}

customElements.define('zz-compare', ZzCompare);
