/**
 * Saved assessments in the browser, behind a Storage-like interface so it runs in tests.
 *
 * Keys (all under the `zzzj.` prefix):
 *   zzzj.v2.index          → { ids: string[], currentId: string | null }
 *   zzzj.v2.a.<id>         → one Assessment as JSON
 *   zzzj.quarantine.<time> → a value that failed to parse, set aside untouched
 *
 * Lifecycle: `load()` reads the index and every assessment; anything that does not parse
 * or match the schema is moved to a quarantine key and reported, never thrown. A write
 * that fails (QuotaExceededError, storage disabled) leaves the previous copy in place and
 * is reported, so the last good copy survives. When criteria are added to the catalogue
 * old assessments simply lack their answers; answers to removed criteria are kept in
 * storage but ignored by scoring (the checklist import refuses unknown ids instead).
 *
 * Saved data carries no version number: an assessment saved by schema version 2 (before
 * `survey.held`) is recognised by its shape, migrated (migrate.ts) and written back; one
 * saved by version 3 (before the 整改计划 and 台账) gets an empty plan and ledger
 * (`upgradeToV4`) and is written back likewise.
 */
import {
	AssessmentSchema,
	AssessmentV2Schema,
	AssessmentV3Schema,
	upgradeToV4,
	type Assessment,
} from './assessment';
import type { Catalogue } from './catalogue-schema';
import { migrateV2Assessment, type MigrationNote } from './migrate';
import { safeJsonParse } from './result-file';

export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length: number;
	key(index: number): string | null;
}

export const PREFIX = 'zzzj.';
export const INDEX_KEY = 'zzzj.v2.index';
export const assessmentKey = (id: string) => `zzzj.v2.a.${id}`;

export type WriteResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' };

export interface LoadResult {
	assessments: Assessment[];
	currentId: string | null;
	/** Keys whose contents were set aside because they were unreadable. */
	quarantined: string[];
	/** Assessments saved by an earlier version and migrated, with what to tell the user. */
	migrated: { id: string; notes: MigrationNote[] }[];
}

function isQuota(e: unknown): boolean {
	return (
		e instanceof Error &&
		(e.name === 'QuotaExceededError' ||
			e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
			/quota/i.test(e.message))
	);
}

export class AssessmentStore {
	constructor(
		private readonly storage: StorageLike | null,
		private readonly now: () => Date = () => new Date(),
		/** The catalogue, for migrating assessments saved by an earlier version. */
		private readonly catalogue: Catalogue | null = null,
	) {}

	/** Whether the browser lets the site store anything at all. */
	get available(): boolean {
		return this.storage !== null;
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

	private read(key: string): string | null {
		try {
			return this.storage?.getItem(key) ?? null;
		} catch {
			return null;
		}
	}

	private quarantine(key: string, raw: string): string {
		const qKey = `${PREFIX}quarantine.${this.now().toISOString()}.${key.slice(PREFIX.length)}`;
		const moved = this.write(qKey, raw);
		if (moved.ok) {
			try {
				this.storage?.removeItem(key);
			} catch {
				/* leave it; it is skipped on every load */
			}
		}
		return key;
	}

	/** Reads everything, setting aside what is unreadable. */
	load(): LoadResult {
		const quarantined: string[] = [];
		let ids: string[] = [];
		let currentId: string | null = null;
		const rawIndex = this.read(INDEX_KEY);
		if (rawIndex !== null) {
			try {
				const parsed = safeJsonParse(rawIndex) as { ids?: unknown; currentId?: unknown };
				if (!Array.isArray(parsed.ids) || !parsed.ids.every((x) => typeof x === 'string'))
					throw new Error('index');
				ids = [...new Set(parsed.ids as string[])];
				currentId = typeof parsed.currentId === 'string' ? parsed.currentId : null;
			} catch {
				quarantined.push(this.quarantine(INDEX_KEY, rawIndex));
			}
		}
		// Also pick up assessments the index lost (for example after a corrupted index).
		const listed = ids.length;
		for (const key of this.keys()) {
			const m = /^zzzj\.v2\.a\.(.+)$/.exec(key);
			if (m && !ids.includes(m[1]!)) ids.push(m[1]!);
		}
		const assessments: Assessment[] = [];
		const migrated: LoadResult['migrated'] = [];
		for (const id of ids) {
			const key = assessmentKey(id);
			const raw = this.read(key);
			if (raw === null) continue;
			try {
				const data = safeJsonParse(raw);
				const result = AssessmentSchema.safeParse(data);
				if (result.success && result.data.id === id) {
					assessments.push(result.data);
					continue;
				}
				// Version 3: no plan, no ledger yet (nothing to tell the user).
				const v3 = AssessmentV3Schema.safeParse(data);
				if (v3.success && v3.data.id === id) {
					const assessment = upgradeToV4(v3.data);
					this.save(assessment, false);
					assessments.push(assessment);
					continue;
				}
				const older = this.catalogue ? AssessmentV2Schema.safeParse(data) : null;
				if (!older?.success || older.data.id !== id || !this.catalogue) throw new Error('shape');
				const { assessment: v3From2, notes } = migrateV2Assessment(older.data, this.catalogue);
				const assessment = upgradeToV4(v3From2);
				// Written back in the current shape; if that fails the old copy stays and migrates again.
				this.save(assessment, false);
				assessments.push(assessment);
				migrated.push({ id, notes });
			} catch {
				quarantined.push(this.quarantine(key, raw));
			}
		}
		if (currentId && !assessments.some((a) => a.id === currentId)) currentId = null;
		if (
			quarantined.length ||
			rawIndex === null ||
			ids.length !== listed ||
			ids.length !== assessments.length
		) {
			this.writeIndex(
				assessments.map((a) => a.id),
				currentId ?? assessments[0]?.id ?? null,
			);
		}
		return {
			assessments,
			currentId: currentId ?? assessments[0]?.id ?? null,
			quarantined,
			migrated,
		};
	}

	private keys(): string[] {
		const out: string[] = [];
		try {
			if (!this.storage) return out;
			for (let i = 0; i < this.storage.length; i++) {
				const k = this.storage.key(i);
				if (k?.startsWith(PREFIX)) out.push(k);
			}
		} catch {
			/* storage unavailable */
		}
		return out;
	}

	writeIndex(ids: string[], currentId: string | null): WriteResult {
		return this.write(INDEX_KEY, JSON.stringify({ ids, currentId }));
	}

	/** Saves one assessment (stamping updatedAt) and returns whether it was written. */
	save(assessment: Assessment, touch = true): WriteResult {
		if (touch) assessment.updatedAt = this.now().toISOString();
		return this.write(assessmentKey(assessment.id), JSON.stringify(assessment));
	}

	/** Whether an assessment with this id is in storage. */
	has(id: string): boolean {
		return this.read(assessmentKey(id)) !== null;
	}

	remove(id: string): void {
		try {
			this.storage?.removeItem(assessmentKey(id));
		} catch {
			/* nothing to do */
		}
	}

	/** Every key this site owns with its raw value, for byte-identical comparisons in tests. */
	snapshot(): Record<string, string | null> {
		return Object.fromEntries(
			this.keys()
				.sort()
				.map((k) => [k, this.read(k)]),
		);
	}
}
