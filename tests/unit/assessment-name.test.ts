import { describe, expect, it } from 'vitest';
import {
	assessmentYear,
	baseName,
	clockTime,
	derivedName,
	isYearlyName,
	nextSelfCheck,
	nextYearName,
	oneYearLater,
	type NameLabels,
} from '../../src/lib/assessment-name';

const labels: NameLabels = {
	yearly: (year) => `${year} 年度自评`,
	suffixes: ['（副本）', '（导入）'],
};
const today = new Date(2026, 11, 2, 9, 0, 0);

describe('assessmentYear', () => {
	it.each([
		['2025-03-15', 2025],
		['2027-01-01', 2027],
		['', 2026],
		['15/03/2025', 2026],
	])('%s → %i', (date, year) => expect(assessmentYear(date, today)).toBe(year));
});

describe('derived names never pile up', () => {
	const cases: [string, string, string, string[], string][] = [
		['a plain copy', '2025 年度自评', '（副本）', [], '2025 年度自评（副本）'],
		['a copy of an import', '2025 年度自评（导入）', '（副本）', [], '2025 年度自评（副本）'],
		[
			'an import of a copy of an import',
			'2025 年度自评（导入）（副本）',
			'（导入）',
			[],
			'2025 年度自评（导入）',
		],
		[
			'a copy when the copy name is taken',
			'2025 年度自评',
			'（副本）',
			['2025 年度自评（副本）'],
			'2025 年度自评（副本 2）',
		],
		[
			'a copy of a numbered copy',
			'2025 年度自评（副本 2）',
			'（副本）',
			['2025 年度自评（副本）', '2025 年度自评（副本 2）'],
			'2025 年度自评（副本 3）',
		],
		['a name of the user’s own', '机关工会 上半年', '（副本）', [], '机关工会 上半年（副本）'],
		[
			'an empty name falls back to the year',
			'（副本）',
			'（副本）',
			[],
			`${new Date().getFullYear()} 年度自评（副本）`,
		],
	];
	it.each(cases)('%s', (_n, name, suffix, taken, expected) => {
		expect(derivedName(name, suffix, taken, labels)).toBe(expected);
	});
	it('strips every suffix for the base name', () => {
		expect(baseName('A（导入）（副本）（副本 3）', labels)).toBe('A');
	});
	it('caps the length at 100', () => {
		expect(derivedName('名'.repeat(100), '（副本）', [], labels).length).toBe(100);
	});
});

describe('names for a year', () => {
	it.each([
		['2026 年度自评', true],
		[' 2026 年度自评 ', true],
		['2026 年度自评（副本）', false],
		['机关工会 2026', false],
	])('isYearlyName(%s) is %s', (name, yes) => expect(isYearlyName(name, labels)).toBe(yes));
	it.each([
		['2027-03-15', [], '2027 年度自评'],
		['2027-03-15', ['2027 年度自评'], '2027 年度自评（2）'],
		['2027-03-15', ['2027 年度自评', '2027 年度自评（2）'], '2027 年度自评（3）'],
		['', [], '2026 年度自评'],
	] as [string, string[], string][])('nextYearName(%s, %j) is %s', (date, taken, name) =>
		expect(nextYearName(date, taken, labels, today)).toBe(name),
	);
});

describe('dates', () => {
	it.each([
		['2025-03-15', '2026-03-15'],
		['2024-02-29', '2025-02-28'],
		['2025-12-31', '2026-12-31'],
		['bad', ''],
	])('oneYearLater(%s) is %s', (d, next) => expect(oneYearLater(d)).toBe(next));
	it.each([
		['a recent assessment: a year after it', '2026-03-15', '2027-03-15'],
		['an old assessment: never in the past, so today', '2024-03-15', '2026-12-02'],
		['a year ago today: today', '2025-12-02', '2026-12-02'],
		['no date: a year from today', '', '2027-12-02'],
	])('nextSelfCheck: %s', (_n, date, next) => expect(nextSelfCheck(date, today)).toBe(next));
	it.each([
		[new Date(2026, 11, 2, 9, 5, 7), '09:05:07'],
		[new Date(2026, 11, 2, 0, 0, 0), '00:00:00'],
		[new Date(2026, 11, 2, 23, 59, 59), '23:59:59'],
	])('clockTime(%s) is %s, as the zh-CN 24-hour clock writes it', (d, text) => {
		expect(clockTime(d)).toBe(text);
		expect(
			new Intl.DateTimeFormat('zh-CN', {
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
				hour12: false,
			}).format(d),
		).toBe(text);
	});
});
