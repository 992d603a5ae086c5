/**
 * Property tests: generated assessments survive export and import unchanged, and no
 * damaged file can make the import throw, produce an invalid assessment, or write to storage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	AssessmentSchema,
	LIMITS,
	SCOPES,
	UNIT_TYPES,
	type Answer,
	type Assessment,
	type Survey,
} from '../../src/lib/assessment';
import {
	FORMAT,
	buildResultFile,
	checkFileSize,
	parseResultFile,
	type ImportErrorCode,
	type ImportResult,
	type ParseOptions,
} from '../../src/lib/result-file';
import { scoreAssessment } from '../../src/lib/scoring';
import {
	PLAN_LIMITS,
	TASK_STATUSES,
	type LevelState,
	type Plan,
	type Task,
} from '../../src/lib/plan';
import { LEDGER_LIMITS, type Ledger } from '../../src/lib/ledger';
import { AssessmentStore } from '../../src/lib/storage';
import { FakeStorage, NOW, realCatalogue } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const real = realCatalogue();
const CRITERIA = real.criteria.map((c) => c.id);
const opts = (over: Partial<ParseOptions> = {}): ParseOptions => ({
	catalogue: real,
	newId: () => 'imported-1',
	now: NOW,
	rejectUnknownCriteria: true,
	untitled: '导入的评估',
	passMark: 75,
	modelMark: 90,
	...over,
});
const CODES: ImportErrorCode[] = [
	'too-large',
	'empty',
	'not-json',
	'forbidden-key',
	'not-result-file',
	'newer-version',
	'bad-shape',
	'unknown-criteria',
];
const codePoints = (s: string) => Array.from(s).length;

// ---------- arbitraries ----------

const NASTY = [
	'',
	'<script>alert(1)</script>',
	'</script><script>alert(document.cookie)</script>',
	"=cmd|' /C calc'!A0",
	'=HYPERLINK("http://evil","点我")',
	'+SUM(1,2)',
	'-2+3',
	'@SUM(A1)',
	'\t=1',
	'\r\n=1',
	'__proto__',
	'constructor',
	'prototype',
	'{"__proto__":{"x":1}}',
	'"}]},{',
	'\\u0000',
	'\u0000',
	'\u2028\u2029',
	'\uFEFF',
	'职工之家 · 建家指南与自评',
	'👨‍👩‍👧‍👦',
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Text of at most `limit` code points (as the schema counts), often hostile. */
function text(limit: number): fc.Arbitrary<string> {
	return fc
		.oneof(
			{ weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(limit, 40) }) },
			{ weight: 3, arbitrary: fc.constantFrom(...NASTY) },
			{ weight: 1, arbitrary: fc.string({ unit: loneSurrogate, maxLength: 4 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
			{
				weight: 2,
				arbitrary: fc
					.tuple(
						fc.constantFrom(...NASTY),
						fc.string({ unit: 'binary', maxLength: 20 }),
						fc.constantFrom(...NASTY),
					)
					.map((parts) => parts.join('')),
			},
			{
				weight: 1,
				arbitrary: fc.string({
					unit: 'binary',
					minLength: Math.max(0, limit - 2),
					maxLength: limit,
				}),
			},
		)
		.filter((s) => codePoints(s) <= limit);
}

const rate = fc.oneof(
	fc.integer({ min: 0, max: 100 }),
	fc.double({ min: 0, max: 100, noNaN: true }).map((x) => (x === 0 ? 0 : x)), // -0 would come back as 0
	fc.constantFrom(0, 84.99, 85, 89.99, 90, 100),
);

const plain = { noNullPrototype: true } as const; // JSON.parse never makes null-prototype objects
const answerArb: fc.Arbitrary<Answer> = fc.record(
	{
		level: fc.constantFrom(null, 0, 1, 2, 3),
		na: fc.boolean(),
		naReason: text(LIMITS.reason),
		rate: fc.option(rate, { nil: null }),
		evidence: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }),
		note: text(LIMITS.note),
	},
	plain,
);

