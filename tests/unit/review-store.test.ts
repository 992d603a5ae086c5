import { describe, expect, it } from 'vitest';
import {
	RECEIVED_PREFIX,
	REVIEW_PREFIX,
	ReceivedReviewSchema,
	RecordStore,
	ReviewDraftSchema,
	receivedReviews,
	reviewDrafts,
	type ReviewDraft,
} from '../../src/lib/review-store';
import { AssessmentStore } from '../../src/lib/storage';
import { FakeStorage, NOW, assessmentAt, blankReview, miniCatalogue } from './helpers';

const cat = miniCatalogue();
const draft = (id: string): ReviewDraft => ({
	id,
	fileName: `${id}.json`,
	createdAt: NOW.toISOString(),
	updatedAt: NOW.toISOString(),
	catalogueVersion: cat.version,
	assessment: assessmentAt(cat, 2),
	review: blankReview(),
});
const store = (s: FakeStorage) => new RecordStore(s, REVIEW_PREFIX, ReviewDraftSchema, () => NOW);

class FullStorage extends FakeStorage {
	override setItem(key: string, value: string): void {
		if (key.startsWith(REVIEW_PREFIX) && value.length > 10)
			throw new DOMException('full', 'QuotaExceededError');
		super.setItem(key, value);
	}
}

describe('RecordStore (reviews)', () => {
	it('keeps several reviews side by side and reads them back', () => {
		const s = new FakeStorage();
		expect(store(s).save(draft('r1'))).toEqual({ ok: true });
		expect(store(s).save(draft('r2'))).toEqual({ ok: true });
		const loaded = store(s).load();
		expect(loaded.records.map((r) => r.id)).toEqual(['r1', 'r2']);
		expect(loaded.records[0]).toStrictEqual(draft('r1'));
		expect(loaded.quarantined).toEqual([]);
	});

	it.each([
		['not JSON', '{'],
		['a __proto__ key', '{"__proto__":{"x":1}}'],
		['another record id', JSON.stringify(draft('other'))],
		[
			'a review level of 9',
			JSON.stringify({
				...draft('r1'),
				review: { ...blankReview(), criteria: { A1: { level: 9 } } },
			}),
		],
	])('sets aside %s without losing other reviews', (_, raw) => {
		const s = new FakeStorage();
		store(s).save(draft('r2'));
		s.setItem(`${REVIEW_PREFIX}r1`, raw);
		const loaded = store(s).load();
		expect(loaded.records.map((r) => r.id)).toEqual(['r2']);
		expect(loaded.quarantined).toEqual([`${REVIEW_PREFIX}r1`]);
		expect(Object.values(s.dump())).toContain(raw);
		expect(s.getItem(`${REVIEW_PREFIX}r1`)).toBeNull();
	});

	it('a full storage reports quota and keeps the last good copy', () => {
		const s = new FullStorage();
		FakeStorage.prototype.setItem.call(s, `${REVIEW_PREFIX}r1`, JSON.stringify(draft('r1')));
		const changed = { ...draft('r1'), fileName: 'changed.json' };
		expect(store(s).save(changed)).toEqual({ ok: false, reason: 'quota' });
		expect(store(s).load().records[0]!.fileName).toBe('r1.json');
	});

	it.each([
		['a stored record', (s: FakeStorage) => store(s).save(draft('r1')), 'r1'],
		['no record', () => undefined, null],
		['not JSON', (s: FakeStorage) => s.setItem(`${REVIEW_PREFIX}r1`, '{'), null],
		[
			'another record’s id under this key',
			(s: FakeStorage) => s.setItem(`${REVIEW_PREFIX}r1`, JSON.stringify(draft('r2'))),
			null,
		],
	] as const)('find reads one key: %s', (_, put, want) => {
		const s = new FakeStorage();
		put(s);
		const before = s.dump();
		expect(store(s).find('r1')?.id ?? null).toBe(want);
		expect(s.dump()).toEqual(before);
	});

	it('reviewDrafts and receivedReviews are the stores under their own prefixes', () => {
		const s = new FakeStorage();
		expect(reviewDrafts(s).prefix).toBe(REVIEW_PREFIX);
		expect(receivedReviews(s).prefix).toBe(RECEIVED_PREFIX);
		reviewDrafts(s).save(draft('r1'));
		expect(reviewDrafts(s).find('r1')).toStrictEqual(draft('r1'));
		expect(receivedReviews(s).find('r1')).toBeNull();
	});

	it('without storage, saving says so', () => {
		expect(new RecordStore(null, REVIEW_PREFIX, ReviewDraftSchema).save(draft('r1'))).toEqual({
			ok: false,
			reason: 'unavailable',
		});
	});

	it('reviews, received reviews and assessments never read each other', () => {
		const s = new FakeStorage();
		const assessments = new AssessmentStore(s, () => NOW);
		assessments.save(assessmentAt(cat, 1), false);
		store(s).save(draft('r1'));
		const received = new RecordStore(s, RECEIVED_PREFIX, ReceivedReviewSchema, () => NOW);
		received.save({
			id: 'test-1',
			fileName: 'x-验收.json',
			importedAt: NOW.toISOString(),
			catalogueVersion: cat.version,
			assessment: assessmentAt(cat, 1),
			review: blankReview(),
			integrity: 'altered',
		});
		expect(
			store(s)
				.load()
				.records.map((r) => r.id),
		).toEqual(['r1']);
		expect(received.load().records.map((r) => [r.id, r.integrity])).toEqual([
			['test-1', 'altered'],
		]);
		const a = assessments.load();
		expect([a.assessments.length, a.quarantined]).toEqual([1, []]);
	});
});
