/**
 * Search results from pagefind: the header dropdown and the full search page.
 * Excerpts come from pagefind as HTML with <mark>; only text and <mark> are kept,
 * so nothing from an index can inject markup.
 */
import { cleanExcerpt } from '../lib/search-excerpt';
import { typeTabs } from '../lib/search-order';
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

function resultItem(
	r: PagefindResultData,
	query: string,
	withSubs: boolean,
	idPrefix?: string,
): HTMLLIElement {
	const li = document.createElement('li');
	li.className = 'search-result';
	const a = document.createElement('a');
	a.href = withHighlight(r.url, query);
	a.className = 'search-result-title';
	a.textContent = r.meta.title ?? r.url;
	if (idPrefix) a.id = idPrefix;
	const type = r.filters[TYPE_FILTER]?.[0];
	if (type) {
		const badge = document.createElement('span');
		badge.className = 'search-type';
		badge.textContent = type;
		li.append(badge, ' ');
	}
	li.append(a);
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	p.append(...excerptNodes(r.excerpt, query));
	li.append(p);
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
	return li;
}

/**
 * Runs a query and returns the top results' data. No debounce: pagefind answers a warm
 * query in tens of milliseconds, and callers drop results for a query no longer in the box.
 * Only the first `limit` results load their text (one small file each).
 */
export async function runSearch(base: string, query: string, limit: number, type?: string) {
	const found = await findPages(base, query, type);
	const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
	return { total: found.results.length, results: found.results, counts: found.counts, data };
}

/** Wires the header dropdown to the <zz-search> element. */
export function attachDropdown(host: HTMLElement): void {
	const input = host.querySelector('input')!;
	const popup = host.querySelector<HTMLElement>('.search-popup')!;
	const base = host.dataset['base'] ?? '/';
	const strings = JSON.parse(host.dataset['strings'] ?? '{}') as Strings;
	let active = -1;
	// Start loading the index as soon as the box has focus, before the first keystroke.
	if (!host.hasAttribute('data-dev')) loadPagefind(base).catch(() => undefined);

	const hide = () => {
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
		if (!q) return hide();
		if (host.hasAttribute('data-dev')) return status(strings['search.devNotice']);
		status(strings['search.loading']);
		try {
			const found = await runSearch(base, q, 5);
			if (input.value.trim() !== q) return;
			popup.replaceChildren();
			if (found.total === 0) return status(fill(strings['search.none'], { q }));
			const count = document.createElement('p');
			count.className = 'search-status';
			count.setAttribute('role', 'status');
			count.textContent = fill(strings['search.count'], { n: found.total });
			const ul = document.createElement('ul');
			ul.className = 'search-results';
			ul.setAttribute('role', 'list');
			found.data.forEach((r, i) => ul.append(resultItem(r, q, false, `search-opt-${i}`)));
			const all = document.createElement('a');
			all.className = 'search-all';
			all.href = `${base}search/?q=${encodeURIComponent(q)}`;
			all.textContent = strings['search.all'];
			popup.append(count, ul, all);
			popup.hidden = false;
			input.setAttribute('aria-expanded', 'true');
		} catch {
			status(strings['search.error']);
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
		container.replaceChildren();
		statusEl.textContent = '';
		return;
	}
	statusEl.textContent = strings['search.loading'];
	try {
		// The unfiltered query gives the tabs their counts; a chosen tab narrows the results.
		const all = await runSearch(base, query, type ? 0 : PAGE_SIZE);
		const found = type ? await runSearch(base, query, PAGE_SIZE, type) : all;
		if (ticket !== pageTicket) return; // a newer query is on its way
		container.replaceChildren();
		if (all.total === 0) {
			statusEl.textContent = fill(strings['search.none'], { q: query });
			return;
		}
		statusEl.textContent = fill(strings['search.count'], { n: found.total });
		container.append(
			typeTabBar(all.total, all.counts, type, strings, (next) => {
				onType(next);
				void renderResultsPage(container, statusEl, base, query, strings, next, onType);
			}),
		);
		const ul = document.createElement('ul');
		ul.className = 'search-results search-results-page';
		ul.setAttribute('role', 'list');
		for (const r of found.data) ul.append(resultItem(r, query, true));
		container.append(ul);
		if (found.total > found.data.length)
			container.append(moreButton(ul, found.results, query, strings));
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

/** 显示更多结果: loads the next results' text only when asked. */
function moreButton(
	ul: HTMLUListElement,
	results: PagefindResult[],
	query: string,
	strings: Strings,
): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'button search-more';
	button.textContent = strings['search.more'];
	let shown = ul.children.length;
	button.addEventListener('click', async () => {
		button.disabled = true;
		const next = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
		const first = next.length ? resultItem(next[0]!, query, true) : undefined;
		for (const [i, r] of next.entries()) ul.append(i === 0 ? first! : resultItem(r, query, true));
		shown += next.length;
		button.disabled = false;
		if (shown >= results.length) button.remove();
		// Keyboard users continue at the first new result.
		first?.querySelector('a')?.focus();
	});
	return button;
}
