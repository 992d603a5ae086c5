import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/lib/catalogue-schema';
import type { Answer, Level } from '../../src/lib/assessment';
import {
	bandFor,
	effectiveLevel,
	levelForRate,
	rateStanding,
	round1,
	scoreAssessment,
	type ScoreResult,
} from '../../src/lib/scoring';
import {
	answer,
	answerAt,
	assessmentAt,
	blankAssessment,
	miniCatalogue,
	realCatalogue,
} from './helpers';

const mini = miniCatalogue();
const real = realCatalogue();
const FRACTIONS = [0, 0.4, 0.7, 1] as const;
const LEVELS: Level[] = [0, 1, 2, 3];

function crit(result: ScoreResult, id: string) {
	const c = result.criteria.find((x) => x.id === id);
	if (!c) throw new Error(`no criterion ${id}`);
	return c;
}
function cat(result: ScoreResult, id: string) {
	const c = result.categories.find((x) => x.id === id);
	if (!c) throw new Error(`no category ${id}`);
	return c;
}
function def(catalogue: Catalogue, id: string) {
	const c = catalogue.criteria.find((x) => x.id === id);
	if (!c) throw new Error(`no criterion ${id}`);
	return c;
}
/** Mini catalogue, every criterion at level 3 except the answers given. */
function miniScore(
	over: Record<string, Answer> = {},
	extra: Parameters<typeof assessmentAt>[3] = {},
	catalogue = mini,
) {
	return scoreAssessment(catalogue, assessmentAt(catalogue, 3, over, extra));
}
const baseIds = (c: Catalogue) =>
	c.criteria.filter((x) => !c.categories.find((k) => k.id === x.category)?.bonus).map((x) => x.id);

describe('catalogues used by these tests', () => {
	it('the real catalogue uses the fractions 0 / 0.4 / 0.7 / 1 and a bonus cap of 5', () => {
		expect(real.levelFractions).toEqual([...FRACTIONS]);
		expect(real.bonusMax).toBe(5);
	});
	it('the mini catalogue is valid and sums to 100 base points', () => {
		expect(mini.criteria).toHaveLength(22);
		expect(
			mini.criteria.filter((c) => !c.id.startsWith('J')).reduce((s, c) => s + c.points, 0),
		).toBe(100);
	});
});

describe('points per level', () => {
	it.each([
		[0, 0],
		[1, 2],
		[2, 3.5],
		[3, 5],
	] as const)('a 5-point criterion at level %i earns %d', (level, earned) => {
		const r = miniScore({ B1: answer({ level }) });
		expect(crit(r, 'B1').earned).toBeCloseTo(earned, 10);
		expect(crit(r, 'B1').lost).toBeCloseTo(5 - earned, 10);
		expect(crit(r, 'B1').level).toBe(level);
		expect(r.base).toBe(round1(95 + earned));
		expect(cat(r, 'B').earned).toBeCloseTo(20 + earned, 10);
		expect(cat(r, 'B').percent).toBeCloseTo(((20 + earned) / 25) * 100, 10);
	});

	const realPlain = real.criteria.filter((c) => !c.rate && !c.id.startsWith('J'));
	it.each(realPlain.map((c) => [c.id, c.points] as const))(
		'real %s (%d points) earns points × fraction at each level',
		(id, points) => {
			for (const level of LEVELS) {
				const r = scoreAssessment(real, assessmentAt(real, 3, { [id]: answer({ level }) }));
				expect(crit(r, id).earned).toBeCloseTo(points * FRACTIONS[level], 10);
				expect(r.base).toBe(round1(100 - points * (1 - FRACTIONS[level])));
				expect(r.bonus).toBe(5);
			}
		},
	);

	it.each(LEVELS.map((l) => [l] as const))(
		'mini catalogue with every criterion at level %i',
		(level) => {
			const r = scoreAssessment(mini, assessmentAt(mini, level));
			// D5 has no level 1 (its steps are 3/2/0), so at level 1 it stands at 0.
			const d5 = level === 1 ? 0 : FRACTIONS[level] * 5;
			expect(r.base).toBe(round1(95 * FRACTIONS[level] + d5));
			expect(r.bonus).toBe(round1(Math.min(5, 6 * FRACTIONS[level])));
		},
	);

	it.each([
		[0, 1.2, 0, 'qibu'],
		[1, 40, 2, 'qibu'],
		[2, 70, 3.5, 'jianshe'],
		[3, 100, 5, 'mofan'],
	] as const)(
		'real catalogue with every criterion at level %i: base %d, bonus %d',
		(level, base, bonus, band) => {
			// I2 has no rate step for level 0 (that level means no 会员评家 held): rate 0 stands at
			// level 1 (1.2 points) and raises V3 at level 0 and 1.
			const r = scoreAssessment(real, assessmentAt(real, level));
			expect(r.base).toBe(base);
			expect(r.bonus).toBe(bonus);
			expect(r.total).toBe(round1(base + bonus));
			expect(r.band.id).toBe(band);
		},
	);
});

