import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_OVERRATE_THRESHOLD,
	OVER_RATED_SHOWN,
	overRatedBranches,
	overRatedCriteria,
	overRatedList,
	parseThreshold,
	reviewCounts,
	reviewOverviewCsv,
	reviewOverviewRows,
	type ReviewCsvLabels,
} from '../../src/lib/review-overview';
import { loadResultFiles, overviewCsv, type EntryReview } from '../../src/lib/aggregate';
import { overviewColumns } from '../../src/lib/overview-columns';
import { generateResultFiles, reviewGeneratedFiles } from '../../src/lib/generate';
import { parseCsv } from '../support/parse-csv';
import { catalogue, loadOptions, makeEntry } from './fixtures';

const rev = (patch: Partial<EntryReview>): EntryReview => ({
	total: 0,
	base: 0,
	bonus: 0,
	band: 'qibu',
	capped: false,
	criterionLevels: {},
	complete: true,
	reviewer: '王五',
	organisation: '区总工会',
	reviewedOn: '2026-03-10',
	recordedHash: `sha256:${'0'.repeat(64)}`,
	branchCanonical: '{}',
	integrity: 'intact',
	...patch,
});

const entries = [
	makeEntry({
		branch: '甲',
		total: 92,
		band: 'mofan',
		review: rev({ total: 78, band: 'hege' }),
		criterionLevels: { A1: 3, A2: 3, B1: 2 },
	}),
	makeEntry({
		branch: '乙',
		total: 80,
		band: 'hege',
		review: rev({ total: 75, band: 'hege', criterionLevels: { A1: 3, A2: 1, B1: 2 } }),
		criterionLevels: { A1: 3, A2: 2, B1: 2 },
	}),
	makeEntry({ branch: '丙', total: 70, band: 'jianshe', review: null }),
	makeEntry({
		branch: '丁',
		total: 60,
		band: 'jianshe',
		review: rev({ total: 75, band: 'hege', integrity: 'altered' }),
	}),
];
entries[0]!.review!.criterionLevels = { A1: 2, A2: 1, B1: 2 };

describe('reviewOverviewRows', () => {
	it('uses the 验收 where there is one and says so; 差值 = 自评 − 验收', () => {
		expect(
			reviewOverviewRows(entries).map((r) => [
				r.branch,
				r.self,
				r.review,
				r.diff,
				r.score,
				r.source,
				r.band,
			]),
		).toEqual([
			['甲', 92, 78, 14, 78, 'review', 'hege'],
			['乙', 80, 75, 5, 75, 'review', 'hege'],
			['丙', 70, null, null, 70, 'self', 'jianshe'],
			['丁', 60, 75, -15, 75, 'review', 'hege'],
		]);
		expect(reviewCounts(reviewOverviewRows(entries))).toEqual({
			reviewed: 3,
			selfOnly: 1,
			altered: 1,
		});
	});
});

describe('overRatedBranches', () => {
	it.each([
		[DEFAULT_OVERRATE_THRESHOLD, ['甲']],
		[4, ['甲', '乙']],
		[5, ['甲']],
		[14, []],
		[0, ['甲', '乙']],
	])('threshold %d → %j', (threshold, names) => {
		expect(overRatedBranches(reviewOverviewRows(entries), threshold).map((r) => r.branch)).toEqual(
			names,
		);
	});
});

describe('overRatedList: the largest differences on the page, the count of the rest', () => {
	const rows = (n: number) =>
		Array.from({ length: n }, (_, i) => ({
			...reviewOverviewRows(entries)[0]!,
			branch: `单位${i + 1}`,
			diff: 11 + i,
		}));
	it.each([
		[0, 0, 0],
		[3, 3, 0],
		[OVER_RATED_SHOWN, OVER_RATED_SHOWN, 0],
		[OVER_RATED_SHOWN + 12, OVER_RATED_SHOWN, 12],
	])('%d over the threshold → %d listed, %d more', (n, shown, more) => {
		const list = overRatedList(rows(n), DEFAULT_OVERRATE_THRESHOLD);
		expect([list.shown.length, list.more]).toEqual([shown, more]);
		// The largest first.
		if (n) expect(list.shown[0]!.branch).toBe(`单位${n}`);
	});
});

