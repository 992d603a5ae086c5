import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AssessmentSchema, LIMITS, type Assessment } from '../../src/lib/assessment';
import {
	applyField,
	changesDerived,
	clipText,
	fieldName,
	fieldOf,
	fieldValues,
	firstCategoryToAnswer,
	fractionSuggestion,
	savedValue,
	type Field,
	type FieldInput,
} from '../../src/lib/checklist-form';
import { AssessmentStore } from '../../src/lib/storage';
import { scoreAssessment } from '../../src/lib/scoring';
import { FakeStorage, NOW, answer, assessmentAt, blankAssessment, realCatalogue } from './helpers';

const cat = realCatalogue();
const rateId = cat.criteria.find((c) => c.rate)!.id;
const levelId = cat.criteria.find((c) => !c.rate)!.id;
const vetoId = cat.vetoes.find((v) => !v.derivedFrom)!.id;
const eligId = cat.eligibility.find((e) => e.check.kind === 'ask')!.id;
const blank = () => blankAssessment(cat);
const text = (value: string): FieldInput => ({ value });

/** Applies a named field and expects it accepted; returns the next assessment. */
function ok(a: Assessment, name: string, input: FieldInput): Assessment {
	const field = fieldOf(name);
	if (!field) throw new Error(`unknown field ${name}`);
	const r = applyField(a, field, input);
	if (!r.ok) throw new Error(`${name} refused: ${r.error.code}`);
	return r.assessment;
}

describe('fieldOf', () => {
	it.each<[string, Field | null]>([
		['name', { kind: 'name' }],
		['profile.unitName', { kind: 'profile', key: 'unitName' }],
		['profile.memberCount', { kind: 'profile', key: 'memberCount' }],
		['profile.nope', null],
		['level-A1', { kind: 'answer', part: 'level', criterion: 'A1' }],
		['na-I2', { kind: 'answer', part: 'na', criterion: 'I2' }],
		['rate-I2', { kind: 'answer', part: 'rate', criterion: 'I2' }],
		['naReason-B3', { kind: 'answer', part: 'naReason', criterion: 'B3' }],
		['note-C10', { kind: 'answer', part: 'note', criterion: 'C10' }],
		['evidence-D2', { kind: 'answer', part: 'evidence', criterion: 'D2' }],
		['level-a1', null],
		['level-A123', null],
		['veto-V1', { kind: 'veto', id: 'V1' }],
		['elig-E1', { kind: 'eligibility', id: 'E1' }],
		['veto-__proto__', null],
		['survey.members', { kind: 'survey', key: 'members' }],
		['survey.countBasic', { kind: 'survey', key: 'countBasic' }],
		['survey.total', null],
		['settings.passMark', { kind: 'settings', key: 'passMark' }],
		['settings.modelMark', { kind: 'settings', key: 'modelMark' }],
		['settings.other', null],
		['constructor-A1', null],
		['', null],
	])('%s', (name, field) => {
		expect(fieldOf(name)).toEqual(field);
		if (field) expect(fieldName(field)).toBe(name);
	});

	it('knows every control the checklist renders (every name fieldValues restores)', () => {
		const { values, checked } = fieldValues(cat, blank());
		for (const name of [...Object.keys(values), ...Object.keys(checked)])
			expect(fieldOf(name), name).not.toBeNull();
	});
});

describe('changesDerived', () => {
	it.each<[string, boolean]>([
		['note-A1', false],
		[`naReason-${levelId}`, false],
		['level-A1', true],
		[`na-${levelId}`, true],
		[`rate-${rateId}`, true],
		['evidence-A1', true],
		['profile.unitName', true],
		['profile.scope', true],
		[`veto-${vetoId}`, true],
		[`elig-${eligId}`, true],
		['name', true],
	])('%s → %s', (name, expected) => {
		expect(changesDerived(fieldOf(name)!)).toBe(expected);
	});

	it('typing a 情况说明 or 不适用原因 leaves the score exactly as it was', () => {
		let a = ok(blank(), `level-${levelId}`, { value: '2', checked: true });
		const other = cat.criteria.find((c) => c.id !== levelId && c.allowNotApplicable !== false)!;
		a = ok(a, `na-${other.id}`, { value: 'on', checked: true });
		const before = scoreAssessment(cat, a);
		const after = ok(
			ok(a, `note-${levelId}`, text('会议记录已归档')),
			`naReason-${other.id}`,
			text('本单位无此情形'),
		);
		expect(after.answers[levelId]?.note).toBe('会议记录已归档');
		expect(scoreAssessment(cat, after)).toEqual(before);
	});
});

