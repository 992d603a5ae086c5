/**
 * Search results from pagefind: the header dropdown and the full search page.
 * Excerpts come from pagefind as HTML with <mark>; only text and <mark> are kept,
 * so nothing from an index can inject markup.
 */
import { cleanExcerpt } from '../lib/search-excerpt';
import { typeTabs } from '../lib/search-order';
import { pageHref, type PageSummaries } from '../lib/search-pages';
import {
	findPages,
	loadPagefind,
	TYPE_FILTER,
	type PagefindResult,
	type PagefindResultData,
} from './pagefind-client';

type Strings = Record<
	| 'search.loading'
	| 'search.none'
	| 'search.count'
	| 'search.all'
	| 'search.error'
	| 'search.devNotice'
	| 'search.more'
	| 'search.tabsLabel'
	| 'search.tabAll'
	| 'search.type.guide'
	| 'search.type.method'
	| 'search.type.other',
	string
>;

function fill(text: string, params: Record<string, string | number>): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A pagefind excerpt as DOM nodes: clean text with the query marked, nothing else. */
export function excerptNodes(html: string, query: string): Node[] {
	return cleanExcerpt(html, query).map((part) => {
		if (!part.mark) return document.createTextNode(part.text);
		const mark = document.createElement('mark');
		mark.textContent = part.text;
		return mark;
	});
}
/** Adds the highlight parameter so the opened page marks the term. */
export function withHighlight(url: string, query: string): string {
	const [path, hash] = url.split('#');
	const sep = path!.includes('?') ? '&' : '?';
	return `${path}${sep}hl=${encodeURIComponent(query)}${hash ? `#${hash}` : ''}`;
}

/** What a result shows before its text is loaded: title, link and kind. */
interface ListedPage {
	title: string;
	href: string;
	type?: string | undefined;
}

const listedFromData = (d: PagefindResultData): ListedPage => ({
	title: d.meta.title ?? d.url,
	href: d.url,
	type: d.filters[TYPE_FILTER]?.[0],
});

/** A result's title, link and kind; its text follows in `fillResult`. */
function resultItem(page: ListedPage, query: string, idPrefix?: string): HTMLLIElement {
	const li = document.createElement('li');
	li.className = 'search-result';
	li.toggleAttribute('data-loading', true);
	const a = document.createElement('a');
	a.href = withHighlight(page.href, query);
	a.className = 'search-result-title';
	a.textContent = page.title;
	if (idPrefix) a.id = idPrefix;
	if (page.type) {
		const badge = document.createElement('span');
		badge.className = 'search-type';
		badge.textContent = page.type;
		li.append(badge, ' ');
	}
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	li.append(a, p);
	return li;
}

/** Puts a result's text (excerpt, and sub-results per heading if asked) into its item. */
function fillResult(li: HTMLLIElement, r: PagefindResultData, query: string, withSubs: boolean) {
	li.removeAttribute('data-loading');
	li.querySelector('.search-excerpt')?.replaceChildren(...excerptNodes(r.excerpt, query));
	const subs = withSubs ? r.sub_results.filter((s) => s.url !== r.url && s.title).slice(0, 3) : [];
	if (subs.length) {
		const ul = document.createElement('ul');
		ul.className = 'search-subresults';
		for (const s of subs) {
			const sli = document.createElement('li');
			const sa = document.createElement('a');
			sa.href = withHighlight(s.url, query);
			sa.textContent = s.title;
			const sp = document.createElement('p');
			sp.className = 'search-excerpt';
			sp.append(...excerptNodes(s.excerpt, query));
			sli.append(sa, sp);
			ul.append(sli);
		}
		li.append(ul);
	}
}

/**
 * Lists results at once from the pages file and loads each one's text (one pagefind
 * fragment, 1–9 KB) only when it is on screen: in the dropdown once half of it shows, on
 * the search page a little before it scrolls into view. On a slow network the titles show
 * as soon as the index answers, and results nobody scrolls to cost nothing.
 */
class ResultList {
	#observer: IntersectionObserver | undefined;
	#pending = new Map<Element, () => void>();

