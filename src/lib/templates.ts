/**
 * From a template's source (src/lib/template-schema.ts) to the document both renderers
 * draw: the 会员评家 questionnaire block is expanded from the catalogue and the strings,
 * lists are numbered, and the rules the template rests on become one line each.
 * Pure: the page (src/components/TemplateDocument.astro) and the Word file
 * (src/lib/template-docx.ts) both read what this module returns.
 */
import type { Template, TemplateBasis, TemplateBlock, TemplateGroup } from './template-schema';
import { TEMPLATE_GROUPS } from './template-schema';

/** A block as rendered: the survey placeholder is gone, replaced by ordinary blocks. */
export type DocBlock = Exclude<TemplateBlock, { kind: 'survey' }>;

/** A template ready to render. */
export interface TemplateDocument {
	id: string;
	/** The document's own heading (the template's `heading`, or its title). */
	title: string;
	purpose: string;
	group: TemplateGroup;
	orientation: 'portrait' | 'landscape';
	/** One line per rule, e.g. 《集体合同规定》（…）第三十二条：…. */
	basis: string[];
	blocks: DocBlock[];
}

/** The wording of the 会员评家 questionnaire (strings file) and its questions (catalogue). */
export interface QuestionnaireParts {
	intro: string;
	unit: string;
	frontline: string;
	columns: { no: string; question: string; satisfied: string; basic: string; unsatisfied: string };
	questions: readonly string[];
	open: string;
	thanks: string;
}

/** Lines left for the open question's answer. */
const OPEN_ANSWER_LINES = 4;

/** The questionnaire as ordinary blocks: the same questions as /assess/questionnaire/. */
export function questionnaireBlocks(q: QuestionnaireParts): DocBlock[] {
	const c = q.columns;
	return [
		{ kind: 'paragraph', text: q.intro, align: 'indent' },
		{ kind: 'paragraph', text: q.unit, align: 'left' },
		{ kind: 'paragraph', text: q.frontline, align: 'left' },
		{
			kind: 'table',
			columns: [
				{ text: c.no, width: 1 },
				{ text: c.question, width: 9 },
				{ text: c.satisfied, width: 2 },
				{ text: c.basic, width: 2 },
				{ text: c.unsatisfied, width: 2 },
			],
			rows: q.questions.map((text, i) => [String(i + 1), text, '□', '□', '□']),
			blankRows: 0,
		},
		{ kind: 'paragraph', text: q.open, align: 'left' },
		{ kind: 'writeLines', count: OPEN_ANSWER_LINES },
		{ kind: 'paragraph', text: q.thanks, align: 'indent' },
	];
}

/** One rule as one line of text. */
export function basisLine(b: TemplateBasis): string {
	switch (b.kind) {
		case 'law':
			return `${b.law}（${b.version}）${b.article ?? ''}：${b.says}`;
		case 'policy':
			return `${b.document}：${b.says}`;
		case 'practice':
			return `${b.label}：${b.says}`;
	}
}

/** Expands the template's blocks and formats its basis. */
export function resolveTemplate(t: Template, questionnaire: QuestionnaireParts): TemplateDocument {
	return {
		id: t.id,
		title: t.heading ?? t.title,
		purpose: t.purpose,
		group: t.group,
		orientation: t.orientation,
		basis: t.basis.map(basisLine),
		blocks: t.blocks.flatMap((b) =>
			b.kind === 'survey' ? questionnaireBlocks(questionnaire) : [b],
		),
	};
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (lists are short; 99 is the limit). */
export function chineseNumber(n: number): string {
	if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumber: ${n}`);
	if (n < 10) return CN_DIGITS[n]!;
	const tens = Math.floor(n / 10);
	return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
}

/** The number printed before the n-th (1-based) item of a list: （一）（二）…, the level below 一、. */
export function listNumber(n: number): string {
	return `（${chineseNumber(n)}）`;
}

/** Splits an article lead-in (第三条) from the rest, so both renderers can set it in bold. */
export function splitLeadIn(text: string): { lead: string; rest: string } {
	const m = /^(第[一二三四五六七八九十百]+条)\s*/.exec(text);
	return m ? { lead: m[1]!, rest: text.slice(m[0].length) } : { lead: '', rest: text };
}

/** Templates sorted for the index: by group in the fixed order, then by `order`. */
export function sortTemplates<T extends Pick<Template, 'group' | 'order' | 'id'>>(
	list: readonly T[],
): T[] {
	const rank = (g: TemplateGroup) => TEMPLATE_GROUPS.indexOf(g);
	return [...list].sort(
		(a, b) => rank(a.group) - rank(b.group) || a.order - b.order || a.id.localeCompare(b.id),
	);
}

/** The file name a download is saved under: the document's title. */
export function docxFileName(title: string): string {
	return `${title}.docx`;
}

/** Where a template's Word file is served: next to its page, /templates/<id>.docx. */
export function docxPath(base: string, id: string): string {
	return `${base}templates/${id}.docx`;
}

export { DOCX_TYPE } from './media-types';

/** Every piece of text of a document, in reading order (for tests and the copy check). */
export function documentText(d: TemplateDocument): string[] {
	const out = [d.title, d.purpose, ...d.basis];
	for (const b of d.blocks) {
		switch (b.kind) {
			case 'list':
				out.push(...b.items);
				break;
			case 'table':
				out.push(...b.columns.map((c) => c.text), ...b.rows.flat());
				break;
			case 'form':
				out.push(...b.rows.flatMap((r) => r.cells.map((c) => c.text)));
				break;
			case 'signature':
				out.push(...b.lines);
				break;
			case 'writeLines':
				break;
			default:
				out.push(b.text);
		}
	}
	return out.filter((s) => s !== '');
}

/** A file size as shown next to a download link: 9.8 KB. */
export function fileSizeLabel(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}
