import { describe, expect, it } from 'vitest';
import { BOM } from '../../src/lib/csv';
import {
	catalogueVersionNote,
	branchName,
	compareOverTime,
	describeValues,
	filterEntries,
	groupByBranch,
	histogram,
	loadResultFiles,
	overviewCsv,
	overviewColumns,
	percentileInc,
	rollUpSubunits,
	sortEntries,
	summarise,
	type EntryFilter,
	type OverviewEntry,
	type SortKey,
} from '../../src/lib/aggregate';
import { generateBadFiles, generateResultFiles, withSizes } from '../../src/lib/generate';
import type { Catalogue } from '../../src/lib/catalogue-schema';
import { FORMAT } from '../../src/lib/result-file';
import { catalogue, loadOptions, makeEntry, makeFile } from './fixtures';
import { fill } from '../../src/i18n/format';
import strings from '../../src/i18n/zh-CN.json' with { type: 'json' };

const close = (a: number | null | undefined, b: number) => expect(a).toBeCloseTo(b, 9);

describe('percentileInc (linear interpolation, as Excel PERCENTILE.INC)', () => {
	it.each([
		// Values checked against Excel/LibreOffice PERCENTILE(…) and numpy.percentile(…, method="linear").
		{ values: [1, 2, 3, 4], p: 0, want: 1 },
		{ values: [1, 2, 3, 4], p: 0.25, want: 1.75 },
		{ values: [1, 2, 3, 4], p: 0.5, want: 2.5 },
		{ values: [1, 2, 3, 4], p: 0.75, want: 3.25 },
		{ values: [1, 2, 3, 4], p: 1, want: 4 },
		{ values: [15, 20, 35, 40, 50], p: 0.4, want: 29 },
		{ values: [15, 20, 35, 40, 50], p: 0.25, want: 20 },
		{ values: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], p: 0.25, want: 32.5 },
		{ values: [7], p: 0.3, want: 7 },
	])('$values at $p → $want', ({ values, p, want }) => close(percentileInc(values, p), want));

	it('gives null for no values and refuses p outside 0–1', () => {
		expect(percentileInc([], 0.5)).toBeNull();
		expect(() => percentileInc([1, 2], 1.5)).toThrow(RangeError);
		expect(() => percentileInc([1, 2], Number.NaN)).toThrow(RangeError);
	});
});

describe('describeValues', () => {
	it('works out figures done by hand for five values', () => {
		const s = describeValues([90, 40, 100, 60, 70])!;
		expect(s.n).toBe(5);
		close(s.mean, 72);
		expect([s.min, s.max]).toEqual([40, 100]);
		close(s.sd, Math.sqrt(456)); // squared deviations 1024+144+4+324+784 = 2280, ÷ 5
		close(s.median, 70);
		close(s.p25, 60);
		close(s.weakestQuarterMean, 50); // ⌈5/4⌉ = 2 lowest: (40 + 60) / 2
	});

	it('is null for no values, and one value stands for itself', () => {
		expect(describeValues([])).toBeNull();
		expect(describeValues([42])).toEqual({
			n: 1,
			mean: 42,
			min: 42,
			max: 42,
			sd: 0,
			median: 42,
			p25: 42,
			weakestQuarterMean: 42,
		});
	});
});

describe('histogram of totals', () => {
	it.each([
		{ total: 0, bin: 0 },
		{ total: 9.9, bin: 0 },
		{ total: 10, bin: 1 },
		{ total: 30, bin: 3 },
		{ total: 0.1 + 0.2 + 29.7, bin: 3 }, // 30.000000000000004 and its like stay in their bin
		{ total: 89.9, bin: 8 },
		{ total: 90, bin: 9 },
		{ total: 99.9, bin: 9 },
		{ total: 100, bin: 9 },
		{ total: 104, bin: 9 },
	])('$total goes to bin $bin', ({ total, bin }) => {
		const bins = histogram([total]);
		expect(bins.findIndex((b) => b.count === 1)).toBe(bin);
	});

	it('has ten labelled bins, the top one 90–100', () => {
		const bins = histogram([]);
		expect(bins.map((b) => b.label)).toEqual([
			'0–9',
			'10–19',
			'20–29',
			'30–39',
			'40–49',
			'50–59',
			'60–69',
			'70–79',
			'80–89',
			'90–100',
		]);
		expect(bins.every((b) => b.count === 0)).toBe(true);
	});
});

