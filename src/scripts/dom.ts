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

/**
 * Sets an element's text only when it changes: rewriting the same text still replaces the
 * text node, and the browser lays that part of the page out again.
 */
export function setText(node: HTMLElement, text: string): void {
	if (node.textContent !== text) node.textContent = text;
}

/** Sets (or, with null, removes) a data attribute only when it changes, as setText. */
export function setData(node: HTMLElement, key: string, value: string | null): void {
	if (value === null) {
		if (key in node.dataset) delete node.dataset[key];
	} else if (node.dataset[key] !== value) node.dataset[key] = value;
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

/**
 * Makes `i` a date field that becomes the browser's date input when first focused. The first
 * date input a page builds costs it 30–60 ms on this project's test machine (the browser
 * sets up its date formats), and a page with many (the 台账 has one per evidence item, the
 * plan one per task) would spend much of its first load building date pickers. Until then
 * it is a text field showing the date as the date input would hold it (YYYY-MM-DD), or
 * `placeholder` when empty.
 */
export function dateOnFocus(i: HTMLInputElement, placeholder: string): void {
	i.type = 'text';
	i.placeholder = placeholder;
	i.inputMode = 'numeric';
	i.addEventListener('focus', () => (i.type = 'date'), { once: true });
}

/** A new date field (see dateOnFocus) holding `value`. */
export function dateField(value: string, placeholder: string): HTMLInputElement {
	const i = el('input');
	dateOnFocus(i, placeholder);
	i.value = value;
	return i;
}

/**
 * Resolves in a task of its own, after the browser has had the chance to handle input and
 * draw: with `scheduler.yield()` where the browser has it, otherwise after `setTimeout(0)`.
 */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `fn` when the browser is next idle (after it has drawn what changed), or within
 * `timeout` ms at the latest; where there is no requestIdleCallback, after a short delay.
 */
export function whenIdle(fn: () => void, timeout = 1000): void {
	if ('requestIdleCallback' in window) window.requestIdleCallback(() => fn(), { timeout });
	else setTimeout(fn, 50);
}