describe('parseThreshold', () => {
	it.each([
		['10', { ok: true, value: 10 }],
		[' 7.5 ', { ok: true, value: 7.5 }],
		['', { ok: false, reason: 'empty' }],
		['十', { ok: false, reason: 'not-number' }],
		['-1', { ok: false, reason: 'range' }],
		['101', { ok: false, reason: 'range' }],
	])('%j → %j', (text, expected) => {
		expect(parseThreshold(text)).toEqual(expected);
	});
});

describe('overRatedCriteria', () => {
	it('counts files where the branch level is above the 验收 level, most often first', () => {
		const list = overRatedCriteria(entries, catalogue);
		expect(list.map((c) => [c.id, c.overCount, c.comparedCount, c.meanGap])).toEqual([
			['A2', 2, 2, 1.5],
			['A1', 1, 2, 1],
		]);
	});
});

describe('CSV', () => {
	const labels: ReviewCsvLabels = {
		head: ['单位', '日期', '自评', '验收', '差值', '采用分', '依据', '等次', '校验'],
		source: { review: '验收', self: '自评' },
		integrity: { intact: '未改动', altered: '验收后被改动', unchecked: '未校验' },
		bandName: (id) => catalogue.bands.find((b) => b.id === id)!.name,
	};
	it('has 自评, 验收 and 差值 for every file', () => {
		const rows = parseCsv(
			reviewOverviewCsv(reviewOverviewRows(entries), labels).replace(/^\uFEFF/, ''),
		);
		expect(rows[0]).toEqual([...labels.head]);
		expect(rows[1]!.slice(2, 7)).toEqual(['92', '78', '14', '78', '验收']);
		expect(rows[3]!.slice(2, 7)).toEqual(['70', '', '', '70', '自评']);
		expect(rows[4]![8]).toBe('验收后被改动');
	});
});

describe('loading generated reviewed files', () => {
	const digest = async (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
	it('reads the 验收 of reviewed files, leaves the rest self-only, and an edit is caught', async () => {
		const plain = generateResultFiles(catalogue, 40, 7);
		const files = await reviewGeneratedFiles(catalogue, plain, 7, 0.5, digest);
		const { entries: loaded, rejected } = loadResultFiles(
			files.map((f) => ({ ...f, size: f.text.length })),
			loadOptions(),
		);
		expect(rejected).toEqual([]);
		const reviewed = loaded.filter((e) => e.review);
		expect(reviewed.length).toBeGreaterThan(10);
		expect(loaded.length - reviewed.length).toBeGreaterThan(10);
		// Every untouched reviewed file still matches its hash.
		const byHash = await Promise.all(
			reviewed.map(
				async (e) => `sha256:${await digest(e.review!.branchCanonical)}` === e.review!.recordedHash,
			),
		);
		expect(byHash.every(Boolean)).toBe(true);
		// Raising one level in the branch's part breaks it.
		const f = files.find((x) => x.name.endsWith('-验收.json'))!;
		const data = JSON.parse(f.text);
		const id = Object.keys(data.assessment.answers).find(
			(k) => data.assessment.answers[k].level === 1,
		);
		if (id) data.assessment.answers[id].level = 3;
		else data.assessment.profile.assessor = '改过的人';
		const edited = loadResultFiles(
			[{ name: 'x.json', text: JSON.stringify(data), size: 1 }],
			loadOptions(),
		).entries[0]!;
		expect(`sha256:${await digest(edited.review!.branchCanonical)}`).not.toBe(
			edited.review!.recordedHash,
		);
	});

	it('the overview columns carry 验收总分, 验收结果 and 自评−验收 into the CSV', () => {
		const text = (key: string) => key;
		const csv = overviewCsv(entries, overviewColumns(catalogue, text));
		const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
		const at = rows[0]!.indexOf('overviewCsv.reviewTotal');
		expect(rows[0]!.slice(at, at + 3)).toEqual([
			'overviewCsv.reviewTotal',
			'overviewCsv.reviewBand',
			'overviewCsv.reviewDiff',
		]);
		expect(rows[1]!.slice(at, at + 3)).toEqual(['78', '合格', '14']);
		expect(rows[3]!.slice(at, at + 3)).toEqual(['', '', '']);
	});
});
