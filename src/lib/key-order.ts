/**
 * The order of ASCII keys: criterion ids (A1, A10, B2), ISO dates and timestamps. Compared
 * code unit by code unit, which for these keys gives the order `localeCompare` gives, without
 * building a collator: a page's first `localeCompare` loads the locale's collation data, about
 * 30 ms on a phone-class CPU, and the checklist's scoring sorted with it on every load.
 */
export function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
