import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	AssessmentSchema,
	LIMITS,
	SCHEMA_VERSION,
	type Assessment,
} from '../../src/lib/assessment';
import {
	FORMAT,
	MAX_FILE_BYTES,
	buildResultFile,
	checkFileSize,
	parseResultFile,
	type ImportErrorCode,
	type ImportResult,
	type ParseOptions,
} from '../../src/lib/result-file';
import { scoreAssessment } from '../../src/lib/scoring';
import type { Review } from '../../src/lib/review';
import { answer, assessmentAt, miniCatalogue, NOW, realCatalogue } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const real = realCatalogue();
const opts = (over: Partial<ParseOptions> = {}): ParseOptions => ({
	catalogue: real,
	newId: () => 'migrated-1',
	now: NOW,
	rejectUnknownCriteria: true,
	untitled: '导入的评估',
	passMark: 75,
	modelMark: 90,
	...over,
});

/** A rich assessment: every kind of answer, a filled profile, vetoes, conditions and a survey. */
function sample(): Assessment {
	const a = assessmentAt(real, 3, {
		A2: answer({ na: true, naReason: '女会员不足 10 名，设女职工委员' }),
		A4: answer({ rate: 87.5, evidence: [0, 2] }),
		B1: answer({
			level: 1,
			note: '主席尚未参加培训，计划 "下半年" 补训，<script>alert(1)</script>',
		}),
		C1: answer({ level: 2, evidence: [0, 1, 2], note: '=HYPERLINK("x")' }),
		D3: answer(),
		I2: answer({ rate: 91.2 }),
		J3: answer({ na: true, naReason: '' }),
	});
	a.name = '2026 年度自评（试）';
	a.profile = {
		unitName: '某某机械有限公司',
		unionName: '某某机械有限公司工会委员会',
		unitType: 'enterprise',
		scope: 'subunit',
		parentUnion: '某某集团工会',
		memberCount: 318,
		assessedOn: '2026-02-27',
		assessor: '李四',
	};
	a.vetoes = { V1: false, V2: null, V4: false };
	a.eligibility = { 'yiyou-chenghao': true, 'jituan-erji-60': null };
	a.survey = {
		held: true,
		members: 318,
		participants: 120,
		frontline: 90,
		satisfied: 100,
		basic: 15,
		unsatisfied: 5,
		countBasic: false,
	};
	a.settings = { passMark: 70, modelMark: 88 };
	a.updatedAt = '2026-02-28T10:11:12.345Z';
	return a;
}

function fileOf(a: Assessment): Json {
	return JSON.parse(JSON.stringify(buildResultFile(a, scoreAssessment(real, a), NOW)));
}
const text = (f: Json) => JSON.stringify(f);
/** Valid criterion keys A0…A99, B0…: as many distinct answers as needed. */
const key = (i: number) => `${String.fromCharCode(65 + Math.floor(i / 100))}${i % 100}`;

function expectOk(r: ImportResult): Assessment {
	if (!r.ok) throw new Error(`expected ok, got ${r.error.code} (${r.error.detail})`);
	return r.assessment;
}
function expectError(r: ImportResult, code: ImportErrorCode): string {
	if (r.ok) throw new Error(`expected ${code}, got ok`);
	expect(r.error.code).toBe(code);
	return r.error.detail;
}

describe('round trip', () => {
	it('buildResultFile → JSON → parseResultFile gives the same assessment and scores', () => {
		const a = sample();
		const scores = scoreAssessment(real, a);
		const r = parseResultFile(JSON.stringify(buildResultFile(a, scores, NOW)), opts());
		const back = expectOk(r);
		expect(back).toStrictEqual(a);
		expect(r.ok && r.migratedFrom).toBeNull();
		expect(scoreAssessment(real, back)).toStrictEqual(scores);
	});

	it('the file has the documented envelope', () => {
		const a = sample();
		const f = buildResultFile(a, scoreAssessment(real, a), NOW);
		expect(Object.keys(f)).toEqual([
			'format',
			'schemaVersion',
			'catalogueVersion',
			'exportedAt',
			'assessment',
			'scores',
		]);
		expect(f.format).toBe(FORMAT);
		expect(f.schemaVersion).toBe(SCHEMA_VERSION);
		expect(f.catalogueVersion).toBe(real.version);
		expect(f.exportedAt).toBe(NOW.toISOString());
		expect(f.scores.band).toBe(scoreAssessment(real, a).band.id);
	});

	it.each([
		['a BOM', (t: string) => `\uFEFF${t}`],
		['pretty-printing', (t: string) => JSON.stringify(JSON.parse(t), null, '\t')],
		['surrounding whitespace', (t: string) => `\n  ${t}\r\n`],
		[
			'a BOM and CRLF pretty-printing',
			(t: string) => `\uFEFF${JSON.stringify(JSON.parse(t), null, 2).replace(/\n/g, '\r\n')}`,
		],
	])('accepts text with %s', (_label, change) => {
		const a = sample();
		expect(expectOk(parseResultFile(change(text(fileOf(a))), opts()))).toStrictEqual(a);
	});

	it('an empty new assessment round-trips', () => {
		const a = assessmentAt(real, 3);
		a.answers = {};
		expect(expectOk(parseResultFile(text(fileOf(a)), opts()))).toStrictEqual(a);
	});

	it('scores in the file are informative only: tampered scores do not change the import', () => {
		const a = sample();
		const f = fileOf(a);
		f.scores.total = 999;
		f.scores.band = 'mofan';
		const back = expectOk(parseResultFile(text(f), opts()));
		expect(scoreAssessment(real, back).total).toBe(scoreAssessment(real, a).total);
	});
});

