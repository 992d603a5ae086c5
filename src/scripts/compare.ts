/**
 * <zz-compare>: loads many result files (and this browser's assessments), then shows one
 * branch over time and the 上级工会 overview. The figures come from src/lib/aggregate.ts.
 */
import type { Chart } from 'chart.js';
import {
	compareOverTime,
	filterEntries,
	groupByBranch,
	loadResultFiles,
	overviewCsv,
	rollUpSubunits,
	sortEntries,
	summarise,
	type FileInput,
	type OverviewCsvLabels,
	type OverviewEntry,
	catalogueVersionNote,
	type Rejected,
	type SortKey,
} from '../lib/aggregate';
import { buildResultFile } from '../lib/result-file';
import { round1, scoreAssessment } from '../lib/scoring';
import { t, type StringKey } from '../i18n/client';
import { Session, download, newId, readCatalogue } from './session';
import { readGuideTitles } from './results-view';
import { el } from './dom';
import { importErrorText } from './import-errors';
import { acceptDrops } from './dropzone';

const f1 = (n: number | null | undefined) =>
	n === null || n === undefined ? '—' : String(round1(n));

class ZzCompare extends HTMLElement {
	private session!: Session;
	private files: FileInput[] = [];
	private entries: OverviewEntry[] = [];
	private rejected: Rejected[] = [];
	private sort: { key: SortKey; dir: 'asc' | 'desc' } = { key: 'total', dir: 'desc' };
	/** Whether the reader chose the branch over time (kept across loads); otherwise the one with most dates is shown. */
	private branchChosen = false;
	private charts: Partial<Record<'time' | 'hist', Chart>> = {};
	private $ = <T extends HTMLElement = HTMLElement>(sel: string) => this.querySelector<T>(sel)!;

	connectedCallback(): void {
		const catalogue = readCatalogue();
		this.session = new Session(catalogue);
		const onFiles = (list: FileList | null) => {
			if (list?.length) void this.addFiles(Array.from(list));
		};
		const files = this.$<HTMLInputElement>('[data-files]');
		files.addEventListener('change', () => {
			onFiles(files.files);
			files.value = '';
		});
		const folder = this.$<HTMLInputElement>('[data-folder]');
		folder.addEventListener('change', () => {
			onFiles(folder.files);
			folder.value = '';
		});
		acceptDrops(this.$('[data-dropzone]'), onFiles);
		this.$('[data-clear]').addEventListener('click', () => {
			this.files = [];
			this.reload();
		});
		this.$<HTMLInputElement>('[data-include-stored]').addEventListener('change', () =>
			this.reload(),
		);
		for (const sel of [
			'[data-filter-text]',
			'[data-filter-band]',
			'[data-filter-scope]',
			'[data-filter-complete]',
		])
			this.$(sel).addEventListener('input', () => this.renderOverview());
		for (const th of this.querySelectorAll<HTMLElement>('th[data-sort]')) {
			const label = th.textContent ?? '';
			const button = el('button', label, 'sort-button');
			button.type = 'button';
			button.setAttribute('aria-label', t('compare.sortBy', { col: label }));
			button.addEventListener('click', () => {
				const key = th.dataset['sort'] as SortKey;
				this.sort = {
					key,
					dir: this.sort.key === key && this.sort.dir === 'desc' ? 'asc' : 'desc',
				};
				this.renderOverview();
			});
			th.replaceChildren(button);
		}
		this.$('[data-export]').addEventListener('click', () => {
			const shown = this.visibleEntries();
			download(
				t('overviewCsv.fileName', { date: new Date().toISOString().slice(0, 10) }),
				overviewCsv(shown, catalogue, overviewCsvLabels()),
				'text/csv;charset=utf-8',
			);
		});
		this.$<HTMLSelectElement>('[data-time-branch]').addEventListener('change', () => {
			this.branchChosen = true;
			this.renderTimeOptions();
		});
		this.$('[data-time-options]').addEventListener('change', () => this.renderTime());
		this.reload();
	}

	private storedFiles(): FileInput[] {
		if (!this.$<HTMLInputElement>('[data-include-stored]').checked) return [];
		return this.session.assessments
			.filter((a) => this.session.store.has(a.id))
			.map((a) => {
				const text = JSON.stringify(
					buildResultFile(a, scoreAssessment(this.session.catalogue, a), new Date()),
				);
				return { name: t('compare.storedName', { name: a.name }), text, size: text.length };
			});
	}

	private async addFiles(list: File[]): Promise<void> {
		const status = this.$('[data-load-status]');
		status.textContent = t('compare.loading', { n: list.length });
		const read = await Promise.all(
			list
				.filter(
					(f) =>
						f.name.toLowerCase().endsWith('.json') ||
						f.type === 'application/json' ||
						list.length === 1,
				)
				.map(async (f): Promise<FileInput> => {
					// Files over the cap are not read at all; the size check rejects them.
					if (f.size > 5 * 1024 * 1024)
						return { name: f.webkitRelativePath || f.name, text: '', size: f.size };
					return { name: f.webkitRelativePath || f.name, text: await f.text(), size: f.size };
				}),
		);
		this.files.push(...read);
		this.reload();
	}

