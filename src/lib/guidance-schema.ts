/**
 * Front matter of a guidance page (content/guidance/*.mdx). Shared by the content
 * collection (which swaps `pillar` for a reference to the pillars collection) and the
 * unit tests, so both check the same rules.
 */
import { z } from 'astro/zod';

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
	/** Where the facts on this page come from. */
	sources: z
		.array(
			z.strictObject({
				/** Name of the document or article. */
				title: z.string().min(2),
				/** What it supports on this page, or a caveat. */
				note: z.string().optional(),
			}),
		)
		.min(1),
});

export type GuidanceFrontMatter = z.infer<typeof GuidanceFrontMatterSchema>;