describe('rate → level', () => {
	const a5 = def(mini, 'A5');
	it.each([
		[100, 3],
		[90, 3],
		[89.99, 2],
		[80, 2],
		[79.99, 1],
		[60, 1],
		[59.99, 0],
		[0, 0],
	] as const)('A5 rate %d gives level %i', (rate, level) => {
		expect(levelForRate(a5, rate)).toBe(level);
		const r = miniScore({ A5: answer({ rate }) });
		expect(crit(r, 'A5').level).toBe(level);
		expect(crit(r, 'A5').earned).toBeCloseTo(5 * FRACTIONS[level], 10);
	});

	it('a rate criterion ignores the chosen level and uses the rate', () => {
		expect(crit(miniScore({ A5: answer({ level: 3, rate: 10 }) }), 'A5').level).toBe(0);
		expect(crit(miniScore({ A5: answer({ level: 0, rate: 95 }) }), 'A5').level).toBe(3);
	});

	it('a rate criterion without a rate is unanswered even with a level', () => {
		const r = miniScore({ A5: answer({ level: 3 }) });
		expect(crit(r, 'A5').status).toBe('unanswered');
		expect(crit(r, 'A5').earned).toBe(0);
		expect(r.completion.complete).toBe(false);
	});

	describe.each(real.criteria.filter((c) => c.rate).map((c) => [c.id, c] as const))(
		'real %s thresholds',
		(_id, c) => {
			const steps = c.rate!.thresholds;
			it.each(steps.map((s, i) => [s.min, s.level, i] as const))(
				'exactly %d gives level %i',
				(min, level) => {
					expect(levelForRate(c, min)).toBe(level);
					expect(effectiveLevel(c, answer({ rate: min }))).toBe(level);
				},
			);
			it.each(steps.filter((s) => s.min > 0).map((s, i) => [s.min, steps[i + 1]!.level] as const))(
				'just below %d gives level %i',
				(min, below) => {
					expect(levelForRate(c, min - 0.01)).toBe(below);
					expect(levelForRate(c, min - 1e-9)).toBe(below);
				},
			);
			it('100 gives level 3', () => expect(levelForRate(c, 100)).toBe(3));
		},
	);
});