describe('errors', () => {
	it.each(['', ' ', '\n\t\r\n', '\uFEFF', '\uFEFF  \n'])('empty: %j', (t) => {
		expectError(parseResultFile(t, opts()), 'empty');
	});

	it.each([
		'{',
		'abc',
		'{"a":1,}',
		"{'format':1}",
		'NaN',
		'{"format":"zhigong-zhijia.assessment"',
		'undefined',
		'\uFEFF\uFEFF{}',
	])('not-json: %j', (t) => {
		expectError(parseResultFile(t, opts()), 'not-json');
	});

	it('not-json for a truncated file', () => {
		const t = text(fileOf(sample()));
		expectError(parseResultFile(t.slice(0, t.length / 2), opts()), 'not-json');
	});

	describe('forbidden-key', () => {
		const PLACEHOLDER = 'ZZ_FORBIDDEN_PLACEHOLDER';
		/** Puts a key named `key` at `path` by editing the JSON text (assignment would set the prototype). */
		const withKey = (path: string[], key: string, value: unknown = { polluted: true }) => {
			const f = fileOf(sample());
			let target = f;
			for (const p of path) target = target[p];
			target[PLACEHOLDER] = value;
			return text(f).replace(`"${PLACEHOLDER}"`, JSON.stringify(key));
		};
		const cases: [string, string[]][] = [];
		for (const key of ['__proto__', 'constructor', 'prototype'])
			for (const path of [
				[],
				['assessment'],
				['assessment', 'answers'],
				['assessment', 'answers', 'A1'],
				['assessment', 'profile'],
				['assessment', 'vetoes'],
				['scores', 'completion'],
			])
				cases.push([key, path]);
		it.each(cases)('%s at %j', (key, path) => {
			const detail = expectError(parseResultFile(withKey(path, key), opts()), 'forbidden-key');
			expect(detail).toBe(key);
			expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
			expect(Object.prototype).not.toHaveProperty('polluted');
		});

		it('inside an array element and with a primitive value', () => {
			const f = fileOf(sample());
			f.scores.criteria[0][PLACEHOLDER] = 1;
			const t = text(f).replace(`"${PLACEHOLDER}"`, '"__proto__"');
			expect(expectError(parseResultFile(t, opts()), 'forbidden-key')).toBe('__proto__');
		});

		it('is refused even in a file that is not a result file', () => {
			expectError(
				parseResultFile('{"a":{"b":{"constructor":{"prototype":{}}}}}', opts()),
				'forbidden-key',
			);
			expectError(parseResultFile('[{"__proto__":null}]', opts()), 'forbidden-key');
		});

		it('keys that merely contain the words are fine as far as JSON goes', () => {
			const f = fileOf(sample());
			f.assessment.answers.A1.note = '__proto__ constructor prototype';
			expectOk(parseResultFile(text(f), opts()));
		});
	});

	it.each([
		['an array', '[]'],
		['an array of files', () => `[${text(fileOf(sample()))}]`],
		['a number', '42'],
		['a string', '"zhigong-zhijia.assessment"'],
		['null', 'null'],
		['true', 'true'],
		['an empty object', '{}'],
		['another format', () => text({ ...fileOf(sample()), format: 'other.assessment' })],
		[
			'a near-miss format',
			() => text({ ...fileOf(sample()), format: 'zhigong-zhijia.assessment ' }),
		],
		['a format of the wrong type', () => text({ ...fileOf(sample()), format: 1 })],
		[
			'no format',
			() => {
				const f = fileOf(sample());
				delete f.format;
				return text(f);
			},
		],
	] as const)('not-result-file: %s', (_label, t) => {
		expectError(parseResultFile(typeof t === 'function' ? t() : t, opts()), 'not-result-file');
	});

	it.each([SCHEMA_VERSION + 1, 99, 1000])('newer-version: schemaVersion %i', (v) => {
		const detail = expectError(
			parseResultFile(text({ ...fileOf(sample()), schemaVersion: v }), opts()),
			'newer-version',
		);
		expect(detail).toBe(String(v));
	});

	it.each([['2'], [2.5], [0], [-1], [null], [undefined], [[2]]] as const)(
		'bad-shape: schemaVersion %j',
		(v) => {
			const f = { ...fileOf(sample()), schemaVersion: v };
			expect(expectError(parseResultFile(text(f), opts()), 'bad-shape')).toBe('schemaVersion');
		},
	);

	describe('bad-shape names the path', () => {
		const note = (n: number) => '字'.repeat(n);
		const cases: [string, (f: Json) => void, string][] = [
			['extra key at the top', (f) => (f.extra = 1), 'extra'],
			['extra key in assessment', (f) => (f.assessment.hacked = true), 'assessment.hacked'],
			[
				'extra key in profile',
				(f) => (f.assessment.profile.email = 'a@b.c'),
				'assessment.profile.email',
			],
			[
				'extra key in an answer',
				(f) => (f.assessment.answers.A1.score = 100),
				'assessment.answers.A1.score',
			],
			['extra key in survey', (f) => (f.assessment.survey.x = 1), 'assessment.survey.x'],
			['extra key in settings', (f) => (f.assessment.settings.x = 1), 'assessment.settings.x'],
			['extra key in scores', (f) => (f.scores.extra = 1), 'scores.extra'],
			['extra key in a score row', (f) => (f.scores.criteria[3].x = 1), 'scores.criteria.3.x'],
			[
				'wrong type: memberCount as text',
				(f) => (f.assessment.profile.memberCount = '318'),
				'assessment.profile.memberCount',
			],
			[
				'wrong type: level 4',
				(f) => (f.assessment.answers.A1.level = 4),
				'assessment.answers.A1.level',
			],
			[
				'wrong type: level "3"',
				(f) => (f.assessment.answers.A1.level = '3'),
				'assessment.answers.A1.level',
			],
			['wrong type: na as 1', (f) => (f.assessment.answers.A2.na = 1), 'assessment.answers.A2.na'],
			[
				'wrong type: rate above 100',
				(f) => (f.assessment.answers.A4.rate = 100.1),
				'assessment.answers.A4.rate',
			],
			[
				'wrong type: evidence index 10',
				(f) => (f.assessment.answers.A4.evidence = [10]),
				'assessment.answers.A4.evidence.0',
			],
			['wrong type: answers as array', (f) => (f.assessment.answers = []), 'assessment.answers'],
			[
				'wrong type: veto as "yes"',
				(f) => (f.assessment.vetoes.V1 = 'yes'),
				'assessment.vetoes.V1',
			],
			[
				'wrong type: unitType',
				(f) => (f.assessment.profile.unitType = 'factory'),
				'assessment.profile.unitType',
			],
			[
				'wrong type: assessedOn',
				(f) => (f.assessment.profile.assessedOn = '2026/02/27'),
				'assessment.profile.assessedOn',
			],
			[
				'wrong type: negative count',
				(f) => (f.assessment.survey.members = -1),
				'assessment.survey.members',
			],
			[
				'wrong type: fractional count',
				(f) => (f.assessment.survey.members = 1.5),
				'assessment.survey.members',
			],
			['wrong type: scores.total', (f) => (f.scores.total = '101'), 'scores.total'],
			[
				'bad criterion key',
				(f) => (f.assessment.answers.a1 = f.assessment.answers.A1),
				'assessment.answers.a1',
			],
			['missing key', (f) => delete f.assessment.profile.assessor, 'assessment.profile.assessor'],
			['missing assessment', (f) => delete f.assessment, 'assessment'],
			[
				'note over 2000 characters',
				(f) => (f.assessment.answers.B1.note = note(LIMITS.note + 1)),
				'assessment.answers.B1.note',
			],
			[
				'naReason over 500 characters',
				(f) => (f.assessment.answers.A2.naReason = note(LIMITS.reason + 1)),
				'assessment.answers.A2.naReason',
			],
			[
				'name over 100 characters',
				(f) => (f.assessment.name = note(LIMITS.shortText + 1)),
				'assessment.name',
			],
			['id with a slash', (f) => (f.assessment.id = '../x'), 'assessment.id'],
			[
				'too many answers',
				(f) => {
					for (let i = 0; i <= LIMITS.answers; i++)
						f.assessment.answers[key(i)] = JSON.parse(JSON.stringify(f.assessment.answers.A1));
				},
				'assessment.answers',
			],
			[
				'passMark not below modelMark',
				(f) => (f.assessment.settings = { passMark: 90, modelMark: 90 }),
				'assessment',
			],
		];
		it.each(cases)('%s → %s', (_label, mutate, path) => {
			const f = fileOf(sample());
			mutate(f);
			expect(
				expectError(parseResultFile(text(f), opts({ rejectUnknownCriteria: false })), 'bad-shape'),
			).toBe(path);
		});

		it('catalogue versions that differ between envelope and assessment', () => {
			const f = fileOf(sample());
			f.catalogueVersion = '2025.9';
			expect(expectError(parseResultFile(text(f), opts()), 'bad-shape')).toBe('');
		});
	});

	it.each([
		[
			'a note of exactly 2000 characters',
			(f: Json) => (f.assessment.answers.B1.note = 'x'.repeat(LIMITS.note)),
		],
		[
			'exactly 100 answers',
			(f: Json) => {
				f.assessment.answers = {};
				for (let i = 0; i < LIMITS.answers; i++)
					f.assessment.answers[key(i)] = {
						level: 1,
						na: false,
						naReason: '',
						rate: null,
						evidence: [],
						note: '',
					};
			},
		],
	] as const)('accepts %s', (_label, mutate) => {
		const f = fileOf(sample());
		mutate(f);
		expectOk(parseResultFile(text(f), opts({ rejectUnknownCriteria: false })));
	});

	describe('unknown criteria', () => {
		const withZ9 = () => {
			const a = sample();
			a.answers['Z9'] = answer({ level: 2 });
			return text(fileOf(a));
		};
		it('are refused when rejectUnknownCriteria is true', () => {
			expect(expectError(parseResultFile(withZ9(), opts()), 'unknown-criteria')).toBe('Z9');
		});
		it('are accepted (and ignored by scoring) when false', () => {
			const back = expectOk(parseResultFile(withZ9(), opts({ rejectUnknownCriteria: false })));
			expect(back.answers['Z9']).toEqual(answer({ level: 2 }));
			expect(scoreAssessment(real, back).total).toBe(scoreAssessment(real, sample()).total);
		});
		it('names at most five of them', () => {
			const a = sample();
			for (const id of ['Z1', 'Z2', 'Z3', 'Z4', 'Z5', 'Z6', 'Z7']) a.answers[id] = answer();
			expect(expectError(parseResultFile(text(fileOf(a)), opts()), 'unknown-criteria')).toBe(
				'Z1、Z2、Z3、Z4、Z5',
			);
		});
	});
});