	private reload(): void {
		const started = performance.now();
		const result = loadResultFiles([...this.storedFiles(), ...this.files], {
			catalogue: this.session.catalogue,
			newId,
			now: new Date(),
			untitled: t('import.untitled'),
			...this.session.defaults,
		});
		this.entries = result.entries;
		this.rejected = result.rejected;
		const ms = Math.round(performance.now() - started);
		this.$('[data-load-status]').textContent = this.files.length
			? t('compare.loaded', { n: this.entries.length, ms })
			: '';
		this.$('[data-none]').hidden = this.entries.length > 0;
		this.$('[data-has-entries]').hidden = this.entries.length === 0;
		this.renderRejected();
		this.renderBranches();
		this.renderOverview();
	}

	private renderRejected(): void {
		const box = this.$<HTMLDetailsElement>('[data-rejected]');
		box.hidden = this.rejected.length === 0;
		box.open = this.rejected.length > 0;
		this.$('[data-rejected-summary]').textContent = t('compare.rejectedTitle', {
			n: this.rejected.length,
		});
		this.$('[data-rejected-list]').replaceChildren(
			...this.rejected.map((r) => {
				const li = el('li');
				li.append(el('strong', r.name), '：', importErrorText(r.reason));
				return li;
			}),
		);
	}

	// ---- one branch over time --------------------------------------------------------

	private renderBranches(): void {
		const select = this.$<HTMLSelectElement>('[data-time-branch]');
		const previous = select.value;
		const groups = [...groupByBranch(this.entries).entries()].sort(
			(a, b) => b[1].length - a[1].length,
		);
		select.replaceChildren(
			...groups.map(([key, list]) => {
				const o = el('option', `${list[0]!.branch}（${list.length}）`);
				o.value = key;
				return o;
			}),
		);
		if (this.branchChosen && groups.some(([k]) => k === previous)) select.value = previous;
		this.renderTimeOptions();
	}

	private branchEntries(): OverviewEntry[] {
		const key = this.$<HTMLSelectElement>('[data-time-branch]').value;
		return groupByBranch(this.entries).get(key) ?? [];
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
		const title = (id: string) => catalogue.categories.find((k) => k.id === id)?.title ?? id;
		const head = el('tr');
		head.append(el('th', t('compare.col.category')));
		for (const p of cmp.points) head.append(el('th', p.assessedOn || p.fileName));
		head.append(el('th', t('compare.col.change')));
		for (const th of head.children) (th as HTMLTableCellElement).scope = 'col';
		this.$('[data-time-head]').replaceChildren(head);
		const signed = (n: number | null) =>
			n === null ? '—' : n > 0 ? `+${round1(n)}` : String(round1(n));
		const rows = cmp.categories
			.filter((k) => !catalogue.categories.find((x) => x.id === k.id)?.bonus)
			.map((k) => {
				const tr = el('tr');
				const th = el('th', `${k.id} ${title(k.id)}`);
				th.scope = 'row';
				tr.append(th);
				k.values.forEach((v, i) => {
					const change = k.changes[i];
					tr.append(
						el(
							'td',
							v === null
								? '—'
								: `${f1(v)}%${change !== null && change !== undefined ? `（${signed(change)}）` : ''}`,
						),
					);
				});
				tr.append(el('td', signed(k.firstToLast)));
				return tr;
			});
		const totalRow = el('tr');
		const th = el('th', t('compare.col.total'));
		th.scope = 'row';
		totalRow.append(
			th,
			...cmp.total.values.map((v, i) =>
				el(
					'td',
					`${f1(v)}${cmp.total.changes[i] != null ? `（${signed(cmp.total.changes[i]!)}）` : ''}`,
				),
			),
			el('td', signed(cmp.total.firstToLast)),
		);
		this.$('[data-time-body]').replaceChildren(...rows, totalRow);

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
		const cats = cmp.categories.filter(
			(k) => !catalogue.categories.find((x) => x.id === k.id)?.bonus,
		);
		this.$('[data-time-legend]').replaceChildren(
			...cmp.points.flatMap((p, i) => [
				el('span', null, `swatch swatch-${i % 6}`),
				p.assessedOn || p.fileName,
			]),
		);
		void this.chart(
			'time',
			this.$<HTMLCanvasElement>('[data-time-chart]'),
			cats.map((k) => title(k.id)),
			cmp.points.map((p, i) => ({
				label: p.assessedOn || p.fileName,
				data: cats.map((k) => k.values[i] ?? null),
			})),
			100,
		);
	}

	// ---- overview ----------------------------------------------------------------------