describe('不适用', () => {
	it('an N/A criterion is left out and its category renormalised to full points', () => {
		const r = miniScore({ A3: answer({ na: true }), A2: answer({ level: 1 }) });
		expect(crit(r, 'A3')).toMatchObject({
			status: 'na',
			level: null,
			earned: 0,
			weight: 0,
			lost: 0,
		});
		// A: applicable 20 points, earned 2 + 15 = 17, scaled by 25/20.
		expect(cat(r, 'A')).toMatchObject({ points: 25, applicable: 4, na: 1, total: 5, answered: 4 });
		expect(cat(r, 'A').earned).toBeCloseTo(21.25, 10);
		expect(cat(r, 'A').percent).toBeCloseTo(85, 10);
		expect(crit(r, 'A2').weight).toBeCloseTo(6.25, 10);
		expect(crit(r, 'A2').lost).toBeCloseTo(3.75, 10);
		// 96.25 is shown rounded down: 96.2.
		expect(r.base).toBe(96.2);
		expect(r.completion).toEqual({ answered: 21, total: 21, percent: 100, complete: true });
	});

	it('N/A at full marks elsewhere still gives 100', () => {
		const r = miniScore({
			A2: answer({ na: true }),
			B3: answer({ na: true }),
			C4: answer({ na: true }),
		});
		expect(r.base).toBe(100);
		expect(r.total).toBe(105);
	});

	it('a whole category N/A is left out and the base renormalised to 100', () => {
		const allB = Object.fromEntries(
			['B1', 'B2', 'B3', 'B4', 'B5'].map((id) => [id, answer({ na: true })]),
		);
		const r = miniScore({ ...allB, A1: answer({ level: 2 }) });
		expect(cat(r, 'B')).toMatchObject({ percent: null, applicable: 0, na: 5, earned: 0 });
		// Included: A, C, D = 75 points; earned 73.5; × 100/75.
		expect(r.base).toBe(98);
		expect(crit(r, 'A1').weight).toBeCloseTo(5 * (100 / 75), 10);
		expect(crit(r, 'A1').lost).toBeCloseTo(2, 10);
		const full = miniScore(allB);
		expect(full.base).toBe(100);
	});

	it('weights of applicable base criteria always add up to 100 and base + lost = 100', () => {
		for (const over of [
			{},
			{ A1: answer({ na: true }), B2: answer({ na: true, level: 3 }) },
			Object.fromEntries(['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => [id, answer({ na: true })])),
			{ A2: answer({ level: 0 }), D3: answer({ na: true }), E9: answer({ level: 2 }) },
		]) {
			const base = (catalogue: Catalogue, a: Record<string, Answer>) => {
				const r = scoreAssessment(catalogue, assessmentAt(catalogue, 2, a));
				const applicable = r.criteria.filter((c) => !c.bonus && c.status !== 'na');
				expect(applicable.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(100, 9);
				const exact = applicable.reduce((s, c) => s + c.weight - c.lost, 0);
				expect(r.base).toBe(round1(exact));
			};
			base(mini, over);
			base(real, over);
		}
	});

	it('only one applicable criterion left carries the whole base', () => {
		const over: Record<string, Answer> = {};
		for (const c of mini.criteria)
			if (!c.id.startsWith('J') && c.id !== 'D5') over[c.id] = answer({ na: true });
		over['D5'] = answer({ rate: 86 });
		const r = miniScore(over);
		// A1 is 必备 and cannot be N/A: its stored N/A is ignored, so it stays (unanswered, 0)
		// and A and D share the base: D5 weighs 50 and earns 0.7 × 50.
		expect(crit(r, 'A1').status).toBe('unanswered');
		expect(r.base).toBe(35);
		expect(crit(r, 'D5').weight).toBeCloseTo(50, 10);
	});

	it('N/A bonus criteria are not renormalised', () => {
		const r = miniScore({ J1: answer({ na: true }) });
		expect(r.bonus).toBe(3);
		expect(cat(r, 'J').earned).toBe(3);
	});

	describe('allowNotApplicable: false ignores na', () => {
		it.each([
			[{ na: true, rate: 86 }, 2],
			[{ na: true, rate: 95, naReason: '不适用' }, 3],
			[{ na: true, rate: 10 }, 0],
		] as const)('D5 %o is scored at level %i', (a, level) => {
			const r = miniScore({ D5: answer(a) });
			expect(crit(r, 'D5')).toMatchObject({ status: 'answered', level });
			expect(crit(r, 'D5').earned).toBeCloseTo(5 * FRACTIONS[level], 10);
			expect(cat(r, 'D')).toMatchObject({ na: 0, applicable: 5 });
			expect(r.base).toBe(round1(95 + 5 * FRACTIONS[level]));
		});

		it('a plain criterion keeps its level and its category is not renormalised', () => {
			const c = miniCatalogue((raw) => {
				raw.criteria.find((x) => x.id === 'B2')!['allowNotApplicable'] = false;
			});
			const r = scoreAssessment(c, assessmentAt(c, 3, { B2: answer({ na: true, level: 1 }) }));
			expect(crit(r, 'B2')).toMatchObject({ status: 'answered', level: 1 });
			expect(r.base).toBe(97);
			const none = scoreAssessment(c, assessmentAt(c, 3, { B2: answer({ na: true }) }));
			expect(crit(none, 'B2').status).toBe('unanswered');
			expect(none.base).toBe(95);
			expect(none.completion.complete).toBe(false);
		});

		it('the derived veto and the eligibility check still read the rate', () => {
			expect(miniScore({ D5: answer({ na: true, rate: 50 }) }).vetoes).toEqual(['V2']);
			const i2 = def(real, 'I2');
			expect(i2.allowNotApplicable).toBe(false);
			const r = scoreAssessment(
				real,
				assessmentAt(real, 3, { I2: answer({ na: true, rate: 80 }) }),
			);
			expect(r.vetoes).toContain('V3');
			expect(r.eligibility.find((e) => e.id === 'manyidu-90')?.met).toBe(false);
			const ok = scoreAssessment(
				real,
				assessmentAt(real, 3, { I2: answer({ na: true, rate: 95 }) }),
			);
			expect(ok.eligibility.find((e) => e.id === 'manyidu-90')?.met).toBe(true);
			expect(ok.vetoes).toEqual([]);
		});

		it('real criteria that forbid N/A are the 必备 ones and the 会员评家 ones', () => {
			expect(real.criteria.filter((c) => !c.allowNotApplicable).map((c) => c.id)).toEqual([
				'A1',
				'A6',
				'A7',
				'C1',
				'D1',
				'I1',
				'I2',
			]);
			for (const id of ['A1', 'A6', 'A7', 'C1', 'D1', 'I1']) {
				const r = scoreAssessment(
					real,
					assessmentAt(real, 3, { [id]: answer({ na: true, level: 0 }) }),
				);
				expect(crit(r, id).status).toBe('answered');
				expect(r.base).toBe(100 - def(real, id).points);
			}
		});
	});
});

describe('unanswered and completion', () => {
	it('an empty assessment scores 0 and is incomplete', () => {
		const r = scoreAssessment(mini, blankAssessment(mini));
		expect(r.base).toBe(0);
		expect(r.bonus).toBe(0);
		expect(r.total).toBe(0);
		expect(r.band.id).toBe('qibu');
		expect(r.criteria.every((c) => c.status === 'unanswered' && c.earned === 0)).toBe(true);
		expect(r.completion).toEqual({ answered: 0, total: 22, percent: 0, complete: false });
		expect(r.priorities).toEqual([]);
		expect(r.strengths).toEqual([]);
	});

	it('unanswered criteria count 0 and keep their weight', () => {
		const r = miniScore({
			B1: answer(),
			C2: answer({ note: '说明但没选' }),
			A5: answer({ level: 3 }),
		});
		for (const id of ['B1', 'C2', 'A5']) {
			expect(crit(r, id)).toMatchObject({ status: 'unanswered', level: null, earned: 0 });
			expect(crit(r, id).lost).toBeCloseTo(5, 10);
		}
		expect(r.base).toBe(85);
		expect(r.completion).toEqual({ answered: 19, total: 22, percent: 86, complete: false });
	});

	it('a missing answer (key absent) is unanswered', () => {
		const a = assessmentAt(mini, 3);
		delete a.answers['C3'];
		const r = scoreAssessment(mini, a);
		expect(crit(r, 'C3').status).toBe('unanswered');
		expect(r.completion.complete).toBe(false);
	});

	it('N/A criteria do not count toward completion', () => {
		const r = miniScore({ B1: answer({ na: true }), B2: answer({ na: true }) });
		expect(r.completion).toEqual({ answered: 20, total: 20, percent: 100, complete: true });
	});

	it('answers to criteria the catalogue lacks are ignored', () => {
		const r = miniScore({ Z9: answer({ level: 0 }) });
		expect(r.total).toBe(105);
		expect(r.criteria.some((c) => c.id === 'Z9')).toBe(false);
	});
});

describe('bonus', () => {
	const lv = (l: Level | 'na' | null) =>
		l === 'na' ? answer({ na: true }) : l === null ? answer() : answer({ level: l });
	it.each([
		[3, 3, 5],
		[3, null, 3],
		[2, 1, 3.3],
		[2, 2, 4.2],
		[3, 1, 4.2],
		[3, 2, 5],
		[0, 0, 0],
		['na', 3, 3],
		[null, null, 0],
	] as const)('J1 %s, J2 %s → bonus %d', (j1, j2, bonus) => {
		const r = miniScore({ J1: lv(j1), J2: lv(j2) });
		expect(r.bonus).toBe(bonus);
		expect(r.total).toBe(round1(100 + bonus));
	});

	it.each([
		[0, 0],
		[2, 2],
		[10, 6],
	] as const)('with bonusMax %d the bonus is %d', (bonusMax, bonus) => {
		const c = miniCatalogue((raw) => {
			raw.bonusMax = bonusMax;
		});
		expect(scoreAssessment(c, assessmentAt(c, 3)).bonus).toBe(bonus);
	});

	it('bonus criteria are not strengths and do not enter the base', () => {
		const r = miniScore({ J1: answer({ level: 0 }), J2: answer({ level: 0 }) });
		expect(r.base).toBe(100);
		expect(r.strengths.some((id) => id.startsWith('J'))).toBe(false);
	});
});

describe('bands', () => {
	const defaults = { passMark: 75, modelMark: 90 };
	it.each([
		[0, 'qibu', '起步'],
		[59.9, 'qibu', '起步'],
		[60, 'jianshe', '建设中'],
		[74.9, 'jianshe', '建设中'],
		[75, 'hege', '合格'],
		[89.9, 'hege', '合格'],
		[90, 'mofan', '模范'],
		[105, 'mofan', '模范'],
	] as const)('default marks: total %d is %s', (total, id, name) => {
		expect(bandFor(real, defaults, total)).toEqual({ id, name });
	});

	it.each([
		[{ passMark: 60, modelMark: 80 }, 59.9, 'qibu'],
		[{ passMark: 60, modelMark: 80 }, 60, 'hege'],
		[{ passMark: 60, modelMark: 80 }, 79.9, 'hege'],
		[{ passMark: 60, modelMark: 80 }, 80, 'mofan'],
		[{ passMark: 50, modelMark: 70 }, 49.9, 'qibu'],
		[{ passMark: 50, modelMark: 70 }, 50, 'hege'],
		[{ passMark: 50, modelMark: 70 }, 70, 'mofan'],
		[{ passMark: 80, modelMark: 95 }, 60, 'jianshe'],
		[{ passMark: 80, modelMark: 95 }, 79.9, 'jianshe'],
		[{ passMark: 80, modelMark: 95 }, 80, 'hege'],
		[{ passMark: 80, modelMark: 95 }, 94.9, 'hege'],
		[{ passMark: 80, modelMark: 95 }, 95, 'mofan'],
	] as const)('marks %o: total %d is %s', (settings, total, id) => {
		expect(bandFor(real, settings, total).id).toBe(id);
	});

	it.each([
		[{ passMark: 75, modelMark: 90 }, 'mofan'],
		[{ passMark: 75, modelMark: 98 }, 'hege'],
		[{ passMark: 98, modelMark: 99 }, 'jianshe'],
	] as const)('scoring uses the assessment settings %o for a total of 97', (settings, band) => {
		// C1 and C2 at level 2 lose 1.5 each; no bonus: 97.
		const r = miniScore(
			{
				C1: answer({ level: 2 }),
				C2: answer({ level: 2 }),
				J1: answer({ level: 0 }),
				J2: answer({ level: 0 }),
			},
			{ settings },
		);
		expect(r.total).toBe(97);
		expect(r.band.id).toBe(band);
		expect(r.uncappedBand.id).toBe(band);
	});
});

describe('必备 caps 模范', () => {
	it('a 必备 criterion cannot be N/A: a stored N/A reads as unanswered and caps', () => {
		const r = miniScore({ A1: answer({ na: true }) });
		expect(crit(r, 'A1').status).toBe('unanswered');
		expect(r.missingRequired).toEqual(['A1']);
		expect(r.band.id).toBe('hege');
	});

	it.each([
		['level 0', answer({ level: 0 }), 100],
		['level 1', answer({ level: 1 }), 102],
		['unanswered', answer(), 100],
	] as const)('A1 at %s: 模范 becomes 合格', (_label, a1, total) => {
		const r = miniScore({ A1: a1 });
		expect(r.total).toBe(total);
		expect(r.uncappedBand.id).toBe('mofan');
		expect(r.band).toEqual({ id: 'hege', name: '合格' });
		expect(r.capped).toBe(true);
		expect(r.missingRequired).toEqual(['A1']);
	});

	it.each([
		['level 2', answer({ level: 2 })],
		['level 3', answer({ level: 3 })],
	] as const)('A1 at %s does not cap', (_label, a1) => {
		const r = miniScore({ A1: a1 });
		expect(r.band.id).toBe('mofan');
		expect(r.capped).toBe(false);
		expect(r.missingRequired).toEqual([]);
	});

	it.each([
		[['B1', 'B2', 'B3', 'B4', 'B5'], 75, 'hege'],
		[['B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2'], 65, 'jianshe'],
		[['B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5'], 50, 'qibu'],
	] as const)('lower bands are not affected (others at 0: %o → %d)', (zero, total, band) => {
		const over = Object.fromEntries([...zero, 'A1'].map((id) => [id, answer({ level: 0 })]));
		const r = miniScore(over);
		expect(r.total).toBe(total);
		expect(r.band.id).toBe(band);
		expect(r.uncappedBand.id).toBe(band);
		expect(r.capped).toBe(false);
		expect(r.missingRequired).toEqual(['A1']);
	});

	it('real required criteria below level 2 cap the band', () => {
		const required = real.criteria.filter((c) => c.required).map((c) => c.id);
		expect(required.length).toBeGreaterThan(0);
		for (const id of required) {
			const r = scoreAssessment(real, assessmentAt(real, 3, { [id]: answer({ level: 1 }) }));
			expect(r.uncappedBand.id).toBe('mofan');
			expect(r.band.id).toBe('hege');
			expect(r.missingRequired).toEqual([id]);
		}
	});
});

describe('否决', () => {
	it.each([
		// answers → holding, unanswered (未答 blocks 模范 too)
		[{ V1: true }, ['V1'], []],
		[{ V1: false }, [], []],
		[{ V1: null }, [], ['V1']],
		[{}, [], ['V1']],
		[{ V2: true }, ['V2'], ['V1']],
		[{ V1: true, V2: true }, ['V1', 'V2'], []],
		[{ V9: true }, [], ['V1']],
	] as const)('explicit answers %o give vetoes %o, unanswered %o', (vetoes, expected, open) => {
		const r = miniScore({}, { vetoes: { ...vetoes } });
		expect(r.vetoes).toEqual(expected);
		expect(r.unansweredVetoes).toEqual(open);
		expect(r.capped).toBe(expected.length + open.length > 0);
		expect(r.band.id).toBe(expected.length + open.length > 0 ? 'hege' : 'mofan');
	});

	it.each([
		[84.99, ['V2'], []],
		[0, ['V2'], []],
		[85, [], []],
		[100, [], []],
		[null, [], ['V2']],
	] as const)('D5 rate %s derives %o (unanswered %o)', (rate, expected, open) => {
		const r = miniScore({ D5: answer({ rate }) });
		expect(r.vetoes).toEqual(expected);
		expect(r.unansweredVetoes).toEqual(open);
		expect(r.capped).toBe(expected.length + open.length > 0 && r.uncappedBand.id === 'mofan');
	});

	it.each([
		[84.9, ['V3']],
		[84.99, ['V3']],
		[85, []],
		[90, []],
	] as const)('real I2 rate %d → %o', (rate, expected) => {
		const r = scoreAssessment(real, assessmentAt(real, 3, { I2: answer({ rate }) }));
		expect(r.vetoes).toEqual(expected);
		if (expected.length) {
			// I2 below 85% stands at level 1: 3 × 0.4 = 1.2 of 3 points.
			expect(r.total).toBe(103.2);
			expect(r.uncappedBand.id).toBe('mofan');
			expect(r.band.id).toBe('hege');
		}
	});

	it('a veto does not lower a band below 模范', () => {
		const over = Object.fromEntries(
			['B1', 'B2', 'B3', 'B4', 'B5', 'C1'].map((id) => [id, answer({ level: 0 })]),
		);
		const r = miniScore(over, { vetoes: { V1: true } });
		expect(r.total).toBe(75);
		expect(r.band.id).toBe('hege');
		expect(r.capped).toBe(false);
		expect(r.vetoes).toEqual(['V1']);
	});

	it('explicit and derived together report each veto once', () => {
		const r = miniScore({ D5: answer({ rate: 10 }) }, { vetoes: { V2: true } });
		expect(r.vetoes).toEqual(['V2']);
	});
});

describe('priorities', () => {
	it('sorted by lost points, with the next level and its descriptor', () => {
		const r = miniScore({
			A2: answer({ level: 0 }),
			B1: answer({ level: 1 }),
			B2: answer({ na: true }),
			C1: answer({ level: 2 }),
			A3: answer(),
		});
		expect(r.priorities.map((p) => p.id)).toEqual(['A2', 'B1', 'C1']);
		const [a2, b1, c1] = r.priorities;
		expect(a2).toMatchObject({
			level: 0,
			nextLevel: 1,
			nextStep: def(mini, 'A2').levels[1],
			category: 'A',
			required: false,
		});
		expect(a2!.lost).toBeCloseTo(5, 10);
		// B2 N/A: B1's weight is 5 × 25/20.
		expect(b1).toMatchObject({ level: 1, nextLevel: 2, nextStep: def(mini, 'B1').levels[2] });
		expect(b1!.lost).toBeCloseTo(3.75, 10);
		expect(c1).toMatchObject({
			level: 2,
			nextLevel: 3,
			nextStep: def(mini, 'C1').levels[3],
			guide: 'zongze',
			title: '测试指标C1号',
		});
		expect(c1!.lost).toBeCloseTo(1.5, 10);
	});

	it.each([
		[0, 2],
		[1, 2],
		[2, 3],
	] as const)('a required criterion at level %i points to level %i', (level, next) => {
		const r = miniScore({ A1: answer({ level }) });
		expect(r.priorities[0]).toMatchObject({ id: 'A1', required: true, level, nextLevel: next });
		expect(r.priorities[0]!.nextStep).toBe(def(mini, 'A1').levels[next]);
	});

	it('ties: required first, then by id', () => {
		const c = miniCatalogue((raw) => {
			raw.criteria.find((x) => x.id === 'C3')!['required'] = true;
			raw.criteria.find((x) => x.id === 'C3')!['allowNotApplicable'] = false;
		});
		const r = scoreAssessment(
			c,
			assessmentAt(c, 3, {
				B1: answer({ level: 0 }),
				C3: answer({ level: 0 }),
				B4: answer({ level: 0 }),
				D2: answer({ level: 1 }),
			}),
		);
		expect(r.priorities.map((p) => p.id)).toEqual(['C3', 'B1', 'B4', 'D2']);
	});

	it('unanswered, N/A and level-3 criteria are not priorities', () => {
		const r = miniScore({ A2: answer(), B2: answer({ na: true }) });
		expect(r.priorities).toEqual([]);
	});

	it('real rate criteria take their level from the rate', () => {
		const r = scoreAssessment(real, assessmentAt(real, 3, { A4: answer({ rate: 65 }) }));
		expect(r.priorities).toHaveLength(1);
		expect(r.priorities[0]).toMatchObject({
			id: 'A4',
			level: 1,
			nextLevel: 2,
			nextStep: def(real, 'A4').levels[2],
		});
		expect(r.priorities[0]!.lost).toBeCloseTo(3 * 0.6, 10);
	});
});

describe('strengths', () => {
	it('lists answered base criteria at level 3, in catalogue order', () => {
		const r = miniScore({ A2: answer({ level: 2 }), B2: answer({ na: true }), C3: answer() });
		expect(r.strengths).toEqual(baseIds(mini).filter((id) => !['A2', 'B2', 'C3'].includes(id)));
	});
	it('includes rate criteria at level 3 from their rate', () => {
		expect(miniScore({ A5: answer({ rate: 90 }) }).strengths).toContain('A5');
		expect(miniScore({ A5: answer({ rate: 89 }) }).strengths).not.toContain('A5');
	});
});

describe('eligibility panel', () => {
	it.each([
		[answer({ rate: 90 }), true],
		[answer({ rate: 100 }), true],
		[answer({ rate: 89.99 }), false],
		[answer({ rate: 0 }), false],
		[answer({ level: 3 }), null],
		[answer({ na: true, rate: 95 }), null],
		[undefined, null],
	] as const)('rate check on A5: %o → %s', (a5, met) => {
		const a = assessmentAt(mini, 3);
		if (a5) a.answers['A5'] = a5;
		else delete a.answers['A5'];
		expect(scoreAssessment(mini, a).eligibility).toContainEqual({ id: 'rate-a5', met });
	});

	it.each([
		[{ asked: true }, true],
		[{ asked: false }, false],
		[{ asked: null }, null],
		[{}, null],
	] as const)('asked condition %o → %s', (eligibility, met) => {
		const r = miniScore({}, { eligibility: { ...eligibility } });
		expect(r.eligibility).toContainEqual({ id: 'asked', met });
	});

	it('lists every condition of the real catalogue in order', () => {
		const r = scoreAssessment(
			real,
			assessmentAt(
				real,
				3,
				{ A4: answer({ rate: 92 }), I2: answer({ rate: 88 }) },
				{ eligibility: { 'yiyou-chenghao': true } },
			),
		);
		expect(r.eligibility).toEqual([
			{ id: 'ruhuilv-90', met: true },
			{ id: 'manyidu-90', met: false },
			{ id: 'yiyou-chenghao', met: true },
			{ id: 'jituan-erji-60', met: null },
		]);
	});
});

describe('a fully level-3 assessment', () => {
	it.each([
		['real', real],
		['mini', mini],
	] as const)('%s catalogue scores 100 + bonus', (_name, catalogue) => {
		const r = scoreAssessment(catalogue, assessmentAt(catalogue, 3));
		expect(r.base).toBe(100);
		expect(r.bonus).toBe(catalogue.bonusMax);
		expect(r.total).toBe(100 + catalogue.bonusMax);
		expect(r.band).toEqual({ id: 'mofan', name: '模范' });
		expect(r.capped).toBe(false);
		expect(r.missingRequired).toEqual([]);
		expect(r.vetoes).toEqual([]);
		expect(r.completion).toEqual({
			answered: catalogue.criteria.length,
			total: catalogue.criteria.length,
			percent: 100,
			complete: true,
		});
		expect(r.priorities).toEqual([]);
		expect(r.strengths).toEqual(baseIds(catalogue));
		for (const k of r.categories) expect(k.percent).toBeCloseTo(100, 10);
		for (const c of r.criteria) expect(c.lost).toBeCloseTo(0, 10);
	});

	it('the real bonus criteria add exactly bonusMax', () => {
		const bonus = real.criteria.filter(
			(c) => real.categories.find((k) => k.id === c.category)?.bonus,
		);
		expect(bonus.reduce((s, c) => s + c.points, 0)).toBe(real.bonusMax);
	});

	it('answerAt gives every real criterion its level', () => {
		for (const c of real.criteria)
			for (const level of LEVELS)
				if (!c.rate || c.rate.thresholds.some((t) => t.level === level)) {
					expect(effectiveLevel(c, answerAt(c, level))).toBe(level);
				}
	});
});

describe('issue 9: every scoring rule says one thing', () => {
	it.each([
		// Mini, A3 N/A (A scales by 25/20), A2 at level 1 (loses 3 × 1.25), no bonus:
		// exact total 96.25. modelMark, band, shown total
		[96.25, 'mofan', 96.2],
		[96.3, 'hege', 96.2], // today's rounding read 96.25 as 96.3 and gave 模范
		[96.2, 'mofan', 96.2],
	] as const)(
		'bands are decided on the unrounded total (模范 line %d → %s), shown rounded down',
		(modelMark, band, shown) => {
			const r = miniScore(
				{
					A3: answer({ na: true }),
					A2: answer({ level: 1 }),
					J1: answer({ level: 0 }),
					J2: answer({ level: 0 }),
				},
				{ settings: { passMark: 75, modelMark } },
			);
			expect(r.exactTotal).toBeCloseTo(96.25, 10);
			expect(r.total).toBe(shown);
			expect(r.band.id).toBe(band);
		},
	);

	it('category contributions add up to the base when a whole category is N/A', () => {
		// Mini: all of B N/A; A at level 2 (17.5 of 25); the rest full. Base scale 100/75.
		const over: Record<string, Answer> = {};
		for (const id of ['B1', 'B2', 'B3', 'B4', 'B5']) over[id] = answer({ na: true });
		for (const id of ['A1', 'A2', 'A3', 'A4']) over[id] = answer({ level: 2 });
		over['A5'] = answer({ rate: 80 });
		const r = miniScore(over);
		const base = r.categories.filter((k) => !k.bonus);
		// A 17.5 × 4/3 = 23.333…; C, D 25 × 4/3 = 33.333… each; B 0.
		expect(base.map((k) => round1(k.contribution))).toEqual([23.3, 0, 33.3, 33.3]);
		expect(base.map((k) => round1(k.scaledPoints))).toEqual([33.3, 0, 33.3, 33.3]);
		expect(base.reduce((s, k) => s + k.contribution, 0)).toBeCloseTo(90, 10);
		expect(base.reduce((s, k) => s + k.scaledPoints, 0)).toBeCloseTo(100, 10);
		expect(r.base).toBe(90);
		expect(r.baseScale).toBeCloseTo(4 / 3, 10);
		// Criterion contributions add up too (what the CSV lists).
		const crits = r.criteria.filter((c) => !c.bonus);
		expect(crits.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(90, 10);
	});

	it('the bonus category contributes what counts after the cap', () => {
		const r = miniScore({});
		expect(cat(r, 'J').contribution).toBe(5);
		expect(r.bonus).toBe(5);
	});

	it('C5 at 未开展 triggers V2, answered or not', () => {
		for (const stored of [null, false, true]) {
			const r = scoreAssessment(
				real,
				assessmentAt(
					real,
					3,
					{ C5: answer({ level: 0 }) },
					{ vetoes: { V1: false, V2: stored, V4: false } },
				),
			);
			expect(r.vetoes).toEqual(['V2']);
			expect(r.unansweredVetoes).toEqual([]);
		}
		const ok = scoreAssessment(real, assessmentAt(real, 3, { C5: answer({ level: 1 }) }));
		expect(ok.vetoes).toEqual([]);
	});

	it('an unanswered veto blocks 模范 and is named', () => {
		const r = scoreAssessment(real, assessmentAt(real, 3, {}, { vetoes: { V1: false } }));
		expect(r.uncappedBand.id).toBe('mofan');
		expect(r.band.id).toBe('hege');
		expect(r.unansweredVetoes).toEqual(['V2', 'V4']);
		expect(r.capReasons).toEqual(['veto-unanswered']);
	});

	it.each([
		// rate → I2 level: 90 → 3, 85 → 2, below 85 → 1 (and V3), never 0 from a rate
		[95, 3, []],
		[85, 2, []],
		[84.9, 1, ['V3']],
		[0, 1, ['V3']],
	] as const)('I2 rate %d stands at level %i, vetoes %o', (rate, level, vetoes) => {
		const r = scoreAssessment(real, assessmentAt(real, 3, { I2: answer({ rate }) }));
		expect(crit(r, 'I2').level).toBe(level);
		expect(r.vetoes).toEqual(vetoes);
	});

	it('no 会员评家 held: I1 and I2 at 0, no V3, not 模范, eligibility unmet', () => {
		const a = assessmentAt(real, 3, { I2: answer({ rate: 0 }) });
		a.survey.held = false;
		const r = scoreAssessment(real, a);
		expect(crit(r, 'I1').level).toBe(0);
		expect(crit(r, 'I2').level).toBe(0);
		expect(r.vetoes).toEqual([]);
		expect(r.unansweredVetoes).toEqual([]);
		expect(r.noSurvey).toBe(true);
		// 100 - 5 (category I) = 95, + 5 bonus = 100 → 模范 by total, shown 合格.
		expect(r.base).toBe(95);
		expect(r.uncappedBand.id).toBe('mofan');
		expect(r.band.id).toBe('hege');
		expect(r.capReasons).toEqual(['no-survey']);
		expect(r.eligibility.find((e) => e.id === 'manyidu-90')?.met).toBe(false);
	});

	it('a new assessment counts 满意 only and has the survey 未答', () => {
		const a = blankAssessment(real);
		expect(a.survey.countBasic).toBe(false);
		expect(a.survey.held).toBeNull();
	});
});

describe('rateStanding', () => {
	const i2 = real.criteria.find((c) => c.id === 'I2')!;
	it.each([
		[72, 1, 85],
		[85, 2, 90],
		[89.9, 2, 90],
		[90, 3, null],
		[0, 1, 85],
	])('I2 at %d%% is level %d, next at %j', (rate, level, nextMin) => {
		expect(rateStanding(i2, rate)).toEqual({ level, nextMin });
	});
});
