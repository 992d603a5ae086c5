/**
 * 台账: the evidence ledger of one assessment (schema version 4).
 *
 * The ledger's items ARE the catalogue's 佐证材料 (criterion.evidence): there is no second
 * list. Its 有 is the checklist's tick: item i of criterion C is 有 exactly when
 * `answers[C].evidence` holds i. What the tick cannot say lives in `assessment.ledger`,
 * keyed `C.i`: 不适用, 存放位置, 更新日期 and 备注. An item is
 *   - 有      when ticked;
 *   - 不适用  when not ticked and marked not applicable, or when its criterion is 不适用;
 *   - 缺      otherwise.
 *
 * Grouping: by catalogue category, or by the 温州 "七簿三档三册" set, whose members the
 * catalogue itself marks in the item names (…（七簿之一）); items the set does not name are
 * listed apart, and the source's own gaps (it names only some of the 七簿 and 三册) are
 * said, never filled in.
 */
import * as z from 'zod/mini';
import type { Catalogue, Criterion } from './catalogue-schema';
import type { Answer } from './assessment';

export const LEDGER_LIMITS = { entries: 600, location: 100, note: 500 } as const;

/** `A1.0`: criterion id, a dot, the index of the item in the criterion's evidence list. */
export const LEDGER_KEY = /^[A-Z]\d{1,2}\.\d$/;

const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

export const LedgerItemSchema = z.strictObject({
	/** The branch does not need this item (only meaningful while it is not ticked). */
	na: z.boolean(),
	/** 存放位置: which binder, cabinet or folder (free text). */
	location: z.string().check(z.maxLength(LEDGER_LIMITS.location)),
	/** 更新日期: when the item was last brought up to date (YYYY-MM-DD or empty). */
	updatedOn: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/)),
	/** 备注. */
	note: z.string().check(z.maxLength(LEDGER_LIMITS.note)),
});

export const LedgerSchema = z
	.record(
		z.string().check(
			z.regex(LEDGER_KEY),
			z.refine((k) => !RESERVED_KEYS.includes(k)),
		),
		LedgerItemSchema,
	)
	.check(
		z.refine((l) => Object.keys(l).length <= LEDGER_LIMITS.entries, {
			message: 'too many ledger entries',
		}),
	);

export type LedgerItem = z.infer<typeof LedgerItemSchema>;
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerStatus = 'have' | 'missing' | 'na';

export const ledgerKey = (criterion: string, index: number) => `${criterion}.${index}`;

export function emptyLedgerItem(): LedgerItem {
	return { na: false, location: '', updatedOn: '', note: '' };
}

/** Whether an entry holds nothing (so it can be dropped from the saved data). */
export function isEmptyLedgerItem(item: LedgerItem): boolean {
	return !item.na && item.location === '' && item.updatedOn === '' && item.note === '';
}

/** One evidence item as the ledger shows it. */
export interface LedgerRow {
	key: string;
	criterion: string;
	criterionTitle: string;
	category: string;
	index: number;
	/** The item's name, from the catalogue. */
	name: string;
	status: LedgerStatus;
	/** Not applicable because its criterion is 不适用 (the status cannot be changed here). */
	criterionNa: boolean;
	location: string;
	updatedOn: string;
	note: string;
}

/** The status of one item from the tick, the ledger entry and the criterion's 不适用. */
export function itemStatus(
	answer: Answer | undefined,
	entry: LedgerItem | undefined,
	index: number,
): LedgerStatus {
	if (answer?.evidence.includes(index)) return 'have';
	if (answer?.na || entry?.na) return 'na';
	return 'missing';
}

/** Every evidence item of the catalogue, in catalogue order, with its ledger state. */
export function ledgerRows(
	catalogue: Catalogue,
	answers: Readonly<Record<string, Answer>>,
	ledger: Ledger,
): LedgerRow[] {
	const rows: LedgerRow[] = [];
	for (const c of catalogue.criteria)
		c.evidence.forEach((name, index) => {
			const key = ledgerKey(c.id, index);
			const entry = ledger[key];
			const answer = answers[c.id];
			rows.push({
				key,
				criterion: c.id,
				criterionTitle: c.title,
				category: c.category,
				index,
				name,
				status: itemStatus(answer, entry, index),
				criterionNa: Boolean(answer?.na),
				location: entry?.location ?? '',
				updatedOn: entry?.updatedOn ?? '',
				note: entry?.note ?? '',
			});
		});
	return rows;
}

/**
 * Sets an item's status. 有 ticks it in the answer (the checklist's 佐证 tick) and clears
 * 不适用; 缺 unticks it; 不适用 unticks it and marks the entry. Returns the new answer
 * evidence list and the new entry (null when it would hold nothing).
 */
export function setItemStatus(
	evidence: readonly number[],
	entry: LedgerItem | undefined,
	index: number,
	status: LedgerStatus,
): { evidence: number[]; entry: LedgerItem | null } {
	const without = evidence.filter((i) => i !== index);
	const next = { ...(entry ?? emptyLedgerItem()), na: status === 'na' };
	return {
		evidence: status === 'have' ? [...without, index].sort((a, b) => a - b) : without,
		entry: isEmptyLedgerItem(next) ? null : next,
	};
}