describe('schema and import agree on reserved keys', () => {
	it.each(['constructor', 'prototype', '__proto__'])(
		'a flag named %s is invalid for the schema as for the import',
		(name) => {
			for (const field of ['vetoes', 'eligibility'] as const) {
				const a: Json = sample();
				Object.defineProperty(a[field], name, {
					value: true,
					enumerable: true,
					configurable: true,
					writable: true,
				});
				const check = AssessmentSchema.safeParse(a);
				// zod drops an own `__proto__` key from records instead of refusing it; either way it never comes through.
				if (name !== '__proto__') expect(check.success).toBe(false);
				else if (check.success) expect(Object.keys(check.data[field])).not.toContain(name);
				const t = JSON.stringify(buildResultFile(a, scoreAssessment(real, a), NOW));
				expect(expectError(parseResultFile(t, opts()), 'forbidden-key')).toBe(name);
			}
		},
	);
	it('ordinary flag names are fine', () => {
		const a = sample();
		a.vetoes = { V1: true, 'x-1': null };
		a.eligibility = { construct: false, proto: true };
		expect(expectOk(parseResultFile(text(fileOf(a)), opts()))).toStrictEqual(a);
	});
});

describe('checkFileSize', () => {
	it.each([
		[0, { code: 'empty', detail: '' }],
		[1, null],
		[1024, null],
		[MAX_FILE_BYTES - 1, null],
		[MAX_FILE_BYTES, null],
		[MAX_FILE_BYTES + 1, { code: 'too-large', detail: '5.0' }],
		[50 * 1024 * 1024, { code: 'too-large', detail: '50.0' }],
	] as const)('%i bytes → %o', (bytes, expected) => {
		expect(checkFileSize(bytes)).toEqual(expected);
	});
	it('the limit is 5 MiB', () => expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024));
});

