/**
 * Builds the checklist's form controls that the page holds as placeholders
 * (`<zz-control data-tag="input" type="radio" name=…>`, written by FormControl.astro): each
 * becomes the control its attributes describe, in its place. A placeholder inside a closed
 * `<details>` is left until that part is opened; `opening` names a `<details>` about to open
 * (a click on its summary: built before it shows, so a Tab pressed at once finds the
 * controls), and `'all'` builds every one (printing).
 */

const TAGS = new Set(['input', 'textarea']);

export function buildControls(
	root: ParentNode,
	opening: HTMLDetailsElement | 'all' | null = null,
): (HTMLInputElement | HTMLTextAreaElement)[] {
	// Every placeholder is looked at before any is replaced: looking between replacements
	// made a category take 10–48 ms to build instead of 2–4 ms (each look waited on the
	// page's changed style).
	const slots = [...root.querySelectorAll<HTMLElement>('zz-control')].filter(
		(slot) => opening === 'all' || !folded(slot, opening),
	);
	const built: (HTMLInputElement | HTMLTextAreaElement)[] = [];
	for (const slot of slots) {
		const tag = slot.dataset['tag'] ?? '';
		if (!TAGS.has(tag)) continue;
		const control = document.createElement(tag as 'input' | 'textarea');
		for (const { name, value } of slot.attributes)
			if (name !== 'data-tag') control.setAttribute(name, value);
		slot.replaceWith(control);
		built.push(control);
	}
	return built;
}

/** Whether a closed `<details>` other than `opening` holds `node`. */
function folded(node: Element, opening: HTMLDetailsElement | null): boolean {
	for (let d = node.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
		if (!d.hasAttribute('open') && d !== opening) return true;
	return false;
}
