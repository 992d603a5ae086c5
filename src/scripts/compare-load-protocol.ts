/**
 * Messages between the compare page and its loading worker (compare-worker.ts).
 * Types only: both sides import them, neither imports the other.
 */
import type { Catalogue } from '../lib/catalogue-schema';
import type { OverviewEntry, Rejected } from '../lib/overview-load';
import type { ZipRefusal } from '../lib/zip-read';

/** Something to load: a picked or dropped file (a result file or a .zip), or text made here. */
export type LoadItem = { file: File; name: string } | { name: string; text: string };

/** Page → worker: load these items (one load per worker; cancelling ends the worker). */
export interface LoadRequest {
	catalogue: Catalogue;
	items: LoadItem[];
	untitled: string;
	/** ISO time, the clock for migrations. */
	now: string;
	marks: { passMark: number; modelMark: number };
}

/** Worker → page. Entries come in batches; nothing counts as loaded before `done`. */
export type LoadMessage =
	| {
			type: 'progress';
			read: number;
			valid: number;
			problems: number;
			bytes: number;
			totalBytes: number;
	  }
	| { type: 'entries'; entries: OverviewEntry[] }
	| { type: 'rejected'; rejected: Rejected[] }
	| { type: 'archive-refused'; name: string; refusal: ZipRefusal }
	| { type: 'done'; read: number; valid: number; problems: number; skipped: number; ms: number }
	| { type: 'failed'; message: string };