	constructor(
		readonly base: string,
		readonly query: string,
		readonly withSubs: boolean,
		view: IntersectionObserverInit,
	) {
		if (typeof IntersectionObserver === 'function')
			this.#observer = new IntersectionObserver((entries) => {
				for (const e of entries) {
					if (!e.isIntersecting) continue;
					this.#observer?.unobserve(e.target);
					this.#pending.get(e.target)?.();
					this.#pending.delete(e.target);
				}
			}, view);
	}

	/** Items for `results`, in order; a result the pages file lacks waits for its text. */
	async items(results: readonly PagefindResult[], pages: PageSummaries, idPrefix?: string) {
		return Promise.all(
			results.map(async (r, i) => {
				const summary = pages[r.id];
				const id = idPrefix && `${idPrefix}${i}`;
				if (!summary) {
					const data = await r.data();
					const li = resultItem(listedFromData(data), this.query, id);
					fillResult(li, data, this.query, this.withSubs);
					return li;
				}
				const listed = { ...summary, href: pageHref(this.base, summary.url) };
				const li = resultItem(listed, this.query, id);
				this.#whenShown(li, () =>
					r.data().then(
						(data) => fillResult(li, data, this.query, this.withSubs),
						() => li.removeAttribute('data-loading'),
					),
				);
				return li;
			}),
		);
	}

	#whenShown(li: HTMLLIElement, load: () => void) {
		if (!this.#observer) return load();
		this.#pending.set(li, load);
		this.#observer.observe(li);
	}

	/** Stops loading text for items no longer shown. */
	close() {
		this.#observer?.disconnect();
		this.#pending.clear();
	}
}

/** Results the header dropdown lists. */
const DROPDOWN_SIZE = 5;

/** Wires the header dropdown to the <zz-search> element. */
export function attachDropdown(host: HTMLElement): void {
	const input = host.querySelector('input')!;
	const popup = host.querySelector<HTMLElement>('.search-popup')!;
	const base = host.dataset['base'] ?? '/';
	const strings = JSON.parse(host.dataset['strings'] ?? '{}') as Strings;
	let active = -1;
	let list: ResultList | undefined;
	/** The latest search typed; a search that finishes after a newer one, or after the popup was closed, shows nothing. */
	let ticket = 0;
	// Start loading the index as soon as the box has focus, before the first keystroke.
	if (!host.hasAttribute('data-dev')) loadPagefind(base).catch(() => undefined);

	const hide = () => {
		ticket++;
		list?.close();
		popup.hidden = true;
		input.setAttribute('aria-expanded', 'false');
		input.removeAttribute('aria-activedescendant');
		active = -1;
	};
	const status = (text: string) => {
		popup.replaceChildren();
		const p = document.createElement('p');
		p.className = 'search-status';
		p.setAttribute('role', 'status');
		p.textContent = text;
		popup.append(p);
		popup.hidden = false;
	};
	const links = () =>
		Array.from(popup.querySelectorAll<HTMLAnchorElement>('a.search-result-title, a.search-all'));

	const update = async () => {
		const q = input.value.trim();
		list?.close();
		if (!q) return hide();
		const mine = ++ticket;
		if (host.hasAttribute('data-dev')) return status(strings['search.devNotice']);
		status(strings['search.loading']);
		try {
			const found = await findPages(base, q);
			if (mine !== ticket) return;
			if (found.results.length === 0) return status(fill(strings['search.none'], { q }));
			list?.close();
			// A result's text loads once half of it shows in the popup (see ResultList).
			const shown = new ResultList(base, q, false, { root: popup, threshold: 0.5 });
			list = shown;
			const items = await shown.items(
				found.results.slice(0, DROPDOWN_SIZE),
				found.pages,
				'search-opt-',
			);
			if (mine !== ticket || list !== shown) return;
			popup.replaceChildren();
			const count = document.createElement('p');
			count.className = 'search-status';
			count.setAttribute('role', 'status');
			count.textContent = fill(strings['search.count'], { n: found.results.length });
			const ul = document.createElement('ul');
			ul.className = 'search-results';
			ul.setAttribute('role', 'list');
			ul.append(...items);
			const all = document.createElement('a');
			all.className = 'search-all';
			all.href = `${base}search/?q=${encodeURIComponent(q)}`;
			all.textContent = strings['search.all'];
			popup.append(count, ul, all);
			popup.hidden = false;
			input.setAttribute('aria-expanded', 'true');
		} catch {
			if (mine === ticket) status(strings['search.error']);
		}
	};

	input.addEventListener('input', () => void update());
	input.addEventListener('keydown', (e) => {
		const items = links();
		if (e.key === 'Escape') {
			if (!popup.hidden) {
				e.preventDefault();
				hide();
			} else input.blur();
		} else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && items.length) {
			e.preventDefault();
			active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
			items.forEach((a, i) => a.toggleAttribute('data-active', i === active));
			const current = items[active]!;
			if (!current.id) current.id = 'search-opt-all';
			input.setAttribute('aria-activedescendant', current.id);
			current.scrollIntoView({ block: 'nearest' });
		} else if (e.key === 'Enter') {
			const target = items[active];
			if (!target) return;
			e.preventDefault();
			window.location.href = target.href;
		}
	});
	document.addEventListener('click', (e) => {
		if (!host.contains(e.target as Node)) hide();
	});
	if (input.value.trim()) void update();
}

