import { describe, expect, it } from 'vitest';
import {
	pageHref,
	parsePageSummaries,
	SUMMARY_MAX_LENGTH,
	titlesOf,
} from '../../src/lib/search-pages';

const good = { title: '民主之家：职代会与厂务公开', url: '/guide/minzhu/', type: '指南' };

describe('parsePageSummaries keeps only summaries of pages on this site', () => {
	it.each<[string, unknown, Record<string, unknown>]>([
		['a valid entry', { abc1234: good }, { abc1234: good }],
		[
			'an entry without a kind',
			{ a1: { title: '计分方法', url: '/method/' } },
			{ a1: { title: '计分方法', url: '/method/' } },
		],
		[
			'a title with spaces around it is trimmed',
			{ a1: { ...good, title: '  计分方法 ' } },
			{ a1: { ...good, title: '计分方法' } },
		],
		[
			'a kind that is not text is left out',
			{ a1: { ...good, type: 3 } },
			{ a1: { title: good.title, url: good.url } },
		],
		['a blank title', { a1: { ...good, title: '   ' } }, {}],
		['a missing title', { a1: { url: '/method/' } }, {}],
		['another host', { a1: { ...good, url: 'https://evil.example/' } }, {}],
		['a protocol-relative address', { a1: { ...good, url: '//evil.example/' } }, {}],
		['a javascript: address', { a1: { ...good, url: 'javascript:alert(1)' } }, {}],
		['an address that is not text', { a1: { ...good, url: ['/'] } }, {}],
		['an over-long title', { a1: { ...good, title: '家'.repeat(SUMMARY_MAX_LENGTH + 1) } }, {}],
		['a hash with odd characters', { '../x': good }, {}],
		['an entry that is not an object', { a1: 'title' }, {}],
		[
			'one bad entry among good ones',
			{ a1: good, a2: null, a3: { ...good, url: '/a/' } },
			{ a1: good, a3: { ...good, url: '/a/' } },
		],
	])('%s', (_, json, want) => {
		expect(parsePageSummaries(json)).toEqual(want);
	});

	it.each([null, 'pages', 42, [good], undefined])('%s is no pages file: {}', (json) => {
		expect(parsePageSummaries(json)).toEqual({});
	});

	it('never carries markup through as anything but text', () => {
		const title = '<img src=x onerror=alert(1)>';
		expect(parsePageSummaries({ a1: { ...good, title } })['a1']?.title).toBe(title);
	});
});

describe('titlesOf and pageHref', () => {
	it('titles by hash', () => {
		expect(titlesOf({ a1: good, b2: { title: '计分方法', url: '/method/' } })).toEqual({
			a1: good.title,
			b2: '计分方法',
		});
	});
	it.each([
		['/', '/guide/minzhu/', '/guide/minzhu/'],
		['/zhijia/', '/guide/minzhu/', '/zhijia/guide/minzhu/'],
		['/zhijia', '/method/', '/zhijia/method/'],
	])('base %s, page %s → %s', (base, url, want) => {
		expect(pageHref(base, url)).toBe(want);
	});
});
