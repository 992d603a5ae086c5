/**
 * 文书模板 (ready-to-use documents): one YAML file per template in content/templates/.
 * Each file is a small document model (title, purpose, the rules it rests on, and blocks
 * such as headings, paragraphs with blanks, numbered lists, tables and signature lines).
 * The printable page and the `.docx` download are both generated from it, so a template
 * is written once. A bad file fails the build with the file and the field named.
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

/** A blank the branch fills in: full-width low lines, never ASCII underscores. */
export const BLANK = '＿＿';

/** Text of a document: no ASCII underscores (Word would show them as a thin line) and no HTML. */
const DocText = z
	.string()
	.trim()
	.min(1)
	.refine((s) => !s.includes('_'), { error: '空白处请用全角“＿＿”，不要用半角下划线' })
	.refine((s) => !/[<>]/.test(s), { error: '文书内容中不能有尖括号（不写 HTML）' });

/** 一、总则 — a section heading (Word style “标题 2”). */
const HeadingBlock = z.strictObject({ kind: z.literal('heading'), text: DocText });

/** Running text. */
const ParagraphBlock = z.strictObject({
	kind: z.literal('paragraph'),
	text: DocText,
	/** indent (default: first line indented two characters), left (flush, for form lines), center, right. */
	align: z.enum(['indent', 'left', 'center', 'right']).default('indent'),
});

/** 主送机关 of a 请示 or 要约书: flush left, ending with a full-width colon. */
const AddresseeBlock = z.strictObject({
	kind: z.literal('addressee'),
	text: DocText.refine((s) => s.endsWith('：'), { error: '主送机关应以全角冒号“：”结尾' }),
});

/** A numbered list; numbers are added when rendering (1. 2. 3.), not typed in the items. */
const ListBlock = z.strictObject({
	kind: z.literal('list'),
	items: z
		.array(
			DocText.refine((s) => !/^\s*(\d+[.、．]|（[一二三四五六七八九十]+）)/.test(s), {
				error: '列表项前不要手写序号，序号由生成程序添加',
			}),
		)
		.min(1),
});

/** A ledger or list table: a header row, optional example rows, then empty rows to fill in. */
const TableBlock = z
	.strictObject({
		kind: z.literal('table'),
		columns: z
			.array(
				z.strictObject({
					/** Column heading. */
					text: DocText,
					/** Relative width (the widths of a table are shared out in proportion). */
					width: z.number().int().min(1).max(20).default(2),
				}),
			)
			.min(2)
			.max(9),
		/** Rows printed as given (e.g. a filled-in example or fixed items). */
		rows: z.array(z.array(z.string().trim())).default([]),
		/** Empty rows added after `rows`, for the branch to fill in. */
		blankRows: z.number().int().min(0).max(30).default(0),
	})
	.superRefine((t, ctx) => {
		t.rows.forEach((r, i) => {
			if (r.length !== t.columns.length)
				ctx.addIssue({
					code: 'custom',
					path: ['rows', i],
					message: `这一行有 ${r.length} 格，表头有 ${t.columns.length} 列`,
				});
		});
		if (t.rows.length + t.blankRows === 0)
			ctx.addIssue({ code: 'custom', path: ['blankRows'], message: '表格至少要有一行' });
	});

/** One cell of a form. */
const FormCell = z.strictObject({
	/** Printed text; empty for a cell to write in. */
	text: z.string().trim().default(''),
	/** A label cell (shaded, bold) rather than a cell to fill in. */
	head: z.boolean().default(false),
	/** How many of the form's columns the cell spans. */
	span: z.number().int().min(1).max(8).default(1),
});

/** A form (提案表, 申请书): label cells and cells to write in, on a fixed grid. */
const FormBlock = z
	.strictObject({
		kind: z.literal('form'),
		/** Number of grid columns; every row's spans add up to it. */
		columns: z.number().int().min(2).max(8),
		rows: z
			.array(
				z.strictObject({
					cells: z.array(FormCell).min(1),
					/** Height in lines of writing, for cells where a person writes a paragraph. */
					lines: z.number().int().min(1).max(12).default(1),
				}),
			)
			.min(1),
	})
	.superRefine((f, ctx) => {
		f.rows.forEach((r, i) => {
			const sum = r.cells.reduce((n, c) => n + c.span, 0);
			if (sum !== f.columns)
				ctx.addIssue({
					code: 'custom',
					path: ['rows', i, 'cells'],
					message: `这一行各格合计占 ${sum} 列，表格共 ${f.columns} 列`,
				});
		});
	});

/** Signature and date lines, right-aligned (落款). */
const SignatureBlock = z.strictObject({
	kind: z.literal('signature'),
	lines: z.array(DocText).min(1),
});

/** A hint to whoever fills the document in (填写说明); shown set off from the text. */
const NoteBlock = z.strictObject({ kind: z.literal('note'), text: DocText });

/** Lines to write on by hand (an open question's answer space). */
const WriteLinesBlock = z.strictObject({
	kind: z.literal('writeLines'),
	count: z.number().int().min(1).max(20),
});

/**
 * The 会员评家 questionnaire body. Its questions come from the criteria catalogue and its
 * wording from the strings file (the same source as /assess/questionnaire/), so the
 * template never holds a second copy of them; src/lib/templates.ts expands it.
 */
