/**
 * Saved assessments in the browser, behind a Storage-like interface so it runs in tests.
 *
 * Keys (all under the `zzzj.` prefix):
 *   zzzj.v2.index          → { ids: string[], currentId: string | null }
 *   zzzj.v2.a.<id>         → one Assessment as JSON
 *   zzzj.quarantine.<time> → a value that failed to parse, set aside untouched
 *   zzzj.repaired.<time>.<id> → the original of an assessment that was repaired on load
 *
 * Lifecycle: `load()` reads the index and every assessment. An assessment that fails the
 * schema is repaired field by field (`repairAssessment`): every valid answer is kept, only
 * what is invalid is reset, the repaired copy is saved, the original is kept under
 * `zzzj.repaired.<time>.<id>` and the reset fields are reported. Only what cannot be read
 * at all (not JSON, not an object, no id matching its key) is moved to a quarantine key
 * and reported, never thrown. A write
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
	AnswerSchema,
	ApplicationSchema,
	ApplicationSectionSchema,
	AssessmentFieldsSchema,
	AssessmentSchema,
	AssessmentV2Schema,
	AssessmentV3Schema,
	CriterionKeySchema,
	FlagKeySchema,
	FlagSchema,
	LIMITS,
	ProfileSchema,
	SettingsSchema,
	SurveySchema,
	emptyAnswer,
	newAssessment,
	upgradeToV4,
	upgradeToV5,
	type Assessment,
	type Settings,
} from './assessment';
import type { Catalogue } from './catalogue-schema';
import { migrateV2Assessment, type MigrationNote } from './migrate';
import { defaultMarks } from './scoring';
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
	/** Assessments loaded with some fields reset, and which (paths such as `profile.memberCount`, `answers.A1.rate`). */
	repaired: Repaired[];
}

export interface Repaired {
	id: string;
	name: string;
	fields: string[];
}