describe('summarise', () => {
	// Five small entries whose figures are worked out by hand below.
	const entries: OverviewEntry[] = [
		makeEntry({
			total: 95,
			band: 'mofan',
			complete: true,
			categoryPercents: { A: 100, B: 50 },
			criterionLevels: { A1: 3, A2: 1, A3: 'na', B1: 0 },
		}),
		makeEntry({
			total: 78,
			band: 'hege',
			complete: true,
			categoryPercents: { A: 80, B: null },
			criterionLevels: { A1: 0, A2: 1, A3: null, B1: 3 },
		}),
		makeEntry({
			total: 61.5,
			band: 'jianshe',
			complete: false,
			categoryPercents: { A: 60, B: 30 },
			criterionLevels: { A1: 2, A2: 3, A3: 1 },
		}),
		makeEntry({
			total: 40,
			band: 'qibu',
			complete: true,
			categoryPercents: { A: 40, B: 70 },
			criterionLevels: { A1: 3, A2: 2, A3: 0 },
		}),
		makeEntry({
			total: 104,
			band: 'mofan',
			complete: false,
			categoryPercents: { A: 20, B: 10 },
			criterionLevels: { A1: 1, A2: null, A3: 'na', J1: 0 },
		}),
	];
	const s = summarise(entries, catalogue);
	const cat = (id: string) => s.categories.find((k) => k.id === id)!.stats;

	it('category A: 20, 40, 60, 80, 100', () => {
		const a = cat('A')!;
		expect(a.n).toBe(5);
		close(a.mean, 60);
		expect([a.min, a.max]).toEqual([20, 100]);
		close(a.sd, Math.sqrt(800)); // (1600+400+0+400+1600) / 5
		close(a.median, 60);
		close(a.p25, 40);
		close(a.weakestQuarterMean, 30); // (20 + 40) / 2
	});

	it('category B: one null left out, 10, 30, 50, 70', () => {
		const b = cat('B')!;
		expect(b.n).toBe(4);
		close(b.mean, 40);
		close(b.sd, Math.sqrt(500)); // (900+100+100+900) / 4
		close(b.median, 40); // halfway between 30 and 50
		close(b.p25, 25); // h = 0.75: 10 + 0.75 × 20
		close(b.weakestQuarterMean, 10); // ⌈4/4⌉ = 1 value
	});

	it('categories with no percent have null stats, and all categories are listed in order', () => {
		expect(cat('C')).toBeNull();
		expect(s.categories.map((k) => k.id)).toEqual(catalogue.categories.map((k) => k.id));
	});

	it('totals, histogram, bands and completeness', () => {
		close(s.total!.mean, 75.7); // 378.5 / 5
		expect(s.histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 0, 1, 1, 0, 2]);
		expect(s.bands.map((b) => [b.id, b.name, b.count, b.share])).toEqual([
			['qibu', '起步', 1, 0.2],
			['jianshe', '建设中', 1, 0.2],
			['hege', '合格', 1, 0.2],
			['mofan', '模范', 2, 0.4],
		]);
		expect(s.count).toBe(5);
		expect(s.completeCount).toBe(3);
		close(s.completeShare, 0.6);
	});

	it('weak criteria: share of answered entries at level 0–1, ties by id, bonus criteria left out', () => {
		expect(s.weakCriteria.map((w) => [w.id, w.weakCount, w.answeredCount, w.weakShare])).toEqual([
			['A3', 2, 2, 1], // 1 and 0; 'na' and unanswered excluded
			['A2', 2, 4, 0.5],
			['B1', 1, 2, 0.5], // same share as A2, after it by id
			['A1', 2, 5, 0.4],
		]);
		const a3 = s.weakCriteria[0]!;
		expect(a3.title).toBe(catalogue.criteria.find((c) => c.id === 'A3')!.title);
		expect(a3.guide).toBe(catalogue.criteria.find((c) => c.id === 'A3')!.guide);
	});

	it('copes with no entries', () => {
		const empty = summarise([], catalogue);
		expect(empty.count).toBe(0);
		expect(empty.total).toBeNull();
		expect(empty.completeShare).toBeNull();
		expect(empty.weakCriteria).toEqual([]);
		expect(empty.bands.every((b) => b.count === 0 && b.share === 0)).toBe(true);
	});
});

