/**
 * The order of search results and of the tabs above them.
 *
 * Results: pagefind ranks pages by their words, and for Chinese a query such as 职代会 is
 * cut into characters, so a page full of 职工 and 大会 can rank near a page about 职代会.
 * Pages that contain the query as a phrase (pagefind's exact search, `"职代会"`) come
 * first, each group in pagefind's own order.
 *
 * Tabs: one per page kind (pagefind filter `type`) that has results, in a fixed order for
 * the kinds the site knows and then any other kind by name, so a new kind of page (e.g.
 * 模板) gets its tab without code changes.
 */

/** Results that contain the phrase first, then the rest; each group keeps its order. */
export function phraseFirst<T extends { id: string }>(
	all: readonly T[],
	phrase: readonly { id: string }[],
): T[] {
	const inPhrase = new Set(phrase.map((r) => r.id));
	return [...all.filter((r) => inPhrase.has(r.id)), ...all.filter((r) => !inPhrase.has(r.id))];
}

/** Whether a query is worth an extra phrase search: two or more characters, not already quoted. */
export function wantsPhrase(query: string): boolean {
	const q = query.trim();
	return Array.from(q.replace(/\s+/g, '')).length >= 2 && !/^".*"$/.test(q);
}

/** One tab: a page kind and how many results it has. */
export interface TypeTab {
	type: string;
	count: number;
}

/**
 * Tabs for the kinds with at least one result: `known` kinds first in that order, then
 * the others sorted by name, then `last` (the catch-all kind, 其他).
 */
export function typeTabs(
	counts: Readonly<Record<string, number>>,
	known: readonly string[],
	last = '',
): TypeTab[] {
	const present = Object.entries(counts).filter(([, n]) => n > 0);
	const rank = (type: string) => {
		if (type === last) return known.length + 1;
		const i = known.indexOf(type);
		return i === -1 ? known.length : i;
	};
	return present
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
		.map(([type, count]) => ({ type, count }));
}

/** A title or query reduced to what names it: no spaces, quotes or punctuation, lower case. */
export function nameKey(text: string): string {
	return text
		.toLowerCase()
		.replace(/[\s\p{P}\p{S}]+/gu, '')
		.trim();
}

/** How much of a title the query must be to name the page (see `titleFirst`). */
export const NAMES_PAGE = 0.7;

/**
 * Pages the query names come first: the title contains the whole query and the query is at
 * least NAMES_PAGE of the title (a reader who types 年度建家工作计划 wants that template,
 * however often other pages use its words; one who types 经费审查 asks about a topic, and
 * 经费审查报告提纲 does not outrank the guide). Each group keeps its order; queries under two
 * characters change nothing.
 */
export function titleFirst<T extends { id: string }>(
	results: readonly T[],
	query: string,
	titles: Readonly<Record<string, string>>,
): T[] {
	const q = nameKey(query);
	const length = Array.from(q).length;
	if (length < 2) return [...results];
	const named = (r: T) => {
		const title = nameKey(titles[r.id] ?? '');
		return title.includes(q) && length >= NAMES_PAGE * Array.from(title).length;
	};
	return [...results.filter(named), ...results.filter((r) => !named(r))];
}
