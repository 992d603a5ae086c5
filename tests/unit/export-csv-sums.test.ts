import { describe, expect, it } from 'vitest';
import { assessmentCsv, type CsvLabels } from '../../src/lib/export-csv';
import { scoreAssessment } from '../../src/lib/scoring';
import type { Answer } from '../../src/lib/assessment';
import { answer, assessmentAt, realCatalogue } from './helpers';
import { parseCsv } from '../support/parse-csv';

const real = realCatalogue();
const labels: CsvLabels = {
	header: [
		'单位',
		'工会',
		'日期',
		'类别',
		'编号',
		'指标',
		'必备',
		'应得分',
		'程度',
		'比率',
		'自评分',
		'原因',
		'材料',
		'说明',
	],
	yes: '是',
	na: '不适用',
	unanswered: '未评',
	base: '基本分',
	bonusCap: '超出上限',
	total: '合计',
	veto: { category: '否决项', yes: '是', no: '否', unanswered: '未答' },
};

/** The 自评分 column of every criterion row and of the summary rows, by label. */
function earnedColumn(csv: string) {
	const cells = parseCsv(csv.replace(/^\uFEFF/, '')).slice(1);
	const criteria = cells.filter((c) => /^[A-Z]\d+$/.test(c[4] ?? ''));
	const byLabel = Object.fromEntries(
		cells.filter((c) => c[4] === '').map((c) => [c[5], Number(c[10])]),
	);
	return { criteria, byLabel };
}

describe('CSV 自评分 column adds up (issue 9)', () => {
	it.each([
		// case, answers over level 3, base, bonus
		[
			'whole category H 不适用',
			{
				H1: answer({ na: true }),
				H2: answer({ na: true }),
				H3: answer({ na: true }),
				E1: answer({ level: 1 }),
			},
			97.4,
			5,
		],
		['nothing 不适用', { E1: answer({ level: 1 }) }, 97.6, 5],
	] as const)('%s', (_label, over, base, bonus) => {
		const a = assessmentAt(real, 3, over as Record<string, Answer>);
		const score = scoreAssessment(real, a);
		expect(score.base).toBe(base);
		const { criteria, byLabel } = earnedColumn(assessmentCsv(real, a, score, labels));
		const baseRows = criteria
			.filter((c) => c[3] !== 'J 加分项')
			.reduce((s, c) => s + Number(c[10] || 0), 0);
		const bonusRows = criteria
			.filter((c) => c[3] === 'J 加分项')
			.reduce((s, c) => s + Number(c[10] || 0), 0);
		// Rows are rounded to one decimal each: they add up to the base within rounding.
		expect(Math.abs(baseRows - base)).toBeLessThanOrEqual((0.1 * criteria.length) / 10);
		expect(byLabel['基本分']).toBe(base);
		// All bonus criteria at level 3 give 5 points over the cap of 5: the cap row takes it off.
		expect(bonusRows + (byLabel['超出上限'] ?? 0)).toBeCloseTo(bonus, 5);
		expect(byLabel['合计']).toBe(score.total);
	});
});

describe('CSV names every 否决 condition (issue 14)', () => {
	it('one row per veto with its code and condition, and its state', () => {
		const a = assessmentAt(real, 3);
		a.vetoes['V1'] = true;
		delete a.vetoes['V2'];
		const score = scoreAssessment(real, a);
		const rows = parseCsv(assessmentCsv(real, a, score, labels).replace(/^\uFEFF/, ''));
		const vetoRows = rows.filter((r) => r[3] === '否决项');
		expect(vetoRows.map((r) => r[4])).toEqual(real.vetoes.map((v) => v.id));
		for (const r of vetoRows) expect(r[5]).toBe(real.vetoes.find((v) => v.id === r[4])!.title);
		const state = Object.fromEntries(vetoRows.map((r) => [r[4], r[8]]));
		expect(state['V1']).toBe('是');
		expect(state['V2']).toBe('未答');
		expect(state['V3']).toBe('否');
	});
});
