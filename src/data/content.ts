/**
 * Build-time queries over the content collections, shared by pages.
 * Cross-references (guide ↔ criteria) are checked here, so a dangling id fails the build.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Catalogue } from '../lib/catalogue-schema';

export type Guide = CollectionEntry<'guidance'>;
export type Pillar = CollectionEntry<'pillars'>;

/** All guidance pages in reading order. */
export async function getGuides(): Promise<Guide[]> {
	const guides = await getCollection('guidance');
	return guides.sort((a, b) => a.data.order - b.data.order);
}

/** All pillars, in the reading order of their guidance pages. */
export async function getPillars(): Promise<Pillar[]> {
	const [pillars, guides] = await Promise.all([getCollection('pillars'), getGuides()]);
	const rank = (p: Pillar) => guides.find((g) => g.data.pillar.id === p.id)?.data.order ?? Number.MAX_SAFE_INTEGER;
	return pillars.sort((a, b) => rank(a) - rank(b));
}

let checked: Promise<Catalogue> | undefined;

/** The criteria catalogue, with its links to guidance pages checked both ways. */
export function getCatalogue(): Promise<Catalogue> {
	checked ??= (async () => {
		const entry = await getEntry('catalogue', 'catalogue');
		if (!entry) throw new Error('content/criteria/catalogue.yaml: 未能加载指标目录');
		const catalogue = entry.data.catalogue;
		const guides = await getCollection('guidance');
		const guideIds = new Set(guides.map((g) => g.id));
		const criterionIds = new Set(catalogue.criteria.map((c) => c.id));
		const problems: string[] = [];
		for (const c of [...catalogue.criteria, ...catalogue.categories]) {
			const page = c.guide.split('#')[0]!;
			if (!guideIds.has(page)) problems.push(`content/criteria/catalogue.yaml: ${c.id}.guide: 没有名为 ${page} 的指南页`);
		}
		for (const g of guides)
			for (const id of g.data.criteria)
				if (!criterionIds.has(id)) problems.push(`content/guidance/${g.id}.mdx: criteria: 指标目录中没有 ${id}`);
		if (problems.length) throw new Error(problems.join('\n'));
		return catalogue;
	})();
	return checked;
}
