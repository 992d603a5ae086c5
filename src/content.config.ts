/**
 * Content collections. Everything users read or score comes from `content/`:
 * - `pillars`: the pillars of 建家 (content/pillars.yaml);
 * - `guidance`: one MDX page per pillar (content/guidance/*.mdx);
 * - `catalogue`: the criteria catalogue (content/criteria/catalogue.yaml), one entry;
 * - `measures`: 整改措施 per criterion (content/measures.yaml), one entry;
 * - `templates`: the 文书模板 (content/templates/*.yaml), one entry per document.
 * A bad entry fails `astro build` with the file and the field named.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { readdir, readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { CatalogueSchema } from './lib/catalogue-schema';
import { GuidanceFrontMatterSchema } from './lib/guidance-schema';
import { MeasuresSchema } from './lib/measures-schema';
import { parseTemplateSource, TemplateSchema } from './lib/template-schema';

const CATALOGUE_PATH = 'content/criteria/catalogue.yaml';
const MEASURES_PATH = 'content/measures.yaml';
const TEMPLATES_DIR = 'content/templates';

const pillars = defineCollection({
	loader: file('content/pillars.yaml'),
	schema: z.strictObject({
		/** Stable id, also the guidance page's `pillar`. */
		id: z.string().regex(/^[a-z]+$/),
		/** Name shown in navigation. */
		name: z.string().min(2),
		/** foundation: 建家的基础; home: 五个“家”; service: 办实事与巩固成果. */
		group: z.enum(['foundation', 'home', 'service']),
		/** One line for the home page. */
		blurb: z.string().min(6),
	}),
});

const guidance = defineCollection({
	loader: glob({ base: './content/guidance', pattern: '*.mdx' }),
	/** Rules in src/lib/guidance-schema.ts; here `pillar` must also name an entry of `pillars`. */
	schema: GuidanceFrontMatterSchema.extend({ pillar: reference('pillars') }),
});

const catalogue = defineCollection({
	loader: async () => {
		const text = await readFile(CATALOGUE_PATH, 'utf8');
		return [{ id: 'catalogue', catalogue: parseYaml(text) as unknown }];
	},
	schema: z.object({
		/** Entry id as the loader sets it. */
		id: z.string().optional(),
		/** The whole catalogue, checked by CatalogueSchema. */
		catalogue: CatalogueSchema,
	}),
});

const measures = defineCollection({
	loader: async () => {
		const text = await readFile(MEASURES_PATH, 'utf8');
		return [{ id: 'measures', measures: parseYaml(text) as unknown }];
	},
	schema: z.object({
		/** Entry id as the loader sets it. */
		id: z.string().optional(),
		/** 整改措施 per criterion id, checked by MeasuresSchema. */
		measures: MeasuresSchema,
	}),
});

const templates = defineCollection({
	/** Each file is parsed by parseTemplateSource, which names the file and field of a problem. */
	loader: async () => {
		const files = (await readdir(TEMPLATES_DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
		return Promise.all(
			files.map(async (f) => {
				const path = `${TEMPLATES_DIR}/${f}`;
				const template = parseTemplateSource(path, await readFile(path, 'utf8'));
				return { id: template.id, template };
			}),
		);
	},
	schema: z.object({
		/** Entry id as the loader sets it (the template's id). */
		id: z.string(),
		/** The template, checked again by the same schema. */
		template: TemplateSchema,
	}),
});

export const collections = { pillars, guidance, catalogue, measures, templates };
