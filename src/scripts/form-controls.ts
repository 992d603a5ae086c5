/**
 * Builds the checklist's form controls that the page holds as placeholders
 * (`<zz-control data-tag="input" type="radio" name=…>`, written by FormControl.astro), and
 * their labels (`<zz-label>`, FormLabel.astro): each becomes the element its attributes
 * describe, in its place. A placeholder inside a closed `<details>` is left until that part
 * is opened; `opening` names a `<details>` about to open (a click on its summary: built
 * before it shows, so a Tab pressed at once finds the controls), and `'all'` builds every one
 * (printing). A date field is built as one that becomes the browser's date input when first
 * focused (`dateOnFocus`).
 */
import { dateOnFocus } from './dom';
import { t } from '../i18n/client';

const TAGS = new Set(['input', 'textarea', 'select']);
type Built = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function buildControls(
	root: ParentNode,
	opening: HTMLDetailsElement | 'all' | null = null,
): Built[] {
	// Every placeholder is looked at before any is replaced: looking between replacements
	// made a category take 10–48 ms to build instead of 2–4 ms (each look waited on the
	// page's changed style).
	const slots = unfolded(root, opening);
	const built: Built[] = [];
	for (const slot of slots) {
		if (slot.localName === 'zz-label') {
			// Its control's placeholder moves with it and is built in its turn below.
			replace(slot, document.createElement('label'));
			continue;
		}
		const tag = slot.dataset['tag'] ?? '';
		if (!TAGS.has(tag)) continue;
		const control = document.createElement(tag as 'input' | 'textarea' | 'select');
		// Never `type="date"` here: setting it is what costs (see dateOnFocus).
		const date = control instanceof HTMLInputElement && slot.getAttribute('type') === 'date';
		replace(slot, control, (name) => name !== 'data-tag' && !(date && name === 'type'));
		if (date) dateOnFocus(control, t('form.datePlaceholder'));
		built.push(control);
	}
	return built;
}

/** Puts `element` in `slot`'s place with the attributes `keep` accepts and its children. */
function replace(slot: Element, element: Element, keep: (name: string) => boolean = () => true) {
	for (const { name, value } of slot.attributes) if (keep(name)) element.setAttribute(name, value);
	element.append(...slot.childNodes);
	slot.replaceWith(element);
}

const SLOTS = 'zz-control, zz-label';

/**
 * The placeholders in `root` that no closed `<details>` other than `opening` holds, in page
 * order. Found per closed part (one query each) rather than by looking up from each of the
 * page's 870 placeholders.
 */
function unfolded(root: ParentNode, opening: HTMLDetailsElement | 'all' | null): HTMLElement[] {
	const slots = [...root.querySelectorAll<HTMLElement>(SLOTS)];
	if (opening === 'all') return slots;
	const shut = (d: Element) => !d.hasAttribute('open') && d !== opening;
	if (root instanceof Element)
		for (let d = root.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
			if (shut(d)) return [];
	const folded = new Set<Element>();
	for (const d of root.querySelectorAll('details'))
		if (shut(d)) for (const slot of d.querySelectorAll(SLOTS)) folded.add(slot);
	return slots.filter((slot) => !folded.has(slot));
}
