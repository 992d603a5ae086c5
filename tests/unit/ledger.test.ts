import { describe, expect, it } from 'vitest';
import {
	LedgerSchema,
	QIBU_SANDANG_SANCE,
	bookName,
	claimedWithoutEvidence,
	evidenceCount,
	groupByCategory,
	groupBySet,
	itemStatus,
	ledgerCsvRows,
	ledgerRows,
	ledgerTotals,
	setItemStatus,
	type LedgerItem,
} from '../../src/lib/ledger';
import { levelsFromScore } from '../../src/lib/plan';
import { scoreAssessment } from '../../src/lib/scoring';
import { answer, assessmentAt, realCatalogue } from './helpers';

const real = realCatalogue();
const item = (patch: Partial<LedgerItem> = {}): LedgerItem => ({
	na: false,
	location: '',
	updatedOn: '',
	note: '',
	...patch,
});

describe('item status: the 佐证 tick is the ledger 有', () => {
	it.each([
		[answer({ evidence: [1] }), undefined, 1, 'have'],
		[answer({ evidence: [1] }), item({ na: true }), 1, 'have'],
		[answer({ evidence: [1] }), undefined, 0, 'missing'],
		[answer({ evidence: [] }), item({ na: true }), 0, 'na'],
		[answer({ na: true, naReason: '不适用' }), undefined, 0, 'na'],
		[undefined, undefined, 0, 'missing'],
	] as const)('%j %j item %i → %s', (a, e, i, expected) => {
		expect(itemStatus(a, e, i)).toBe(expected);
	});

	it.each([
		['have', [0, 2], 1, [0, 1, 2], false],
		['missing', [0, 1, 2], 1, [0, 2], false],
		['na', [0, 1], 1, [0], true],
	] as const)('setItemStatus %s', (status, evidence, i, nextEvidence, na) => {
		const r = setItemStatus(evidence, item({ location: '柜 1' }), i, status);
		expect(r.evidence).toEqual(nextEvidence);
		expect(r.entry).toEqual(item({ location: '柜 1', na }));
	});
	it('drops an entry that would hold nothing', () => {
		expect(setItemStatus([], item({ na: true }), 0, 'missing').entry).toBeNull();
	});
});

describe('ledger rows, counts and groups', () => {
	const a = assessmentAt(real, 2, {
		A1: answer({ level: 3, evidence: [0, 1, 2, 3] }),
		A2: answer({ level: 2, evidence: [0] }),
		A3: answer({ na: true, naReason: '无下属部门' }),
		B1: answer({ level: 1, evidence: [] }),
	});
	a.ledger = {
		'A2.2': item({ na: true }),
		'A1.0': item({ location: '<b>1 号柜</b>', updatedOn: '2026-02-01' }),
	};
	const rows = ledgerRows(real, a.answers, a.ledger);

	it('has one row per catalogue evidence item, and no other', () => {
		expect(rows).toHaveLength(real.criteria.reduce((n, c) => n + c.evidence.length, 0));
		expect(rows[0]).toMatchObject({ key: 'A1.0', status: 'have', location: '<b>1 号柜</b>' });
	});
	it('counts items on file per criterion out of those that apply', () => {
		const count = (id: string) =>
			evidenceCount(
				real.criteria.find((c) => c.id === id)!,
				a.answers[id],
				a.ledger,
			);
		expect(count('A1')).toEqual({ have: 4, applicable: 4, missing: 0 });
		expect(count('A2')).toEqual({ have: 1, applicable: 2, missing: 1 });
		expect(count('A3')).toEqual({ have: 0, applicable: 0, missing: 0 });
	});
	it('totals add up', () => {
		const t = ledgerTotals(rows);
		expect(t.have + t.missing + t.na).toBe(t.total);
	});
	it('names criteria rated 基本落实 or better whose evidence is missing (说得到、拿不出)', () => {
		const levels = levelsFromScore(scoreAssessment(real, a).criteria);
		const claimed = claimedWithoutEvidence(real, levels, rows);
		const a2 = claimed.find((c) => c.criterion === 'A2')!;
		expect(a2.missing).toEqual([real.criteria[1]!.evidence[1]]);
		expect(claimed.some((c) => c.criterion === 'A1')).toBe(false);
		expect(claimed.some((c) => c.criterion === 'B1')).toBe(false);
		expect(claimed.some((c) => c.criterion === 'A3')).toBe(false);
	});
	it('groups by category in catalogue order', () => {
		const groups = groupByCategory(real, rows);
		expect(groups.map((g) => g.id)).toEqual(real.categories.map((k) => k.id));
		expect(groups.flatMap((g) => g.rows)).toHaveLength(rows.length);
	});
	it('groups by 七簿三档三册 only where the catalogue marks the item, the rest apart', () => {
		const groups = groupBySet(QIBU_SANDANG_SANCE, rows, '其他');
		expect(groups.map((g) => g.id)).toEqual(['qibu', 'sandang', 'sance', 'other']);
		expect(groups.flatMap((g) => g.rows)).toHaveLength(rows.length);
		const books = (id: string) =>
			groups.find((g) => g.id === id)!.rows.map((r) => bookName(r.name));
		expect(books('sandang')).toEqual(['集体合同档案', '困难职工档案', '职工教育培训档案']);
		expect(books('qibu')).toContain('来信来访登记簿');
		expect(real.sources.some((s) => s.id === QIBU_SANDANG_SANCE.source)).toBe(true);
	});
	it('CSV rows keep markup as text', () => {
		const csv = ledgerCsvRows(rows.slice(0, 1), {
			header: ['编号', '指标', '材料', '状态', '位置', '日期', '备注'],
			status: { have: '有', missing: '缺', na: '不适用' },
		});
		expect(csv[1]).toEqual([
			'A1',
			real.criteria[0]!.title,
			real.criteria[0]!.evidence[0],
			'有',
			'<b>1 号柜</b>',
			'2026-02-01',
			'',
		]);
	});
});

describe('LedgerSchema', () => {
	it.each([
		[{ 'A1.0': item() }, true],
		[{ 'A1.10': item() }, false],
		[{ a1: item() }, false],
		[{ 'A1.0': { ...item(), extra: 1 } }, false],
		[{ 'A1.0': item({ updatedOn: '2026/01/01' }) }, false],
		[{ 'A1.0': item({ location: 'x'.repeat(101) }) }, false],
	])('%j → %s', (value, ok) => {
		expect(LedgerSchema.safeParse(value).success).toBe(ok);
	});
});
