/**
 * Result files: what "下载 JSON" writes and what import reads.
 *
 * A file is `{ format, schemaVersion, catalogueVersion, exportedAt, assessment, scores, review? }`.
 * `scores` is written for people and other tools; on import the scores are always
 * recomputed from the answers, never trusted. Earlier versions are migrated one step at a
 * time: version 1 (the first, smaller format: profile and levels only) → 2 here, 2 → 3 in
 * migrate.ts (three-state vetoes honoured, `survey.held`), 3 → 4 in assessment.ts (an empty
 * 整改计划 and 台账: `upgradeToV4`); 4 → 5 here (an empty 建家工作总结:
 * `upgradeToV5`); newer versions are refused.
 *
 * Version 5 (issue 11) adds `assessment.application` (the 建家工作总结) and the optional
 * `review` section of a reviewed result file (see review.ts). A version 4 file reads with
 * the current schema (its `application` takes the schema's default, empty) and has no review.
 */
import * as z from 'zod/mini';
import type { Catalogue } from './catalogue-schema';
import {
	AssessmentSchema,
	AssessmentV2Schema,
	AssessmentV3Schema,
	SCHEMA_VERSION,
	upgradeToV4,
	upgradeToV5,
	LIMITS,
	emptyAnswer,
	newAssessment,
	type Assessment,
	type AssessmentV2,
	type AssessmentV3,
} from './assessment';
import { round1, type ScoreResult } from './scoring';
import { migrateV2Assessment, type MigrationNote } from './migrate';
import { ReviewSchema, type Review } from './review';

export const FORMAT = 'zhigong-zhijia.assessment';
/** Largest file accepted; checked before the file is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const num = z.number();
const scoresShape = {
	base: num,
	bonus: num,
	total: num,
	band: z.string().check(z.maxLength(20)),
	capped: z.boolean(),
	missingRequired: z.array(z.string().check(z.maxLength(4))).check(z.maxLength(LIMITS.answers)),
	vetoes: z.array(z.string().check(z.maxLength(4))).check(z.maxLength(LIMITS.keyedFlags)),
	completion: z.strictObject({ answered: num, total: num, percent: num, complete: z.boolean() }),
	categories: z
		.array(
			z.strictObject({
				id: z.string().check(z.maxLength(2)),
				earned: num,
				points: num,
				percent: z.nullable(num),
			}),
		)
		.check(z.maxLength(30)),
	criteria: z
		.array(
			z.strictObject({
				id: z.string().check(z.maxLength(4)),
				status: z.enum(['answered', 'na', 'unanswered']),
				level: z.nullable(num),
				earned: num,
				lost: num,
			}),
		)
		.check(z.maxLength(LIMITS.answers)),
};
/** Scores as version 2 wrote them. */
const ScoresV2Schema = z.strictObject(scoresShape);
/** Version 3 adds the unanswered 否决 questions and whether no 会员评家 was held. */
const ScoresSchema = z.strictObject({
	...scoresShape,
	unansweredVetoes: z.array(z.string().check(z.maxLength(4))).check(z.maxLength(LIMITS.keyedFlags)),
	noSurvey: z.boolean(),
});

/** The version before 5, whose files read with the current schema and migrate in one step. */
const PREVIOUS_VERSIONS = [4] as const;

export const ResultFileSchema = z
	.strictObject({
		/** Always `zhigong-zhijia.assessment`. */
		format: z.literal(FORMAT),
		/** Format version; see SCHEMA_VERSION. 4 is read and migrated (see above). */
		schemaVersion: z.union([
			z.literal(SCHEMA_VERSION),
			...PREVIOUS_VERSIONS.map((v) => z.literal(v)),
		]),
		/** Catalogue version the answers refer to. */
		catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
		/** When the file was written (ISO, UTC). */
		exportedAt: z.string().check(z.maxLength(40)),
		/** The assessment as saved. */
		assessment: AssessmentSchema,
		/** Scores computed when the file was written (informative). */
		scores: ScoresSchema,
		/** 验收 by the 上级工会 (version 5, reviewed result files only). */
		review: z.optional(ReviewSchema),
	})
	.check(
		z.refine((f) => f.catalogueVersion === f.assessment.catalogueVersion, {
			message: 'catalogue versions differ',
		}),
		z.refine((f) => f.review === undefined || f.schemaVersion === SCHEMA_VERSION, {
			message: 'a review needs schema version 5',
			path: ['review'],
		}),
	);