describe('applyField refuses what the saved shape refuses, keeping the last valid value', () => {
	const long = (n: number) => '字'.repeat(n);
	it.each<[string, string, FieldInput, string, Record<string, number>]>([
		[
			'会员人数 20000000',
			'profile.memberCount',
			text('20000000'),
			'tooLarge',
			{ max: LIMITS.maxCount },
		],
		['会员人数 -1', 'profile.memberCount', text('-1'), 'tooSmall', { min: 0 }],
		['会员人数 1.5', 'profile.memberCount', text('1.5'), 'notInteger', {}],
		['会员人数 unreadable', 'profile.memberCount', { value: '', badInput: true }, 'notNumber', {}],
		['会员人数 abc', 'profile.memberCount', text('abc'), 'notNumber', {}],
		[
			'unit name too long',
			'profile.unitName',
			text(long(LIMITS.shortText + 1)),
			'tooLong',
			{ max: LIMITS.shortText },
		],
		['a bad date', 'profile.assessedOn', text('2026/01/01'), 'badDate', {}],
		['an unknown unit type', 'profile.unitType', text('army'), 'badChoice', {}],
		[
			'a survey count too large',
			'survey.participants',
			text('1e9'),
			'tooLarge',
			{ max: LIMITS.maxCount },
		],
		['a rate over 100', `rate-${rateId}`, text('100.5'), 'tooLarge', { max: LIMITS.rateMax }],
		['a negative rate', `rate-${rateId}`, text('-3'), 'tooSmall', { min: 0 }],
		[
			'a note too long',
			`note-${levelId}`,
			text(long(LIMITS.note + 1)),
			'tooLong',
			{ max: LIMITS.note },
		],
		[
			'a reason too long',
			`naReason-${levelId}`,
			text(long(LIMITS.reason + 1)),
			'tooLong',
			{ max: LIMITS.reason },
		],
		['a level out of range', `level-${levelId}`, text('4'), 'badChoice', {}],
		[
			'an evidence index past the list',
			`evidence-${levelId}`,
			{ value: '10', checked: true },
			'tooLarge',
			{ max: 9 },
		],
		['a veto answer not yes/no', `veto-${vetoId}`, text('maybe'), 'badChoice', {}],
		['a pass mark of 0', 'settings.passMark', text('0'), 'tooSmall', { min: LIMITS.markMin }],
		['a model mark of 106', 'settings.modelMark', text('106'), 'tooLarge', { max: LIMITS.markMax }],
		['a pass mark above the model mark', 'settings.passMark', text('95'), 'marksOrder', {}],
		['an empty pass mark', 'settings.passMark', text(''), 'notNumber', {}],
		[
			'a name too long',
			'name',
			text(long(LIMITS.shortText + 1)),
			'tooLong',
			{ max: LIMITS.shortText },
		],
	])('%s', (_label, name, input, code, params) => {
		let a = ok(blank(), 'profile.memberCount', text('120'));
		a = ok(a, `rate-${rateId}`, text('88'));
		a = ok(a, `note-${levelId}`, text('已有'));
		const before = structuredClone(a);
		const r = applyField(a, fieldOf(name)!, input);
		expect(r).toEqual({ ok: false, error: { code, params } });
		expect(a).toStrictEqual(before);
	});

	it('the saved value is named in the message', () => {
		const a = ok(blank(), 'profile.memberCount', text('120'));
		expect(savedValue(cat, a, { kind: 'profile', key: 'memberCount' })).toBe('120');
		expect(savedValue(cat, blank(), { kind: 'profile', key: 'memberCount' })).toBe('');
	});
});