describe('loadResultFiles', () => {
	it('loads the good files and rejects each bad one with its reason', () => {
		const good = generateResultFiles(catalogue, 30, 11);
		const bad = generateBadFiles(catalogue, good[0]);
		const { entries, rejected } = loadResultFiles(withSizes([...good, ...bad]), loadOptions());
		const expectedRejections = bad.filter((b) => b.expect !== 'loads');
		expect(entries).toHaveLength(good.length + bad.length - expectedRejections.length);
		expect(rejected.map((r) => [r.name, r.reason.code])).toEqual(
			expectedRejections.map((b) => [b.name, b.expect]),
		);
		expect(rejected.find((r) => r.reason.code === 'duplicate')!.reason.detail).toBe(good[0]!.name);
		expect(rejected.find((r) => r.reason.code === 'forbidden-key')!.reason.detail).toBe(
			'__proto__',
		);
		// The file with an unknown criterion loads; its unknown answer is simply not there.
		const odd = entries.find((e) => e.fileName === '含未知指标的文件.json')!;
		expect(odd.criterionLevels).not.toHaveProperty('Z9');
		expect(Object.keys(odd.criterionLevels)).toEqual(catalogue.criteria.map((c) => c.id));
	});

	it('fills an entry from the file and its scores', () => {
		const file = makeFile('a.json', {
			level: 3,
			profile: {
				unitName: ' 东城区  第三机械厂 ',
				unionName: '东城区第三机械厂工会',
				assessedOn: '2024-05-06',
			},
			answers: { A2: { na: true, naReason: '人少' }, A3: { level: 1, note: '  待补组长选举  ' } },
		});
		const [e] = loadResultFiles([file], loadOptions()).entries;
		expect(e).toMatchObject({
			fileName: 'a.json',
			unitName: '东城区 第三机械厂',
			branch: '东城区 第三机械厂·东城区第三机械厂工会',
			scope: 'union',
			assessedOn: '2024-05-06',
			olderCatalogue: false,
			missingCriteria: [],
			complete: true,
			completionPercent: 100,
		});
		expect(e!.criterionLevels['A2']).toBe('na');
		expect(e!.criterionLevels['A3']).toBe(1);
		expect(e!.notes).toEqual({ A3: '待补组长选举' });
		expect(e!.categoryPercents['J']).toBe(100);
		expect(e!.total).toBeGreaterThan(100); // base near 100 plus the bonus
	});

	describe('duplicates: same normalised 单位 + 工会 name and same date', () => {
		const base = {
			unitName: '东城区 第三机械厂',
			unionName: '东城区第三机械厂工会',
			assessedOn: '2024-05-06',
		};
		it.each([
			{ why: 'identical', profile: base, duplicate: true },
			{
				why: 'extra and full-width spaces',
				profile: {
					...base,
					unitName: '\u3000东城区   第三机械厂 ',
					unionName: ' 东城区第三机械厂工会',
				},
				duplicate: true,
			},
			{ why: 'another date', profile: { ...base, assessedOn: '2025-05-06' }, duplicate: false },
			{
				why: 'another union name',
				profile: { ...base, unionName: '东城区第三机械厂一车间分工会' },
				duplicate: false,
			},
			{
				why: 'space removed inside the name',
				profile: { ...base, unitName: '东城区第三机械厂' },
				duplicate: false,
			},
		])('$why → duplicate: $duplicate', ({ profile, duplicate }) => {
			const first = makeFile('first.json', { profile: base });
			const second = makeFile('second.json', { profile, level: 1 });
			const { entries, rejected } = loadResultFiles([first, second], loadOptions());
			expect(entries[0]!.fileName).toBe('first.json');
			if (duplicate)
				expect(rejected).toEqual([
					{ name: 'second.json', reason: { code: 'duplicate', detail: 'first.json' } },
				]);
			else expect(entries).toHaveLength(2);
		});

		it('never takes two files without any name for the same branch', () => {
			const profile = { unitName: '', unionName: '', assessedOn: '2024-01-01' };
			const { entries } = loadResultFiles(
				[makeFile('x.json', { profile }), makeFile('y.json', { profile })],
				loadOptions(),
			);
			expect(entries.map((e) => e.branch)).toEqual(['x.json', 'y.json']);
		});
	});

	describe('older catalogue', () => {
		// The previous catalogue: no H3 yet, and a C9 since dropped.
		const c1 = catalogue.criteria.find((c) => c.id === 'C1')!;
		const older: Catalogue = {
			...catalogue,
			version: '2025.1',
			criteria: [...catalogue.criteria.filter((c) => c.id !== 'H3'), { ...c1, id: 'C9' }],
		};

		it('is flagged; dropped criteria are ignored and new ones count as not answered', () => {
			// Even an answer to H3 in such a file is not used: H3 did not exist in its catalogue.
			const file = makeFile('old.json', {
				cat: older,
				level: 3,
				answers: { C9: { level: 0 }, H3: { level: 3 } },
			});
			const { entries, rejected } = loadResultFiles([file], loadOptions());
			expect(rejected).toEqual([]);
			const e = entries[0]!;
			expect(e.olderCatalogue).toBe(true);
			expect(e.catalogueVersion).toBe('2025.1');
			expect(e.missingCriteria).toEqual(['H3']);
			expect(e.criterionLevels['H3']).toBeNull();
			expect(e.criterionLevels).not.toHaveProperty('C9');
			expect(e.categoryPercents['C']).toBe(100); // C9 at level 0 does not pull C down
			expect(e.complete).toBe(false);
		});

		it('a version 1 file of an older catalogue: criteria it has no answer for are listed', () => {
			const answers = Object.fromEntries(
				catalogue.criteria.filter((c) => c.id !== 'J3').map((c) => [c.id, { level: 2 }]),
			);
			const v1 = {
				format: FORMAT,
				schemaVersion: 1,
				catalogueVersion: '2024.1',
				exportedAt: '2024-06-01T00:00:00Z',
				profile: {
					unitName: '老格式单位',
					unionName: '老格式单位工会',
					assessedOn: '2024-06-01',
					assessor: '',
				},
				answers,
			};
			const text = JSON.stringify(v1);
			const { entries } = loadResultFiles(
				[{ name: 'v1.json', text, size: text.length }],
				loadOptions(),
			);
			expect(entries[0]).toMatchObject({
				olderCatalogue: true,
				missingCriteria: ['J3'],
				scope: 'union',
			});
		});
	});

	it('scores all files with one set of marks when asked, else with each file’s own', () => {
		// All at level 2, no bonus: total 70 → 模范 under the file's own 60/70, 建设中 under 75/90.
		const file = makeFile('m.json', {
			settings: { passMark: 60, modelMark: 70 },
			answers: { J1: { level: 0 }, J2: { level: 0 }, J3: { level: 0 } },
		});
		const own = loadResultFiles([file], loadOptions()).entries[0]!;
		const common = loadResultFiles([file], loadOptions({ marks: { passMark: 75, modelMark: 90 } }))
			.entries[0]!;
		expect(own.total).toBe(70);
		expect(own.band).toBe('mofan');
		expect(common.band).toBe('jianshe');
	});
});