/** Version 3 files: as version 4 but for the assessment (no plan, no ledger). */
const V3FileSchema = z
	.strictObject({
		format: z.literal(FORMAT),
		schemaVersion: z.literal(3),
		catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
		exportedAt: z.string().check(z.maxLength(40)),
		assessment: AssessmentV3Schema,
		scores: ScoresSchema,
	})
	.check(
		z.refine((f) => f.catalogueVersion === f.assessment.catalogueVersion, {
			message: 'catalogue versions differ',
		}),
	);

/** Version 2 files: as version 3 but for the survey (no `held`) and the scores. */
const V2Schema = z
	.strictObject({
		format: z.literal(FORMAT),
		schemaVersion: z.literal(2),
		catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
		exportedAt: z.string().check(z.maxLength(40)),
		assessment: AssessmentV2Schema,
		scores: ScoresV2Schema,
	})
	.check(
		z.refine((f) => f.catalogueVersion === f.assessment.catalogueVersion, {
			message: 'catalogue versions differ',
		}),
	);

/** Version 1 files: profile and one level (or 不适用) per criterion. */
const V1Schema = z.strictObject({
	format: z.literal(FORMAT),
	schemaVersion: z.literal(1),
	catalogueVersion: z.string().check(z.regex(/^\d{4}\.\d+$/)),
	exportedAt: z.string().check(z.maxLength(40)),
	profile: z.strictObject({
		unitName: z.string().check(z.maxLength(LIMITS.shortText)),
		unionName: z.string().check(z.maxLength(LIMITS.shortText)),
		assessedOn: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/)),
		assessor: z.string().check(z.maxLength(LIMITS.shortText)),
	}),
	answers: z
		.record(
			z.string().check(z.regex(/^[A-Z]\d{1,2}$/)),
			z.strictObject({
				level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na')]),
				note: z.optional(z.string().check(z.maxLength(LIMITS.note))),
			}),
		)
		.check(
			z.refine((r) => Object.keys(r).length <= LIMITS.answers, { message: 'too many answers' }),
		),
});

export type ImportErrorCode =
	| 'too-large'
	| 'empty'
	| 'not-json'
	| 'forbidden-key'
	| 'not-result-file'
	| 'newer-version'
	| 'bad-shape'
	| 'unknown-criteria';

export interface ImportError {
	code: ImportErrorCode;
	/** Specific detail: the field path, the version, the unknown ids. */
	detail: string;
}

export type ImportResult =
	| {
			ok: true;
			assessment: Assessment;
			/** The file's schema version when it was older than this one, else null. */
			migratedFrom: number | null;
			/** What the migrations changed that the user should be told. */
			notes: MigrationNote[];
			/** The 验收 section of a reviewed result file, else null. */
			review: Review | null;
	  }
	| { ok: false; error: ImportError };

/** The error for a file too large to read, decided from its size alone. */
export function checkFileSize(bytes: number): ImportError | null {
	if (bytes > MAX_FILE_BYTES)
		return { code: 'too-large', detail: (bytes / 1024 / 1024).toFixed(1) };
	if (bytes === 0) return { code: 'empty', detail: '' };
	return null;
}

class ForbiddenKey extends Error {}

/**
 * Bounds for a result file. No collection in one may hold more than 100 entries, nor a
 * whole file more than a few thousand values, yet 100,000 answers fit in 5 MB and
 * validating each makes the schema take seconds; so a file past these generous bounds
 * is refused before the schema runs.
 */
const RESULT_FILE_BOUNDS = { maxEntries: 1_000, maxValues: 30_000 };

/**
 * Texts longer than this are scanned for crowded collections before they are parsed
 * (`crowdedText`). Below it, parsing costs about a millisecond whatever the shape, and a
 * real result file (about 15 KB) skips a pass over every character.
 */
const SCAN_BEFORE_PARSE_ABOVE = 64 * 1024;

