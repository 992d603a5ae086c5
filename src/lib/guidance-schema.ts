/**
 * Front matter of a guidance page (content/guidance/*.mdx). Shared by the content
 * collection (which swaps `pillar` for a reference to the pillars collection) and the
 * unit tests, so both check the same rules.
 */
import { z } from 'astro/zod';

/**
 * Kinds of source, in the order the sources box shows them:
 * law (laws and ministry rules, version named), national (全总 documents), local
 * (provincial or city standards: figures vary by place), practice (one unit's or one
 * trade's rules), article (articles and reports), site (rules this site sets itself).
 */
export const SOURCE_KINDS = ['law', 'national', 'local', 'practice', 'article', 'site'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const GuidanceFrontMatterSchema = z.strictObject({
	/** Page title, e.g. 民主之家：职代会与厂务公开. */
	title: z.string().min(2).max(40),
	/** Pillar this page belongs to (an id in content/pillars.yaml). */
	pillar: z.string().regex(/^[a-z]+$/),
	/** Position in the sidebar and previous/next order. */
	order: z.number().int().min(1),
	/** One or two sentences for the index, search and meta description. */
	summary: z.string().min(20).max(160),
	/** Criterion ids (from the catalogue) this page helps with. */
	criteria: z.array(z.string().regex(/^[A-Z]\d{1,2}$/)).default([]),
	/**
	 * 否决 conditions (ids of the catalogue's `vetoes`) whose subject this page covers. Vetoes
	 * derived from one of the page's criteria are added without being listed; the wording
	 * always comes from the catalogue, and an unknown id fails the build.
	 */
	vetoes: z.array(z.string().regex(/^V\d+$/)).default([]),
	/**
	 * Where the rules on this page come from: the one sources box at the end of the page.
	 * Grouped by `kind`, so the caveat that local figures vary is said once per group
	 * instead of in the text.
	 */
	sources: z
		.array(
			z.strictObject({
				/** What sort of source it is; sets its group in the sources box. */
				kind: z.enum(SOURCE_KINDS),
				/** Name of the document or article; for a law, with the version read. */
				title: z.string().min(2),
				/** What it supports on this page, or a caveat. */
				note: z.string().optional(),
			}),
		)
		.min(1),
});

export type GuidanceFrontMatter = z.infer<typeof GuidanceFrontMatterSchema>;