	private visibleEntries(): OverviewEntry[] {
		const filtered = filterEntries(this.entries, {
			text: this.$<HTMLInputElement>('[data-filter-text]').value,
			band: this.$<HTMLSelectElement>('[data-filter-band]').value as OverviewEntry['band'] | '',
			scope: this.$<HTMLSelectElement>('[data-filter-scope]').value as OverviewEntry['scope'] | '',
			completeOnly: this.$<HTMLInputElement>('[data-filter-complete]').checked,
		});
		return sortEntries(filtered, this.sort.key, this.sort.dir);
	}

	private renderOverview(): void {
		const catalogue = this.session.catalogue;
		const shown = this.visibleEntries();
		const bandName = (id: string) => catalogue.bands.find((b) => b.id === id)?.name ?? id;
		const cats = catalogue.categories.filter((k) => !k.bonus);
		this.$('[data-shown]').textContent = t('compare.shown', {
			shown: shown.length,
			total: this.entries.length,
		});
		const versionNote = catalogueVersionNote(this.entries, catalogue);
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
		for (const th of this.querySelectorAll<HTMLElement>('th[data-sort]'))
			th.setAttribute(
				'aria-sort',
				th.dataset['sort'] === this.sort.key
					? this.sort.dir === 'asc'
						? 'ascending'
						: 'descending'
					: 'none',
			);
		const frag = document.createDocumentFragment();
		for (const e of shown) {
			const tr = el('tr');
			const th = el('th');
			th.scope = 'row';
			th.append(e.branch);
			if (e.olderCatalogue) th.append(' ', el('span', t('compare.olderMark'), 'badge veto'));
			tr.append(
				th,
				el('td', t(`scope.${e.scope}` as StringKey)),
				el('td', e.assessedOn || '—'),
				el('td', f1(e.total)),
				el('td', bandName(e.band)),
				el('td', `${e.completionPercent}%`),
				el(
					'td',
					e.plan.tasks
						? t('compare.planCell', { done: e.plan.done, tasks: e.plan.tasks }) +
								(e.plan.overdue ? t('plan.progressOverdue', { n: e.plan.overdue }) : '')
						: t('compare.planNone'),
				),
				...cats.map((k) => el('td', f1(e.categoryPercents[k.id]))),
			);
			frag.append(tr);
		}
		this.$('[data-overview-body]').replaceChildren(frag);
		this.renderSummary(shown);
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
			...s.categories
				.filter((k) => !k.bonus)
				.map((k) => {
					const tr = el('tr');
					const th = el('th', `${k.id} ${k.title}`);
					th.scope = 'row';
					const st = k.stats;
					tr.append(
						th,
						...[
							st?.n ?? 0,
							st?.mean,
							st?.sd,
							st?.min,
							st?.weakestQuarterMean,
							st?.p25,
							st?.median,
							st?.max,
						].map((v, i) => el('td', i === 0 ? String(v) : f1(v as number | undefined))),
					);
					return tr;
				}),
		);
		this.$('[data-hist-body]').replaceChildren(
			...s.histogram.map((b) => {
				const tr = el('tr');
				tr.append(el('td', b.label), el('td', String(b.count)));
				return tr;
			}),
		);
		this.$('[data-bands-body]').replaceChildren(
			...s.bands.map((b) => {
				const tr = el('tr');
				tr.append(el('td', b.name), el('td', String(b.count)), el('td', `${f1(b.share * 100)}%`));
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
			this.$<HTMLCanvasElement>('[data-hist-chart]'),
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
		for (const r of roll) {
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
		canvas: HTMLCanvasElement,
		labels: string[],
		series: { label: string; data: (number | null)[] }[],
		yMax?: number,
	): Promise<void> {
		// A chart inside a hidden section is not shown: chart.js is not even loaded for it.
		// The section's next render, once it is shown, draws it.
		if (canvas.closest('[hidden]')) return;
		const { seriesBarChart } = await import('./charts');
		this.charts[which]?.destroy();
		this.charts[which] = seriesBarChart(canvas, labels, series, yMax);
	}
}

customElements.define('zz-compare', ZzCompare);

/** The overview CSV's text, from the strings file. */
function overviewCsvLabels(): OverviewCsvLabels {
	return {
		head: [
			t('overviewCsv.unitName'),
			t('overviewCsv.unionName'),
			t('overviewCsv.scope'),
			t('overviewCsv.parentUnion'),
			t('overviewCsv.assessedOn'),
			t('overviewCsv.total'),
			t('overviewCsv.base'),
			t('overviewCsv.bonus'),
			t('overviewCsv.band'),
			t('overviewCsv.completion'),
		],
		planHead: [t('overviewCsv.planTasks'), t('overviewCsv.planDone'), t('overviewCsv.planOverdue')],
		noteHead: t('overviewCsv.noteHead'),
		scope: { union: t('overviewCsv.scopeUnion'), subunit: t('overviewCsv.scopeSubunit') },
		na: t('overviewCsv.na'),
		olderCatalogue: (version) => t('overviewCsv.olderCatalogue', { version }),
		missingCriteria: (ids) => t('overviewCsv.missingCriteria', { ids: ids.join('、') }),
	};
}
