/**
 * A print-only sheet (整改计划表, 台账目录) built when it is needed rather than on every
 * change: in idle time after the page changed it, and at once when printing starts (the
 * `beforeprint` event, or the print media query turning on, as in a print preview). The
 * sheet is hidden on screen, so building it earlier would only delay the page.
 */
import { whenIdle } from './dom';

export class DeferredSheet {
	private dirty = false;
	private scheduled = false;

	constructor(private readonly build: () => void) {
		window.addEventListener('beforeprint', () => this.flush());
		window
			.matchMedia('print')
			.addEventListener('change', (e) => (e.matches ? this.flush() : undefined));
	}

	/** Marks the sheet out of date; it is rebuilt when the browser is next idle. */
	invalidate(): void {
		this.dirty = true;
		if (this.scheduled) return;
		this.scheduled = true;
		whenIdle(() => {
			this.scheduled = false;
			this.flush();
		}, 2000);
	}

	/** Builds the sheet now if it is out of date. */
	flush(): void {
		if (!this.dirty) return;
		this.dirty = false;
		this.build();
	}
}