/**
 * Walks parsed JSON breadth-first (no recursion, so deep nesting cannot overflow the
 * stack), throwing ForbiddenKey at a forbidden key. With bounds, stops at the first
 * collection past them and returns its path (named as firstIssuePath names one).
 */
function walkJson(
	data: unknown,
	bounds?: { maxEntries: number; maxValues: number },
): string | null {
	const values: unknown[] = [data];
	const parents: number[] = [-1];
	const keys: string[] = [''];
	let seen = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (typeof value !== 'object' || value === null) continue;
		const own = Array.isArray(value) ? null : Object.keys(value);
		const size = own ? own.length : (value as unknown[]).length;
		seen += size;
		if (bounds && (size > bounds.maxEntries || seen > bounds.maxValues)) {
			const path: string[] = [];
			for (let j = i; j > 0; j = parents[j]!)
				path.unshift(Array.from(keys[j]!).slice(0, 40).join(''));
			return path.join('.');
		}
		for (let n = 0; n < size; n++) {
			const key = own ? own[n]! : String(n);
			if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
			values.push((value as Record<string, unknown>)[key]);
			parents.push(i);
			keys.push(key);
		}
	}
	return null;
}

/**
 * The same bounds checked on the text, before it is parsed: parsing a hostile 5 MB file
 * of 100,000 small objects costs far more than this one pass over its characters.
 * Counts the commas of each open array or object (strings skipped); returns the path of
 * the first collection past the bounds, or null. Anything malformed is left to JSON.parse.
 */
function crowdedText(
	text: string,
	bounds: { maxEntries: number; maxValues: number },
): string | null {
	const commas: number[] = [];
	const keys: string[] = [];
	const isObject: boolean[] = [];
	let total = 0;
	let key = '';
	let stringStart = 0;
	let stringEnd = 0;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			// A string: skip to its closing quote.
			stringStart = i + 1;
			for (i++; i < n; i++) {
				const d = text.charCodeAt(i);
				if (d === 0x5c) i++;
				else if (d === 0x22) break;
			}
			stringEnd = i;
		} else if (c === 0x3a) {
			key = text.slice(stringStart, stringEnd);
		} else if (c === 0x7b || c === 0x5b) {
			const top = commas.length - 1;
			keys.push(top < 0 ? '' : isObject[top] ? key : String(commas[top]));
			commas.push(0);
			isObject.push(c === 0x7b);
		} else if (c === 0x7d || c === 0x5d) {
			commas.pop();
			keys.pop();
			isObject.pop();
		} else if (c === 0x2c && commas.length) {
			const top = commas.length - 1;
			if (++commas[top]! >= bounds.maxEntries || ++total >= bounds.maxValues)
				return keys
					.slice(1)
					.map((k) => Array.from(k).slice(0, 40).join(''))
					.join('.');
		}
	}
	return null;
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * JSON.parse that accepts a leading BOM and refuses prototype-polluting keys. (Checked
 * after parsing: JSON.parse makes "__proto__" an own key, never a prototype, and a
 * reviver would cost ten times the parse on a large file.)
 */
export function safeJsonParse(text: string): unknown {
	const data: unknown = JSON.parse(stripBom(text));
	walkJson(data);
	return data;
}

/** Counts own keys of `value` at `path` when it is a plain object, else 0. */
function keyCount(value: unknown, ...path: string[]): number {
	let v: unknown = value;
	for (const p of path)
		v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
	return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v).length : 0;
}

function firstIssuePath(
	issues: readonly {
		path: PropertyKey[];
		message: string;
		code?: string;
		keys?: readonly string[];
	}[],
): string {
	const issue = issues[0];
	if (!issue) return '';
	// An unknown key is reported on the object holding it: name the key itself (shortened, it comes from the file).
	const key = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
	const path =
		key === undefined ? issue.path : [...issue.path, Array.from(key).slice(0, 40).join('')];
	return path.map(String).join('.');
}

export interface ParseOptions {
	catalogue: Catalogue;
	/** Make ids for migrated files. */
	newId: () => string;
	now: Date;
	/** Refuse answers to criteria the catalogue does not have (the checklist does; the overview does not). */
	rejectUnknownCriteria: boolean;
	/** Name for a migrated file that has neither a unit name nor a date. */
	untitled: string;
	/** Default band marks for migrated files. */
	passMark: number;
	modelMark: number;
}

