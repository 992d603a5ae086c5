import { describe, expect, it } from 'vitest';
import { phraseFirst, typeTabs, wantsPhrase } from '../../src/lib/search-order';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join(' ');
const r = (s: string) =>
	s
		.split(' ')
		.filter(Boolean)
		.map((id) => ({ id }));

describe('phraseFirst', () => {
	it.each([
		['phrase matches move up, each group keeps its order', 'a b c d', 'd b', 'b d a c'],
		['no phrase matches: unchanged', 'a b c', '', 'a b c'],
		['phrase results outside the list are ignored', 'a b', 'x b', 'b a'],
	])('%s', (_, all, phrase, out) => {
		expect(ids(phraseFirst(r(all), r(phrase)))).toBe(out);
	});
});

describe('wantsPhrase', () => {
	it.each([
		['职代会', true],
		['职 代', true],
		['会', false],
		['"职代会"', false],
		['  ', false],
	])('%j → %j', (q, want) => {
		expect(wantsPhrase(q)).toBe(want);
	});
});

describe('typeTabs', () => {
	const known = ['指南', '评分细则'];
	it.each([
		[
			'known kinds in their order, others by name, the catch-all last',
			{ 其他: 1, 评分细则: 3, 指南: 5, 模板: 2, 案例: 1, 专题: 1 },
			'指南 5|评分细则 3|案例 1|模板 2|专题 1|其他 1',
		],
		['kinds without results get no tab', { 指南: 0, 评分细则: 2 }, '评分细则 2'],
		['a new kind alone still gets a tab', { 模板: 4 }, '模板 4'],
		['no results, no tabs', {}, ''],
	])('%s', (_, counts, out) => {
		expect(
			typeTabs(counts, known, '其他')
				.map((t) => `${t.type} ${t.count}`)
				.join('|'),
		).toBe(out);
	});
});