describe('rollUpSubunits', () => {
	const sub = (
		branch: string,
		parentUnion: string,
		levels: OverviewEntry['criterionLevels'],
		patch: Partial<OverviewEntry> = {},
	) =>
		makeEntry({
			branch,
			unitName: branch,
			unionName: branch,
			scope: 'subunit',
			parentUnion,
			criterionLevels: levels,
			...patch,
		});
	const entries = [
		makeEntry({ branch: '北区工会', criterionLevels: { H1: 3, H2: 3, H3: 3 } }), // the parent itself: not a sub-unit
		sub('一车间', '北区工会', { H1: 0, H2: 0, H3: 0 }, { assessedOn: '2023-01-01', band: 'qibu' }), // older file, superseded
		sub(
			'一车间',
			'北区工会',
			{ A1: 0, H1: 3, H2: 2, H3: 'na' },
			{ assessedOn: '2025-01-01', band: 'hege' },
		), // mean 2.5: active
		sub('二车间', ' 北区工会 ', { A1: 3, H1: 1, H2: 2, H3: null }, { band: 'hege' }), // mean 1.5: not active
		sub('三车间', '北区工会', { H1: 'na', H2: null, H3: 'na' }, { band: 'mofan' }), // nothing answered: unknown
		sub('机修组', '南区工会', { H1: 2, H2: 2 }, { band: 'jianshe' }), // mean exactly 2: active
	];
	const [north, south] = rollUpSubunits(entries);

	it('groups by parent (names normalised, sorted in pinyin order) and counts each sub-unit once', () => {
		expect([north!.parentUnion, south!.parentUnion]).toEqual(['北区工会', '南区工会']);
		expect(north!.count).toBe(3);
		expect(north!.subunits.find((s) => s.branch === '一车间')!.assessedOn).toBe('2025-01-01');
	});

	it('建小家活动率: sub-units whose H levels average ≥ 2', () => {
		expect(north!.activeCount).toBe(1);
		expect(north!.unknownCount).toBe(1);
		close(north!.activityRate, 100 / 3);
		expect(south!.activityRate).toBe(100);
		expect(north!.subunits.map((s) => [s.branch, s.meanLevel, s.active])).toEqual([
			['二车间', 1.5, false],
			['三车间', null, false],
			['一车间', 2.5, true],
		]);
	});

	it('share at each band', () => {
		expect(north!.bands.map((b) => [b.id, b.count])).toEqual([
			['qibu', 0],
			['jianshe', 0],
			['hege', 2],
			['mofan', 1],
		]);
		close(north!.bands[2]!.share, 2 / 3);
	});

	it('is empty without sub-units', () => {
		expect(rollUpSubunits([makeEntry()])).toEqual([]);
	});
});

