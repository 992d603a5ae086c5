/**
 * Build-time access to the 文书模板: the `templates` collection resolved into documents
 * (the questionnaire expanded from the catalogue and the strings), their guide links
 * checked, and each template's Word file rendered once per build for the page that
 * serves it and the index that shows its size.
 */
import { getCollection } from 'astro:content';
import { t } from '../i18n/t';
import { renderDocx, type DocxLabels } from '../lib/template-docx';
import type { Template } from '../lib/template-schema';
import {
	resolveTemplate,
	sortTemplates,
	type QuestionnaireParts,
	type TemplateDocument,
} from '../lib/templates';
import { getCatalogue } from './content';

/** A template as the pages use it: the source's fields plus the resolved document. */
export interface TemplateEntry {
	source: Template;
	document: TemplateDocument;
}

/** In dev, content can change between requests, so nothing is kept. */
const keep = <T>(value: T): T | undefined => (import.meta.env.DEV ? undefined : value);

/** The 会员评家 questionnaire's wording and questions: one source for its page and its template. */
export async function getQuestionnaireParts(): Promise<QuestionnaireParts> {
	const catalogue = await getCatalogue();
	return {
		intro: t('questionnaire.intro'),
		unit: t('questionnaire.unit'),
		frontline: t('questionnaire.frontline'),
		columns: {
			no: t('questionnaire.col.no'),
			question: t('questionnaire.col.question'),
			satisfied: t('questionnaire.satisfied'),
			basic: t('questionnaire.basic'),
			unsatisfied: t('questionnaire.unsatisfied'),
		},
		questions: [...catalogue.categories.map((k) => k.surveyQuestion), t('questionnaire.overall')],
		open: t('questionnaire.open'),
		thanks: t('questionnaire.thanks'),
	};
}

let templatesOnce: Promise<TemplateEntry[]> | undefined;

/** All templates in index order, with their guide links checked (a dangling id fails the build). */
export function getTemplates(): Promise<TemplateEntry[]> {
	const result =
		templatesOnce ??
		(async () => {
			const [entries, guides, questionnaire] = await Promise.all([
				getCollection('templates'),
				getCollection('guidance'),
				getQuestionnaireParts(),
			]);
			const guideIds = new Set(guides.map((g) => g.id));
			const problems = entries
				.map((e) => e.data.template)
				.filter((s) => s.guide && !guideIds.has(s.guide.split('#')[0]!))
				.map((s) => `content/templates/${s.id}.yaml: guide: 没有名为 ${s.guide} 的指南页`);
			if (problems.length) throw new Error(problems.join('\n'));
			return sortTemplates(entries.map((e) => e.data.template)).map((source) => ({
				source,
				document: resolveTemplate(source, questionnaire),
			}));
		})();
	templatesOnce = keep(result);
	return result;
}

/** Text the Word files add around each template. */
export function docxLabels(): DocxLabels {
	return {
		notesTitle: t('templates.docx.notesTitle'),
		purpose: t('templates.purpose'),
		basis: t('templates.basis'),
		creator: t('site.name'),
	};
}

const docxOnce = new Map<string, Promise<Uint8Array>>();

/** A template's .docx bytes (rendered once per build). */
export async function getTemplateDocx(id: string): Promise<Uint8Array> {
	const cached = docxOnce.get(id);
	if (cached) return cached;
	const entry = (await getTemplates()).find((e) => e.source.id === id);
	if (!entry) throw new Error(`没有名为 ${id} 的文书模板`);
	const bytes = renderDocx(entry.document, docxLabels());
	if (!import.meta.env.DEV) docxOnce.set(id, bytes);
	return bytes;
}
