import { describe, expect, it } from 'vitest';
import { usedAnchors, type FragmentAnchor } from '../../src/integrations/pagefind-fragments';

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
