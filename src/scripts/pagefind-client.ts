/** Loads the pagefind runtime from the built site, once, and runs queries in the site's order. */
import { phraseFirst, titleFirst, wantsPhrase } from '../lib/search-order';
import { parsePageSummaries, titlesOf, type PageSummaries } from '../lib/search-pages';

export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
}
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	filters: Record<string, string[]>;
	sub_results: PagefindSubResult[];
}
export interface PagefindResult {
	id: string;
	data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
	results: PagefindResult[];
	/** Per filter, per value: results of this query with that value. */
	filters?: Record<string, Record<string, number>>;
}
export interface Pagefind {
	options: (o: Record<string, unknown>) => Promise<void>;
	search: (q: string, o?: Record<string, unknown>) => Promise<PagefindSearch>;
	filters: () => Promise<Record<string, Record<string, number>>>;
	init: () => Promise<void>;
}

/**
 * pagefind's options for this site.
 * - ranking.pageLength: pagefind favours short pages by default, which puts the short
 *   评分细则 pages above the guide that explains a topic (see bench: ranking top-1).
 * - excerptLength: words around the match; the dropdown shows two lines. excerptEllipsis
 *   marks a cut excerpt (shown as ……, see src/lib/search-excerpt.ts).
 */
export const PAGEFIND_OPTIONS = {
	excerptLength: 30,
	excerptEllipsis: '…',
	ranking: { pageLength: 0.3 },
} as const;

let instance: Promise<Pagefind> | undefined;

/**
 * pagefind's runtime, talking straight to `pagefind-worker.js`.
 *
 * pagefind.js is a 13 KB (gzip) wrapper that starts that same worker and also carries a
 * second copy of the whole search code for browsers without workers. This site speaks the
 * worker's small message protocol itself (`{id, instanceId, method, args}` →
 * `{id, result | error}`, pagefind 1.6.0; the build fails on any other version, see
 * src/integrations/pagefind-chunks.ts) and so skips pagefind.js on a first visit. If the
 * worker cannot start, it falls back to pagefind.js on the main thread.
 */
export function loadPagefind(base: string): Promise<Pagefind> {
	const options = { ...PAGEFIND_OPTIONS, baseUrl: base, metaCacheTag: __BUILD_ID__ };
	instance ??= workerClient(base, options).catch(async () => {
		const url = `${base}pagefind/pagefind.js`;
		const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pf.options({ ...options, noWorker: true });
		await pf.init();
		return pf;
	});
	instance.catch(() => (instance = undefined));
	return instance;
}

interface WorkerReply {
	id: number;
	result?: unknown;
	error?: string;
}

async function workerClient(base: string, options: Record<string, unknown>): Promise<Pagefind> {
	const worker = new Worker(`${base}pagefind/pagefind-worker.js`);
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	let next = 0;
	const fail = (error: Error) => {
		for (const p of pending.values()) p.reject(error);
		pending.clear();
	};
	worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
		const p = pending.get(e.data.id);
		if (!p) return;
		pending.delete(e.data.id);
		if (e.data.error !== undefined) p.reject(new Error(e.data.error));
		else p.resolve(e.data.result);
	});
	worker.addEventListener('error', () => {
		worker.terminate();
		fail(new Error('pagefind worker failed'));
	});
	const send = <T>(method: string, args: unknown[]) =>
		new Promise<T>((resolve, reject) => {
			const id = ++next;
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			worker.postMessage({ id, instanceId: 'site', method, args });
		});
	await send('init', [
		{
			...options,
			basePath: `${base}pagefind/`,
			language: document.documentElement.lang.toLowerCase(),
			primary: true,
		},
	]);
	// The worker loads its index lazily; `filters` waits for it, so a broken index fails here.
	await send('filters', []);
	return {
		options: (o) => send('options', [o]),
		init: async () => undefined,
		filters: () => send('filters', []),
		search: async (q, o = {}) => {
			const raw = await send<{
				results: { id: string; data: string }[];
				filters?: Record<string, Record<string, number>>;
			}>('search', [q, o]);
			return {
				...raw,
				results: raw.results.map((r) => ({
					id: r.id,
					data: () => send<PagefindResultData>('getData', [r.data]),
				})),
			};
		},
	};
}

/** The filter that sorts pages into the search tabs (指南, 评分细则, 模板 …). */
export const TYPE_FILTER = 'type';

export interface FoundPages {
	/** Results in the site's order: phrase matches first. */
	results: PagefindResult[];
	/** Results of the query per page kind, for the tabs (before any kind is chosen). */
	counts: Record<string, number>;
	/** Title, address and kind of each page by hash, to list results before their text loads. */
	pages: PageSummaries;
}

interface PagesFile {
	pages: PageSummaries;
	/** The pages' titles by hash, for `titleFirst`. */
	titles: Record<string, string>;
}

let summaries: Promise<PagesFile> | undefined;

/** Each page's summary by its pagefind hash (written at build, see pagefind-fragments.ts), read once; none if missing. */
function pageSummaries(base: string): Promise<PagesFile> {
	summaries ??= fetch(`${base}pagefind/pages.json`)
		.then(async (r) => (r.ok ? parsePageSummaries(await r.json()) : {}))
		.catch(() => ({}))
		.then((pages) => ({ pages, titles: titlesOf(pages) }));
	return summaries;
}

/**
 * Runs a query, optionally limited to one kind of page: pages named for the query first,
 * then phrase matches, then the rest in pagefind's order.
 */
export async function findPages(base: string, query: string, type?: string): Promise<FoundPages> {
	const named = pageSummaries(base);
	const pf = await loadPagefind(base);
	const filters = type ? { [TYPE_FILTER]: type } : {};
	// The phrase search needs the same index chunks as the plain one, so it costs no bytes.
	const [all, phrase] = await Promise.all([
		pf.search(query, { filters }),
		wantsPhrase(query) ? pf.search(`"${query.trim()}"`, { filters }) : undefined,
	]);
	const ordered = phrase ? phraseFirst(all.results, phrase.results) : all.results;
	const { pages, titles } = await named;
	return {
		results: titleFirst(ordered, query, titles),
		counts: all.filters?.[TYPE_FILTER] ?? {},
		pages,
	};
}