/** What a repaired assessment falls back to where its own value is unusable. */
export interface RepairDefaults extends Settings {
	catalogueVersion: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A key from the data, shortened for a report. */
const shortKey = (k: string) => Array.from(k).slice(0, 40).join('');

/**
 * Keeps every valid part of stored data that fails the schema, resetting only what is
 * invalid: each profile, survey and settings field on its own, each answer's fields on
 * their own, each veto and condition on its own. Returns null when the data cannot be
 * read as an assessment at all (not an object, or no id matching `id`).
 */
export function repairAssessment(
	data: unknown,
	id: string,
	defaults: RepairDefaults,
	now: Date,
): { assessment: Assessment; reset: string[] } | null {
	if (!isObject(data) || data['id'] !== id) return null;
	const reset: string[] = [];
	const base = newAssessment({ id, name: '', now, ...defaults });
	const fields = AssessmentFieldsSchema.shape;
	const pick = <T>(
		path: string,
		schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
		value: unknown,
		fallback: T,
	): T => {
		const r = schema.safeParse(value);
		if (r.success) return r.data as T;
		reset.push(path);
		return fallback;
	};
	const a: Assessment = {
		...base,
		id,
		name: pick('name', fields.name, data['name'], base.name),
		createdAt: pick('createdAt', fields.createdAt, data['createdAt'], base.createdAt),
		updatedAt: pick('updatedAt', fields.updatedAt, data['updatedAt'], base.updatedAt),
		catalogueVersion: pick(
			'catalogueVersion',
			fields.catalogueVersion,
			data['catalogueVersion'],
			base.catalogueVersion,
		),
		// The plan and ledger (version 4) are kept whole when valid; data saved before them has none.
		plan: Object.hasOwn(data, 'plan')
			? pick('plan', fields.plan, data['plan'], base.plan)
			: base.plan,
		ledger: Object.hasOwn(data, 'ledger')
			? pick('ledger', fields.ledger, data['ledger'], base.ledger)
			: base.ledger,
	};
	for (const key of Object.keys(data)) if (!Object.hasOwn(fields, key)) reset.push(shortKey(key));

	// A group of fields (profile, survey, settings): each field on its own.
	const group = <T extends Obj>(
		name: string,
		shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>,
		value: unknown,
		fallback: T,
		/** Fields an earlier schema version did not have: absent means their default, not a reset. */
		newer: string[] = [],
	): T => {
		if (!isObject(value)) {
			reset.push(name);
			return fallback;
		}
		const out: Obj = { ...fallback };
		for (const key of Object.keys(shape))
			if (!(newer.includes(key) && !Object.hasOwn(value, key)))
				out[key] = pick(`${name}.${key}`, shape[key]!, value[key], fallback[key]);
		for (const key of Object.keys(value))
			if (!Object.hasOwn(shape, key)) reset.push(`${name}.${shortKey(key)}`);
		return out as T;
	};
	a.profile = group('profile', ProfileSchema.shape, data['profile'], base.profile);
	a.survey = group('survey', SurveySchema.shape, data['survey'], base.survey, ['held']);
	a.settings = group('settings', SettingsSchema.shape, data['settings'], base.settings);
	if (!(a.settings.passMark < a.settings.modelMark)) {
		reset.push('settings.passMark', 'settings.modelMark');
		a.settings = base.settings;
	}

	// 建家工作总结 (version 5): absent in older data means empty; otherwise the overall
	// paragraph and each section's fields on their own.
	if (Object.hasOwn(data, 'application')) {
		const app = data['application'];
		if (!isObject(app)) reset.push('application');
		else {
			a.application = { overall: '', sections: {} };
			a.application.overall = pick(
				'application.overall',
				ApplicationSchema.shape.overall,
				app['overall'],
				'',
			);
			const sections = app['sections'];
			if (isObject(sections)) {
				for (const [key, value] of Object.entries(sections)) {
					if (!/^[A-Z]$/.test(key)) reset.push(`application.sections.${shortKey(key)}`);
					else
						a.application.sections[key] = group(
							`application.sections.${key}`,
							ApplicationSectionSchema.shape,
							value,
							{ done: '', figures: '', evidence: '' },
						);
				}
			} else reset.push('application.sections');
			for (const key of Object.keys(app))
				if (key !== 'overall' && key !== 'sections') reset.push(`application.${shortKey(key)}`);
		}
	}

	// Answers: each answer's fields on their own; an answer to a malformed id is dropped.
	const answers = data['answers'];
	if (isObject(answers)) {
		for (const [cid, value] of Object.entries(answers)) {
			if (!CriterionKeySchema.safeParse(cid).success) {
				reset.push(`answers.${shortKey(cid)}`);
				continue;
			}
			if (Object.keys(a.answers).length >= LIMITS.answers) {
				reset.push(`answers.${cid}`);
				continue;
			}
			const whole = AnswerSchema.safeParse(value);
			a.answers[cid] = whole.success
				? whole.data
				: group(`answers.${cid}`, AnswerSchema.shape, value, emptyAnswer());
		}
	} else reset.push('answers');

	// Vetoes and conditions: each on its own.
	for (const name of ['vetoes', 'eligibility'] as const) {
		const flags = data[name];
		if (!isObject(flags)) {
			reset.push(name);
			continue;
		}
		for (const [key, value] of Object.entries(flags)) {
			const ok =
				FlagKeySchema.safeParse(key).success &&
				FlagSchema.safeParse(value).success &&
				Object.keys(a[name]).length < LIMITS.keyedFlags;
			if (ok) a[name][key] = value as boolean | null;
			else reset.push(`${name}.${shortKey(key)}`);
		}
	}
	// Whatever was missed above must not come back as unreadable data.
	const final = AssessmentSchema.safeParse(a);
	if (!final.success) return null;
	return { assessment: final.data, reset: [...new Set(reset)] };
}

/** Whether a failed write was the browser's storage quota (shared by every store). */
export function isQuota(e: unknown): boolean {
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
		/** The catalogue, for migrating assessments saved by an earlier version (and repair defaults). */
		private readonly catalogue: Catalogue | null = null,
		/**
		 * Where a repaired assessment's settings or catalogue version are unusable; without it
		 * (and without a catalogue to take them from) such data is set aside.
		 */
		private readonly defaults: RepairDefaults | null = catalogue
			? { ...defaultMarks(catalogue), catalogueVersion: catalogue.version }
			: null,
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
		const repaired: Repaired[] = [];
		for (const id of ids) {
			const key = assessmentKey(id);
			const raw = this.read(key);
			if (raw === null) continue;
			let data: unknown;
			try {
				data = safeJsonParse(raw);
			} catch {
				quarantined.push(this.quarantine(key, raw));
				continue;
			}
			const result = AssessmentSchema.safeParse(data);
			if (result.success && result.data.id === id) {
				assessments.push(result.data);
				continue;
			}
			// Version 3: no plan, no ledger yet (nothing to tell the user).
			const v3 = AssessmentV3Schema.safeParse(data);
			if (v3.success && v3.data.id === id) {
				const assessment = upgradeToV5(upgradeToV4(v3.data));
				this.save(assessment, false);
				assessments.push(assessment);
				continue;
			}
			const older = this.catalogue ? AssessmentV2Schema.safeParse(data) : null;
			if (older?.success && older.data.id === id && this.catalogue) {
				const { assessment: v3From2, notes } = migrateV2Assessment(older.data, this.catalogue);
				const assessment = upgradeToV5(upgradeToV4(v3From2));
				// Written back in the current shape; if that fails the old copy stays and migrates again.
				this.save(assessment, false);
				assessments.push(assessment);
				migrated.push({ id, notes });
				continue;
			}
			const fixed = this.repair(data, id);
			if (!fixed) {
				quarantined.push(this.quarantine(key, raw));
				continue;
			}
			assessments.push(fixed.assessment);
			repaired.push({ id, name: fixed.assessment.name, fields: fixed.reset });
			// Keep the original, then save the repaired copy so the next load is clean.
			const backup = this.write(`${PREFIX}repaired.${this.now().toISOString()}.${id}`, raw);
			if (backup.ok) this.write(key, JSON.stringify(fixed.assessment));
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
			repaired,
		};
	}

	private repair(data: unknown, id: string): ReturnType<typeof repairAssessment> {
		const defaults = this.defaults ?? {
			// Without defaults, only what has its own usable settings and catalogue version can be repaired.
			...(isObject(data) && isObject(data['settings'])
				? (data['settings'] as unknown as Settings)
				: { passMark: NaN, modelMark: NaN }),
			catalogueVersion: isObject(data) ? String(data['catalogueVersion']) : '',
		};
		return repairAssessment(data, id, defaults, this.now());
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
