import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	ReviewSchema,
	branchCanonical,
	branchHash,
	canonicalJson,
	checkIntegrity,
	emptyReviewCriterion,
	isReviewed,
	type Digest,
	type Review,
} from '../../src/lib/review';
import { LIMITS } from '../../src/lib/assessment';
import { assessmentAt, blankReview, miniCatalogue } from './helpers';

const digest: Digest = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const cat = miniCatalogue();

describe('canonicalJson', () => {
	it.each([
		[{ b: 1, a: 2 }, '{"a":2,"b":1}'],
		[{ a: { d: [3, 1], c: null } }, '{"a":{"c":null,"d":[3,1]}}'],
		[[{ y: 1, x: '中' }], '[{"x":"中","y":1}]'],
		['<script>', '"<script>"'],
		[{ a: undefined, b: 1 }, '{"b":1}'],
		[1.5, '1.5'],
	])('%j → %s', (value, expected) => {
		expect(canonicalJson(value)).toBe(expected);
	});

	it('does not depend on key order', () => {
		const a = assessmentAt(cat, 2);
		const reverse = (v: unknown): unknown =>
			v && typeof v === 'object' && !Array.isArray(v)
				? Object.fromEntries(
						Object.entries(v)
							.reverse()
							.map(([k, x]) => [k, reverse(x)]),
					)
				: v;
		const reordered = reverse(a) as typeof a;
		expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
		expect(branchCanonical('2026.1', reordered)).toBe(branchCanonical('2026.1', a));
	});
});

describe('branchHash and checkIntegrity', () => {
	it('the hash is sha256: and 64 hex digits of the canonical branch part', async () => {
		const a = assessmentAt(cat, 2);
		const h = await branchHash(digest, '2026.1', a);
		expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(h).toBe(`sha256:${await digest(branchCanonical('2026.1', a))}`);
	});

	it.each<[string, (a: ReturnType<typeof assessmentAt>) => unknown, string]>([
		['nothing changed', () => {}, 'intact'],
		[
			'a level raised',
			(a: ReturnType<typeof assessmentAt>) => (a.answers['A2']!.level = 3),
			'altered',
		],
		[
			'a note edited',
			(a: ReturnType<typeof assessmentAt>) => (a.answers['B1']!.note = '补写'),
			'altered',
		],
		[
			'the unit renamed',
			(a: ReturnType<typeof assessmentAt>) => (a.profile.unitName = '别的单位'),
			'altered',
		],
		['a veto cleared', (a: ReturnType<typeof assessmentAt>) => (a.vetoes['V1'] = false), 'altered'],
	])('%s → %s', async (_, edit, expected) => {
		const a = assessmentAt(cat, 1);
		a.vetoes['V1'] = true;
		const recorded = await branchHash(digest, '2026.1', a);
		const copy = structuredClone(a);
		edit(copy);
		expect(await checkIntegrity(digest, recorded, '2026.1', copy)).toBe(expected);
	});

	it('is unchecked without Web Crypto or when the digest throws', async () => {
		const a = assessmentAt(cat, 1);
		expect(await checkIntegrity(null, 'sha256:x', '2026.1', a)).toBe('unchecked');
		const broken: Digest = () => Promise.reject(new Error('no subtle'));
		expect(await checkIntegrity(broken, 'sha256:x', '2026.1', a)).toBe('unchecked');
	});
});

describe('ReviewSchema', () => {
	it('accepts a blank review and an entry per criterion', () => {
		const r = blankReview();
		r.criteria['A1'] = { ...emptyReviewCriterion(), level: 2, methods: ['documents', 'site'] };
		r.vetoes['V1'] = null;
		expect(ReviewSchema.safeParse(r).success).toBe(true);
	});

	it.each<[string, (r: Review) => unknown]>([
		['a bad hash', (r: Review) => (r.branchHash = 'md5:abc')],
		[
			'a level of 4',
			(r: Review) => (r.criteria['A1'] = { ...emptyReviewCriterion(), level: 4 as 3 }),
		],
		[
			'a rate above 100',
			(r: Review) => (r.criteria['A5'] = { ...emptyReviewCriterion(), rate: 101 }),
		],
		[
			'an unknown method',
			(r: Review) =>
				(r.criteria['A1'] = { ...emptyReviewCriterion(), methods: ['phone' as 'site'] }),
		],
		[
			'a method twice',
			(r: Review) => (r.criteria['A1'] = { ...emptyReviewCriterion(), methods: ['site', 'site'] }),
		],
		[
			'a comment over the limit',
			(r: Review) =>
				(r.criteria['A1'] = {
					...emptyReviewCriterion(),
					comment: '字'.repeat(LIMITS.reviewComment + 1),
				}),
		],
		[
			'a conclusion over the limit',
			(r: Review) => (r.conclusion = '字'.repeat(LIMITS.reviewConclusion + 1)),
		],
		['a bad criterion key', (r: Review) => (r.criteria['a1'] = emptyReviewCriterion())],
		['a bad date', (r: Review) => (r.reviewedOn = '2026/03/10')],
		['整改期限 before the 验收', (r: Review) => (r.rectifyBy = '2026-01-01')],
		['an extra key', (r: Review) => Object.assign(r, { signedBy: 'x' })],
	])('refuses %s', (_, edit) => {
		const r = blankReview();
		edit(r);
		expect(ReviewSchema.safeParse(r).success).toBe(false);
	});
});

describe('isReviewed', () => {
	it.each([
		[undefined, false],
		[emptyReviewCriterion(), false],
		[{ ...emptyReviewCriterion(), comment: '只写了意见' }, false],
		[{ ...emptyReviewCriterion(), level: 0 as const }, true],
		[{ ...emptyReviewCriterion(), rate: 0 }, true],
		[{ ...emptyReviewCriterion(), na: true }, true],
	])('%j → %s', (entry, expected) => {
		expect(isReviewed(entry)).toBe(expected);
	});
});
