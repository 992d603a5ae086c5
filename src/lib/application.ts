/**
 * The 建家工作总结 as a form: field names, limits and updates, for the 申报表 page.
 * Every limit comes from LIMITS (assessment.ts), the same the schema checks, so nothing
 * the form accepts can make the saved assessment unreadable.
 */
import { ApplicationSchema, LIMITS, type Application, type ApplicationSection } from './assessment';

/** The three prompted fields of each category's section. */
export const SECTION_FIELDS = ['done', 'figures', 'evidence'] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];

/** A field of the summary: the overall paragraph, or one field of one category. */
export type SummaryField =
	{ kind: 'overall' } | { kind: 'section'; category: string; field: SectionField };

/** Most characters a field holds (as the schema counts: UTF-16 code units, like `maxlength`). */
export function summaryLimit(f: SummaryField): number {
	if (f.kind === 'overall') return LIMITS.summaryOverall;
	return {
		done: LIMITS.summaryDone,
		figures: LIMITS.summaryFigures,
		evidence: LIMITS.summaryEvidence,
	}[f.field];
}

/** The name used for a field's control: `summary.overall` or `summary.A.done`. */
export function summaryFieldName(f: SummaryField): string {
	return f.kind === 'overall' ? 'summary.overall' : `summary.${f.category}.${f.field}`;
}

/** Reads a control's name back into a field, or null when it names no summary field. */
export function parseSummaryFieldName(name: string): SummaryField | null {
	if (name === 'summary.overall') return { kind: 'overall' };
	const m = /^summary\.([A-Z])\.(done|figures|evidence)$/.exec(name);
	return m ? { kind: 'section', category: m[1]!, field: m[2] as SectionField } : null;
}

/** The value of a field in a summary ('' when not written). */
export function summaryValue(app: Application, f: SummaryField): string {
	if (f.kind === 'overall') return app.overall;
	return app.sections[f.category]?.[f.field] ?? '';
}

export type SummaryUpdate =
	| { ok: true; next: Application }
	| { ok: false; error: 'too-long'; limit: number; kept: Application };

/**
 * The summary with one field set. Text past the limit is refused (the last valid summary
 * is kept) so the page can say so at the field. A section whose three fields are all
 * empty is dropped, so an untouched category adds nothing to the file.
 */
export function setSummaryField(app: Application, f: SummaryField, value: string): SummaryUpdate {
	const limit = summaryLimit(f);
	if (value.length > limit) return { ok: false, error: 'too-long', limit, kept: app };
	let next: Application;
	if (f.kind === 'overall') next = { ...app, overall: value };
	else {
		const section: ApplicationSection = {
			done: '',
			figures: '',
			evidence: '',
			...app.sections[f.category],
			[f.field]: value,
		};
		const sections = { ...app.sections };
		if (SECTION_FIELDS.every((k) => section[k] === '')) delete sections[f.category];
		else sections[f.category] = section;
		next = { ...app, sections };
	}
	// The schema is the last word: whatever passes here is what storage will read back.
	const checked = ApplicationSchema.safeParse(next);
	return checked.success
		? { ok: true, next: checked.data }
		: { ok: false, error: 'too-long', limit, kept: app };
}

/** Characters written across the whole summary. */
export function summaryLength(app: Application): number {
	return (
		app.overall.length +
		Object.values(app.sections).reduce(
			(n, s) => n + s.done.length + s.figures.length + s.evidence.length,
			0,
		)
	);
}
