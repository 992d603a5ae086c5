/**
 * The shipped templates and the questionnaire parts, read the way the build reads them
 * (src/data/templates.ts), for the template tests. Not a test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import strings from '../../src/i18n/zh-CN.json';
import { parseTemplateSource, type Template } from '../../src/lib/template-schema';
import {
	resolveTemplate,
	type QuestionnaireParts,
	type TemplateDocument,
} from '../../src/lib/templates';
import type { DocxLabels } from '../../src/lib/template-docx';
import { realCatalogue } from './helpers';

export const TEMPLATES_DIR = 'content/templates';

export function shippedTemplates(): Template[] {
	return readdirSync(TEMPLATES_DIR)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) =>
			parseTemplateSource(`${TEMPLATES_DIR}/${f}`, readFileSync(`${TEMPLATES_DIR}/${f}`, 'utf8')),
		);
}

export function questionnaireParts(): QuestionnaireParts {
	return {
		intro: strings['questionnaire.intro'],
		unit: strings['questionnaire.unit'],
		frontline: strings['questionnaire.frontline'],
		columns: {
			no: strings['questionnaire.col.no'],
			question: strings['questionnaire.col.question'],
			satisfied: strings['questionnaire.satisfied'],
			basic: strings['questionnaire.basic'],
			unsatisfied: strings['questionnaire.unsatisfied'],
		},
		questions: [
			...realCatalogue().categories.map((k) => k.surveyQuestion),
			strings['questionnaire.overall'],
		],
		open: strings['questionnaire.open'],
		thanks: strings['questionnaire.thanks'],
	};
}

export function shippedDocuments(): TemplateDocument[] {
	const q = questionnaireParts();
	return shippedTemplates().map((t) => resolveTemplate(t, q));
}

export const LABELS: DocxLabels = {
	notesTitle: strings['templates.docx.notesTitle'],
	purpose: strings['templates.purpose'],
	basis: strings['templates.basis'],
	creator: strings['site.name'],
};