const count = fc.option(
	fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: LIMITS.maxCount })),
	{ nil: null },
);
const surveyArb: fc.Arbitrary<Survey> = fc.record(
	{
		held: fc.option(fc.boolean(), { nil: null }),
		members: count,
		participants: count,
		frontline: count,
		satisfied: count,
		basic: count,
		unsatisfied: count,
		countBasic: fc.boolean(),
	},
	plain,
);
const isoDateTime = fc
	.date({
		min: new Date('1970-01-01T00:00:00.000Z'),
		max: new Date('9999-12-31T23:59:59.999Z'),
		noInvalidDate: true,
	})
	.map((d) => d.toISOString());
// `constructor` and `prototype` match the pattern but are refused by the schema (as by the import).
const flagKey = fc
	.oneof(
		fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/),
		fc.constantFrom('V1', 'V2', 'V3', 'V4', 'ruhuilv-90', 'yiyou-chenghao'),
	)
	.filter((k) => k !== 'constructor' && k !== 'prototype');
const flags = fc.dictionary(flagKey, fc.constantFrom(true, false, null), {
	maxKeys: LIMITS.keyedFlags,
	...plain,
});
const settings = fc
	.tuple(
		fc.oneof(fc.integer({ min: 1, max: 105 }), fc.double({ min: 1, max: 105, noNaN: true })),
		fc.integer({ min: 1, max: 105 }),
	)
	.filter(([a, b]) => a < b)
	.map(([passMark, modelMark]) => ({ passMark, modelMark }));

const day = fc
	.date({
		min: new Date('2000-01-01T00:00:00Z'),
		max: new Date('2099-12-31T00:00:00Z'),
		noInvalidDate: true,
	})
	.map((d) => d.toISOString().slice(0, 10));