describe('applyField accepts valid values', () => {
	it.each<[string, string, FieldInput, (a: Assessment) => unknown, unknown]>([
		[
			'会员人数 at the limit',
			'profile.memberCount',
			text(String(LIMITS.maxCount)),
			(a) => a.profile.memberCount,
			LIMITS.maxCount,
		],
		['会员人数 cleared', 'profile.memberCount', text(' '), (a) => a.profile.memberCount, null],
		['a unit name', 'profile.unitName', text('某某公司'), (a) => a.profile.unitName, '某某公司'],
		['a date', 'profile.assessedOn', text('2026-05-04'), (a) => a.profile.assessedOn, '2026-05-04'],
		['scope', 'profile.scope', text('subunit'), (a) => a.profile.scope, 'subunit'],
		[
			'a level',
			`level-${levelId}`,
			text('2'),
			(a) => a.answers[levelId],
			{ level: 2, na: false, naReason: '', rate: null, evidence: [], note: '' },
		],
		[
			'不适用 by radio (older forms)',
			`level-${levelId}`,
			text('na'),
			(a) => a.answers[levelId]?.na,
			true,
		],
		[
			'不适用 by checkbox on a level criterion',
			`na-${levelId}`,
			{ value: 'on', checked: true },
			(a) => a.answers[levelId],
			{ level: null, na: true, naReason: '', rate: null, evidence: [], note: '' },
		],
		[
			'不适用 by checkbox',
			`na-${rateId}`,
			{ value: 'on', checked: true },
			(a) => a.answers[rateId]?.na,
			true,
		],
		['a decimal rate', `rate-${rateId}`, text('85.5'), (a) => a.answers[rateId]?.rate, 85.5],
		[
			'evidence',
			`evidence-${levelId}`,
			{ value: '1', checked: true },
			(a) => a.answers[levelId]?.evidence,
			[1],
		],
		['a veto yes', `veto-${vetoId}`, text('yes'), (a) => a.vetoes[vetoId], true],
		['a condition no', `elig-${eligId}`, text('no'), (a) => a.eligibility[eligId], false],
		['a survey count', 'survey.members', text('300'), (a) => a.survey.members, 300],
		[
			'countBasic off',
			'survey.countBasic',
			{ value: 'on', checked: false },
			(a) => a.survey.countBasic,
			false,
		],
		['a pass mark', 'settings.passMark', text('80'), (a) => a.settings.passMark, 80],
		['a name', 'name', text('2026 年度自评'), (a) => a.name, '2026 年度自评'],
	])('%s', (_label, name, input, read, expected) => {
		const a = blank();
		const before = structuredClone(a);
		const next = ok(a, name, input);
		expect(read(next)).toEqual(expected);
		expect(a).toStrictEqual(before);
		expect(AssessmentSchema.safeParse(next).success).toBe(true);
	});

	it('an answer emptied again is removed', () => {
		let a = ok(blank(), `note-${levelId}`, text('x'));
		expect(a.answers[levelId]).toBeDefined();
		a = ok(a, `note-${levelId}`, text(''));
		expect(a.answers[levelId]).toBeUndefined();
	});

	it('a level and 不适用 exclude each other: ticking 不适用 clears the level, a level unticks 不适用', () => {
		let a = ok(blank(), `level-${levelId}`, text('2'));
		a = ok(a, `na-${levelId}`, { value: 'on', checked: true });
		expect(a.answers[levelId]).toMatchObject({ level: null, na: true });
		expect(fieldValues(cat, a).checked[`na-${levelId}`]).toEqual(['on']);
		a = ok(a, `level-${levelId}`, text('3'));
		expect(a.answers[levelId]).toMatchObject({ level: 3, na: false });
		expect(fieldValues(cat, a).checked[`na-${levelId}`]).toEqual([]);
	});

	it('a rate stays when 不适用 is ticked, and counts again when it is unticked', () => {
		let a = ok(blank(), `rate-${rateId}`, text('88'));
		a = ok(a, `na-${rateId}`, { value: 'on', checked: true });
		expect(a.answers[rateId]).toMatchObject({ rate: 88, na: true });
		a = ok(a, `na-${rateId}`, { value: 'on', checked: false });
		expect(a.answers[rateId]).toMatchObject({ rate: 88, na: false });
	});

	it('unticking evidence removes only that item', () => {
		let a = ok(blank(), `evidence-${levelId}`, { value: '2', checked: true });
		a = ok(a, `evidence-${levelId}`, { value: '0', checked: true });
		expect(a.answers[levelId]?.evidence).toEqual([0, 2]);
		a = ok(a, `evidence-${levelId}`, { value: '2', checked: false });
		expect(a.answers[levelId]?.evidence).toEqual([0]);
	});
});

