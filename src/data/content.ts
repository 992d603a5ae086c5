/**
 * Build-time queries over the content collections, shared by pages.
 * Cross-references (guide ↔ criteria) are checked here, so a dangling id fails the build.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Catalogue } from '../lib/catalogue-schema';
import { unknownMeasureIds, type Measures } from '../lib/measures-schema';

export type Guide = CollectionEntry<'guidance'>;
export type Pillar = CollectionEntry<'pillars'>;

/** In dev, content can change between requests, so nothing is kept. */
const keep = <T>(value: T): T | undefined => (import.meta.env.DEV ? undefined : value);

let guidesOnce: Promise<Guide[]> | undefined;
let pillarsOnce: Promise<Pillar[]> | undefined;

/** All guidance pages in reading order (computed once per build: every page asks). */
export function getGuides(): Promise<Guide[]> {
	const guides =
		guidesOnce ??
		getCollection('guidance').then((all) => all.sort((a, b) => a.data.order - b.data.order));
	guidesOnce = keep(guides);
	return guides;
}

/** All pillars, in the reading order of their first guidance page. */
export function getPillars(): Promise<Pillar[]> {
	const sorted =
		pillarsOnce ??
		Promise.all([getCollection('pillars'), getGuides()]).then(([pillars, guides]) => {
			const first = new Map<string, number>();
			for (const g of guides)
				if (!first.has(g.data.pillar.id)) first.set(g.data.pillar.id, g.data.order);
			const rank = (p: Pillar) => first.get(p.id) ?? Number.MAX_SAFE_INTEGER;
			return pillars.sort((a, b) => rank(a) - rank(b));
		});
	pillarsOnce = keep(sorted);
	return sorted;
}

let checked: Promise<Catalogue> | undefined;

/** The criteria catalogue, with its links to guidance pages checked both ways. */
export function getCatalogue(): Promise<Catalogue> {
	const result =
		checked ??
		(async () => {
			const entry = await getEntry('catalogue', 'catalogue');
			if (!entry) throw new Error('content/criteria/catalogue.yaml: 未能加载指标目录');
			const catalogue = entry.data.catalogue;
			const guides = await getCollection('guidance');
			const guideIds = new Set(guides.map((g) => g.id));
			const criterionIds = new Set(catalogue.criteria.map((c) => c.id));
			const problems: string[] = [];
			for (const c of [...catalogue.criteria, ...catalogue.categories]) {
				const page = c.guide.split('#')[0]!;
				if (!guideIds.has(page))
					problems.push(
						`content/criteria/catalogue.yaml: ${c.id}.guide: 没有名为 ${page} 的指南页`,
					);
			}
			const vetoIds = new Set(catalogue.vetoes.map((v) => v.id));
			for (const g of guides) {
				for (const id of g.data.criteria)
					if (!criterionIds.has(id))
						problems.push(`content/guidance/${g.id}.mdx: criteria: 指标目录中没有 ${id}`);
				for (const id of g.data.vetoes)
					if (!vetoIds.has(id))
						problems.push(`content/guidance/${g.id}.mdx: vetoes: 指标目录中没有否决项 ${id}`);
			}
			if (problems.length) throw new Error(problems.join('\n'));
			return catalogue;
		})();
	checked = keep(result);
	return result;
}

let measuresOnce: Promise<Measures> | undefined;

/** 整改措施 per criterion (content/measures.yaml); an id the catalogue lacks fails the build. */
export function getMeasures(): Promise<Measures> {
	const result =
		measuresOnce ??
		(async () => {
			const [entry, catalogue] = await Promise.all([
				getEntry('measures', 'measures'),
				getCatalogue(),
			]);
			if (!entry) throw new Error('content/measures.yaml: 未能加载整改措施');
			const unknown = unknownMeasureIds(
				entry.data.measures,
				catalogue.criteria.map((c) => c.id),
			);
			if (unknown.length)
				throw new Error(`content/measures.yaml: 指标目录中没有 ${unknown.join('、')}`);
			return entry.data.measures;
		})();
	measuresOnce = keep(result);
	return result;
}