describe('compareOverTime', () => {
	const at = (assessedOn: string, patch: Partial<OverviewEntry>) =>
		makeEntry({ assessedOn, fileName: `${assessedOn}.json`, ...patch });
	const history = [
		at('2024-04-01', {
			total: 70.2,
			categoryPercents: { A: 60, B: 40 },
			criterionLevels: { A1: 2, A2: 1, A3: 2, A4: 3, A5: 0 },
			notes: { A1: '已换届', A2: '台账缺失' },
		}),
		at('2023-04-01', {
			total: 60,
			categoryPercents: { A: 50, B: null },
			criterionLevels: { A1: 1, A2: 3, A3: 'na', A4: null, A5: 0 },
			notes: { A2: '制度齐全' },
		}),
		at('2025-04-01', {
			total: 65,
			categoryPercents: { A: 55, B: 50 },
			criterionLevels: { A1: 2, A2: 1, A3: 2, A4: 3, A5: 3 },
		}),
	];
	const c = compareOverTime(history);

	it('puts dates in order', () => {
		expect(c.points.map((p) => p.assessedOn)).toEqual(['2023-04-01', '2024-04-01', '2025-04-01']);
	});

	it.each([
		{ id: 'A', values: [50, 60, 55], changes: [null, 10, -5], firstToLast: 5 },
		{ id: 'B', values: [null, 40, 50], changes: [null, null, 10], firstToLast: null },
	])(
		'category $id per date, change from the previous date and first to last',
		({ id, values, changes, firstToLast }) => {
			expect(c.categories.find((k) => k.id === id)).toEqual({ id, values, changes, firstToLast });
		},
	);

	it('total per date, changes rounded to one decimal', () => {
		expect(c.total).toEqual({
			values: [60, 70.2, 65],
			changes: [null, 10.2, -5.2],
			firstToLast: 5,
		});
	});

	it('criteria that went up or down between consecutive dates, with both notes', () => {
		expect(c.criterionChanges).toEqual([
			{
				id: 'A1',
				fromDate: '2023-04-01',
				toDate: '2024-04-01',
				fromFile: '2023-04-01.json',
				toFile: '2024-04-01.json',
				fromLevel: 1,
				toLevel: 2,
				direction: 'up',
				fromNote: '',
				toNote: '已换届',
			},
			{
				id: 'A2',
				fromDate: '2023-04-01',
				toDate: '2024-04-01',
				fromFile: '2023-04-01.json',
				toFile: '2024-04-01.json',
				fromLevel: 3,
				toLevel: 1,
				direction: 'down',
				fromNote: '制度齐全',
				toNote: '台账缺失',
			},
			// A3 (不适用 → 2) and A4 (unanswered → 3) are not ups or downs.
			{
				id: 'A5',
				fromDate: '2024-04-01',
				toDate: '2025-04-01',
				fromFile: '2024-04-01.json',
				toFile: '2025-04-01.json',
				fromLevel: 0,
				toLevel: 3,
				direction: 'up',
				fromNote: '',
				toNote: '',
			},
		]);
	});

	it('one date: no changes', () => {
		const one = compareOverTime([history[0]!]);
		expect(one.total).toEqual({ values: [70.2], changes: [null], firstToLast: null });
		expect(one.criterionChanges).toEqual([]);
	});

	it('groupByBranch gives each branch its dated series', () => {
		const other = makeEntry({
			unitName: '别的单位',
			unionName: '别的单位工会',
			assessedOn: '2024-01-01',
		});
		const groups = groupByBranch([...history, other]);
		expect(groups.size).toBe(2);
		expect([...groups.values()][0]!.map((e) => e.assessedOn)).toEqual([
			'2023-04-01',
			'2024-04-01',
			'2025-04-01',
		]);
	});
});

