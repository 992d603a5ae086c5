import { describe, expect, it } from 'vitest';
import { emptyReviewCriterion, type Review, type ReviewCriterion } from '../../src/lib/review';
import {
	compareReview,
	prefillFromSelf,
	rectificationItems,
	reviewProgress,
	reviewStrengths,
	reviewedAssessment,
	scoreReview,
} from '../../src/lib/review-score';
import { scoreAssessment } from '../../src/lib/scoring';
import { answer, assessmentAt, blankReview, miniCatalogue, rateFor } from './helpers';

const cat = miniCatalogue();
const at = (level: 0 | 1 | 2 | 3, extra: Partial<ReviewCriterion> = {}): ReviewCriterion => ({
	...emptyReviewCriterion(),
	level,
	...extra,
});

/** A review giving every criterion `level` (rate criteria the rate of that level), with overrides. */
function reviewAll(level: 0 | 1 | 2 | 3, over: Record<string, ReviewCriterion> = {}): Review {
	const r = blankReview();
	for (const c of cat.criteria)
		r.criteria[c.id] = c.rate
			? { ...emptyReviewCriterion(), rate: rateFor(c, level) ?? 0 }
			: at(level);
	Object.assign(r.criteria, over);
	return r;
}

describe('reviewedAssessment', () => {
	it('never changes the branch assessment and keeps its notes and evidence', () => {
		const branch = assessmentAt(cat, 3, {
			B1: answer({ level: 3, note: '有记录', evidence: [0] }),
		});
		const before = structuredClone(branch);
		const r = reviewAll(1);
		r.vetoes['V1'] = true;
		const reviewed = reviewedAssessment(branch, r);
		expect(branch).toStrictEqual(before);
		expect(reviewed.answers['B1']).toMatchObject({ level: 1, note: '有记录', evidence: [0] });
		expect(reviewed.vetoes).toEqual({ V1: true });
	});

	it('an unreviewed criterion counts as unanswered in the 验收 score', () => {
		const branch = assessmentAt(cat, 3);
		const r = reviewAll(3);
		delete r.criteria['B2'];
		const s = scoreReview(cat, branch, r);
		expect(s.criteria.find((c) => c.id === 'B2')!.status).toBe('unanswered');
		expect(s.total).toBe(95 + 5);
	});
});

describe('compareReview', () => {
	it.each([
		[3, 3],
		[3, 2],
		[2, 3],
		[1, 0],
		[0, 2],
	] as const)(
		'self %i, review %i: each side scores as a self-assessment at that level would',
		(self, review) => {
			const c = compareReview(cat, assessmentAt(cat, self), reviewAll(review));
			const expectedReview = scoreAssessment(cat, assessmentAt(cat, review)).total;
			expect(c.self.total).toBe(scoreAssessment(cat, assessmentAt(cat, self)).total);
			expect(c.review.total).toBe(expectedReview);
			expect(c.diff).toBe(Math.round((expectedReview - c.self.total) * 10) / 10);
			const baseDiff = c.categories
				.filter((k) => !cat.categories.find((x) => x.id === k.id)!.bonus)
				.reduce((sum, k) => sum + k.diff, 0);
			expect(baseDiff).toBeCloseTo(c.review.base - c.self.base, 5);
		},
	);

	it('all at 规范有效 on both sides: 105 and 105 (100 base + 5 bonus cap)', () => {
		const c = compareReview(cat, assessmentAt(cat, 3), reviewAll(3));
		expect([c.self.total, c.review.total, c.diff]).toEqual([105, 105, 0]);
	});

	it('per criterion and category: levels, points, difference, methods and comment', () => {
		const branch = assessmentAt(cat, 3);
		const r = reviewAll(3, { A2: at(1, { methods: ['site', 'interview'], comment: '现场未见' }) });
		const c = compareReview(cat, branch, r);
		const a2 = c.criteria.find((x) => x.id === 'A2')!;
		expect(a2).toMatchObject({
			self: 3,
			review: 1,
			selfPoints: 5,
			reviewPoints: 2,
			diff: -3,
			methods: ['site', 'interview'],
			comment: '现场未见',
		});
		expect(c.categories.find((k) => k.id === 'A')).toMatchObject({
			self: 25,
			review: 22,
			diff: -3,
		});
		expect(c.lowered).toEqual(['A2']);
	});

	it('a reviewed 不适用 renormalises the category as in the self-assessment', () => {
		const r = reviewAll(3, { A2: { ...emptyReviewCriterion(), na: true } });
		const c = compareReview(cat, assessmentAt(cat, 3), r);
		expect(c.criteria.find((x) => x.id === 'A2')!.review).toBe('na');
		expect(c.categories.find((k) => k.id === 'A')!.review).toBe(25);
	});

	it('a veto found by the reviewer caps the 验收 band below 模范', () => {
		const r = reviewAll(3);
		r.vetoes['V1'] = true;
		const c = compareReview(cat, assessmentAt(cat, 3), r);
		expect(c.self.band.id).toBe('mofan');
		expect(c.review.band.id).toBe('hege');
		expect(c.review.vetoes).toEqual(['V1']);
	});

	it('a 必备 criterion reviewed below 基本落实 caps the 验收 band', () => {
		const c = compareReview(cat, assessmentAt(cat, 3), reviewAll(3, { A1: at(1) }));
		expect(c.review.missingRequired).toEqual(['A1']);
		expect(c.review.capped).toBe(true);
	});
});

