/**
 * Moving through the checklist on a phone: each category is a `<details name>` (one open
 * at a time; closed ones stay in the DOM, so find-in-page and screen readers reach them and
 * Chrome opens them on a find match). The sticky bar shows the open category with its
 * progress and 上一类 / 下一类; jump links and `#criterion-…` addresses open their category;
 * printing opens every category; the sticky bars' heights set the page's scroll padding, so
 * nothing focused or jumped to lies under a bar.
 */
import { t } from '../i18n/client';
import { setText } from './dom';

export interface CategoryProgress {
	answered: number;
	total: number;
}

export class CategoryNav {
	private readonly categories: HTMLDetailsElement[];
	private current: HTMLDetailsElement | undefined;
	private progress = new Map<string, CategoryProgress>();

	/** `beforeOpen` runs just before the bar or a jump opens a category. */
	constructor(
		private readonly root: HTMLElement,
		private readonly beforeOpen: (d: HTMLDetailsElement) => void = () => {},
	) {
		this.categories = [...root.querySelectorAll<HTMLDetailsElement>('details[data-category]')];
		this.current = this.categories.find((d) => d.open);
	}

	setup(): void {
		for (const d of this.categories)
			d.addEventListener('toggle', () => {
				if (d.open) {
					this.current = d;
					this.render();
				}
			});
		for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-category-step]'))
			button.addEventListener('click', () => this.step(Number(button.dataset['categoryStep'])));
		// A jump link opens its category before the browser scrolls to it.
		for (const link of this.root.querySelectorAll<HTMLAnchorElement>('.category-jump a'))
			link.addEventListener('click', () => this.openFor(link.hash.slice(1)));
		window.addEventListener('hashchange', () => this.reveal(location.hash.slice(1)));
		if (location.hash) this.reveal(location.hash.slice(1));
		this.setupPrint();
		this.trackBars();
		this.root.addEventListener('focusin', (e) => this.uncover(e.target));
		this.render();
	}

	/** Progress per category id, from the scoring; updates the sticky bar. */
	update(progress: Map<string, CategoryProgress>): void {
		this.progress = progress;
		this.render();
	}

	private render(): void {
		const d = this.current;
		const now = this.root.querySelector<HTMLElement>('[data-category-now]');
		if (now && !d) setText(now, t('checklist.allFolded'));
		else if (now && d) {
			const id = d.dataset['category'] ?? '';
			const p = this.progress.get(id) ?? { answered: 0, total: Number(d.dataset['total'] ?? 0) };
			setText(
				now,
				t('checklist.category', {
					id,
					title: d.dataset['title'] ?? '',
					answered: p.answered,
					total: p.total,
				}),
			);
		}
		// With none open yet, 下一类 opens the first category.
		const i = d ? this.categories.indexOf(d) : -1;
		for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-category-step]')) {
			const to = i + Number(button.dataset['categoryStep']);
			const disabled = to < 0 || to >= this.categories.length;
			if (button.disabled !== disabled) button.disabled = disabled;
		}
	}

	/** Opens the previous or next category and brings its heading into view, focused. */
	private step(by: number): void {
		const i = this.current ? this.categories.indexOf(this.current) : -1;
		const next = this.categories[i + by];
		if (!next) return;
		this.beforeOpen(next);
		next.open = true;
		const summary = next.querySelector('summary');
		summary?.scrollIntoView({ block: 'start' });
		summary?.focus({ preventScroll: true });
	}

	/** Opens the category holding the element with this id (a category or a criterion). */
	private openFor(id: string): HTMLElement | null {
		const target = id ? document.getElementById(id) : null;
		const d = target?.closest<HTMLDetailsElement>('details[data-category]');
		if (d && !d.open) {
			this.beforeOpen(d);
			d.open = true;
		}
		return target;
	}

	private reveal(id: string): void {
		this.openFor(id)?.scrollIntoView({ block: 'start' });
	}

	/** Printing shows the whole form; afterwards what was closed is closed again. */
	private setupPrint(): void {
		let closed: HTMLDetailsElement[] = [];
		window.addEventListener('beforeprint', () => {
			closed = [...this.root.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
			for (const d of this.categories) d.removeAttribute('name');
			for (const d of closed) d.open = true;
		});
		window.addEventListener('afterprint', () => {
			const current = this.current;
			for (const d of closed) d.open = false;
			for (const d of this.categories) d.setAttribute('name', 'checklist-category');
			this.current = current;
			this.render();
		});
	}

	/**
	 * Scroll padding covers jumps and most focus moves; where the browser still leaves a
	 * focused control under a sticky bar, it is scrolled out by the overlap.
	 */
	private uncover(target: EventTarget | null): void {
		if (!(target instanceof HTMLElement)) return;
		const top = this.root.querySelector<HTMLElement>('.app-status');
		const bottom = this.root.querySelector<HTMLElement>('.sticky-actions');
		if (top?.contains(target) || bottom?.contains(target)) return;
		const r = target.getBoundingClientRect();
		const topEdge = top ? top.getBoundingClientRect().bottom : 0;
		const bottomEdge = bottom ? bottom.getBoundingClientRect().top : window.innerHeight;
		if (r.bottom > bottomEdge)
			window.scrollBy({ top: r.bottom - bottomEdge + 8, behavior: 'instant' });
		else if (r.top < topEdge) window.scrollBy({ top: r.top - topEdge - 8, behavior: 'instant' });
	}

	/** Keeps the page's scroll padding the sticky bars' heights plus the usual gap (`--scroll-gap`). */
	private trackBars(): void {
		// The padding itself is set on <html>, not a custom property there: a custom property
		// inherits, so changing one on <html> restyles every element of this 2,600-element page
		// (5–30 ms each time, measured), where scroll-padding restyles <html> alone.
		const bars: [string, 'scrollPaddingTop' | 'scrollPaddingBottom'][] = [
			['.app-status', 'scrollPaddingTop'],
			['.sticky-actions', 'scrollPaddingBottom'],
		];
		const style = document.documentElement.style;
		const observer = new ResizeObserver(() => {
			for (const [selector, property] of bars) {
				const bar = this.root.querySelector<HTMLElement>(selector);
				if (!bar) continue;
				const padding = `calc(${Math.ceil(bar.getBoundingClientRect().height)}px + var(--scroll-gap))`;
				if (style[property] !== padding) style[property] = padding;
			}
		});
		for (const [selector] of bars) {
			const bar = this.root.querySelector<HTMLElement>(selector);
			if (bar) observer.observe(bar);
		}
	}
}