describe('sortEntries and filterEntries', () => {
	const rows = [
		makeEntry({
			fileName: '1',
			branch: '北京机床厂工会',
			unitName: '北京机床厂',
			total: 70,
			band: 'jianshe',
			categoryPercents: { A: 50 },
			assessedOn: '2024-01-01',
		}),
		makeEntry({
			fileName: '2',
			branch: '安徽纺织厂工会',
			unitName: '安徽纺织厂',
			total: 50,
			band: 'qibu',
			categoryPercents: { A: null },
			assessedOn: '',
		}),
		makeEntry({
			fileName: '3',
			branch: '重庆ABC公司工会',
			unitName: '重庆ABC公司',
			total: 70,
			band: 'hege',
			categoryPercents: { A: 80 },
			scope: 'subunit',
			complete: false,
			assessedOn: '2023-01-01',
		}),
		makeEntry({
			fileName: '4',
			branch: '东城区第三机械厂工会',
			unitName: '东城区第三机械厂',
			total: 90,
			band: 'mofan',
			categoryPercents: { A: 50 },
			assessedOn: '2025-01-01',
		}),
	];
	const order = (list: OverviewEntry[]) => list.map((e) => e.fileName).join('');

	it.each<{ key: SortKey; dir: 'asc' | 'desc'; want: string }>([
		{ key: 'total', dir: 'asc', want: '2134' }, // 1 and 3 tie at 70: kept in input order
		{ key: 'total', dir: 'desc', want: '4132' }, // still 1 before 3: stable in both directions
		{ key: 'branch', dir: 'asc', want: '2134' }, // pinyin: an, bei, chong, dong
		{ key: 'branch', dir: 'desc', want: '4312' },
		{ key: 'band', dir: 'desc', want: '4312' },
		{ key: 'category:A', dir: 'asc', want: '1432' }, // null last
		{ key: 'category:A', dir: 'desc', want: '3142' }, // null still last
		{ key: 'assessedOn', dir: 'asc', want: '3142' }, // no date last
		{ key: 'assessedOn', dir: 'desc', want: '4132' },
	])('by $key $dir → $want', ({ key, dir, want }) => {
		expect(order(sortEntries(rows, key, dir))).toBe(want);
		expect(order(rows)).toBe('1234'); // the input is not changed
	});

	it.each<{ filter: EntryFilter; want: string }>([
		{ filter: {}, want: '1234' },
		{ filter: { text: 'abc' }, want: '3' }, // case-insensitive
		{ filter: { text: '  机 ' }, want: '14' }, // trimmed
		{ filter: { text: '工会' }, want: '1234' },
		{ filter: { text: '不存在' }, want: '' },
		{ filter: { band: 'mofan' }, want: '4' },
		{ filter: { band: '' }, want: '1234' },
		{ filter: { scope: 'subunit' }, want: '3' },
		{ filter: { scope: 'union', completeOnly: true }, want: '124' },
		{ filter: { completeOnly: true, text: '厂', band: 'jianshe' }, want: '1' },
	])('filter $filter → $want', ({ filter, want }) => {
		expect(order(filterEntries(rows, filter))).toBe(want);
	});
});

