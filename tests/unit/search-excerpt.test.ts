import { describe, expect, it } from 'vitest';
import { cleanExcerpt, cleanText, markTerms } from '../../src/lib/search-excerpt';

/** Parts as a string with marks in [brackets], for compact tables. */
const show = (html: string, query: string) =>
	cleanExcerpt(html, query)
		.map((p) => (p.mark ? `[${p.text}]` : p.text))
		.join('');

describe('cleanText', () => {
	it.each([
		['joins Chinese characters split by spaces', '开好职 代 会的做法', '开好职代会的做法'],
		['drops zero-width spaces', '计\u200b分\u200b方法', '计分方法'],
		['a heading’s Latin stop becomes 。', '怎么做. 先摸清诉求', '怎么做。先摸清诉求'],
		['no doubled stop after Chinese punctuation', '为什么要做？. 因为', '为什么要做？因为'],
		['keeps a version number', '版本 2026.1 起', '版本 2026.1 起'],
		['keeps a space between Latin words', 'Ctrl K and /', 'Ctrl K and /'],
		['pagefind ellipsis in the Chinese form', '... 开好职代会 ...', '……开好职代会……'],
		['no punctuation at the start', '…：落实“五必访”', '……落实“五必访”'],
		['a space before a number stays', '（4 分） 必备', '（4 分）必备'],
	])('%s', (_, input, output) => {
		expect(cleanText(input)).toBe(output);
	});
});

describe('markTerms', () => {
	it.each([
		[
			'the whole query when the text has it',
			'职代会',
			['职', '代', '会'],
			'开好职代会',
			['职代会'],
		],
		['the query’s longer parts', '职代会 提案', ['提案'], '办好提案', ['提案']],
		[
			'else pagefind’s words of two or more characters',
			'职代会',
			['职工', '会', '代表'],
			'职工代表大会',
			['职工', '代表'],
		],
		['a one-character query marks itself', '会', ['会'], '工会', ['会']],
		['nothing for single characters of a longer query', '职代会', ['会'], '工会', []],
	])('%s', (_, query, marked, text, terms) => {
		expect(markTerms(query, marked, text)).toEqual(terms);
	});
});

describe('cleanExcerpt', () => {
	it.each([
		[
			'职代会: one mark for the phrase, no single-character marks',
			'之家：<mark>职</mark><mark>代</mark><mark>会</mark>与厂务公开. 讲怎样开好<mark>职</mark><mark>代</mark><mark>会</mark>、<mark>职工</mark>参与',
			'职代会',
			'之家：[职代会]与厂务公开。讲怎样开好[职代会]、职工参与',
		],
		[
			'a page without the phrase marks its longer matched words only',
			'召开<mark>职工</mark><mark>代表</mark>大会，<mark>会</mark>议',
			'职代会',
			'召开[职工][代表]大会，会议',
		],
		[
			'text is decoded, never markup',
			'&lt;script&gt; <mark>集体</mark><mark>合同 </mark>',
			'集体合同',
			'<script> [集体合同]',
		],
	])('%s', (_, html, query, out) => {
		expect(show(html, query)).toBe(out);
	});
});