describe('fieldValues', () => {
	it('shows what the assessment holds', () => {
		let a = ok(blank(), 'profile.memberCount', text('120'));
		a = ok(a, `level-${levelId}`, text('3'));
		a = ok(a, `evidence-${levelId}`, { value: '1', checked: true });
		a = ok(a, `na-${rateId}`, { value: 'on', checked: true });
		a = ok(a, `veto-${vetoId}`, text('no'));
		a = ok(a, 'survey.countBasic', { value: 'on', checked: false });
		const { values, checked } = fieldValues(cat, a);
		expect(values['profile.memberCount']).toBe('120');
		expect(values['profile.unitName']).toBe('');
		expect(checked[`level-${levelId}`]).toEqual(['3']);
		expect(checked[`evidence-${levelId}`]).toEqual(['1']);
		expect(checked[`na-${rateId}`]).toEqual(['on']);
		expect(checked[`veto-${vetoId}`]).toEqual(['no']);
		expect(checked[`elig-${eligId}`]).toEqual([]);
		expect(checked['survey.countBasic']).toEqual([]);
		expect(values['settings.passMark']).toBe(String(a.settings.passMark));
		expect(values[`rate-${rateId}`]).toBe('');
	});
});

it('clipText cuts by code points', () => {
	expect(clipText('😀😀😀', 2)).toBe('😀😀');
	expect(clipText('abc', 5)).toBe('abc');
});

// ---- property: nothing the form accepts makes the saved data unreadable ----------------

/** Every field name of the checklist, with the kind of control it is. */
const { values: textFields, checked: checkFields } = fieldValues(cat, blank());
const textNames = [...Object.keys(textFields), 'name'];
const checkNames = Object.keys(checkFields);

/** Values a person might type (or paste) into any field. */
const typed = fc.oneof(
	fc.integer({ min: -5, max: 3 }).map(String),
	fc.integer({ min: -1e9, max: 1e9 }).map(String),
	fc.double({ noNaN: false }).map(String),
	fc.constantFrom(
		'',
		' ',
		'20000000',
		'1e7',
		'10000001',
		'1e400',
		'-0',
		'0x10',
		'abc',
		'na',
		'yes',
		'no',
		'2026-02-30',
		'2026-05-04',
		'105',
		'75',
		'90',
		'100.1',
	),
	fc.string({ maxLength: 120 }),
	fc.string({ unit: 'grapheme', maxLength: 2100 }),
	fc.constantFrom('__proto__', 'constructor', '<script>alert(1)</script>'),
);
const step = fc.oneof(
	fc.record({
		name: fc.constantFrom(...textNames),
		input: fc.record({ value: typed, badInput: fc.boolean() }),
	}),
	fc.record({
		name: fc.constantFrom(...checkNames),
		input: fc.record({
			value: fc.oneof(typed, fc.constantFrom('0', '1', '2', '3', 'na', 'on', 'yes', 'no')),
			checked: fc.boolean(),
		}),
	}),
);

