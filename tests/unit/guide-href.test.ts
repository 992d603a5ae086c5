import { describe, expect, it } from 'vitest';
import { guideHref } from '../../src/lib/guide-href';

describe('guideHref', () => {
	it.each([
		['/', 'minzhu', '/guide/minzhu/'],
		['/', 'shishi#为职工办实事', '/guide/shishi/#为职工办实事'],
		['/zz/', 'weiquan#集体协商', '/zz/guide/weiquan/#集体协商'],
		['/zz/', 'xuexi', '/zz/guide/xuexi/'],
	])('base %j, reference %j → %j', (base, ref, href) => {
		expect(guideHref(base, ref)).toBe(href);
	});
});
