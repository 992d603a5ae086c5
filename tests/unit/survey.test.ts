import { describe, expect, it } from 'vitest';
import type { Survey } from '../../src/lib/assessment';
import {
	FRONTLINE_MIN,
	PARTICIPATION_MIN,
	PARTICIPATION_STRICT,
	computeSurvey,
	floorPercent,
	formatPercent,
	surveyFieldError,
	type SurveyWarning,
} from '../../src/lib/survey';

const EMPTY: Survey = {
	held: null,
	members: null,
	participants: null,
	frontline: null,
	satisfied: null,
	basic: null,
	unsatisfied: null,
	countBasic: true,
};
const s = (part: Partial<Survey>): Survey => ({ ...EMPTY, ...part });
/** A figure as shown (rounded down to one decimal), null kept. */
const shown = (n: number | null) => (n === null ? null : floorPercent(n));

describe('thresholds', () => {
	it('are those cited: 30% participation, 60% strict, 60% front-line', () => {
		expect([PARTICIPATION_MIN, PARTICIPATION_STRICT, FRONTLINE_MIN]).toEqual([30, 60, 60]);
	});
});

describe('participation', () => {
	it.each([
		[100, 30, 30, ['participation-below-strict']],
		[100, 29, 29, ['participation-low']],
		[1000, 299, 29.9, ['participation-low']],
		[1000, 300, 30, ['participation-below-strict']],
		[1000, 599, 59.9, ['participation-below-strict']],
		[100, 60, 60, []],
		[100, 100, 100, []],
		[3, 1, 33.3, ['participation-below-strict']],
		[3, 2, 66.6, []],
		[100, 0, 0, ['participation-low']],
	] as const)(
		'%i members, %i participants → %d%%',
		(members, participants, participation, warnings) => {
			const r = computeSurvey(s({ members, participants }));
			expect(shown(r.participation)).toBe(participation);
			expect(r.warnings).toEqual(warnings);
		},
	);

	it('without members there is no participation rate', () => {
		expect(computeSurvey(s({ participants: 40 })).participation).toBeNull();
	});

	it('0 members gives no rate (no division by zero) but flags participants > members', () => {
		const r = computeSurvey(s({ members: 0, participants: 5 }));
		expect(r.participation).toBeNull();
		expect(r.warnings).toEqual(['participants-exceed-members']);
	});

	it('participants are taken from the replies when not entered', () => {
		const r = computeSurvey(s({ members: 100, satisfied: 50, basic: 10, unsatisfied: 5 }));
		expect(r.replies).toBe(65);
		expect(r.participation).toBe(65);
		expect(r.warnings).toEqual([]);
	});

	it('participants exceeding members is warned about', () => {
		const r = computeSurvey(s({ members: 50, participants: 60 }));
		expect(r.participation).toBe(120);
		expect(r.warnings).toContain('participants-exceed-members');
	});
});

describe('front-line share', () => {
	it.each([
		[100, 60, 60, []],
		[100, 59, 59, ['frontline-low']],
		[1000, 599, 59.9, ['frontline-low']],
		[100, 100, 100, []],
		[100, 0, 0, ['frontline-low']],
		[7, 5, 71.4, []],
	] as const)(
		'%i participants, %i front-line → %d%%',
		(participants, frontline, share, warnings) => {
			const r = computeSurvey(s({ participants, frontline }));
			expect(shown(r.frontlineShare)).toBe(share);
			expect(r.warnings).toEqual(warnings);
		},
	);

	it.each([
		['no front-line count', s({ participants: 10 })],
		['0 participants', s({ participants: 0, frontline: 0 })],
		['no participants at all', s({ frontline: 5 })],
	])('is null with %s', (_label, survey) => {
		expect(computeSurvey(survey).frontlineShare).toBeNull();
	});

	it('uses replies as participants when participants are missing', () => {
		expect(computeSurvey(s({ frontline: 3, satisfied: 4 })).frontlineShare).toBe(75);
	});
});

describe('satisfaction', () => {
	it.each([
		// satisfied, basic, unsatisfied, countBasic → satisfaction
		[30, 6, 4, true, 90],
		[30, 6, 4, false, 75],
		[127, 10, 0, true, 100],
		[127, 10, 0, false, 92.7],
		[0, 0, 5, true, 0],
		[1, 1, 1, true, 66.6],
		[1, 1, 1, false, 33.3],
		[0, 10, 0, false, 0],
		[0, 10, 0, true, 100],
	] as const)(
		'%i / %i / %i, 基本满意 counted: %s → %d%%',
		(satisfied, basic, unsatisfied, countBasic, satisfaction) => {
			const r = computeSurvey(s({ satisfied, basic, unsatisfied, countBasic }));
			expect(r.replies).toBe(satisfied + basic + unsatisfied);
			expect(shown(r.satisfaction)).toBe(satisfaction);
		},
	);

	it('missing counts are read as 0', () => {
		const r = computeSurvey(s({ satisfied: 9, unsatisfied: 1 }));
		expect(r.replies).toBe(10);
		expect(r.satisfaction).toBe(90);
		expect(computeSurvey(s({ basic: 4, countBasic: false })).satisfaction).toBe(0);
	});

	it('is null without replies', () => {
		expect(computeSurvey(s({ satisfied: 0, basic: 0, unsatisfied: 0 })).satisfaction).toBeNull();
		expect(computeSurvey(s({ members: 100, participants: 40 })).satisfaction).toBeNull();
	});
});

