/**
 * Writes a template as a Word document with the `docx` library (no hand-made XML).
 * A4 with the margins of Chinese official documents (GB/T 9704: 37/35/28/26 mm),
 * 宋体 for text and 黑体 for the title and headings, named as East Asian fonts so that
 * Word and WPS both pick them. The title is style “标题 1” and headings “标题 2”, so the
 * navigation pane of Word and WPS shows the outline and other readers find the headings.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	HeightRule,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type FileChild,
} from 'docx';
import { listNumber, splitLeadIn, type DocBlock, type TemplateDocument } from './templates';

/** Text the document adds around the template (from the strings file). */
export interface DocxLabels {
	/** Heading of the closing note, e.g. 模板说明（定稿前请删除）. */
	notesTitle: string;
	/** Lead-in of the purpose line, e.g. 用途. */
	purpose: string;
	/** Lead-in of the rules, e.g. 依据. */
	basis: string;
	/** Author shown in the file's properties. */
	creator: string;
}

/** Twips (1/20 pt) per millimetre. */
const MM = 56.7;
/** A4 in portrait (docx swaps width and height itself for landscape). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
	portrait: {
		top: Math.round(37 * MM),
		bottom: Math.round(35 * MM),
		left: Math.round(28 * MM),
		right: Math.round(26 * MM),
	},
	/** Wide ledgers: 20 mm all round. */
	landscape: {
		top: Math.round(20 * MM),
		bottom: Math.round(20 * MM),
		left: Math.round(20 * MM),
		right: Math.round(20 * MM),
	},
};

/** Width of the text area, which tables fill, in twips. */
export function textWidth(orientation: 'portrait' | 'landscape'): number {
	const m = MARGIN[orientation];
	return (orientation === 'portrait' ? PAGE.width : PAGE.height) - m.left - m.right;
}

/** Font sizes in half-points: 小四 (12 pt) text, 五号 (10.5 pt) tables and notes, 小二 title, 四号 headings. */
const SIZE = { body: 24, table: 21, title: 36, heading: 28 };
const SONG = {
	ascii: 'Times New Roman',
	hAnsi: 'Times New Roman',
	cs: 'Times New Roman',
	eastAsia: '宋体',
};
const HEI = { ascii: '黑体', hAnsi: '黑体', cs: '黑体', eastAsia: '黑体' };
const KAI = { ascii: '楷体', hAnsi: '楷体', cs: '楷体', eastAsia: '楷体' };
const GREY = '595959';
/** One text line at 1.5 spacing of 12 pt, in twips: the height of a line to write on. */
const LINE = 480;

function runs(text: string, size?: number): TextRun[] {
	const { lead, rest } = splitLeadIn(text);
	const out: TextRun[] = [];
	if (lead) out.push(new TextRun({ text: `${lead}\u3000`, font: HEI, ...(size ? { size } : {}) }));
	out.push(new TextRun({ text: rest, ...(size ? { size } : {}) }));
	return out;
}

function cellParagraph(text: string, bold: boolean, center: boolean): Paragraph {
	return new Paragraph({
		alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
		spacing: { line: 300, before: 40, after: 40 },
		children: [new TextRun({ text, bold, size: SIZE.table })],
	});
}

const HEAD_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' };

/** The narrowest column: two characters of 五号 and the cell margins (序号 must not wrap). */
const MIN_COLUMN = 760;

/** Shares the text width out in proportion to the given weights, no column under MIN_COLUMN. */
function widths(weights: readonly number[], tw: number): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	const out = weights.map((w) => Math.max(MIN_COLUMN, Math.floor((tw * w) / total)));
	const widest = out.indexOf(Math.max(...out));
	out[widest]! += tw - out.reduce((a, b) => a + b, 0);
	return out;
}

function ledgerTable(b: Extract<DocBlock, { kind: 'table' }>, tw: number): Table {
	const w = widths(
		b.columns.map((c) => c.width),
		tw,
	);
	const short = (s: string) => s.length <= 2;
	const header = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: b.columns.map(
			(c, i) =>
				new TableCell({
					width: { size: w[i]!, type: WidthType.DXA },
					shading: HEAD_SHADING,
					verticalAlign: VerticalAlign.CENTER,
					children: [cellParagraph(c.text, true, true)],
				}),
		),
	});
	const filled = b.rows.map(
		(r) =>
			new TableRow({
				cantSplit: true,
				children: r.map(
					(text, i) =>
						new TableCell({
							width: { size: w[i]!, type: WidthType.DXA },
							verticalAlign: VerticalAlign.CENTER,
							children: [cellParagraph(text, false, short(text))],
						}),
				),
			}),
	);
	const blank = Array.from(
		{ length: b.blankRows },
		() =>
			new TableRow({
				cantSplit: true,
				height: { value: Math.round(LINE * 1.2), rule: HeightRule.ATLEAST },
				children: w.map(
					(size) =>
						new TableCell({
							width: { size, type: WidthType.DXA },
							children: [cellParagraph('', false, false)],
						}),
				),
			}),
	);
	return new Table({
		width: { size: tw, type: WidthType.DXA },
		columnWidths: w,
		layout: TableLayoutType.FIXED,
		rows: [header, ...filled, ...blank],
	});
}

