/** Schema version 4: plan and ledger in the result file and in storage, and every older version still opening. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Assessment } from '../../src/lib/assessment';
import { buildResultFile, parseResultFile, type ParseOptions } from '../../src/lib/result-file';
import { scoreAssessment } from '../../src/lib/scoring';
import { AssessmentStore, INDEX_KEY, assessmentKey } from '../../src/lib/storage';
import { emptyPlan, newTask } from '../../src/lib/plan';
import { FakeStorage, NOW, answer, assessmentAt, realCatalogue } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const real = realCatalogue();
const opts: ParseOptions = {
	catalogue: real,
	newId: () => 'migrated-1',
	now: NOW,
	rejectUnknownCriteria: true,
	untitled: '导入的评估',
	passMark: 75,
	modelMark: 90,
};

function withPlan(): Assessment {
	const a = assessmentAt(real, 2, { A1: answer({ level: 1, evidence: [0] }) });
	a.plan = {
		tasks: [
			{
				...newTask('t-1', '<script>alert(1)</script>'),
				criterion: 'A1',
				owner: '=HYPERLINK("x")',
				due: '2026-06-30',
				status: 'doing',
				progress: [{ date: '2026-04-01', text: '<img src=x>' }],
			},
		],
		review: null,
	};
	a.ledger = { 'A1.1': { na: false, location: '一号柜', updatedOn: '2026-03-01', note: '"引号"' } };
	return a;
}

/** The file an earlier release wrote: same envelope, no plan or ledger. */
function olderFile(version: number): string {
	const a = assessmentAt(real, 2, {
		A1: answer({ level: 1, evidence: [0] }),
	}) as Partial<Assessment>;
	delete a.plan;
	delete a.ledger;
	delete a.application;
	const f = buildResultFile(a as Assessment, scoreAssessment(real, a as Assessment), NOW);
	return JSON.stringify({ ...f, schemaVersion: version });
}

describe('result file version 4', () => {
	it('writes version 4 and reads the same plan and ledger back', () => {
		const a = withPlan();
		const file = buildResultFile(a, scoreAssessment(real, a), NOW);
		expect(file.schemaVersion).toBe(SCHEMA_VERSION);
		expect(SCHEMA_VERSION).toBe(5);
		const r = parseResultFile(JSON.stringify(file), opts);
		expect(r.ok && r.assessment.plan).toEqual(a.plan);
		expect(r.ok && r.assessment.ledger).toEqual(a.ledger);
		expect(r.ok && r.migratedFrom).toBeNull();
	});
	it('a version 2 file (as the release before issue 9 wrote it) imports with an empty plan and ledger', () => {
		const text = readFileSync('tests/unit/fixtures/result-v2-catalogue-2026.1.json', 'utf8');
		const r = parseResultFile(text, opts);
		if (!r.ok) throw new Error(JSON.stringify(r.error));
		expect(r.migratedFrom).toBe(2);
		expect(r.assessment.plan).toEqual(emptyPlan());
		expect(r.assessment.ledger).toEqual({});
		expect(Object.keys(r.assessment.answers).length).toBeGreaterThan(0);
	});
	it.each([3])('a version %i file imports with an empty plan and ledger, answers kept', (v) => {
		const r = parseResultFile(olderFile(v), opts);
		if (!r.ok) throw new Error(JSON.stringify(r.error));
		expect(r.migratedFrom).toBe(v);
		expect(r.assessment.plan).toEqual(emptyPlan());
		expect(r.assessment.ledger).toEqual({});
		expect(r.assessment.answers['A1']).toEqual(answer({ level: 1, evidence: [0] }));
	});
	it('a version 1 file imports with an empty plan and ledger', () => {
		const v1 = {
			format: 'zhigong-zhijia.assessment',
			schemaVersion: 1,
			catalogueVersion: real.version,
			exportedAt: NOW.toISOString(),
			profile: { unitName: '甲厂', unionName: '甲厂工会', assessedOn: '2024-01-01', assessor: '' },
			answers: { A1: { level: 2 } },
		};
		const r = parseResultFile(JSON.stringify(v1), opts);
		expect(r.ok && r.assessment.plan).toEqual(emptyPlan());
		expect(r.ok && r.assessment.ledger).toEqual({});
	});
	it.each([
		['a version 3 file that carries a plan', (f: Json) => ({ ...f, schemaVersion: 3 })],
		[
			'a version 4 file without a plan',
			(f: Json) => ({ ...f, assessment: { ...f.assessment, plan: undefined } }),
		],
		[
			'a task with an unknown status',
			(f: Json) => {
				f.assessment.plan.tasks[0].status = 'lost';
				return f;
			},
		],
		[
			'a paused task without a reason',
			(f: Json) => {
				f.assessment.plan.tasks[0].status = 'paused';
				return f;
			},
		],
		[
			'two tasks with one id',
			(f: Json) => {
				f.assessment.plan.tasks.push(f.assessment.plan.tasks[0]);
				return f;
			},
		],
		[
			'a ledger key that is not an evidence item',
			(f: Json) => {
				f.assessment.ledger['A1'] = f.assessment.ledger['A1.1'];
				return f;
			},
		],
	])('refuses %s', (_label, edit) => {
		const a = withPlan();
		const f = JSON.parse(JSON.stringify(buildResultFile(a, scoreAssessment(real, a), NOW)));
		const r = parseResultFile(JSON.stringify(edit(f)), opts);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error.code).toBe('bad-shape');
	});
});

describe('storage', () => {
	it('an assessment saved before version 4 loads with an empty plan and ledger, nothing quarantined', () => {
		const storage = new FakeStorage();
		const a = assessmentAt(real, 2) as Partial<Assessment>;
		delete a.plan;
		delete a.ledger;
		delete a.application;
		storage.setItem(assessmentKey(a.id!), JSON.stringify(a));
		storage.setItem(INDEX_KEY, JSON.stringify({ ids: [a.id], currentId: a.id }));
		const loaded = new AssessmentStore(storage, () => NOW).load();
		expect(loaded.quarantined).toEqual([]);
		expect(loaded.assessments[0]!.plan).toEqual(emptyPlan());
		expect(loaded.assessments[0]!.ledger).toEqual({});
	});
	it('a plan saved and loaded is the same plan', () => {
		const storage = new FakeStorage();
		const store = new AssessmentStore(storage, () => NOW);
		const a = withPlan();
		store.save(a);
		store.writeIndex([a.id], a.id);
		expect(new AssessmentStore(storage, () => NOW).load().assessments[0]!.plan).toEqual(a.plan);
	});
});