describe('property: typed values, saved and loaded again', () => {
	it('never quarantine, never reset a field, and keep the last valid values', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				const storage = new FakeStorage();
				const store = new AssessmentStore(storage, () => NOW);
				let a = blank();
				for (const s of steps) {
					const field = fieldOf(s.name);
					if (!field) throw new Error(`unknown field ${s.name}`);
					const r = applyField(a, field, s.input);
					if (r.ok) {
						a = r.assessment;
						// Saved after every accepted change, as the checklist does.
						expect(store.save(a, false)).toEqual({ ok: true });
						store.writeIndex([a.id], a.id);
					}
				}
				store.save(a, false);
				store.writeIndex([a.id], a.id);
				const loaded = new AssessmentStore(storage, () => NOW).load();
				expect(loaded.quarantined).toEqual([]);
				expect(loaded.repaired).toEqual([]);
				expect(loaded.assessments).toStrictEqual([a]);
				expect(fieldValues(cat, loaded.assessments[0]!)).toEqual(fieldValues(cat, a));
			}),
			{ numRuns: 300 },
		);
	});
});

describe('the 会员评家 fields of schema version 3', () => {
	it('survey.held takes 是 / 否 and shows nothing checked while unanswered', () => {
		const a = blank();
		expect(fieldOf('survey.held')).toEqual({ kind: 'survey', key: 'held' });
		expect(fieldValues(cat, a).checked['survey.held']).toEqual([]);
		const yes = ok(a, 'survey.held', { value: 'yes', checked: true });
		expect(yes.survey.held).toBe(true);
		expect(fieldValues(cat, yes).checked['survey.held']).toEqual(['yes']);
		expect(ok(yes, 'survey.held', { value: 'no', checked: true }).survey.held).toBe(false);
		const bad = applyField(a, { kind: 'survey', key: 'held' }, { value: 'maybe' });
		expect(bad.ok).toBe(false);
	});

	it('a front-line count above the participants is refused and the last valid one kept', () => {
		let a = ok(blank(), 'survey.participants', text('50'));
		a = ok(a, 'survey.frontline', text('40'));
		const r = applyField(a, { kind: 'survey', key: 'frontline' }, text('51'));
		expect(r).toEqual({ ok: false, error: { code: 'frontlineAboveParticipants', params: {} } });
		expect(a.survey.frontline).toBe(40);
	});
});

describe('fractionSuggestion', () => {
	it.each([
		['0.9', 90],
		['.85', 85],
		[' 0.725 ', 72.5],
		['1.0', 100],
		['0.0', null],
		['1', null],
		['0', null],
		['90', null],
		['72.5', null],
		['1.5', null],
		['', null],
		['abc', null],
	])('%j → %j', (text, expected) => {
		expect(fractionSuggestion(text)).toBe(expected);
	});
});

describe('firstCategoryToAnswer: where the checklist opens', () => {
	const inB = cat.criteria.find((c) => c.category === 'B')!.id;
	const inC = cat.criteria.find((c) => c.category === 'C')!.id;
	const allAnswered = assessmentAt(cat, 2);
	const survey = cat.criteria.find((c) => c.fromSurvey)!;
	it.each([
		['nothing answered: the first category', blankAssessment(cat), 'A'],
		['all answered: none, the folds are an overview', allAnswered, null],
		['one criterion of B left: B', assessmentAt(cat, 2, { [inB]: answer({}) }), 'B'],
		[
			'B left only as 不适用 and C unanswered: C',
			assessmentAt(cat, 2, { [inB]: answer({ na: true }), [inC]: answer({}) }),
			'C',
		],
		[
			'a 会员评家 criterion left empty in a year without 会员评家 counts as answered',
			assessmentAt(
				cat,
				2,
				{ [survey.id]: answer({}) },
				{
					survey: { ...allAnswered.survey, held: false },
				},
			),
			null,
		],
		[
			'a 会员评家 criterion left empty in a year with it is still to answer',
			assessmentAt(cat, 2, { [survey.id]: answer({}) }),
			survey.category,
		],
	])('%s', (_, a, expected) => {
		expect(firstCategoryToAnswer(cat, a)).toBe(expected);
	});
});