const maybeDay = fc.oneof(fc.constant(''), day);
const criterionOrNull = fc.oneof(fc.constant(null), fc.constantFrom(...CRITERIA));
const levelOrNull = fc.constantFrom(null, 0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3 | null>;
const taskArb: fc.Arbitrary<Task> = fc
	.record(
		{
			id: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
			criterion: criterionOrNull,
			title: text(PLAN_LIMITS.title).filter((s) => s.length > 0),
			levelAtStart: levelOrNull,
			target: text(PLAN_LIMITS.target),
			measures: fc.array(text(PLAN_LIMITS.measureText), { maxLength: PLAN_LIMITS.measures }),
			owner: text(PLAN_LIMITS.owner),
			due: maybeDay,
			status: fc.constantFrom(...TASK_STATUSES),
			pauseReason: text(PLAN_LIMITS.reason),
			doneOn: maybeDay,
			progress: fc.array(
				fc.record(
					{ date: day, text: text(PLAN_LIMITS.progressText).filter((s) => s.length > 0) },
					plain,
				),
				{ maxLength: 3 },
			),
			carriedFrom: text(100),
		},
		plain,
	)
	.map((t) =>
		t.status === 'paused' && t.pauseReason.trim() === '' ? { ...t, pauseReason: '因故' } : t,
	);
const planArb: fc.Arbitrary<Plan> = fc.record(
	{
		tasks: fc.uniqueArray(taskArb, { maxLength: 5, selector: (t) => t.id }),
		review: fc.oneof(
			fc.constant(null),
			fc.record(
				{
					fromName: text(100),
					fromAssessedOn: maybeDay,
					tasks: fc.array(
						fc.record(
							{
								id: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
								criterion: criterionOrNull,
								title: text(PLAN_LIMITS.title).filter((s) => s.length > 0),
								status: fc.constantFrom(...TASK_STATUSES),
								doneOn: maybeDay,
							},
							plain,
						),
						{ maxLength: 4 },
					),
					levels: fc.dictionary(
						fc.constantFrom(...CRITERIA),
						fc.constantFrom(null, 0, 1, 2, 3, 'na') as fc.Arbitrary<LevelState>,
						{ maxKeys: 4, ...plain },
					),
				},
				plain,
			),
		),
	},
	plain,
);
const ledgerArb: fc.Arbitrary<Ledger> = fc.dictionary(
	fc.stringMatching(/^[A-Z]\d{1,2}\.\d$/),
	fc.record(
		{
			na: fc.boolean(),
			location: text(LEDGER_LIMITS.location),
			updatedOn: maybeDay,
			note: text(LEDGER_LIMITS.note),
		},
		plain,
	),
	{ maxKeys: 8, ...plain },
);

function assessmentArb(
	answerKeys: fc.Arbitrary<string>,
	maxAnswers: number,
): fc.Arbitrary<Assessment> {
	return fc.record(
		{
			id: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
			name: text(LIMITS.shortText),
			createdAt: isoDateTime,
			updatedAt: isoDateTime,
			catalogueVersion: fc.oneof(fc.constant(real.version), fc.stringMatching(/^\d{4}\.\d{1,4}$/)),
			profile: fc.record(
				{
					unitName: text(LIMITS.shortText),
					unionName: text(LIMITS.shortText),
					unitType: fc.constantFrom(...UNIT_TYPES),
					scope: fc.constantFrom(...SCOPES),
					parentUnion: text(LIMITS.shortText),
					memberCount: count,
					assessedOn: fc.oneof(
						fc.constant(''),
						isoDateTime.map((d) => d.slice(0, 10)),
					),
					assessor: text(LIMITS.shortText),
				},
				plain,
			),
			answers: fc.dictionary(answerKeys, answerArb, { maxKeys: maxAnswers, ...plain }),
			vetoes: flags,
			eligibility: flags,
			survey: surveyArb,
			settings,
			plan: planArb,
			ledger: ledgerArb,
			application: fc.record(
				{
					overall: text(LIMITS.summaryOverall),
					sections: fc.dictionary(
						fc.stringMatching(/^[A-Z]$/),
						fc.record(
							{
								done: text(LIMITS.summaryDone),
								figures: text(LIMITS.summaryFigures),
								evidence: text(LIMITS.summaryEvidence),
							},
							plain,
						),
						{ maxKeys: 4, ...plain },
					),
				},
				plain,
			),
		},
		plain,
	);
}
const catalogueAssessment = assessmentArb(fc.constantFrom(...CRITERIA), CRITERIA.length);
const anyKeyAssessment = assessmentArb(fc.stringMatching(/^[A-Z]\d{1,2}$/), LIMITS.answers);

// ---------- helpers ----------

function fileText(a: Assessment): string {
	return JSON.stringify(buildResultFile(a, scoreAssessment(real, a), NOW));
}

/** The whole import path as the page runs it: size check, then parse. Never touches storage. */
function importText(t: string, o: ParseOptions = opts()): ImportResult {
	const tooBig = checkFileSize(new TextEncoder().encode(t).length);
	if (tooBig) return { ok: false, error: tooBig };
	return parseResultFile(t, o);
}

function expectSound(r: ImportResult): void {
	if (r.ok) {
		const check = AssessmentSchema.safeParse(r.assessment);
		if (!check.success)
			throw new Error(`accepted an invalid assessment: ${JSON.stringify(check.error.issues[0])}`);
		const s = scoreAssessment(real, r.assessment);
		expect(Number.isFinite(s.total)).toBe(true);
		expect(s.total).toBeGreaterThanOrEqual(0);
		expect(s.total).toBeLessThanOrEqual(100 + real.bonusMax);
	} else {
		expect(CODES).toContain(r.error.code);
		expect(typeof r.error.detail).toBe('string');
	}
}

/** Sets an own, enumerable property even for `__proto__`. */
function setOwn(target: Json, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		configurable: true,
		writable: true,
	});
}

/** Every container (object or array) in a JSON tree, with the keys it holds. */
function containers(root: Json): Json[] {
	const out: Json[] = [];
	const visit = (v: Json) => {
		if (v === null || typeof v !== 'object') return;
		out.push(v);
		for (const k of Object.keys(v)) visit(v[k]);
	};
	visit(root);
	return out;
}