let pageTicket = 0;
/** The search page's current list, closed when another query or tab replaces it. */
let pageList: ResultList | undefined;

/** Results shown on the search page at first and per 显示更多结果. */
const PAGE_SIZE = 10;

/**
 * Renders full results (with sub-results per heading) on the search page, with one tab
 * per kind of page (指南, 评分细则 …) and more results on demand. `onType` hears the
 * chosen tab, so the page can keep it in the URL.
 */
export async function renderResultsPage(
	container: HTMLElement,
	statusEl: HTMLElement,
	base: string,
	query: string,
	strings: Strings,
	type = '',
	onType: (type: string) => void = () => undefined,
): Promise<void> {
	const ticket = ++pageTicket;
	if (!query) {
		pageList?.close();
		container.replaceChildren();
		statusEl.textContent = '';
		return;
	}
	statusEl.textContent = strings['search.loading'];
	try {
		// The unfiltered query gives the tabs their counts; a chosen tab narrows the results.
		const all = await findPages(base, query);
		const found = type ? await findPages(base, query, type) : all;
		if (ticket !== pageTicket) return; // a newer query is on its way
		// Text loads a little before a result scrolls into view (see ResultList).
		const list = new ResultList(base, query, true, { rootMargin: '0px 0px 50% 0px' });
		const items = await list.items(found.results.slice(0, PAGE_SIZE), found.pages);
		if (ticket !== pageTicket) return list.close();
		pageList?.close();
		pageList = list;
		container.replaceChildren();
		if (all.results.length === 0) {
			statusEl.textContent = fill(strings['search.none'], { q: query });
			return;
		}
		statusEl.textContent = fill(strings['search.count'], { n: found.results.length });
		container.append(
			typeTabBar(all.results.length, all.counts, type, strings, (next) => {
				onType(next);
				void renderResultsPage(container, statusEl, base, query, strings, next, onType);
			}),
		);
		const ul = document.createElement('ul');
		ul.className = 'search-results search-results-page';
		ul.setAttribute('role', 'list');
		ul.append(...items);
		container.append(ul);
		if (found.results.length > PAGE_SIZE)
			container.append(moreButton(ul, list, found.results, found.pages, strings));
	} catch {
		if (ticket === pageTicket) statusEl.textContent = strings['search.error'];
	}
}

/** Toggle buttons, one per kind of page with results, and 全部. */
function typeTabBar(
	total: number,
	counts: Record<string, number>,
	current: string,
	strings: Strings,
	choose: (type: string) => void,
): HTMLElement {
	const bar = document.createElement('div');
	bar.className = 'search-tabs';
	bar.setAttribute('role', 'group');
	bar.setAttribute('aria-label', strings['search.tabsLabel']);
	const known = [strings['search.type.guide'], strings['search.type.method']];
	const tabs = [
		{ type: '', count: total },
		...typeTabs(counts, known, strings['search.type.other']),
	];
	for (const tab of tabs) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'search-tab';
		button.setAttribute('aria-pressed', String(tab.type === current));
		const label = document.createElement('span');
		label.textContent = tab.type || strings['search.tabAll'];
		const count = document.createElement('span');
		count.className = 'search-tab-count';
		count.textContent = String(tab.count);
		button.append(label, ' ', count);
		button.addEventListener('click', () => {
			if (tab.type !== current) choose(tab.type);
		});
		bar.append(button);
	}
	return bar;
}

/** 显示更多结果: lists the next results (their text loads as they come into view). */
function moreButton(
	ul: HTMLUListElement,
	list: ResultList,
	results: readonly PagefindResult[],
	pages: PageSummaries,
	strings: Strings,
): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'button search-more';
	button.textContent = strings['search.more'];
	let shown = ul.children.length;
	button.addEventListener('click', async () => {
		button.disabled = true;
		const next = await list.items(results.slice(shown, shown + PAGE_SIZE), pages);
		ul.append(...next);
		shown += next.length;
		button.disabled = false;
		if (shown >= results.length) button.remove();
		// Keyboard users continue at the first new result.
		next[0]?.querySelector('a')?.focus();
	});
	return button;
}