/** Reads a result file's text into an assessment, or says precisely why not. */
export function parseResultFile(text: string, opts: ParseOptions): ImportResult {
	if (text.trim() === '') return { ok: false, error: { code: 'empty', detail: '' } };
	// Far more entries than any result file holds: refused before parsing, which would cost
	// seconds. A short text costs little to parse whatever its shape, and the walk after
	// parsing applies the same bounds, so only a long one is scanned first.
	const scanned = text.length > SCAN_BEFORE_PARSE_ABOVE;
	const crowdedEarly = scanned ? crowdedText(text, RESULT_FILE_BOUNDS) : null;
	if (crowdedEarly !== null)
		return { ok: false, error: { code: 'bad-shape', detail: crowdedEarly } };
	let data: unknown;
	let crowded: string | null;
	try {
		data = JSON.parse(stripBom(text));
		crowded = walkJson(data, RESULT_FILE_BOUNDS);
	} catch (e) {
		if (e instanceof ForbiddenKey)
			return { ok: false, error: { code: 'forbidden-key', detail: e.message } };
		return { ok: false, error: { code: 'not-json', detail: '' } };
	}
	// As the scan would have said: crowded, whatever the file claims to be.
	if (!scanned && crowded !== null)
		return { ok: false, error: { code: 'bad-shape', detail: crowded } };
	if (
		typeof data !== 'object' ||
		data === null ||
		Array.isArray(data) ||
		(data as { format?: unknown }).format !== FORMAT
	)
		return { ok: false, error: { code: 'not-result-file', detail: '' } };
	const version = (data as { schemaVersion?: unknown }).schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return { ok: false, error: { code: 'bad-shape', detail: 'schemaVersion' } };
	if (version > SCHEMA_VERSION)
		return { ok: false, error: { code: 'newer-version', detail: String(version) } };
	// Past the bounds, the rest of the file was not looked at (nor is it ever used).
	if (crowded !== null) return { ok: false, error: { code: 'bad-shape', detail: crowded } };
	// Cheap limit checks before the schema walks a huge hostile object key by key.
	if (keyCount(data, 'answers') > LIMITS.answers)
		return { ok: false, error: { code: 'bad-shape', detail: 'answers' } };
	if (keyCount(data, 'assessment', 'answers') > LIMITS.answers)
		return { ok: false, error: { code: 'bad-shape', detail: 'assessment.answers' } };

	let assessment: Assessment;
	let migratedFrom: number | null = null;
	let notes: MigrationNote[] = [];
	let review: Review | null = null;
	if (version < 4) {
		// One step at a time: 1 → 2 → 3 → 4 → 5.
		let v3: AssessmentV3;
		if (version === 3) {
			const file = V3FileSchema.safeParse(data);
			if (!file.success)
				return {
					ok: false,
					error: { code: 'bad-shape', detail: firstIssuePath(file.error.issues) },
				};
			v3 = file.data.assessment;
		} else {
			let older: AssessmentV2;
			if (version === 1) {
				const v1 = V1Schema.safeParse(data);
				if (!v1.success)
					return {
						ok: false,
						error: { code: 'bad-shape', detail: firstIssuePath(v1.error.issues) },
					};
				older = migrateV1(v1.data, opts);
			} else {
				const v2 = V2Schema.safeParse(data);
				if (!v2.success)
					return {
						ok: false,
						error: { code: 'bad-shape', detail: firstIssuePath(v2.error.issues) },
					};
				older = v2.data.assessment;
			}
			({ assessment: v3, notes } = migrateV2Assessment(older, opts.catalogue));
		}
		assessment = upgradeToV5(upgradeToV4(v3));
		migratedFrom = version;
		// The migrated assessment must be one the rest of the site (and storage) accepts.
		const valid = AssessmentSchema.safeParse(assessment);
		if (!valid.success)
			return {
				ok: false,
				error: { code: 'bad-shape', detail: firstIssuePath(valid.error.issues) },
			};
	} else {
		const file = ResultFileSchema.safeParse(data);
		if (!file.success)
			return {
				ok: false,
				error: { code: 'bad-shape', detail: firstIssuePath(file.error.issues) },
			};
		assessment = file.data.assessment;
		review = file.data.review ?? null;
		if (version < SCHEMA_VERSION) migratedFrom = version;
	}
	const known = new Set(opts.catalogue.criteria.map((c) => c.id));
	const unknown = Object.keys(assessment.answers).filter((id) => !known.has(id));
	if (unknown.length && opts.rejectUnknownCriteria)
		return {
			ok: false,
			error: { code: 'unknown-criteria', detail: unknown.slice(0, 5).join('、') },
		};
	if (review) {
		const reviewUnknown = Object.keys(review.criteria).filter((id) => !known.has(id));
		if (reviewUnknown.length && opts.rejectUnknownCriteria)
			return {
				ok: false,
				error: { code: 'unknown-criteria', detail: reviewUnknown.slice(0, 5).join('、') },
			};
	}
	return { ok: true, assessment, migratedFrom, notes, review };
}

