import { describe, expect, it } from 'vitest';
import {
	basisLine,
	chineseNumber,
	docxFileName,
	docxPath,
	documentText,
	fileSizeLabel,
	listNumber,
	resolveTemplate,
	sortTemplates,
	splitLeadIn,
} from '../../src/lib/templates';
import { TEMPLATE_GROUPS } from '../../src/lib/template-schema';
import { questionnaireParts, shippedDocuments, shippedTemplates } from './template-fixtures';

describe('template documents', () => {
	it.each([
		[1, '一'],
		[9, '九'],
		[10, '十'],
		[12, '十二'],
		[20, '二十'],
		[35, '三十五'],
	])('chineseNumber(%i) = %s', (n, s) => expect(chineseNumber(n)).toBe(s));

	it('rejects numbers it cannot write', () => {
		expect(() => chineseNumber(0)).toThrow(RangeError);
		expect(() => chineseNumber(100)).toThrow(RangeError);
	});

	it('numbers list items at the level below 一、', () => expect(listNumber(3)).toBe('（三）'));

	it.each([
		['第十二条　本办法自公布之日起施行。', '第十二条', '本办法自公布之日起施行。'],
		['第一条 为做好选举。', '第一条', '为做好选举。'],
		['本单位第＿＿条规定', '', '本单位第＿＿条规定'],
	])('splitLeadIn(%s)', (text, lead, rest) => expect(splitLeadIn(text)).toEqual({ lead, rest }));

	it.each([
		[
			{
				kind: 'law',
				law: '《集体合同规定》',
				version: '2004年',
				article: '第三十二条',
				says: '二十日内回应。',
				verification: '已核实',
			} as const,
			'《集体合同规定》（2004年）第三十二条：二十日内回应。',
		],
		[
			{
				kind: 'law',
				law: '《中华人民共和国工会法》',
				version: '2009年修正文本',
				says: '任期三年或者五年。',
				verification: '部分核实',
			} as const,
			'《中华人民共和国工会法》（2009年修正文本）：任期三年或者五年。',
		],
		[{ kind: 'practice', label: '通行做法', says: '一事一案。' } as const, '通行做法：一事一案。'],
		[
			{ kind: 'policy', document: '全总《意见》', says: '会员评家。' } as const,
			'全总《意见》：会员评家。',
		],
	])('basisLine %#', (b, line) => expect(basisLine(b)).toBe(line));

	it('expands the questionnaire from the catalogue and the strings, with no copy in the template', () => {
		const q = questionnaireParts();
		const source = shippedTemplates().find((t) => t.blocks.some((b) => b.kind === 'survey'))!;
		const d = resolveTemplate(source, q);
		const table = d.blocks.find((b) => b.kind === 'table');
		expect(table?.kind === 'table' && table.rows.map((r) => r[1])).toEqual(q.questions);
		expect(d.blocks.some((b) => b.kind === 'writeLines')).toBe(true);
		expect(documentText(d)).toContain(q.intro);
	});

	it('uses the heading as the document title when there is one', () => {
		const source = shippedTemplates().find((t) => t.heading)!;
		expect(resolveTemplate(source, questionnaireParts()).title).toBe(source.heading);
	});

	it('sorts by group, then by order', () => {
		const sorted = sortTemplates(shippedTemplates());
		const ranks = sorted.map((t) => TEMPLATE_GROUPS.indexOf(t.group) * 1000 + t.order);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	});

	it('names files and paths', () => {
		expect(docxFileName('入会申请书')).toBe('入会申请书.docx');
		expect(docxPath('/', 'ruhui-shenqing')).toBe('/templates/ruhui-shenqing.docx');
		expect(fileSizeLabel(12_800)).toBe('12.5 KB');
	});

	it('every shipped document has blanks to fill in and names its basis', () => {
		for (const d of shippedDocuments()) {
			expect(documentText(d).join('')).toContain('＿＿');
			expect(d.basis.length).toBeGreaterThan(0);
		}
	});
});