function formTable(b: Extract<DocBlock, { kind: 'form' }>, tw: number): Table {
	const w = widths(
		Array.from({ length: b.columns }, () => 1),
		tw,
	);
	return new Table({
		width: { size: tw, type: WidthType.DXA },
		columnWidths: w,
		layout: TableLayoutType.FIXED,
		rows: b.rows.map((r) => {
			let col = 0;
			return new TableRow({
				cantSplit: true,
				height: {
					value: Math.round(LINE * (r.lines === 1 ? 1.2 : r.lines)),
					rule: HeightRule.ATLEAST,
				},
				children: r.cells.map((c) => {
					const size = w.slice(col, col + c.span).reduce((a, x) => a + x, 0);
					col += c.span;
					return new TableCell({
						width: { size, type: WidthType.DXA },
						columnSpan: c.span,
						verticalAlign: r.lines > 1 && !c.head ? VerticalAlign.TOP : VerticalAlign.CENTER,
						...(c.head ? { shading: HEAD_SHADING } : {}),
						children: [cellParagraph(c.text, c.head, c.head)],
					});
				}),
			});
		}),
	});
}

/** Lines to write on: a borderless table with a rule under each row (stays put when edited). */
function writeLines(count: number, tw: number): Table {
	const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
	const rule = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
	return new Table({
		width: { size: tw, type: WidthType.DXA },
		columnWidths: [tw],
		layout: TableLayoutType.FIXED,
		borders: {
			top: none,
			left: none,
			right: none,
			insideVertical: none,
			bottom: rule,
			insideHorizontal: rule,
		},
		rows: Array.from(
			{ length: count },
			() =>
				new TableRow({
					height: { value: Math.round(LINE * 1.3), rule: HeightRule.ATLEAST },
					children: [new TableCell({ children: [new Paragraph('')] })],
				}),
		),
	});
}

function note(text: string): Paragraph {
	return new Paragraph({
		spacing: { before: 60, after: 60, line: 320 },
		indent: { left: 0 },
		children: [new TextRun({ text, font: KAI, size: SIZE.table, color: GREY })],
	});
}

function block(b: DocBlock, tw: number): FileChild[] {
	switch (b.kind) {
		case 'heading':
			return [new Paragraph({ heading: HeadingLevel.HEADING_2, text: b.text })];
		case 'paragraph':
			return [
				new Paragraph({
					alignment:
						b.align === 'center'
							? AlignmentType.CENTER
							: b.align === 'right'
								? AlignmentType.RIGHT
								: AlignmentType.JUSTIFIED,
					...(b.align === 'indent' ? { indent: { firstLineChars: 200, firstLine: 480 } } : {}),
					children: runs(b.text),
				}),
			];
		case 'addressee':
			return [new Paragraph({ spacing: { before: 240 }, children: runs(b.text) })];
		case 'list':
			return b.items.map(
				(item, i) =>
					new Paragraph({
						alignment: AlignmentType.JUSTIFIED,
						indent: { firstLineChars: 200, firstLine: 480 },
						children: [new TextRun(listNumber(i + 1)), ...runs(item)],
					}),
			);
		case 'table':
			return [ledgerTable(b, tw), new Paragraph('')];
		case 'form':
			return [formTable(b, tw), new Paragraph('')];
		case 'signature':
			return b.lines.map(
				(line, i) =>
					new Paragraph({
						alignment: AlignmentType.RIGHT,
						indent: { right: 480 },
						spacing: i === 0 ? { before: 480 } : {},
						children: runs(line),
					}),
			);
		case 'note':
			return [note(b.text)];
		case 'writeLines':
			return [writeLines(b.count, tw), new Paragraph('')];
	}
}

/** The closing note: purpose and rules, set off in grey for the branch to delete. */
function closingNote(d: TemplateDocument, labels: DocxLabels): Paragraph[] {
	return [
		new Paragraph({
			spacing: { before: 480, after: 60 },
			border: { top: { style: BorderStyle.SINGLE, size: 4, color: GREY, space: 6 } },
			children: [
				new TextRun({ text: labels.notesTitle, font: HEI, size: SIZE.table, color: GREY }),
			],
		}),
		note(`${labels.purpose}：${d.purpose}`),
		note(`${labels.basis}：`),
		...d.basis.map((line, i) => note(`${i + 1}. ${line}`)),
	];
}

/** Builds the Word document of a template. */
export function templateDocx(d: TemplateDocument, labels: DocxLabels): Document {
	const tw = textWidth(d.orientation);
	return new Document({
		title: d.title,
		subject: d.purpose,
		description: d.purpose,
		creator: labels.creator,
		lastModifiedBy: labels.creator,
		styles: {
			default: {
				document: {
					run: { font: SONG, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
					paragraph: { spacing: { line: 360, before: 0, after: 0 } },
				},
				heading1: {
					run: { font: HEI, size: SIZE.title, bold: false, color: '000000' },
					paragraph: {
						alignment: AlignmentType.CENTER,
						spacing: { before: 120, after: 360, line: 400 },
						keepNext: true,
					},
				},
				heading2: {
					run: { font: HEI, size: SIZE.heading, bold: false, color: '000000', italics: false },
					paragraph: { spacing: { before: 240, after: 120, line: 360 }, keepNext: true },
				},
			},
		},
		sections: [
			{
				properties: {
					page: {
						size: {
							...PAGE,
							orientation:
								d.orientation === 'landscape'
									? PageOrientation.LANDSCAPE
									: PageOrientation.PORTRAIT,
						},
						margin: { ...MARGIN[d.orientation], header: 851, footer: 567 },
					},
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.table }),
								],
							}),
						],
					}),
				},
				children: [
					new Paragraph({ heading: HeadingLevel.HEADING_1, text: d.title }),
					...d.blocks.flatMap((b) => block(b, tw)),
					...closingNote(d, labels),
				],
			},
		],
	});
}

/** The .docx file's bytes. */
export async function renderDocx(d: TemplateDocument, labels: DocxLabels): Promise<Uint8Array> {
	const buffer = await Packer.toBuffer(templateDocx(d, labels));
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