describe('overviewCsv', () => {
	const titles = catalogue.categories.map((k) => k.title);
	const entries = [
		makeEntry({
			unitName: '东城区第三机械厂',
			unionName: '东城区第三机械厂工会',
			assessedOn: '2025-03-01',
			total: 86.5,
			base: 84.5,
			bonus: 2,
			band: 'hege',
			completionPercent: 97,
			categoryPercents: Object.fromEntries(
				catalogue.categories.map((k, i) => [k.id, i === 1 ? null : 80 + i]),
			),
		}),
		makeEntry({
			unitName: '=HYPERLINK("x")',
			unionName: '一车间分工会',
			scope: 'subunit',
			parentUnion: '东城区第三机械厂工会',
			catalogueVersion: '2025.1',
			olderCatalogue: true,
			missingCriteria: ['H3', 'J3'],
		}),
	];
	// The columns the compare page uses, with the strings file's text.
	const text = (key: keyof typeof strings, params: Record<string, string | number> = {}) =>
		fill(strings[key], params);
	const columns = overviewColumns(catalogue, text);
	const csv = overviewCsv(entries, columns);
	const lines = csv.slice(BOM.length).split('\r\n');

	it('starts with a BOM and has the Chinese header', () => {
		expect(csv.startsWith(BOM)).toBe(true);
		expect(lines[0]).toBe(
			[
				'单位名称',
				'工会名称',
				'层级',
				'上级工会',
				'评估日期',
				'总分',
				'基本分',
				'加分',
				'等次',
				'完成度%',
				'否决项',
				'必备项未达',
				...titles,
				'整改任务数',
				'整改已完成',
				'整改逾期',
				'验收总分',
				'验收结果',
				'自评−验收',
				'目录版本说明',
			].join(','),
		);
		expect(lines).toHaveLength(4); // header, two rows, and the empty string after the final CRLF
	});

	it('writes one row per entry', () => {
		const cats = catalogue.categories.map((_, i) => (i === 1 ? '不适用' : String(80 + i)));
		expect(lines[1]).toBe(
			[
				'东城区第三机械厂',
				'东城区第三机械厂工会',
				'基层工会',
				'',
				'2025-03-01',
				'86.5',
				'84.5',
				'2',
				'合格',
				'97',
				'',
				'',
				...cats,
				'0',
				'0',
				'0',
				'',
				'',
				'',
				'',
			].join(','),
		);
	});

	it('defuses formulas, and explains an older catalogue', () => {
		expect(
			lines[2]!.startsWith(
				`"'=HYPERLINK(""x"")",一车间分工会,分工会或工会小组,东城区第三机械厂工会,`,
			),
		).toBe(true);
		expect(lines[2]!.endsWith(',按 2025.1 版指标目录填写；本版新增指标 H3、J3 按未答计')).toBe(
			true,
		);
	});
});

describe('branchName', () => {
	it.each([
		{
			unitName: '东城区第三机械厂',
			unionName: '东城区第三机械厂工会',
			want: '东城区第三机械厂工会',
		},
		{
			unitName: '东城区第三机械厂',
			unionName: '一车间分工会',
			want: '东城区第三机械厂·一车间分工会',
		},
		{ unitName: '东城区第三机械厂', unionName: '', want: '东城区第三机械厂' },
		{ unitName: '', unionName: '  某工会 ', want: '某工会' },
		{ unitName: '', unionName: '', want: '(fallback)' },
	])('$unitName + $unionName → $want', ({ unitName, unionName, want }) => {
		expect(branchName({ unitName, unionName }, '(fallback)')).toBe(want);
	});
});

describe('catalogueVersionNote (issue 9)', () => {
	const current = catalogue;
	it.each([
		['all current', ['2026.2', '2026.2'], null],
		[
			'2026.1 and 2026.2',
			['2026.2', '2026.1', '2026.2'],
			{
				versions: ['2026.1', '2026.2'],
				current: '2026.2',
				added: ['A7', 'B5'],
				addedPoints: 4,
				reweighted: ['E1', 'F1', 'G2', 'H2'],
			},
		],
		[
			'only 2026.1',
			['2026.1'],
			{
				versions: ['2026.1'],
				current: '2026.2',
				added: ['A7', 'B5'],
				addedPoints: 4,
				reweighted: ['E1', 'F1', 'G2', 'H2'],
			},
		],
	] as const)('%s', (_label, versions, expected) => {
		expect(
			catalogueVersionNote(
				versions.map((catalogueVersion) => ({ catalogueVersion })),
				current,
			),
		).toEqual(expected);
	});
});