const SurveyBlock = z.strictObject({ kind: z.literal('survey') });

export const BlockSchema = z.discriminatedUnion('kind', [
	HeadingBlock,
	ParagraphBlock,
	AddresseeBlock,
	ListBlock,
	TableBlock,
	FormBlock,
	SignatureBlock,
	NoteBlock,
	WriteLinesBlock,
	SurveyBlock,
]);

/**
 * A rule the template rests on. Laws and regulations only as verified (已核实) or partly
 * verified (部分核实) in the project's law notes, with the version named and an article
 * number only where the notes confirm it; otherwise say it is practice.
 */
const BasisSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('law'),
		/** Name with book-title marks, e.g. 《中华人民共和国劳动合同法》. */
		law: z.string().regex(/^《[^》]+》$/, { error: '法规名称要带书名号，如《集体合同规定》' }),
		/** Version or issuing details, e.g. 2012年修正 or 劳动和社会保障部令第22号，2004年5月1日起施行. */
		version: z.string().min(4),
		/** Article number, only where the law notes confirm it (never a guessed 2021 number). */
		article: z
			.string()
			.regex(/^第[一二三四五六七八九十百]+条$/)
			.optional(),
		/** What the rule says, in the site's own words or a short quotation. */
		says: DocText,
		/** Verification mark in the law notes; 未核实 facts are not allowed. */
		verification: z.enum(['已核实', '部分核实']),
	}),
	z.strictObject({
		kind: z.literal('policy'),
		/** A national union document, e.g. 全总《关于开展会员评议职工之家活动的意见》（总工发〔2009〕28号）. */
		document: z.string().min(6),
		says: DocText,
	}),
	z.strictObject({
		kind: z.literal('practice'),
		/** 通行做法: what branches commonly do; 参考格式: a format this site offers. */
		label: z.enum(['通行做法', '本站提供的参考格式']),
		says: DocText,
	}),
]);

/** The groups of the template index, in display order (labels in the strings file). */
export const TEMPLATE_GROUPS = ['zhidaihui', 'weiquan', 'zuzhi', 'jianjia', 'richang'] as const;

export const TemplateSchema = z
	.strictObject({
		/** Stable id: the file name, the page URL /templates/<id>/ and the file <id>.docx. */
		id: z.string().regex(/^[a-z][a-z0-9-]{2,40}$/, { error: 'id 只用小写字母、数字和连字符' }),
		/** Document title, as printed at its head and used as the download's file name. */
		title: DocText.pipe(z.string().max(30)).refine((s) => !/[\\/:*?"|]/.test(s), {
			error: '标题会用作文件名，不能含 \\ / : * ? " |',
		}),
		/** The document's own heading where it differs, e.g. 关于＿＿工会委员会换届选举的请示. */
		heading: DocText.pipe(z.string().max(40)).optional(),
		/** Landscape for wide ledgers; portrait otherwise. */
		orientation: z.enum(['portrait', 'landscape']).default('portrait'),
		/** Group on the index page. */
		group: z.enum(TEMPLATE_GROUPS),
		/** Position inside its group. */
		order: z.number().int().min(1),
		/** One line on the index: what the document is for and when it is used. */
		purpose: DocText.pipe(z.string().min(10).max(60)),
		/** Rules the document rests on, shown on the page and at the end of the .docx. */
		basis: z.array(BasisSchema).min(1),
		/** Guidance page (content/guidance/<id>) where the document is used, if any. */
		guide: z
			.string()
			.regex(/^[a-z]+(#[a-z0-9-]+)?$/)
			.optional(),
		/** The document itself. */
		blocks: z.array(BlockSchema).min(1),
	})
	.superRefine((t, ctx) => {
		const text = JSON.stringify(t.blocks);
		if (!text.includes(BLANK) && !t.blocks.some((b) => b.kind === 'survey'))
			ctx.addIssue({
				code: 'custom',
				path: ['blocks'],
				message: `模板中没有待填写的空白“${BLANK}”`,
			});
	});

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateBlock = z.infer<typeof BlockSchema>;
export type TemplateBasis = Template['basis'][number];
export type TemplateGroup = (typeof TEMPLATE_GROUPS)[number];

/** Why a template file was rejected, with the file and the field named. */
export class TemplateSourceError extends Error {}

/**
 * Parses one template file. The id must match the file name, so the URL is predictable.
 * Throws TemplateSourceError naming the file and the field of the first problems.
 */
export function parseTemplateSource(file: string, text: string): Template {
	let raw: unknown;
	try {
		raw = parseYaml(text);
	} catch (e) {
		throw new TemplateSourceError(`${file}: 不是有效的 YAML：${(e as Error).message}`);
	}
	const result = TemplateSchema.safeParse(raw);
	if (!result.success) {
		const lines = result.error.issues
			.slice(0, 5)
			.map((i) => `${file}: ${i.path.join('.') || '(根)'}: ${i.message}`);
		throw new TemplateSourceError(lines.join('\n'));
	}
	const expected = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
	if (result.data.id !== expected)
		throw new TemplateSourceError(
			`${file}: id: 应与文件名一致（${expected}），现为 ${result.data.id}`,
		);
	return result.data;
}