describe('migration from schema version 1', () => {
	const v1 = (
		answers: Record<string, { level: 0 | 1 | 2 | 3 | 'na'; note?: string }>,
		profile: Partial<Json> = {},
	) => ({
		format: FORMAT,
		schemaVersion: 1,
		catalogueVersion: '2025.3',
		exportedAt: '2025-12-01T00:00:00.000Z',
		profile: {
			unitName: '甲公司',
			unionName: '甲公司工会',
			assessedOn: '2025-12-01',
			assessor: '张三',
			...profile,
		},
		answers,
	});
	const allThree = () =>
		Object.fromEntries(real.criteria.map((c) => [c.id, { level: 3 as 0 | 1 | 2 | 3 | 'na' }]));

	it('keeps profile, levels, 不适用 and notes, and gives a valid current assessment', () => {
		const answers = {
			...allThree(),
			A2: { level: 'na' as const },
			B1: { level: 1 as const, note: '主席未培训' },
			A4: { level: 2 as const },
			C2: { level: 1 as const, note: '' },
		};
		const r = parseResultFile(text(v1(answers)), opts());
		const a = expectOk(r);
		expect(r.ok && r.migratedFrom).toBe(1);
		expect(AssessmentSchema.safeParse(a).success).toBe(true);
		expect(a).toMatchObject({
			id: 'migrated-1',
			name: '甲公司 2025-12-01',
			createdAt: NOW.toISOString(),
			updatedAt: NOW.toISOString(),
			catalogueVersion: '2025.3',
			settings: { passMark: 75, modelMark: 90 },
			vetoes: {},
			eligibility: {},
		});
		expect(a.profile).toEqual({
			unitName: '甲公司',
			unionName: '甲公司工会',
			unitType: 'enterprise',
			scope: 'union',
			parentUnion: '',
			memberCount: null,
			assessedOn: '2025-12-01',
			assessor: '张三',
		});
		expect(a.answers['A1']).toEqual(answer({ level: 3 }));
		expect(a.answers['A2']).toEqual(answer({ na: true }));
		expect(a.answers['B1']).toEqual(answer({ level: 1, note: '主席未培训' }));
		// Rate criteria get the lowest rate of their level, and no level.
		expect(a.answers['A4']).toEqual(answer({ rate: 80 }));
		expect(a.answers['C2']).toEqual(answer({ rate: 70 }));
		expect(a.answers['I2']).toEqual(answer({ rate: 90 }));
		expect(Object.keys(a.answers)).toHaveLength(real.criteria.length);

		const s = scoreAssessment(real, a);
		// A (15): A2 N/A → 13 applicable, A4 at level 2 loses 0.9, scaled 15/13; B1 loses 1.2; C2 loses 1.2.
		// A (18): A2 N/A → 16 applicable, A4 at level 2 loses 0.9, scaled 18/16; B1 loses 1.2;
		// C2 loses 1.2; D–I full (58): 58 + 13.8 + 7.8 + 15.1 × 18/16 = 96.5875, shown 96.5.
		expect(s.base).toBe(96.5);
		expect(s.bonus).toBe(5);
		expect(s.total).toBe(101.5);
		// Version 1 had no 否决 answers: they are 未答, so the result is not 模范 and says why.
		expect(s.uncappedBand.id).toBe('mofan');
		expect(s.band.id).toBe('hege');
		expect(s.unansweredVetoes).toEqual(['V1', 'V2', 'V4']);
		expect(r.ok && r.notes).toEqual([{ kind: 'vetoes-unanswered', ids: ['V1', 'V2', 'V4'] }]);
		expect(a.survey).toMatchObject({ held: true, countBasic: false });
		expect(s.completion.complete).toBe(true);
	});

	it.each([
		[3, 90, 3],
		[2, 85, 2],
		[1, 0, 1],
	] as const)('I2 level %i becomes rate %d (level %i)', (level, rate, scored) => {
		const a = expectOk(parseResultFile(text(v1({ ...allThree(), I2: { level } })), opts()));
		expect(a.answers['I2']).toEqual(answer({ rate }));
		const s = scoreAssessment(real, a);
		expect(s.criteria.find((c) => c.id === 'I2')?.level).toBe(scored);
		expect(s.vetoes).toEqual(rate < 85 ? ['V3'] : []);
	});

	it('a level the thresholds cannot give (I2 level 0: no 会员评家) is left without a rate', () => {
		const a = expectOk(
			parseResultFile(text(v1({ ...allThree(), I2: { level: 0, note: '旧版' } })), opts()),
		);
		expect(a.answers['I2']).toEqual(answer({ note: '旧版' }));
		expect(scoreAssessment(real, a).completion.complete).toBe(false);
	});

	it('takes the lowest rate of a level that several steps give', () => {
		const catalogue = miniCatalogue((raw) => {
			raw.criteria.find((c) => c.id === 'A5')!.rate = {
				label: '入会率',
				formula: '入会人数 ÷ 职工总数 × 100',
				thresholds: [
					{ min: 90, level: 3 },
					{ min: 80, level: 2 },
					{ min: 70, level: 2 },
					{ min: 0, level: 0 },
				],
				thresholdSource: '测试',
			};
		});
		const a = expectOk(parseResultFile(text(v1({ A5: { level: 2 } })), opts({ catalogue })));
		expect(a.answers['A5']?.rate).toBe(70);
		expect(scoreAssessment(catalogue, a).criteria.find((c) => c.id === 'A5')?.level).toBe(2);
	});

	it.each([
		['unit and date', { unitName: '乙单位', assessedOn: '2025-01-02' }, '乙单位 2025-01-02'],
		['unit only', { unitName: '乙单位', assessedOn: '' }, '乙单位'],
		['date only', { unitName: '', assessedOn: '2025-01-02' }, '2025-01-02'],
		['neither', { unitName: '', assessedOn: '' }, '导入的评估'],
	] as const)('names the assessment from %s', (_label, profile, name) => {
		const a = expectOk(parseResultFile(text(v1({}, profile)), opts()));
		expect(a.name).toBe(name);
		expect(AssessmentSchema.safeParse(a).success).toBe(true);
	});

	it('a 100-character unit name still gives a valid assessment', () => {
		const unitName = '单'.repeat(LIMITS.shortText);
		const a = expectOk(parseResultFile(text(v1({ A1: { level: 2 } }, { unitName })), opts()));
		expect(a.profile.unitName).toBe(unitName);
		expect(a.name.length).toBeLessThanOrEqual(LIMITS.shortText);
		expect(a.name.startsWith('单'.repeat(50))).toBe(true);
		expect(AssessmentSchema.safeParse(a).success).toBe(true);
	});

	it('a 100-character name made of astral characters is not cut inside a pair', () => {
		const unitName = '𠀀'.repeat(LIMITS.shortText);
		const a = expectOk(parseResultFile(text(v1({}, { unitName })), opts()));
		expect(AssessmentSchema.safeParse(a).success).toBe(true);
		expect(a.name).toBe(unitName);
		expect(a.name).not.toMatch(/[\uD800-\uDBFF]$/);
	});

	it('more answers than a current file may hold are refused rather than imported invalid', () => {
		const answers: Record<string, { level: 1 }> = {};
		for (let i = 0; i <= LIMITS.answers; i++) answers[key(i)] = { level: 1 };
		const r = parseResultFile(text(v1(answers)), opts({ rejectUnknownCriteria: false }));
		expect(expectError(r, 'bad-shape')).toBe('answers');
		delete answers[key(LIMITS.answers)];
		const ok = expectOk(parseResultFile(text(v1(answers)), opts({ rejectUnknownCriteria: false })));
		expect(AssessmentSchema.safeParse(ok).success).toBe(true);
	});

	const v1Bad: [string, (f: Json) => void, string][] = [
		['an extra key', (f: Json) => (f.extra = 1), 'extra'],
		['a level of 4', (f: Json) => (f.answers.A1 = { level: 4 }), 'answers.A1.level'],
		[
			'a note over 2000',
			(f: Json) => (f.answers.A1 = { level: 1, note: 'x'.repeat(2001) }),
			'answers.A1.note',
		],
		['a v2 field', (f: Json) => (f.profile.unitType = 'enterprise'), 'profile.unitType'],
		['no profile', (f: Json) => delete f.profile, 'profile'],
	];
	it.each(v1Bad)('bad-shape for a v1 file with %s', (_label, mutate, path) => {
		const f: Json = v1({ A1: { level: 3 } });
		mutate(f);
		expect(expectError(parseResultFile(text(f), opts()), 'bad-shape')).toBe(path);
	});

	it('unknown criteria in a v1 file follow rejectUnknownCriteria', () => {
		const t = text(v1({ Z9: { level: 1 } }));
		expect(expectError(parseResultFile(t, opts()), 'unknown-criteria')).toBe('Z9');
		expect(
			expectOk(parseResultFile(t, opts({ rejectUnknownCriteria: false }))).answers['Z9'],
		).toEqual(answer({ level: 1 }));
	});

	it('a v1 file with a forbidden key is refused', () => {
		const t = text(v1({ A1: { level: 3 } })).replace('"A1"', '"__proto__"');
		expectError(parseResultFile(t, opts()), 'forbidden-key');
	});

	it('migrating calls newId once and uses the given marks', () => {
		let calls = 0;
		const a = expectOk(
			parseResultFile(
				text(v1({})),
				opts({ newId: () => `id-${++calls}`, passMark: 70, modelMark: 85 }),
			),
		);
		expect(calls).toBe(1);
		expect(a.id).toBe('id-1');
		expect(a.settings).toEqual({ passMark: 70, modelMark: 85 });
	});
});

