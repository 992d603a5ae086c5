import { describe, expect, it } from 'vitest';
import {
	parseSummaryFieldName,
	setSummaryField,
	summaryFieldName,
	summaryLength,
	summaryLimit,
	summaryValue,
	type SummaryField,
} from '../../src/lib/application';
import { AssessmentSchema, LIMITS, emptyApplication } from '../../src/lib/assessment';
import { AssessmentStore } from '../../src/lib/storage';
import { FakeStorage, NOW, assessmentAt, miniCatalogue } from './helpers';

describe('field names', () => {
	it.each([
		['summary.overall', { kind: 'overall' }],
		['summary.A.done', { kind: 'section', category: 'A', field: 'done' }],
		['summary.J.evidence', { kind: 'section', category: 'J', field: 'evidence' }],
		['summary.a.done', null],
		['summary.A.other', null],
		['summary.AB.done', null],
		['answer.A1.note', null],
		['summary.__proto__', null],
	] as const)('%s → %j', (name, field) => {
		expect(parseSummaryFieldName(name)).toEqual(field);
		if (field) expect(summaryFieldName(field as SummaryField)).toBe(name);
	});

	it.each([
		[{ kind: 'overall' }, LIMITS.summaryOverall],
		[{ kind: 'section', category: 'A', field: 'done' }, LIMITS.summaryDone],
		[{ kind: 'section', category: 'A', field: 'figures' }, LIMITS.summaryFigures],
		[{ kind: 'section', category: 'A', field: 'evidence' }, LIMITS.summaryEvidence],
	] as const)('limit of %j is %i (from LIMITS)', (f, limit) => {
		expect(summaryLimit(f)).toBe(limit);
	});
});

describe('setSummaryField', () => {
	const done: SummaryField = { kind: 'section', category: 'B', field: 'done' };
	it.each([
		['the overall paragraph', { kind: 'overall' } as SummaryField, '全年开展活动 24 次'],
		['a section field', done, '建立职工书屋'],
		['exactly the limit', done, '字'.repeat(LIMITS.summaryDone)],
		['markup, kept as text', done, '<img src=x onerror=alert(1)>'],
	])('sets %s', (_, f, value) => {
		const r = setSummaryField(emptyApplication(), f, value);
		if (!r.ok) throw new Error('refused');
		expect(summaryValue(r.next, f)).toBe(value);
	});

	it('refuses text past the limit and keeps the last valid summary', () => {
		const first = setSummaryField(emptyApplication(), done, '已有内容');
		if (!first.ok) throw new Error('refused');
		const r = setSummaryField(first.next, done, '字'.repeat(LIMITS.summaryDone + 1));
		expect(r).toEqual({
			ok: false,
			error: 'too-long',
			limit: LIMITS.summaryDone,
			kept: first.next,
		});
	});

	it('drops a section whose fields are all emptied again', () => {
		const a = setSummaryField(emptyApplication(), done, 'x');
		if (!a.ok) throw new Error('refused');
		const b = setSummaryField(a.next, done, '');
		expect(b.ok && b.next).toEqual(emptyApplication());
	});

	it('anything it accepts survives storage (never quarantined)', () => {
		const cat = miniCatalogue();
		const assessment = assessmentAt(cat, 2);
		let app = emptyApplication();
		for (const f of [
			{ kind: 'overall' },
			{ kind: 'section', category: 'A', field: 'done' },
			{ kind: 'section', category: 'J', field: 'figures' },
			{ kind: 'section', category: 'C', field: 'evidence' },
		] as SummaryField[]) {
			const r = setSummaryField(app, f, '字'.repeat(summaryLimit(f)));
			if (r.ok) app = r.next;
		}
		assessment.application = app;
		expect(summaryLength(app)).toBe(
			LIMITS.summaryOverall + LIMITS.summaryDone + LIMITS.summaryFigures + LIMITS.summaryEvidence,
		);
		const s = new FakeStorage();
		new AssessmentStore(s, () => NOW).save(assessment, false);
		const loaded = new AssessmentStore(s, () => NOW).load();
		expect(loaded.quarantined).toEqual([]);
		expect(loaded.assessments[0]!.application).toEqual(app);
		expect(AssessmentSchema.safeParse(assessment).success).toBe(true);
	});

	it('an assessment saved before version 5 loads with an empty summary', () => {
		const cat = miniCatalogue();
		const old = assessmentAt(cat, 1) as Partial<ReturnType<typeof assessmentAt>>;
		delete old.application;
		const s = new FakeStorage();
		s.setItem('zzzj.v2.a.test-1', JSON.stringify(old));
		const loaded = new AssessmentStore(s, () => NOW).load();
		expect(loaded.quarantined).toEqual([]);
		expect(loaded.assessments[0]!.application).toEqual(emptyApplication());
	});
});
