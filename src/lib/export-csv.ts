/**
 * CSV downloads: the per-criterion CSV of one assessment ("下载 CSV", one row per
 * criterion, then a total row) and the 上级工会 overview CSV (one row per branch).
 * Labels are passed in so the module stays free of the strings file and testable.
 */
import type { Catalogue } from './catalogue-schema';
import type { Assessment } from './assessment';
import type { ScoreResult } from './scoring';
import { round1 } from './scoring';
import { csvCell, toCsv, type Cell } from './csv';
import type { OverviewEntry } from './overview-load';
import type { OverviewColumn } from './overview-columns';

export interface CsvLabels {
	header: string[];
	yes: string;
	na: string;
	unanswered: string;
	/** Row label of the base score (the sum of the base criteria rows). */
	base: string;
	/** Row label of the bonus above the cap that does not count. */
	bonusCap: string;
	total: string;
	/** Category cell of the 否决项 rows, and their states 是 / 否 / 未答. */
	veto: { category: string; yes: string; no: string; unanswered: string };
}

/** Builds the CSV text (with BOM) for one assessment. */
export function assessmentCsv(
	catalogue: Catalogue,
	a: Assessment,
	score: ScoreResult,
	labels: CsvLabels,
): string {
	const rows: Cell[][] = [labels.header];
	for (const c of catalogue.criteria) {
		const ans = a.answers[c.id];
		const cs = score.criteria.find((x) => x.id === c.id)!;
		const category = catalogue.categories.find((k) => k.id === c.category)!;
		const level =
			cs.status === 'na'
				? labels.na
				: cs.level === null
					? labels.unanswered
					: catalogue.levelNames[cs.level]!;
		rows.push([
			a.profile.unitName,
			a.profile.unionName,
			a.profile.assessedOn,
			`${category.id} ${category.title}`,
			c.id,
			c.title,
			c.required ? labels.yes : '',
			c.points,
			level,
			ans?.rate ?? null,
			// What the criterion adds to the total after renormalisation, so the column adds up.
			cs.status === 'na' ? null : round1(cs.contribution),
			ans?.na ? ans.naReason : '',
			(ans?.evidence ?? [])
				.map((i) => c.evidence[i])
				.filter(Boolean)
				.join('；'),
			ans?.note ?? '',
		]);
	}
	// One row per 否决 condition, named (code and condition), its state in the level column.
	for (const v of catalogue.vetoes) {
		const state = score.vetoes.includes(v.id)
			? labels.veto.yes
			: score.unansweredVetoes.includes(v.id)
				? labels.veto.unanswered
				: labels.veto.no;
		rows.push([
			a.profile.unitName,
			a.profile.unionName,
			a.profile.assessedOn,
			labels.veto.category,
			v.id,
			v.title,
			'',
			'',
			state,
			null,
			null,
			'',
			'',
			'',
		]);
	}
	const bonusRaw = score.criteria.filter((c) => c.bonus).reduce((s, c) => s + c.contribution, 0);
	const summary = (label: string, value: number) => [
		a.profile.unitName,
		a.profile.unionName,
		a.profile.assessedOn,
		'',
		'',
		label,
		'',
		'',
		'',
		null,
		value,
		'',
		'',
		'',
	];
	rows.push(summary(labels.base, score.base));
	// Bonus above the cap does not count: say so in its own row, so the column still adds up.
	if (bonusRaw - score.bonus > 1e-9)
		rows.push(summary(labels.bonusCap, -round1(bonusRaw - score.bonus)));
	rows.push([
		a.profile.unitName,
		a.profile.unionName,
		a.profile.assessedOn,
		'',
		'',
		labels.total,
		'',
		'',
		'',
		null,
		score.total,
		'',
		'',
		'',
	]);
	return toCsv(rows);
}

/** The suggested next self-check date (kept here for callers of the CSV module). */
export { nextSelfCheck } from './assessment-name';

// ---------------------------------------------------------------- overview CSV

/** The overview CSV's header row: every column's CSV headers, in column order. */
export function overviewCsvHeader(columns: readonly OverviewColumn[]): Cell[] {
	return columns.flatMap((c) => c.csv.map((x) => x.header));
}

/** One entry's row of the overview CSV. */
export function overviewCsvRow(e: OverviewEntry, columns: readonly OverviewColumn[]): Cell[] {
	return columns.flatMap((c) => c.csv.map((x) => x.value(e)));
}

/** One CSV line (no BOM, CRLF end), for writing the overview a row at a time. */
export function csvLine(cells: readonly Cell[]): string {
	return cells.map(csvCell).join(',') + '\r\n';
}

/** The overview as CSV for Excel: one row per entry, in the order given, with every CSV column. */
export function overviewCsv(
	entries: readonly OverviewEntry[],
	columns: readonly OverviewColumn[],
): string {
	return toCsv([overviewCsvHeader(columns), ...entries.map((e) => overviewCsvRow(e, columns))]);
}