describe('rectificationItems', () => {
	it('lists reviewed criteria below 基本落实, 必备 first, with the criterion or review deadline', () => {
		const r = reviewAll(3, {
			B3: at(0, { comment: '无记录' }),
			A1: at(1, { deadline: '2026-04-30' }),
			C2: at(2),
			J1: at(0),
		});
		const items = rectificationItems(cat, assessmentAt(cat, 3), r);
		expect(items.map((i) => [i.criterionId, i.level, i.deadline, i.required])).toEqual([
			['A1', 1, '2026-04-30', true],
			['B3', 0, '2026-06-30', false],
		]);
		expect(items[1]).toMatchObject({
			targetLevel: 2,
			target: cat.criteria.find((c) => c.id === 'B3')!.levels[2],
			comment: '无记录',
			guide: 'zongze',
		});
	});

	it('is empty when everything reached 基本落实', () => {
		expect(rectificationItems(cat, assessmentAt(cat, 1), reviewAll(3))).toEqual([]);
	});
});

describe('prefillFromSelf, progress and strengths', () => {
	it('fills only unreviewed criteria from the branch answers, rates as rates', () => {
		const branch = assessmentAt(cat, 2, { A2: answer({ na: true, naReason: '无' }) });
		branch.vetoes['V1'] = false;
		const r = blankReview();
		r.criteria['B1'] = at(0, { comment: '核减' });
		const filled = prefillFromSelf(cat, branch, r);
		expect(filled.criteria['B1']).toEqual(at(0, { comment: '核减' }));
		expect(filled.criteria['A2']!.na).toBe(true);
		expect(filled.criteria['A5']!.rate).toBe(branch.answers['A5']!.rate);
		expect(filled.criteria['C1']!.level).toBe(2);
		expect(filled.vetoes['V1']).toBe(false);
		expect(r.criteria['C1']).toBeUndefined();
		const asReviewed = structuredClone(branch);
		asReviewed.answers['B1'] = answer({ level: 0 });
		expect(scoreReview(cat, branch, filled).total).toBe(scoreAssessment(cat, asReviewed).total);
	});

	it('counts reviewed criteria and names level-3 base criteria as strengths', () => {
		const r = reviewAll(2, { A3: at(3), J1: at(3) });
		delete r.criteria['D1'];
		expect(reviewProgress(cat, r)).toEqual({
			reviewed: cat.criteria.length - 1,
			total: cat.criteria.length,
		});
		expect(reviewStrengths(cat, assessmentAt(cat, 2), r)).toEqual(['A3']);
	});
});
