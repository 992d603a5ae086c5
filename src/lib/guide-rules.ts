/**
 * What the catalogue says about one guidance page: which of its criteria are 必备 and
 * which 否决 conditions touch it. Pure (no Astro, no DOM) so a unit test can check it;
 * the guide page renders the result, nothing is typed by hand.
 */
import type { Catalogue, Criterion } from './catalogue-schema';

export interface GuideRules {
	/** Every criterion this page helps with, in catalogue order. */
	criteria: Criterion[];
	/** 必备 criteria this page helps with, in catalogue order. */
	required: Criterion[];
	/** 否决 conditions that touch this page, in catalogue order. */
	vetoes: Catalogue['vetoes'];
}

export interface GuideRef {
	/** The page id, e.g. `minzhu`. */
	id: string;
	/** Criterion ids listed in the page's front matter. */
	criteria: readonly string[];
	/** Veto ids listed in the page's front matter. */
	vetoes: readonly string[];
}

/**
 * A criterion belongs to a page when the page lists it or the catalogue points it at the
 * page; a veto touches a page when the page lists it or the veto is derived from one of
 * the page's criteria.
 */
export function guideRules(catalogue: Catalogue, page: GuideRef): GuideRules {
	const mine = new Set(page.criteria);
	for (const c of catalogue.criteria) if (c.guide.split('#')[0] === page.id) mine.add(c.id);
	const criteria = catalogue.criteria.filter((c) => mine.has(c.id));
	const required = criteria.filter((c) => c.required);
	const listed = new Set(page.vetoes);
	const vetoes = catalogue.vetoes.filter(
		(v) => listed.has(v.id) || (v.derivedFrom !== undefined && mine.has(v.derivedFrom.criterion)),
	);
	return { criteria, required, vetoes };
}
