import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseTemplateSource, TemplateSourceError } from '../../src/lib/template-schema';
import { shippedTemplates } from './template-fixtures';

const FILE = 'content/templates/demo-form.yaml';

/** A small valid template; each bad case below changes one thing. */
function valid(): Record<string, unknown> {
	return {
		id: 'demo-form',
		title: '示例文书',
		group: 'zuzhi',
		order: 1,
		purpose: '用于检查模板格式的示例文书一份。',
		basis: [{ kind: 'practice', label: '通行做法', says: '示例。' }],
		blocks: [
			{ kind: 'heading', text: '一、情况' },
			{ kind: 'paragraph', text: '本单位现有职工＿＿人。' },
			{ kind: 'table', columns: [{ text: '姓名' }, { text: '部门' }], rows: [['', '']] },
			{ kind: 'signature', lines: ['＿＿工会委员会'] },
		],
	};
}

function withChange(change: (t: Record<string, unknown>) => void): string {
	const t = valid();
	change(t);
	return stringify(t);
}

describe('template schema', () => {
	it('accepts a valid template and applies defaults', () => {
		const t = parseTemplateSource(FILE, stringify(valid()));
		expect(t.orientation).toBe('portrait');
		const p = t.blocks[1];
		expect(p?.kind === 'paragraph' && p.align).toBe('indent');
	});

	const blocks = (t: Record<string, unknown>) => t['blocks'] as Record<string, unknown>[];
	const cases: [string, (t: Record<string, unknown>) => void, RegExp][] = [
		['missing title', (t) => delete t['title'], /demo-form\.yaml: title:/],
		['unknown group', (t) => (t['group'] = 'misc'), /: group:/],
		['purpose too long', (t) => (t['purpose'] = '很长的用途'.repeat(20)), /: purpose:/],
		['no basis', (t) => (t['basis'] = []), /: basis:/],
		[
			'ASCII underscores as blank',
			(t) => (blocks(t)[1]!['text'] = '职工__人'),
			/blocks\.1\.text: 空白处请用全角/,
		],
		['HTML in text', (t) => (blocks(t)[0]!['text'] = '<b>一</b>'), /blocks\.0\.text: .*尖括号/],
		['unknown block kind', (t) => (blocks(t)[0]!['kind'] = 'image'), /blocks\.0\.kind:/],
		['extra field on a block', (t) => (blocks(t)[0]!['colour'] = 'red'), /blocks\.0:/],
		[
			'row with the wrong cell count',
			(t) => ((blocks(t)[2]!['rows'] as string[][])[0] = ['']),
			/blocks\.2\.rows\.0: 这一行有 1 格/,
		],
		[
			'hand-typed list number',
			(t) => blocks(t).push({ kind: 'list', items: ['1. 第一项'] }),
			/blocks\.4\.items\.0: 列表项前不要手写序号/,
		],
		[
			'addressee without colon',
			(t) => blocks(t).push({ kind: 'addressee', text: '＿＿总工会' }),
			/blocks\.4\.text: 主送机关/,
		],
		[
			'form row spans that do not add up',
			(t) =>
				blocks(t).push({
					kind: 'form',
					columns: 4,
					rows: [{ cells: [{ text: '姓名', head: true }, { span: 2 }] }],
				}),
			/blocks\.4\.rows\.0\.cells: .*合计占 3 列/,
		],
		[
			'unverified law mark',
			(t) =>
				(t['basis'] = [
					{
						kind: 'law',
						law: '《企业民主管理规定》',
						version: '2012年',
						says: '示例。',
						verification: '未核实',
					},
				]),
			/basis\.0\.verification:/,
		],
		[
			'law name without book-title marks',
			(t) =>
				(t['basis'] = [
					{
						kind: 'law',
						law: '工会法',
						version: '2021年修正',
						says: '示例。',
						verification: '部分核实',
					},
				]),
			/basis\.0\.law: 法规名称要带书名号/,
		],
		[
			'article number in Arabic figures',
			(t) =>
				(t['basis'] = [
					{
						kind: 'law',
						law: '《集体合同规定》',
						version: '2004年',
						article: '第32条',
						says: '示例。',
						verification: '已核实',
					},
				]),
			/basis\.0\.article:/,
		],
		[
			'no blank anywhere',
			(t) => (
				(blocks(t)[1]!['text'] = '本单位现有职工。'),
				(blocks(t)[3]!['lines'] = ['工会委员会'])
			),
			/: blocks: 模板中没有待填写的空白/,
		],
		['title unusable as a file name', (t) => (t['title'] = '请示/报告'), /: title: .*文件名/],
	];
	it.each(cases)('rejects %s, naming the file and the field', (_, change, message) => {
		expect(() => parseTemplateSource(FILE, withChange(change))).toThrow(TemplateSourceError);
		expect(() => parseTemplateSource(FILE, withChange(change))).toThrow(message);
	});

	it('rejects an id that differs from the file name', () => {
		expect(() => parseTemplateSource('content/templates/other.yaml', stringify(valid()))).toThrow(
			/other\.yaml: id: 应与文件名一致/,
		);
	});

	it('rejects a file that is not YAML', () => {
		expect(() => parseTemplateSource(FILE, 'title: [unclosed')).toThrow(
			/demo-form\.yaml: 不是有效的 YAML/,
		);
	});

	it('every shipped template parses, and there are at least ten', () => {
		const all = shippedTemplates();
		expect(all.length).toBeGreaterThanOrEqual(10);
		expect(new Set(all.map((t) => t.title)).size).toBe(all.length);
	});

	it('shipped templates cite only verified or partly verified law, never a 2021 工会法 article number', () => {
		for (const t of shippedTemplates())
			for (const b of t.basis)
				if (b.kind === 'law' && b.law === '《中华人民共和国工会法》')
					expect(b.article).toBeUndefined();
	});
});