type Mutation =
	| { kind: 'delete'; at: number; key: number }
	| { kind: 'insert'; at: number; name: string; value: Json }
	| { kind: 'retype'; at: number; key: number; value: Json }
	| { kind: 'version'; value: Json }
	| { kind: 'truncate'; at: number }
	| { kind: 'flip'; at: number; mask: number }
	| { kind: 'bom' };

const jsonValue = fc.oneof(
	fc.constantFrom(
		null,
		true,
		false,
		0,
		-1,
		1.5,
		1e308,
		-1e-308,
		'',
		'x',
		'2026.1',
		[],
		{},
		[1, 2],
		{ a: 1 },
	),
	fc.jsonValue({ maxDepth: 2 }),
	text(30),
	fc.string({ unit: 'binary', minLength: 2001, maxLength: 2100 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }),
	fc.record({
		kind: fc.constant('insert' as const),
		at: fc.nat(),
		name: fc.oneof(
			fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'Z9', 'A1', 'id'),
			fc.string({ maxLength: 8 }),
		),
		value: jsonValue,
	}),
	fc.record({
		kind: fc.constant('retype' as const),
		at: fc.nat(),
		key: fc.nat(),
		value: jsonValue,
	}),
	fc.record({
		kind: fc.constant('version' as const),
		value: fc.constantFrom(0, 1, 2, 3, '2', 2.5, null, -1, 1e9),
	}),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant('flip' as const),
		at: fc.nat(),
		mask: fc.integer({ min: 1, max: 255 }),
	}),
	fc.constant({ kind: 'bom' as const }),
);

/** Applies mutations in order: tree edits on the parsed file, then text edits on its JSON. */
function mutate(original: string, list: Mutation[]): string {
	const tree: Json = JSON.parse(original);
	const textOps: Mutation[] = [];
	for (const m of list) {
		if (m.kind === 'truncate' || m.kind === 'flip' || m.kind === 'bom') {
			textOps.push(m);
			continue;
		}
		if (m.kind === 'version') {
			tree.schemaVersion = m.value;
			continue;
		}
		const all = containers(tree);
		const target = all[m.at % all.length];
		const keys = Object.keys(target);
		// A fresh copy per mutation: fast-check may hand the same value object to several
		// mutations, and inserting it into itself would make a cycle JSON cannot write.
		const raw: unknown = 'value' in m ? m.value : undefined;
		const value: unknown = raw === undefined ? undefined : JSON.parse(JSON.stringify(raw));
		if (m.kind === 'insert') {
			if (Array.isArray(target)) target.push(value);
			else setOwn(target, m.name, value);
		} else if (keys.length) {
			const key = keys[m.key % keys.length]!;
			if (m.kind === 'delete') {
				if (Array.isArray(target)) target.splice(Number(key), 1);
				else delete target[key];
			} else setOwn(target, key, value);
		}
	}
	let out = JSON.stringify(tree);
	for (const m of textOps) {
		if (m.kind === 'truncate') out = out.slice(0, m.at % (out.length + 1));
		else if (m.kind === 'bom') out = `\uFEFF${out}`;
		else if (m.kind === 'flip') {
			const bytes = new TextEncoder().encode(out);
			if (bytes.length) {
				const i = m.at % bytes.length;
				bytes[i] = bytes[i]! ^ m.mask;
				out = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
			}
		}
	}
	return out;
}

// ---------- properties ----------

