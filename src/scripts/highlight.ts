/**
 * Marks the search term on the page a search result opened (`?hl=term`).
 * Only text nodes are split and wrapped in <mark>; no markup is ever parsed.
 */

/** Splits a query into the terms to mark: whitespace-separated, longest first. */
export function highlightTerms(query: string): string[] {
	return [
		...new Set(
			query
				.split(/\s+/)
				.map((s) => s.trim())
				.filter((s) => s.length > 0),
		),
	].sort((a, b) => b.length - a.length);
}

/** Wraps each occurrence of the terms inside `root` in <mark>; returns the first mark. */
export function markTerms(root: HTMLElement, terms: string[]): HTMLElement | null {
	if (!terms.length) return null;
	const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const pattern = new RegExp(escaped.join('|'), 'gi');
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
		acceptNode: (n) =>
			n.parentElement?.closest('script, style, mark, [data-pagefind-ignore], nav')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT,
	});
	const nodes: Text[] = [];
	while (walker.nextNode()) nodes.push(walker.currentNode as Text);
	let first: HTMLElement | null = null;
	for (const node of nodes) {
		const text = node.data;
		pattern.lastIndex = 0;
		if (!pattern.test(text)) continue;
		pattern.lastIndex = 0;
		const frag = document.createDocumentFragment();
		let last = 0;
		for (const m of text.matchAll(pattern)) {
			const at = m.index ?? 0;
			if (at > last) frag.append(text.slice(last, at));
			const mark = document.createElement('mark');
			mark.className = 'search-hit';
			mark.textContent = m[0];
			first ??= mark;
			frag.append(mark);
			last = at + m[0].length;
		}
		if (last < text.length) frag.append(text.slice(last));
		node.replaceWith(frag);
	}
	return first;
}
