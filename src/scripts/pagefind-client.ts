/** Loads the pagefind runtime from the built site, once. */

export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
}
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	sub_results: PagefindSubResult[];
}
interface PagefindSearch {
	results: { id: string; data: () => Promise<PagefindResultData> }[];
}
export interface Pagefind {
	options: (o: Record<string, unknown>) => Promise<void>;
	search: (q: string, o?: Record<string, unknown>) => Promise<PagefindSearch>;
	init: () => Promise<void>;
}

let instance: Promise<Pagefind> | undefined;

export function loadPagefind(base: string): Promise<Pagefind> {
	instance ??= (async () => {
		const url = `${base}pagefind/pagefind.js`;
		const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
		// metaCacheTag fixes pagefind's metadata URL per build, so the service worker can cache it.
		await pf.options({ excerptLength: 36, baseUrl: base, metaCacheTag: __BUILD_ID__ });
		await pf.init();
		return pf;
	})();
	instance.catch(() => (instance = undefined));
	return instance;
}
