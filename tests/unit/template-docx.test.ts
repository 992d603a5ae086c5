/**
 * Every template's Word file, generated as the build generates it, read back with an
 * independent reader (mammoth) and unzipped (fflate) to check the page set-up and fonts.
 */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/lib/template-docx';
import { listNumber, type TemplateDocument } from '../../src/lib/templates';
import { LABELS, shippedDocuments } from './template-fixtures';

const unescape = (s: string) =>
	s
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"');
const tags = (html: string, tag: string) =>
	[...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) =>
		unescape(m[1]!.replace(/<[^>]+>/g, '')),
	);

async function read(d: TemplateDocument) {
	const bytes = await renderDocx(d, LABELS);
	const buffer = Buffer.from(bytes);
	const { value: html, messages } = await mammoth.convertToHtml({ buffer });
	const { value: text } = await mammoth.extractRawText({ buffer });
	const files = unzipSync(bytes);
	return { bytes, html, text, messages, files };
}

describe.each(shippedDocuments().map((d) => [d.id, d] as const))('%s.docx', (_, d) => {
	it('reads back with its title, headings, blanks, list numbers and basis', async () => {
		const { html, text, messages } = await read(d);
		expect(messages.filter((m) => m.type === 'error')).toEqual([]);
		expect(tags(html, 'h1')).toEqual([d.title]);
		const headings = d.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
		expect(tags(html, 'h2')).toEqual(headings);
		expect(text).toContain('＿＿');
		for (const b of d.blocks) {
			if (b.kind === 'list')
				expect(text).toContain(`${listNumber(1)}${b.items[0]!.replace(/^第[^条]+条\s*/, '')}`);
			if (b.kind === 'table') for (const c of b.columns) expect(text).toContain(c.text);
			if (b.kind === 'signature') for (const line of b.lines) expect(text).toContain(line);
		}
		expect(text).toContain(LABELS.notesTitle);
		for (const line of d.basis) expect(text).toContain(line);
	});

	it('is A4 with East Asian fonts set, so Word and WPS lay it out as intended', async () => {
		const { files } = await read(d);
		const documentXml = strFromU8(files['word/document.xml']!);
		const stylesXml = strFromU8(files['word/styles.xml']!);
		if (d.orientation === 'landscape')
			expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
		else expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		expect(stylesXml).toContain('w:eastAsia="宋体"');
		expect(stylesXml).toContain('w:eastAsia="黑体"');
		expect(stylesXml).toContain('w:eastAsia="zh-CN"');
		const core = strFromU8(files['docProps/core.xml']!);
		expect(core).toContain(`<dc:title>${d.title}</dc:title>`);
	});
});

describe('docx generation', () => {
	it('writes the same bytes for the same template apart from the timestamps', async () => {
		const d = shippedDocuments()[0]!;
		// Compared part by part, unzipped: the compressed size may move with the timestamps.
		const parts = async () => {
			const files = unzipSync(await renderDocx(d, LABELS));
			delete files['docProps/core.xml'];
			return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
		};
		expect(await parts()).toEqual(await parts());
	});

	it('keeps a blank-only table row as empty cells, not text', async () => {
		const d: TemplateDocument = {
			id: 'probe',
			title: '探针',
			purpose: '检查空白行',
			group: 'richang',
			orientation: 'portrait',
			basis: ['通行做法：示例。'],
			blocks: [
				{
					kind: 'table',
					columns: [
						{ text: '甲栏', width: 1 },
						{ text: '乙栏', width: 1 },
					],
					rows: [],
					blankRows: 3,
				},
			],
		};
		const { html } = await read(d);
		expect(html.match(/<tr>/g)).toHaveLength(4);
		expect(tags(html, 'th').length + tags(html, 'td').length).toBe(8);
	});
});