describe('files saved by earlier releases (fixtures)', () => {
	const fixture = (name: string) => readFileSync(`tests/unit/fixtures/${name}`, 'utf8');

	it('a version 2 file of catalogue 2026.1 imports with its answers, notes and evidence', () => {
		const raw = JSON.parse(fixture('result-v2-catalogue-2026.1.json')) as {
			assessment: Assessment;
		};
		const r = parseResultFile(fixture('result-v2-catalogue-2026.1.json'), opts());
		const a = expectOk(r);
		expect(r.ok && r.migratedFrom).toBe(2);
		expect(AssessmentSchema.safeParse(a).success).toBe(true);
		expect(a.answers).toEqual(raw.assessment.answers);
		expect(a.catalogueVersion).toBe('2026.1');
		// Explicit 否 are kept; V2 was never answered and is now 未答 (the result names it).
		expect(a.vetoes).toEqual({ V1: false, V4: false });
		// Counts were entered, so the saved 基本满意 choice is kept; satisfaction was entered, so held.
		expect(a.survey).toMatchObject({ held: true, countBasic: true, satisfied: 96 });
		expect(r.ok && r.notes).toEqual([{ kind: 'vetoes-unanswered', ids: ['V2'] }]);
		const s = scoreAssessment(real, a);
		// New criteria A7 and B5 have no answer: 未评.
		expect(s.criteria.filter((c) => c.status === 'unanswered').map((c) => c.id)).toEqual([
			'A7',
			'B5',
		]);
		expect(s.unansweredVetoes).toEqual(['V2']);
		// I2 84.9% is below 85%: V3.
		expect(s.vetoes).toEqual(['V3']);
	});

	it('a version 1 file of catalogue 2026.1 imports through v2 to v3', () => {
		const r = parseResultFile(fixture('result-v1-catalogue-2026.1.json'), opts());
		const a = expectOk(r);
		expect(r.ok && r.migratedFrom).toBe(1);
		expect(AssessmentSchema.safeParse(a).success).toBe(true);
		expect(a.answers['E4']).toMatchObject({ na: true });
		expect(a.answers['A1']).toMatchObject({ level: 3, note: '旧版说明 A1' });
		expect(a.vetoes).toEqual({});
		// I2 at level 3 became rate 90: a satisfaction was measured, so a 会员评家 was held.
		expect(a.survey.held).toBe(true);
		const s = scoreAssessment(real, a);
		expect(s.unansweredVetoes).toEqual(['V1', 'V2', 'V4']);
		expect(s.band.id).not.toBe('mofan');
	});

	it('a version 2 file whose I1 says no 会员评家 was held migrates to held: false, without V3', () => {
		const f = JSON.parse(fixture('result-v2-catalogue-2026.1.json')) as {
			assessment: Omit<Assessment, 'survey'> & { survey: Record<string, unknown> };
		};
		f.assessment.answers['I1'] = answer({ level: 0 });
		f.assessment.answers['I2'] = answer({ rate: 0 });
		f.assessment.survey = {
			members: null,
			participants: null,
			frontline: null,
			satisfied: null,
			basic: null,
			unsatisfied: null,
			countBasic: true,
		};
		const r = parseResultFile(JSON.stringify(f), opts());
		const a = expectOk(r);
		expect(a.survey).toMatchObject({ held: false, countBasic: false });
		expect(r.ok && r.notes.map((n) => n.kind)).toEqual(['survey-not-held', 'vetoes-unanswered']);
		const s = scoreAssessment(real, a);
		expect(s.vetoes).toEqual([]);
		expect(s.noSurvey).toBe(true);
	});

	it('a version 3 file written now reads back unchanged', () => {
		const a = expectOk(parseResultFile(fixture('result-v2-catalogue-2026.1.json'), opts()));
		const again = expectOk(parseResultFile(text(fileOf(a)), opts()));
		expect(again).toEqual(a);
	});
});

