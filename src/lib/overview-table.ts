/**
 * Sorting and filtering the overview table. Both answer 10,000 rows well within 100 ms
 * (see `npm run bench -- --only=aggregate`): sort keys are worked out once per row,
 * and names are compared through a rank table built once per sort, not per comparison.
 */
import {
	BAND_ORDER,
	nameOrder,
	normaliseName,
	type BandId,
	type OverviewEntry,
	type Scope,
} from './overview-load';

/** A value a row sorts by; null (no date, 不适用, 未评) goes last in either direction. */
export type SortValue = string | number | null;

/**
 * A sorted copy. Stable: equal rows keep their order in either direction. Text sorts in
 * Chinese (pinyin) collation with numbers in numeric order (单位2 before 单位10).
 */
export function sortBy<T>(
	rows: readonly T[],
	valueOf: (row: T) => SortValue,
	direction: 'asc' | 'desc' = 'asc',
): T[] {
	const sign = direction === 'asc' ? 1 : -1;
	const values = rows.map(valueOf);
	// Text: collate each distinct string once, then compare ranks (numbers).
	const texts = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
	const rank = new Map(texts.sort(nameOrder).map((s, i) => [s, i]));
	const keys = values.map((v) => (typeof v === 'string' ? rank.get(v)! : v));
	const order = rows.map((_, i) => i);
	order.sort((a, b) => {
		const x = keys[a]!;
		const y = keys[b]!;
		if (x === null || y === null) {
			if (x === y) return a - b;
			return x === null ? 1 : -1;
		}
		return (x - y) * sign || a - b;
	});
	return order.map((i) => rows[i]!);
}

/** Columns the overview table sorts by; `category:X` sorts by category X's percent. */
export type SortKey =
	| 'branch'
	| 'unitName'
	| 'unionName'
	| 'parentUnion'
	| 'scope'
	| 'assessedOn'
	| 'total'
	| 'base'
	| 'bonus'
	| 'band'
	| 'completionPercent'
	| `category:${string}`;

/** The value an entry sorts by under a `SortKey`. */
export function sortValue(e: OverviewEntry, key: SortKey): SortValue {
	if (key.startsWith('category:')) {
		const id = key.slice('category:'.length);
		// 未评 sorts with 不适用, after every figure.
		if (e.categoryAnswered?.[id]?.answered === 0) return null;
		return e.categoryPercents[id] ?? null;
	}
	switch (key) {
		case 'band':
			return BAND_ORDER.indexOf(e.band);
		case 'branch':
		case 'unitName':
		case 'unionName':
		case 'parentUnion':
		case 'scope':
		case 'assessedOn':
			return e[key] === '' ? null : e[key];
		default:
			return e[key as 'total' | 'base' | 'bonus' | 'completionPercent'];
	}
}

/** A sorted copy by one of the fixed keys (see `sortBy`). */
export function sortEntries(
	entries: readonly OverviewEntry[],
	key: SortKey,
	direction: 'asc' | 'desc' = 'asc',
): OverviewEntry[] {
	return sortBy(entries, (e) => sortValue(e, key), direction);
}

/** Filters for the overview table; anything left out does not filter. */
export interface EntryFilter {
	/** Case-insensitive substring of the branch, 单位 or 工会 name. */
	text?: string;
	band?: BandId | '';
	scope?: Scope | '';
	/** Only finished self-assessments, or only unfinished ones. */
	completion?: 'complete' | 'incomplete' | '';
	/** Kept for older callers: the same as `completion: 'complete'`. */
	completeOnly?: boolean;
	/** Only entries with a 否决 condition or a 必备 criterion below 基本落实. */
	flaggedOnly?: boolean;
}

/** Entries matching every given filter, in their original order. */
export function filterEntries(
	entries: readonly OverviewEntry[],
	filter: EntryFilter,
): OverviewEntry[] {
	const text = normaliseName(filter.text ?? '').toLowerCase();
	const completion = filter.completion || (filter.completeOnly ? 'complete' : '');
	return entries.filter(
		(e) =>
			(!text ||
				[e.branch, e.unitName, e.unionName].some((name) => name.toLowerCase().includes(text))) &&
			(!filter.band || e.band === filter.band) &&
			(!filter.scope || e.scope === filter.scope) &&
			(!completion || e.complete === (completion === 'complete')) &&
			(!filter.flaggedOnly ||
				e.vetoes.length > 0 ||
				(e.unansweredVetoes?.length ?? 0) > 0 ||
				e.missingRequired.length > 0),
	);
}
