/**
 * Saved 验收 work in the browser, beside the assessments (storage.ts) and with the same
 * care: every record is checked with its schema on load, anything unreadable is set aside
 * in quarantine (never thrown away, never thrown), and a write that fails (quota, storage
 * disabled) leaves the last good copy in place and is reported.
 *
 * Two kinds of record, each under its own key prefix, one key per record:
 *   zzzj.review.v5.<id>     → ReviewDraft: a reviewer's review of one branch file
 *   zzzj.received.v5.<id>   → ReceivedReview: a reviewed file a branch imported, keyed by
 *                             the id of the assessment it reviews
 * Neither prefix matches the assessments' `zzzj.v2.a.` keys, so each store reads only its own.
 */
import * as z from 'zod/mini';
import { AssessmentSchema } from './assessment';
import { ReviewSchema } from './review';
import { safeJsonParse } from './result-file';
import { isQuota, PREFIX, type StorageLike, type WriteResult } from './storage';
import { RECEIVED_PREFIX, REVIEW_PREFIX } from './review-keys';

const recordId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/));
const isoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/));

/** A reviewer's work on one branch's result file. */
export const ReviewDraftSchema = z.strictObject({
	/** Id of this review in this browser. */
	id: recordId,
	/** The name of the file the branch sent, shown in the list. */
	fileName: z.string().check(z.maxLength(200)),
	/** When the file was loaded and when the review last changed (ISO, UTC). */
	createdAt: isoDateTime,
	updatedAt: isoDateTime,
	/** The branch's part, exactly as read from its file: never edited here. */
	catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
	assessment: AssessmentSchema,
	/** The review as it stands. */
	review: ReviewSchema,
});
export type ReviewDraft = z.infer<typeof ReviewDraftSchema>;

/** A reviewed file a branch imported, to read its review next to its own answers. */
export const ReceivedReviewSchema = z.strictObject({
	/** The id of the branch's assessment the review is about. */
	id: recordId,
	fileName: z.string().check(z.maxLength(200)),
	importedAt: isoDateTime,
	/** The branch's part as it stood in the reviewed file. */
	catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
	assessment: AssessmentSchema,
	review: ReviewSchema,
	/** Whether that part still matched the review's hash when imported. */
	integrity: z.enum(['intact', 'altered', 'unchecked']),
});
export type ReceivedReview = z.infer<typeof ReceivedReviewSchema>;

export { RECEIVED_PREFIX, REVIEW_PREFIX };

interface Parser<T> {
	safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** One record per key under a prefix, each checked with `schema` on load. */
export class RecordStore<T extends { id: string }> {
	constructor(
		private readonly storage: StorageLike | null,
		readonly prefix: string,
		private readonly schema: Parser<T>,
		private readonly now: () => Date = () => new Date(),
	) {}

	get available(): boolean {
		return this.storage !== null;
	}

	private keys(): string[] {
		const out: string[] = [];
		try {
			if (!this.storage) return out;
			for (let i = 0; i < this.storage.length; i++) {
				const k = this.storage.key(i);
				if (k?.startsWith(this.prefix)) out.push(k);
			}
		} catch {
			/* storage unavailable */
		}
		return out.sort();
	}

	private write(key: string, value: string): WriteResult {
		if (!this.storage) return { ok: false, reason: 'unavailable' };
		try {
			this.storage.setItem(key, value);
			return { ok: true };
		} catch (e) {
			return { ok: false, reason: isQuota(e) ? 'quota' : 'unavailable' };
		}
	}

	/** Every readable record; unreadable ones are moved to quarantine and their keys returned. */
	load(): { records: T[]; quarantined: string[] } {
		const records: T[] = [];
		const quarantined: string[] = [];
		for (const key of this.keys()) {
			let raw: string | null;
			try {
				raw = this.storage?.getItem(key) ?? null;
			} catch {
				continue;
			}
			if (raw === null) continue;
			let ok = false;
			try {
				const parsed = this.schema.safeParse(safeJsonParse(raw));
				if (parsed.success && key === this.prefix + parsed.data.id) {
					records.push(parsed.data);
					ok = true;
				}
			} catch {
				/* not JSON or a forbidden key: quarantined below */
			}
			if (!ok) {
				const qKey = `${PREFIX}quarantine.${this.now().toISOString()}.${key.slice(PREFIX.length)}`;
				if (this.write(qKey, raw).ok) {
					try {
						this.storage?.removeItem(key);
					} catch {
						/* skipped on every load */
					}
				}
				quarantined.push(key);
			}
		}
		return { records, quarantined };
	}

	/**
	 * The record stored for `id`, or null when there is none or it cannot be read (`load`
	 * quarantines unreadable records; this only reads one key and changes nothing).
	 */
	find(id: string): T | null {
		let raw: string | null;
		try {
			raw = this.storage?.getItem(this.prefix + id) ?? null;
		} catch {
			return null;
		}
		if (raw === null) return null;
		try {
			const parsed = this.schema.safeParse(safeJsonParse(raw));
			return parsed.success && parsed.data.id === id ? parsed.data : null;
		} catch {
			return null;
		}
	}

	/** Saves one record; on failure the previous copy stays. */
	save(record: T): WriteResult {
		return this.write(this.prefix + record.id, JSON.stringify(record));
	}

	remove(id: string): void {
		try {
			this.storage?.removeItem(this.prefix + id);
		} catch {
			/* nothing to do */
		}
	}
}

/** The reviewer's drafts in this browser, one per branch file reviewed (验收). */
export function reviewDrafts(storage: StorageLike | null): RecordStore<ReviewDraft> {
	return new RecordStore(storage, REVIEW_PREFIX, ReviewDraftSchema);
}

/** The 验收 this branch received, one per assessment id (imported on the results page). */
export function receivedReviews(storage: StorageLike | null): RecordStore<ReceivedReview> {
	return new RecordStore(storage, RECEIVED_PREFIX, ReceivedReviewSchema);
}
