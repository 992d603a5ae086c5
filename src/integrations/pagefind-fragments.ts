/**
 * Makes the files a first search fetches smaller, without changing what search shows.
 *
 * - Fragments (one per page: its text, title and anchors) list an anchor for every element
 *   with an id, each with that element's whole text. pagefind 1.6 uses only anchors that
 *   are headings (or carry a title) to build sub-results, so the others are dropped. On the
 *   计分方法 page, whose sections have ids, this takes its fragment from 10 KB to 7 KB (gzip).
 * - The worker script (`pagefind-worker.js`, the search code a query runs) is shipped
 *   unminified; it is minified with esbuild, which keeps its behaviour.
 *
 * Fragments keep their names (pagefind finds them by page hash, not by content). The
 * layout is pagefind 1.6.0's; `pagefind-chunks.ts` fails the build on any other version.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageSummaryOf, type PageSummary } from '../lib/search-pages.ts';
import { PagefindLayoutError, unwrap, wrap } from './pagefind-chunks.ts';

/** One anchor of a fragment, as pagefind writes it. */
export interface FragmentAnchor {
	element: string;
	id: string;
	text?: string;
	title?: string;
	location: number;
}

/** The anchors pagefind's sub-results use (same test as its `calculate_sub_results`). */
export function usedAnchors(anchors: readonly FragmentAnchor[]): FragmentAnchor[] {
	return anchors.filter(
		(a) =>
			(a.title?.length && /\S/.test(a.title)) ||
			(/h\d/i.test(a.element) && a.text?.length && /\S/.test(a.text)),
	);
}

export interface FragmentReport {
	/** Fragment files rewritten. */
	files: number;
	/** Total gzip bytes before and after. */
	before: number;
	after: number;
}

/** Drops unused anchors from every fragment under `bundleDir/fragment`. */
export function trimFragments(bundleDir: string): FragmentReport {
	const dir = join(bundleDir, 'fragment');
	const report: FragmentReport = { files: 0, before: 0, after: 0 };
	for (const name of readdirSync(dir)) {
		if (!name.endsWith('.pf_fragment')) continue;
		const path = join(dir, name);
		const file = readFileSync(path);
		const fragment = JSON.parse(new TextDecoder().decode(unwrap(file, name))) as {
			anchors?: unknown;
		};
		if (!Array.isArray(fragment.anchors))
			throw new PagefindLayoutError(`fragment ${name} has no anchors list`);
		fragment.anchors = usedAnchors(fragment.anchors as FragmentAnchor[]);
		const out = wrap(new TextEncoder().encode(JSON.stringify(fragment)));
		report.files++;
		report.before += file.length;
		// Keep pagefind's file if ours is not smaller (nothing to drop).
		const smaller = out.length < file.length;
		report.after += smaller ? out.length : file.length;
		if (smaller) writeFileSync(path, out);
	}
	return report;
}

/** Minifies pagefind's worker script in place; returns its size before and after. */
export async function minifyWorker(bundleDir: string): Promise<{ before: number; after: number }> {
	const path = join(bundleDir, 'pagefind-worker.js');
	const code = readFileSync(path, 'utf8');
	const { transform } = await import('esbuild');
	const out = await transform(code, { minify: true, charset: 'utf8' });
	writeFileSync(path, out.code);
	return { before: code.length, after: out.code.length };
}

/** The file, beside pagefind's own, that maps each page's hash to its summary. */
export const PAGES_FILE = 'pages.json';

/**
 * Each page's summary (title, address, kind) by its pagefind hash (the fragment's name),
 * read from the fragments and written to `bundleDir/pages.json`. A first search fetches it
 * (≈ 1.5 KB) so that results are listed before any fragment is loaded, and a page named for
 * the query comes first (see src/lib/search-pages.ts and src/lib/search-order.ts).
 */
export function writePageSummaries(bundleDir: string): { pages: number; bytes: number } {
	const dir = join(bundleDir, 'fragment');
	const pages: Record<string, PageSummary> = {};
	for (const name of readdirSync(dir)) {
		if (!name.endsWith('.pf_fragment')) continue;
		const fragment = JSON.parse(
			new TextDecoder().decode(unwrap(readFileSync(join(dir, name)), name)),
		) as { url?: unknown; meta?: { title?: unknown }; filters?: { type?: unknown } };
		const summary = pageSummaryOf({
			title: fragment.meta?.title,
			url: fragment.url,
			type: Array.isArray(fragment.filters?.type) ? fragment.filters.type[0] : undefined,
		});
		if (summary) pages[name.slice(0, -'.pf_fragment'.length)] = summary;
	}
	const text = JSON.stringify(pages);
	writeFileSync(join(bundleDir, PAGES_FILE), text);
	return { pages: Object.keys(pages).length, bytes: Buffer.byteLength(text) };
}
