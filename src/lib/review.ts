/**
 * 验收: the 上级工会 reviewer's record of a branch's assessment, as written into a
 * reviewed result file (schema version 5) and kept while the reviewer works.
 *
 * A reviewed result file is the branch's result file unchanged (`catalogueVersion`,
 * `assessment`) plus a `review` section. The review never edits the branch's answers: it
 * holds its own level (or rate) per criterion, how that was checked, a comment, its own
 * reading of every 否决 question, and a SHA-256 of the branch's part as it stood when the
 * review began (`branchHash`). Anyone opening the file recomputes that hash: a mismatch
 * means the branch's part was edited after review, and the file is flagged, not refused.
 *
 * Shape (inside a version 5 file):
 *   review: { reviewer: { name, organisation }, reviewedOn, rectifyBy, conclusion,
 *             branchHash: "sha256:<64 hex>",
 *             criteria: { [criterionId]: { level, rate, na, methods[], comment, deadline } },
 *             vetoes: { [vetoId]: true | false | null },
 *             scores: { base, bonus, total, band, capped, missingRequired, vetoes } }
 *
 * Hashing needs Web Crypto, which this module may not touch: callers hand in a `Digest`.
 */
import * as z from 'zod/mini';
import { LIMITS, type Assessment } from './assessment';

/** How a criterion was checked, in the order the 验收 form offers them. */
export const REVIEW_METHODS = ['documents', 'site', 'interview', 'survey'] as const;
export type ReviewMethod = (typeof REVIEW_METHODS)[number];

const shortText = z.string().check(z.maxLength(LIMITS.shortText));
const isoDate = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** The reviewer's finding on one criterion. */
export const ReviewCriterionSchema = z.strictObject({
	/** 验收 level 0–3; null when not reviewed yet (rate criteria use `rate`). */
	level: z.nullable(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])),
	/** For rate criteria: the rate the reviewer found, 0–100. */
	rate: z.nullable(z.number().check(z.gte(0), z.lte(100))),
	/** The reviewer found the criterion does not apply. */
	na: z.boolean(),
	/** 查阅资料 / 实地查看 / 座谈访谈 / 问卷, each at most once. */
	methods: z.array(z.enum(REVIEW_METHODS)).check(
		z.maxLength(REVIEW_METHODS.length),
		z.refine((m) => new Set(m).size === m.length, { message: 'duplicate method' }),
	),
	/** 验收意见 on this criterion. */
	comment: z.string().check(z.maxLength(LIMITS.reviewComment)),
	/** 整改期限 for this criterion, YYYY-MM-DD; empty means the review's `rectifyBy`. */
	deadline: isoDate,
});

/** Scores of the reviewed answers, written for people; recomputed on import, never trusted. */
export const ReviewScoresSchema = z.strictObject({
	base: z.number(),
	bonus: z.number(),
	total: z.number(),
	band: z.enum(['qibu', 'jianshe', 'hege', 'mofan']),
	capped: z.boolean(),
	missingRequired: z.array(z.string().check(z.maxLength(4))).check(z.maxLength(LIMITS.answers)),
	vetoes: z.array(z.string().check(z.maxLength(4))).check(z.maxLength(LIMITS.keyedFlags)),
});

/** "sha256:" and 64 lowercase hex digits. */
export const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

export const ReviewSchema = z
	.strictObject({
		/** Who reviewed: 验收人 and 验收单位 (the 上级工会). */
		reviewer: z.strictObject({ name: shortText, organisation: shortText }),
		/** 验收日期, YYYY-MM-DD or empty while a draft. */
		reviewedOn: isoDate,
		/** Default 整改期限 for criteria below 基本落实, YYYY-MM-DD or empty. */
		rectifyBy: isoDate,
		/** 综合验收意见. */
		conclusion: z.string().check(z.maxLength(LIMITS.reviewConclusion)),
		/** SHA-256 of the branch's part when the review began (see `branchCanonical`). */
		branchHash: z.string().check(z.regex(HASH_PATTERN)),
		/** Per criterion id. */
		criteria: z
			.record(z.string().check(z.regex(/^[A-Z]\d{1,2}$/)), ReviewCriterionSchema)
			.check(
				z.refine((r) => Object.keys(r).length <= LIMITS.answers, { message: 'too many criteria' }),
			),
		/** The reviewer's answer to each 否决 question: 是 / 否 / 未核 (null). */
		vetoes: z
			.record(
				z.string().check(
					z.regex(/^V\d{1,3}$/),
					z.refine((k) => !RESERVED_KEYS.includes(k)),
				),
				z.nullable(z.boolean()),
			)
			.check(
				z.refine((r) => Object.keys(r).length <= LIMITS.keyedFlags, {
					message: 'too many vetoes',
				}),
			),
		/** Scores when the file was written (informative). */
		scores: ReviewScoresSchema,
	})
	.check(z.refine((r) => r.rectifyBy === '' || r.reviewedOn === '' || r.rectifyBy >= r.reviewedOn));

export type ReviewCriterion = z.infer<typeof ReviewCriterionSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type ReviewScores = z.infer<typeof ReviewScoresSchema>;

/** A SHA-256 over UTF-8 text, returned as lowercase hex (Web Crypto in the browser). */
export type Digest = (text: string) => Promise<string>;

/** A criterion nobody has reviewed yet. */
export function emptyReviewCriterion(): ReviewCriterion {
	return { level: null, rate: null, na: false, methods: [], comment: '', deadline: '' };
}

/** Whether a review entry holds a finding (a level, a rate or 不适用). */
export function isReviewed(c: ReviewCriterion | undefined): boolean {
	return !!c && (c.na || c.level !== null || c.rate !== null);
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same data always
 * gives the same text, whatever order a program wrote the keys in. Arrays keep their
 * order (it means something: evidence indexes, methods).
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const obj = value as Record<string, unknown>;
	return `{${Object.keys(obj)
		.filter((k) => obj[k] !== undefined)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
		.join(',')}}`;
}

/** The branch's part of a result file, as hashed: its catalogue version and its assessment. */
export function branchCanonical(catalogueVersion: string, assessment: Assessment): string {
	return canonicalJson({ catalogueVersion, assessment });
}

/** `sha256:` + the digest of the branch's part. */
export async function branchHash(
	digest: Digest,
	catalogueVersion: string,
	assessment: Assessment,
): Promise<string> {
	return `sha256:${await digest(branchCanonical(catalogueVersion, assessment))}`;
}

/** Whether the branch's part still hashes to what the review recorded. */
export type Integrity = 'intact' | 'altered' | 'unchecked';

/** Compares the recorded hash with the branch's part; 'unchecked' when no digest is available. */
export async function checkIntegrity(
	digest: Digest | null,
	recorded: string,
	catalogueVersion: string,
	assessment: Assessment,
): Promise<Integrity> {
	if (!digest) return 'unchecked';
	try {
		return (await branchHash(digest, catalogueVersion, assessment)) === recorded
			? 'intact'
			: 'altered';
	} catch {
		return 'unchecked';
	}
}