/** Counts per criterion: items on file (有) out of those that apply. */
export interface EvidenceCount {
	have: number;
	applicable: number;
	missing: number;
}

export function evidenceCount(
	criterion: Pick<Criterion, 'id' | 'evidence'>,
	answer: Answer | undefined,
	ledger: Ledger,
): EvidenceCount {
	let have = 0;
	let missing = 0;
	criterion.evidence.forEach((_, i) => {
		const s = itemStatus(answer, ledger[ledgerKey(criterion.id, i)], i);
		if (s === 'have') have++;
		else if (s === 'missing') missing++;
	});
	return { have, applicable: have + missing, missing };
}

/** Totals over the whole ledger. */
export function ledgerTotals(
	rows: readonly LedgerRow[],
): Record<LedgerStatus, number> & { total: number } {
	return {
		total: rows.length,
		have: rows.filter((r) => r.status === 'have').length,
		missing: rows.filter((r) => r.status === 'missing').length,
		na: rows.filter((r) => r.status === 'na').length,
	};
}

/**
 * "说得到、拿不出": criteria rated 基本落实 (level 2) or better whose evidence is missing
 * in part, with the missing items named. `levels` is each criterion's effective level.
 */
export function claimedWithoutEvidence(
	catalogue: Catalogue,
	levels: Readonly<Record<string, number | null | 'na'>>,
	rows: readonly LedgerRow[],
): { criterion: string; title: string; level: number; missing: string[]; applicable: number }[] {
	const out = [];
	for (const c of catalogue.criteria) {
		const level = levels[c.id];
		if (typeof level !== 'number' || level < 2) continue;
		const mine = rows.filter((r) => r.criterion === c.id && r.status !== 'na');
		const missing = mine.filter((r) => r.status === 'missing').map((r) => r.name);
		if (missing.length)
			out.push({ criterion: c.id, title: c.title, level, missing, applicable: mine.length });
	}
	return out;
}

/** A group of ledger rows (a category, or one part of a standard set). */
export interface LedgerGroup {
	id: string;
	title: string;
	rows: LedgerRow[];
}

/** A standard filing set described by a source, matched by the marker the catalogue puts in item names. */
export interface StandardSet {
	id: string;
	/** Name of the set, e.g. 七簿三档三册. */
	title: string;
	/** Catalogue source id the set comes from. */
	source: string;
	/** Its parts, with the marker that tags their items in the catalogue and how many the set has. */
	parts: readonly { id: string; title: string; marker: string; size: number }[];
}

/**
 * The 温州 2003 standard (catalogue source `wenzhou-2003`): 七簿、三档、三册. The catalogue
 * tags each item the source names with （七簿之一）, （三档之一） or （三册之一）.
 */
export const QIBU_SANDANG_SANCE: StandardSet = {
	id: 'qibu-sandang-sance',
	title: '七簿三档三册',
	source: 'wenzhou-2003',
	parts: [
		{ id: 'qibu', title: '七簿', marker: '七簿之一', size: 7 },
		{ id: 'sandang', title: '三档', marker: '三档之一', size: 3 },
		{ id: 'sance', title: '三册', marker: '三册之一', size: 3 },
	],
};

/** Rows grouped by catalogue category, in catalogue order. */
export function groupByCategory(catalogue: Catalogue, rows: readonly LedgerRow[]): LedgerGroup[] {
	return catalogue.categories
		.map((k) => ({
			id: k.id,
			title: `${k.id} ${k.title}`,
			rows: rows.filter((r) => r.category === k.id),
		}))
		.filter((g) => g.rows.length > 0);
}

/**
 * Rows grouped by a standard set's parts; the last group (id `other`) holds every item the
 * set does not name.
 */
export function groupBySet(
	set: StandardSet,
	rows: readonly LedgerRow[],
	otherTitle: string,
): (LedgerGroup & { size: number | null })[] {
	const used = new Set<string>();
	const groups = set.parts.map((p) => {
		const mine = rows.filter((r) => r.name.includes(p.marker));
		for (const r of mine) used.add(r.key);
		return { id: p.id, title: p.title, rows: mine, size: p.size };
	});
	const other = rows.filter((r) => !used.has(r.key));
	return [...groups, { id: 'other', title: otherTitle, rows: other, size: null }];
}

/** An item's name without the set marker, e.g. 来信来访登记簿（七簿之一） → 来信来访登记簿. */
export function bookName(name: string): string {
	return name.replace(/（[^（）]*之一）/g, '').trim();
}

/** Ledger rows as CSV cells (header first); labels are handed in. */
export function ledgerCsvRows(
	rows: readonly LedgerRow[],
	labels: { header: string[]; status: Record<LedgerStatus, string> },
): (string | number)[][] {
	return [
		labels.header,
		...rows.map((r) => [
			r.criterion,
			r.criterionTitle,
			r.name,
			labels.status[r.status],
			r.location,
			r.updatedOn,
			r.note,
		]),
	];
}