describe('generated valid assessments', () => {
	it('are valid by the schema (generator check)', () => {
		fc.assert(
			fc.property(anyKeyAssessment, (a) => {
				const r = AssessmentSchema.safeParse(a);
				if (!r.success) throw new Error(JSON.stringify(r.error.issues[0]));
			}),
			{ numRuns: 100 },
		);
	});

	it('round-trip through buildResultFile → JSON.stringify → parseResultFile unchanged', () => {
		fc.assert(
			fc.property(catalogueAssessment, (a) => {
				const before = structuredClone(a);
				const r = importText(fileText(a));
				if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.detail}`);
				expect(r.assessment).toStrictEqual(before);
				expect(r.migratedFrom).toBeNull();
				expect(scoreAssessment(real, r.assessment)).toStrictEqual(scoreAssessment(real, before));
			}),
			{ numRuns: 600 },
		);
	});

	it('with any criterion keys round-trip when unknown criteria are allowed', () => {
		fc.assert(
			fc.property(anyKeyAssessment, (a) => {
				const r = importText(fileText(a), opts({ rejectUnknownCriteria: false }));
				if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.detail}`);
				expect(r.assessment).toStrictEqual(a);
			}),
			{ numRuns: 200 },
		);
	});

	it('round-trip through the store', () => {
		fc.assert(
			fc.property(catalogueAssessment, (a) => {
				const storage = new FakeStorage();
				const store = new AssessmentStore(storage, () => NOW);
				expect(store.save(a, false)).toEqual({ ok: true });
				const loaded = new AssessmentStore(storage, () => NOW).load();
				expect(loaded.quarantined).toEqual([]);
				expect(loaded.assessments).toStrictEqual([a]);
			}),
			{ numRuns: 150 },
		);
	});
});

describe('damaged files', () => {
	it('never throw, never yield an invalid assessment, and never write to storage', () => {
		fc.assert(
			fc.property(
				catalogueAssessment,
				fc.array(mutation, { minLength: 1, maxLength: 4 }),
				fc.boolean(),
				(a, mutations, reject) => {
					const storage = new FakeStorage();
					const store = new AssessmentStore(storage, () => NOW);
					store.save(a, false);
					store.writeIndex([a.id], a.id);
					const snapshot = store.snapshot();
					const writes = storage.writes;

					const damaged = mutate(fileText(a), mutations);
					let r: ImportResult | undefined;
					expect(() => {
						r = importText(damaged, opts({ rejectUnknownCriteria: reject }));
					}).not.toThrow();
					expectSound(r!);

					expect(store.snapshot()).toStrictEqual(snapshot);
					expect(storage.writes).toBe(writes);
				},
			),
			{ numRuns: 1000 },
		);
		expect(({} as Record<string, unknown>)['x']).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('version 1 files of any content migrate to valid assessments or are refused', () => {
		const v1 = fc.record({
			format: fc.oneof(
				{ weight: 9, arbitrary: fc.constant(FORMAT) },
				{ weight: 1, arbitrary: fc.string() },
			),
			schemaVersion: fc.oneof(
				{ weight: 9, arbitrary: fc.constant(1) },
				{ weight: 1, arbitrary: fc.constantFrom(0, 2, '1') },
			),
			catalogueVersion: fc.stringMatching(/^\d{4}\.\d{1,3}$/),
			exportedAt: fc.string({ maxLength: 40 }),
			profile: fc.record({
				unitName: text(LIMITS.shortText),
				unionName: text(LIMITS.shortText),
				assessedOn: fc.oneof(
					fc.constant(''),
					isoDateTime.map((d) => d.slice(0, 10)),
				),
				assessor: text(LIMITS.shortText),
			}),
			answers: fc.dictionary(
				fc.oneof(fc.constantFrom(...CRITERIA), fc.stringMatching(/^[A-Z]\d{1,2}$/)),
				fc.record(
					{ level: fc.constantFrom(0, 1, 2, 3, 'na'), note: text(LIMITS.note) },
					{ requiredKeys: ['level'] },
				),
				{ maxKeys: 120 },
			),
		});
		fc.assert(
			fc.property(
				v1,
				fc.boolean(),
				fc.array(mutation, { maxLength: 2 }),
				(file, reject, mutations) => {
					const t = mutate(JSON.stringify(file), mutations);
					let r: ImportResult | undefined;
					expect(() => {
						r = importText(t, opts({ rejectUnknownCriteria: reject }));
					}).not.toThrow();
					expectSound(r!);
					if (r!.ok && mutations.length === 0) expect(r!.migratedFrom).toBe(1);
				},
			),
			{ numRuns: 300 },
		);
	});
});
