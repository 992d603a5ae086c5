import { describe, expect, it } from 'vitest';
import {
	nameKey,
	phraseFirst,
	titleFirst,
	typeTabs,
	wantsPhrase,
} from '../../src/lib/search-order';

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

describe('nameKey', () => {
	it.each([
		['为职工办实事：落实“五必访”', '为职工办实事落实五必访'],
		['  年度 建家 工作计划 ', '年度建家工作计划'],
		['SAMM 2.0', 'samm20'],
	])('%j → %j', (text, key) => {
		expect(nameKey(text)).toBe(key);
	});
});

describe('titleFirst', () => {
	const titles = {
		a: '建家总则：为什么建、怎么建',
		b: '年度建家工作计划',
		c: '为职工办实事：落实“五必访”',
		d: '五必访走访台账',
	};
	it.each([
		['a page named for the query comes first', '年度建家工作计划', 'a c b d', 'b a c d'],
		['spaces and punctuation in the query do not matter', '年度 建家工作计划。', 'a b', 'b a'],
		['a query that is most of a title names it', '五必访走访台', 'a d b c', 'd a b c'],
		['a topic inside a longer title names nothing', '五必访', 'a d b c', 'a d b c'],
		['a page with no known title stays where it is', '年度建家工作计划', 'x a b', 'b x a'],
		['one character names nothing', '建', 'a b c', 'a b c'],
		['no title contains the query: unchanged', '入会率', 'c b a', 'c b a'],
	])('%s', (_, query, all, out) => {
		expect(ids(titleFirst(r(all), query, titles))).toBe(out);
	});
});
