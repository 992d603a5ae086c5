import { describe, expect, it } from 'vitest';
import { assessmentCsv, nextSelfCheck, type CsvLabels } from '../../src/lib/export-csv';
import { scoreAssessment } from '../../src/lib/scoring';
import { parseCsv } from '../support/parse-csv';
import { answer, assessmentAt, realCatalogue } from './helpers';

const cat = realCatalogue();
const labels: CsvLabels = {
	header: [
		'单位',
		'工会',
		'日期',
		'类别',
		'编号',
		'指标',
		'必备',
		'分值',
		'档次',
		'百分比',
		'得分',
		'不适用原因',
		'已有材料',
		'情况说明',
	],
	yes: '是',
	na: '不适用',
	unanswered: '未评',
	base: '基本分',
	bonusCap: '加分超出上限',
	total: '合计',
	veto: { category: '否决项', yes: '是', no: '否', unanswered: '未答' },
};
const naId = cat.criteria.find((c) => !c.rate && c.allowNotApplicable !== false && !c.required)!.id;
const rateId = cat.criteria.find((c) => c.rate)!.id;

function rows() {
	const a = assessmentAt(cat, 2, {
		[naId]: answer({ na: true, naReason: '本单位没有劳务派遣工', note: '说明，含逗号' }),
		B1: answer({ level: 3, evidence: [0, 1], naReason: '旧原因（未选不适用）' }),
	});
	a.profile = {
		...a.profile,
		unitName: '=甲公司',
		unionName: '甲公司工会',
		assessedOn: '2026-03-01',
	};
	const score = scoreAssessment(cat, a);
	const text = assessmentCsv(cat, a, score, labels);
	return { text, table: parseCsv(text.replace(/^\uFEFF/, '')), score, a };
}

describe('assessmentCsv', () => {
	it('has a BOM, the header, one row per criterion and a total row', () => {
		const { text, table, score } = rows();
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(table[0]).toEqual(labels.header);
		// Header, one row per criterion, one per 否决 condition, the 基本分 row and the total
		// (the bonus is within its cap).
		expect(table).toHaveLength(cat.criteria.length + cat.vetoes.length + 3);
		expect(table.at(-1)![5]).toBe('合计');
		expect(Number(table.at(-1)![10])).toBe(score.total);
	});

	it('fills 不适用原因 for a 不适用 criterion, and only for it', () => {
		const { table } = rows();
		const col = labels.header.indexOf('不适用原因');
		const row = table.find((r) => r[4] === naId)!;
		expect(row[8]).toBe('不适用');
		expect(row[col]).toBe('本单位没有劳务派遣工');
		expect(row[10]).toBe('');
		expect(row[13]).toBe('说明，含逗号');
		// A reason left over from an earlier 不适用 is not shown once the criterion is answered.
		expect(table.find((r) => r[4] === 'B1')![col]).toBe('');
		expect(table.filter((r) => r[col] !== '' && r !== table[0])).toHaveLength(1);
	});

	it('names the level, the rate, the evidence on hand, and neutralises formulas', () => {
		const { table, a } = rows();
		const b1 = table.find((r) => r[4] === 'B1')!;
		expect(b1[8]).toBe(cat.levelNames[3]);
		const c = cat.criteria.find((x) => x.id === 'B1')!;
		expect(b1[12]).toBe(`${c.evidence[0]}；${c.evidence[1]}`);
		expect(Number(table.find((r) => r[4] === rateId)![9])).toBe(a.answers[rateId]!.rate);
		expect(table[1]![0]).not.toBe('=甲公司');
		expect(table[1]![0]).toContain('甲公司');
	});
});

describe('nextSelfCheck', () => {
	const fallback = new Date('2026-07-15T10:00:00Z');
	it.each([
		['2026-03-01', '2027-03-01'],
		['2025-12-31', '2026-12-31'],
		// One year later is already past: today instead.
		['2024-02-29', '2026-07-15'],
		['2026-01-01', '2027-01-01'],
		['', '2027-07-15'],
		['not a date', '2027-07-15'],
	])(
		'assessed on %j: next self-check on %s (one year later, never in the past)',
		(assessedOn, expected) => {
			expect(nextSelfCheck(assessedOn, fallback)).toBe(expected);
		},
	);
});
