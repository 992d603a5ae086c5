/**
 * Search results from pagefind: the header dropdown and the full search page.
 * Excerpts come from pagefind as HTML with <mark>; only text and <mark> are kept,
 * so nothing from an index can inject markup.
 */
import { loadPagefind, type PagefindResultData } from './pagefind-client';

type Strings = Record<
	| 'search.loading'
	| 'search.none'
	| 'search.count'
	| 'search.all'
	| 'search.error'
	| 'search.devNotice',
	string
>;

function fill(text: string, params: Record<string, string | number>): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Turns a pagefind excerpt into DOM nodes: text plus <mark>, nothing else. */
export function excerptNodes(html: string): Node[] {
	const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
	const out: Node[] = [];
	for (const node of Array.from(doc.body.firstChild?.childNodes ?? [])) {
		if (node.nodeName === 'MARK') {
			const mark = document.createElement('mark');
			mark.textContent = node.textContent;
			out.push(mark);
		} else {
			out.push(document.createTextNode(node.textContent ?? ''));
		}
	}
	return out;
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
	li.append(a);
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	p.append(...excerptNodes(r.excerpt));
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
			sp.append(...excerptNodes(s.excerpt));
			sli.append(sa, sp);
			ul.append(sli);
		}
		li.append(ul);
	}
	return li;
}

/** Runs a query and returns the top results' data. */
export async function runSearch(base: string, query: string, limit: number) {
	const pagefind = await loadPagefind(base);
	// No debounce: pagefind answers a warm query in tens of milliseconds, and callers
	// drop results for a query that is no longer in the box.
	const search = await pagefind.search(query);
	const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
	return { total: search.results.length, data };
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

/** Renders full results (with sub-results per heading) on the search page. */
export async function renderResultsPage(
	container: HTMLElement,
	statusEl: HTMLElement,
	base: string,
	query: string,
	strings: Strings,
): Promise<void> {
	const ticket = ++pageTicket;
	container.replaceChildren();
	if (!query) {
		statusEl.textContent = '';
		return;
	}
	statusEl.textContent = strings['search.loading'];
	try {
		const found = await runSearch(base, query, 30);
		if (ticket !== pageTicket) return; // a newer query is on its way
		if (found.total === 0) {
			statusEl.textContent = fill(strings['search.none'], { q: query });
			return;
		}
		statusEl.textContent = fill(strings['search.count'], { n: found.total });
		const ul = document.createElement('ul');
		ul.className = 'search-results search-results-page';
		ul.setAttribute('role', 'list');
		for (const r of found.data) ul.append(resultItem(r, query, true));
		container.append(ul);
	} catch {
		statusEl.textContent = strings['search.error'];
	}
}
