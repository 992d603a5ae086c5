/** Small DOM helpers shared by the page scripts (text only: nothing here parses HTML). */

/** A new element with optional text (as textContent) and class. */
export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	text?: string | null,
	className?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (text !== undefined && text !== null) node.textContent = text;
	if (className) node.className = className;
	return node;
}

/** Parses the JSON in a data block (`<script type="application/json" id=…>`); `fallback` when absent. */
export function readJson<T>(id: string, fallback: T): T {
	const text = document.getElementById(id)?.textContent;
	return text ? (JSON.parse(text) as T) : fallback;
}

/** Shows one message in a page's message region (text only). */
export function showMessage(
	box: HTMLElement,
	text: string,
	kind: 'ok' | 'warn' | 'bad' = 'ok',
): void {
	box.replaceChildren(el('p', text, `notice ${kind}`));
}

/** Guidance titles embedded by GuideTitles.astro (page id → title). */
export function readGuideTitles(): Record<string, string> {
	return readJson<Record<string, string>>('zz-guides', {});
}
