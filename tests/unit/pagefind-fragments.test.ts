import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/integrations/pagefind-chunks';
import {
	PAGES_FILE,
	usedAnchors,
	writePageSummaries,
	type FragmentAnchor,
} from '../../src/integrations/pagefind-fragments';

const a = (element: string, text: string, extra: Partial<FragmentAnchor> = {}): FragmentAnchor => ({
	element,
	id: `${element}-${text}`,
	text,
	location: 0,
	...extra,
});

describe('usedAnchors keeps what pagefind builds sub-results from', () => {
	it.each([
		['a heading with text', a('h2', '怎么做'), true],
		['a heading of any level', a('H3', '职代会'), true],
		['a heading without text', a('h2', ' '), false],
		['a section with an id (its whole text)', a('section', '很长的一段正文'), false],
		['an element with a title', a('div', '', { title: '小标题' }), true],
		['an element with a blank title', a('div', '', { title: ' ' }), false],
	])('%s', (_, anchor, kept) => {
		expect(usedAnchors([anchor])).toEqual(kept ? [anchor] : []);
	});
});

describe('writePageSummaries', () => {
	it('writes title, address and kind of each fragment, and leaves out what is not a page here', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pf-pages-'));
		mkdirSync(join(dir, 'fragment'));
		const fragment = (name: string, body: object) =>
			writeFileSync(
				join(dir, 'fragment', `${name}.pf_fragment`),
				wrap(new TextEncoder().encode(JSON.stringify(body))),
			);
		fragment('zh-cn_a1', {
			url: '/guide/minzhu/',
			meta: { title: '民主之家' },
			filters: { type: ['指南'] },
		});
		fragment('zh-cn_b2', { url: '/method/', meta: { title: '计分方法' }, filters: {} });
		fragment('zh-cn_c3', { url: 'javascript:alert(1)', meta: { title: 'x' }, filters: {} });
		fragment('zh-cn_d4', { url: '/about/', meta: {}, filters: {} });
		expect(writePageSummaries(dir).pages).toBe(2);
		expect(JSON.parse(readFileSync(join(dir, PAGES_FILE), 'utf8'))).toEqual({
			'zh-cn_a1': { title: '民主之家', url: '/guide/minzhu/', type: '指南' },
			'zh-cn_b2': { title: '计分方法', url: '/method/' },
		});
	});
});