describe('warnings', () => {
	it('replies above participants are flagged', () => {
		const r = computeSurvey(s({ members: 100, participants: 40, satisfied: 40, basic: 1 }));
		expect(r.warnings).toEqual(['participation-below-strict', 'replies-exceed-participants']);
	});

	it('replies equal to participants are fine', () => {
		expect(
			computeSurvey(s({ members: 100, participants: 41, satisfied: 40, basic: 1 })).warnings,
		).toEqual(['participation-below-strict']);
	});

	it('several problems are all reported, in a stable order', () => {
		const r = computeSurvey(s({ members: 10, participants: 2, frontline: 0, satisfied: 3 }));
		const expected: SurveyWarning[] = [
			'participation-low',
			'frontline-low',
			'replies-exceed-participants',
		];
		expect(r.warnings).toEqual(expected);
	});

	it('a healthy survey has no warnings', () => {
		const r = computeSurvey(
			s({
				members: 200,
				participants: 150,
				frontline: 120,
				satisfied: 120,
				basic: 20,
				unsatisfied: 10,
			}),
		);
		expect(r).toMatchObject({ replies: 150, participation: 75, frontlineShare: 80, warnings: [] });
		expect(shown(r.satisfaction)).toBe(93.3);
	});
});

describe('empty and zero inputs', () => {
	it.each([
		['all null', EMPTY],
		['all null, 基本满意 not counted', s({ countBasic: false })],
	])('%s gives nulls and no warnings', (_label, survey) => {
		expect(computeSurvey(survey)).toMatchObject({
			replies: 0,
			participation: null,
			frontlineShare: null,
			satisfaction: null,
			warnings: [],
		});
	});

	it('all zeros give nulls and no warnings', () => {
		const r = computeSurvey({
			held: null,
			members: 0,
			participants: 0,
			frontline: 0,
			satisfied: 0,
			basic: 0,
			unsatisfied: 0,
			countBasic: true,
		});
		expect(r).toMatchObject({
			replies: 0,
			participation: null,
			frontlineShare: null,
			satisfaction: null,
			warnings: [],
		});
	});

	it('never returns NaN or Infinity', () => {
		const values = [null, 0, 1, 7, 100];
		for (const members of values)
			for (const participants of values)
				for (const frontline of values)
					for (const satisfied of values) {
						const r = computeSurvey(
							s({ members, participants, frontline, satisfied, unsatisfied: 1 }),
						);
						for (const v of [r.participation, r.frontlineShare, r.satisfaction])
							if (v !== null) expect(Number.isFinite(v)).toBe(true);
					}
	});
});

describe('figures near a line are compared unrounded and shown rounded down (issue 9)', () => {
	it.each([
		// hand-computed: 96/113 = 84.9557…%; 62/207 = 29.9516…%; 241/402 = 59.9502…%
		[
			'96 满意 of 113 stays below 85%',
			s({ satisfied: 96, unsatisfied: 17 }),
			'satisfaction',
			84.9,
			'84.9%',
		],
		[
			'62 of 207 members is below 30%',
			s({ members: 207, participants: 62 }),
			'participation',
			29.9,
			'29.9%',
		],
		[
			'241 of 402 members is below 60%',
			s({ members: 402, participants: 241 }),
			'participation',
			59.9,
			'59.9%',
		],
		['exactly 85% stays 85%', s({ satisfied: 85, unsatisfied: 15 }), 'satisfaction', 85, '85%'],
		['exactly 29% stays 29%', s({ members: 100, participants: 29 }), 'participation', 29, '29%'],
	] as const)('%s', (_label, survey, field, value, text) => {
		const r = computeSurvey(survey);
		expect(floorPercent(r[field]!)).toBe(value);
		expect(formatPercent(r[field]!)).toBe(text);
	});

	it('96 of 113 is below the 85% line, unrounded', () => {
		expect(computeSurvey(s({ satisfied: 96, unsatisfied: 17 })).satisfaction! < 85).toBe(true);
	});

	it.each([
		[207, 62, ['participation-low']],
		[402, 241, ['participation-below-strict']],
	] as const)(
		'%i members, %i participants: warned as below the line',
		(members, participants, warnings) => {
			expect(computeSurvey(s({ members, participants })).warnings).toEqual(warnings);
		},
	);
});

describe('front-line count larger than the participants is refused (issue 9)', () => {
	it.each([
		['51 of 50 participants', s({ participants: 50, frontline: 51 }), 'frontline'],
		['11 of 10 replies', s({ frontline: 11, satisfied: 10 }), 'frontline'],
		['50 of 50', s({ participants: 50, frontline: 50 }), null],
		['no participants', s({ frontline: 5 }), null],
	] as const)('%s', (_label, survey, field) => {
		expect(surveyFieldError(survey)?.field ?? null).toBe(field);
	});

	it('gives no share and says why', () => {
		const r = computeSurvey(s({ participants: 50, frontline: 51 }));
		expect(r.frontlineShare).toBeNull();
		expect(r.warnings).toEqual(['frontline-exceeds-participants']);
	});
});

describe('one definition of satisfied (issue 9)', () => {
	it('30 满意, 6 基本满意, 4 不满意: strict 75%, lenient (labelled) 90%', () => {
		const strict = computeSurvey(s({ satisfied: 30, basic: 6, unsatisfied: 4, countBasic: false }));
		const lenient = computeSurvey(s({ satisfied: 30, basic: 6, unsatisfied: 4, countBasic: true }));
		expect([strict.satisfaction, strict.basis]).toEqual([75, 'strict']);
		expect([lenient.satisfaction, lenient.basis]).toEqual([90, 'lenient']);
	});
});