describe('version 5: the 建家工作总结 and reviewed result files', () => {
	const review = (): Review => ({
		reviewer: { name: '王五', organisation: '区总工会' },
		reviewedOn: '2026-03-10',
		rectifyBy: '2026-06-30',
		conclusion: '自评基本属实。<img src=x onerror=alert(1)>',
		branchHash: `sha256:${'a'.repeat(64)}`,
		criteria: {
			A1: { level: 2, rate: null, na: false, methods: ['documents'], comment: '', deadline: '' },
		},
		vetoes: { V1: false },
		scores: {
			base: 1,
			bonus: 0,
			total: 1,
			band: 'qibu',
			capped: false,
			missingRequired: [],
			vetoes: [],
		},
	});
	const reviewed = (): Json => {
		const a = sample();
		a.application = {
			overall: '全年建家工作总体情况',
			sections: { A: { done: '建立了职代会制度', figures: '召开 2 次', evidence: '职代会档案盒' } },
		};
		return JSON.parse(JSON.stringify(buildResultFile(a, scoreAssessment(real, a), NOW, review())));
	};

	it('a reviewed file round-trips: the assessment (with its summary) unchanged and the review read', () => {
		const f = reviewed();
		const r = parseResultFile(text(f), opts());
		expect(expectOk(r)).toStrictEqual(f.assessment);
		expect(r.ok && r.review).toStrictEqual(review());
		expect(r.ok && r.migratedFrom).toBeNull();
		expect(Object.keys(f)).toEqual([...Object.keys(fileOf(sample())), 'review']);
	});

	it.each([4])('a version %i file migrates: empty 建家工作总结, no review, answers kept', (v) => {
		const f = fileOf(sample());
		delete f.assessment.application;
		f.schemaVersion = v;
		const r = parseResultFile(text(f), opts());
		const a = expectOk(r);
		expect(a.application).toEqual({ overall: '', sections: {} });
		expect(a.answers).toStrictEqual(sample().answers);
		expect(r.ok && [r.migratedFrom, r.review]).toEqual([v, null]);
	});

	it('a version 2 file (fixture) migrates to an empty summary and no review', () => {
		const r = parseResultFile(
			readFileSync('tests/unit/fixtures/result-v2-catalogue-2026.1.json', 'utf8'),
			opts(),
		);
		expect(expectOk(r).application).toEqual({ overall: '', sections: {} });
		expect(r.ok && [r.migratedFrom, r.review]).toEqual([2, null]);
	});

	it('a version 1 file migrates to an empty summary too', () => {
		const f = {
			format: FORMAT,
			schemaVersion: 1,
			catalogueVersion: real.version,
			exportedAt: '2025-01-01T00:00:00Z',
			profile: { unitName: '甲厂', unionName: '甲厂工会', assessedOn: '2025-01-01', assessor: '' },
			answers: { A1: { level: 2 } },
		};
		expect(expectOk(parseResultFile(text(f), opts())).application).toEqual({
			overall: '',
			sections: {},
		});
	});

	it.each<[string, (f: Json) => unknown, string]>([
		['a review in a version 4 file', (f: Json) => (f.schemaVersion = 4), 'review'],
		[
			'a summary over its limit',
			(f: Json) => (f.assessment.application.sections.A.done = '字'.repeat(LIMITS.summaryDone + 1)),
			'assessment.application.sections.A.done',
		],
		[
			'a summary section for a lower-case key',
			(f: Json) => (f.assessment.application.sections.a = f.assessment.application.sections.A),
			'assessment.application.sections.a',
		],
		[
			'a review level of 7',
			(f: Json) => (f.review.criteria.A1.level = 7),
			'review.criteria.A1.level',
		],
		['a bad review hash', (f: Json) => (f.review.branchHash = 'sha256:xyz'), 'review.branchHash'],
		['an unknown key in the review', (f: Json) => (f.review.signature = 'x'), 'review.signature'],
		[
			'a review comment over the limit',
			(f: Json) => (f.review.criteria.A1.comment = '字'.repeat(LIMITS.reviewComment + 1)),
			'review.criteria.A1.comment',
		],
	])('bad-shape: %s', (_, edit, path) => {
		const f = reviewed();
		edit(f);
		expect(expectError(parseResultFile(text(f), opts()), 'bad-shape')).toBe(path);
	});

	it('refuses __proto__ inside the review', () => {
		const t = text(reviewed()).replace('"conclusion":', '"__proto__":{"x":1},"conclusion":');
		expect(t).toContain('__proto__');
		expect(expectError(parseResultFile(t, opts()), 'forbidden-key')).toBe('__proto__');
	});

	it('refuses a review of criteria the catalogue does not have where unknown criteria are refused', () => {
		const f = reviewed();
		f.review.criteria.Z9 = f.review.criteria.A1;
		expect(expectError(parseResultFile(text(f), opts()), 'unknown-criteria')).toBe('Z9');
		expect(parseResultFile(text(f), opts({ rejectUnknownCriteria: false })).ok).toBe(true);
	});

	it('refuses a reviewed file of a newer version with the version named', () => {
		const f = reviewed();
		f.schemaVersion = SCHEMA_VERSION + 1;
		expect(expectError(parseResultFile(text(f), opts()), 'newer-version')).toBe(
			String(SCHEMA_VERSION + 1),
		);
	});
});
