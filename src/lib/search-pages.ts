/**
 * What search shows of a page before its text is loaded: title, address and kind.
 *
 * The build writes one small file (`pagefind/pages.json`, see
 * src/integrations/pagefind-fragments.ts) mapping each page's pagefind hash to its summary.
 * With it, results are listed (title, link, kind) as soon as the index answers, and each
 * result's text (its pagefind fragment, 1–9 KB) is fetched only once the result is on
 * screen. The file comes over the network, so it is checked entry by entry: an entry that
 * is not a summary is dropped (its result then waits for its fragment), never trusted.
 */

/** One page as search lists it before its text is loaded. */
export interface PageSummary {
	/** The page's title (its <h1>, as pagefind recorded it). */
	title: string;
	/** The page's address under the site root, as pagefind recorded it: `/guide/minzhu/`. */
	url: string;
	/** The page's kind (pagefind's `type` filter: 指南, 评分细则 …), if it has one. */
	type?: string;
}

/** Summaries by pagefind page hash. */
export type PageSummaries = Readonly<Record<string, PageSummary>>;

/** Longest title or address kept; anything longer is not from this build. */
export const SUMMARY_MAX_LENGTH = 300;

const isText = (v: unknown): v is string =>
	typeof v === 'string' && v.length >= 1 && v.length <= SUMMARY_MAX_LENGTH;

/** `entry` as a summary (title trimmed, kind left out unless it is text), or null if it is not one. */
export function pageSummaryOf(entry: unknown): PageSummary | null {
	if (typeof entry !== 'object' || entry === null) return null;
	const { title, url, type } = entry as Record<string, unknown>;
	// Only a path on this site: never another host, never `javascript:`.
	if (!isText(title) || !isText(url) || !url.startsWith('/') || url.startsWith('//')) return null;
	const trimmed = title.trim();
	if (!trimmed) return null;
	return isText(type) ? { title: trimmed, url, type } : { title: trimmed, url };
}

/** The valid entries of `json` (the parsed pages file); {} if it is not an object. */
export function parsePageSummaries(json: unknown): Record<string, PageSummary> {
	const out: Record<string, PageSummary> = {};
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return out;
	for (const [hash, entry] of Object.entries(json as Record<string, unknown>)) {
		const summary = /^[\w-]{1,64}$/.test(hash) ? pageSummaryOf(entry) : null;
		if (summary) out[hash] = summary;
	}
	return out;
}

/** Each page's title by hash, for ranking by title (see `titleFirst` in search-order.ts). */
export function titlesOf(pages: PageSummaries): Record<string, string> {
	return Object.fromEntries(Object.entries(pages).map(([hash, p]) => [hash, p.title]));
}

/**
 * A summary's address under the site's base path, as pagefind gives it for a result
 * (`/guide/minzhu/` under base `/zhijia/` is `/zhijia/guide/minzhu/`).
 */
export function pageHref(base: string, url: string): string {
	return `${base.replace(/\/+$/, '')}${url}`;
}