/**
 * Version 1 → 2: keeps profile, levels, 不适用 and notes; everything else starts empty (version
 * 1 had no 否决 answers, so every veto is 未答, which version 3 honours).
 */
export function migrateV1(v1: z.infer<typeof V1Schema>, opts: ParseOptions): AssessmentV2 {
	const {
		survey,
		plan: _plan,
		ledger: _ledger,
		...current
	} = newAssessment({
		id: opts.newId(),
		// Cut to the name limit by code points (as the schema counts), never inside a surrogate pair.
		name:
			Array.from([v1.profile.unitName, v1.profile.assessedOn].filter(Boolean).join(' '))
				.slice(0, LIMITS.shortText)
				.join('') || opts.untitled,
		now: opts.now,
		catalogueVersion: v1.catalogueVersion,
		passMark: opts.passMark,
		modelMark: opts.modelMark,
	});
	const { held: _held, ...counts } = survey;
	const a: AssessmentV2 = { ...current, survey: { ...counts, countBasic: true } };
	a.profile = { ...a.profile, ...v1.profile };
	for (const [id, old] of Object.entries(v1.answers)) {
		const criterion = opts.catalogue.criteria.find((c) => c.id === id);
		const answer = emptyAnswer();
		if (old.level === 'na') answer.na = true;
		else if (criterion?.rate) {
			// v1 stored a level for rate criteria; keep the lowest rate that gives that level
			// (none when no step gives it: the rate is left for the user to enter).
			const mins = criterion.rate.thresholds.filter((t) => t.level === old.level).map((t) => t.min);
			answer.rate = mins.length ? Math.min(...mins) : null;
		} else answer.level = old.level;
		answer.note = old.note ?? '';
		a.answers[id] = answer;
	}
	return a;
}

/**
 * Builds the file written by "下载 JSON"; with a review, the reviewed result file (the
 * branch's assessment is written exactly as given: the review never changes it).
 */
export function buildResultFile(
	assessment: Assessment,
	scores: ScoreResult,
	now: Date,
	review?: Review,
) {
	return {
		format: FORMAT,
		schemaVersion: SCHEMA_VERSION,
		catalogueVersion: assessment.catalogueVersion,
		exportedAt: now.toISOString(),
		assessment,
		scores: {
			base: scores.base,
			bonus: scores.bonus,
			total: scores.total,
			band: scores.band.id,
			capped: scores.capped,
			missingRequired: scores.missingRequired,
			vetoes: scores.vetoes,
			unansweredVetoes: scores.unansweredVetoes,
			noSurvey: scores.noSurvey,
			completion: scores.completion,
			categories: scores.categories.map((k) => ({
				id: k.id,
				earned: round1(k.earned),
				points: k.points,
				percent: k.percent === null ? null : round1(k.percent),
			})),
			criteria: scores.criteria.map((c) => ({
				id: c.id,
				status: c.status,
				level: c.level,
				earned: round1(c.earned),
				lost: round1(c.lost),
			})),
		},
		...(review ? { review } : {}),
	};
}

export type ResultFile = ReturnType<typeof buildResultFile>;
