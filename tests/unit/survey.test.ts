import { describe, expect, it } from 'vitest';
import type { Survey } from '../../src/lib/assessment';
import {
	FRONTLINE_MIN,
	PARTICIPATION_MIN,
	PARTICIPATION_STRICT,
	computeSurvey,
	type SurveyWarning,
} from '../../src/lib/survey';

const EMPTY: Survey = {
	members: null,
	participants: null,
	frontline: null,
	satisfied: null,
	basic: null,
	unsatisfied: null,
	countBasic: true,
};
const s = (part: Partial<Survey>): Survey => ({ ...EMPTY, ...part });

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
		[3, 2, 66.7, []],
		[100, 0, 0, ['participation-low']],
	] as const)(
		'%i members, %i participants → %d%%',
		(members, participants, participation, warnings) => {
			const r = computeSurvey(s({ members, participants }));
			expect(r.participation).toBe(participation);
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
			expect(r.frontlineShare).toBe(share);
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
		[1, 1, 1, true, 66.7],
		[1, 1, 1, false, 33.3],
		[0, 10, 0, false, 0],
		[0, 10, 0, true, 100],
	] as const)(
		'%i / %i / %i, 基本满意 counted: %s → %d%%',
		(satisfied, basic, unsatisfied, countBasic, satisfaction) => {
			const r = computeSurvey(s({ satisfied, basic, unsatisfied, countBasic }));
			expect(r.replies).toBe(satisfied + basic + unsatisfied);
			expect(r.satisfaction).toBe(satisfaction);
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
		expect(r).toEqual({
			replies: 150,
			participation: 75,
			frontlineShare: 80,
			satisfaction: 93.3,
			warnings: [],
		});
	});
});

describe('empty and zero inputs', () => {
	it.each([
		['all null', EMPTY],
		['all null, 基本满意 not counted', s({ countBasic: false })],
	])('%s gives nulls and no warnings', (_label, survey) => {
		expect(computeSurvey(survey)).toEqual({
			replies: 0,
			participation: null,
			frontlineShare: null,
			satisfaction: null,
			warnings: [],
		});
	});

	it('all zeros give nulls and no warnings', () => {
		const r = computeSurvey({
			members: 0,
			participants: 0,
			frontline: 0,
			satisfied: 0,
			basic: 0,
			unsatisfied: 0,
			countBasic: true,
		});
		expect(r).toEqual({
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
