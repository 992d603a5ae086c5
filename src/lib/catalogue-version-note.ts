/**
 * The note the compare page shows when the files were filled against more than one
 * catalogue version: how their totals relate.
 */
import type { Catalogue } from './catalogue-schema';
import type { OverviewEntry } from './overview-load';

/** What the compare page says when the files were filled against more than one catalogue version. */
export interface CatalogueVersionNote {
	/** Every catalogue version among the files, oldest first, the current one included when present. */
	versions: string[];
	/** The current catalogue version (what every file is scored against). */
	current: string;
	/** Criteria the older files have no answer to (scored 未评, 0 points), from the change list. */
	added: string[];
	/** Their points in the current catalogue: at most this much of an older file's total is missing. */
	addedPoints: number;
	/** Criteria whose points changed since the oldest version among the files. */
	reweighted: string[];
}

/**
 * The note for a comparison across catalogue versions, or null when every file has the same
 * version as the current catalogue. Every file is scored against the current catalogue, so
 * totals are on one scale, but an older file has no answer to the criteria added since and
 * loses up to `addedPoints` until it is opened in the checklist and those are answered.
 */
export function catalogueVersionNote(
	entries: readonly Pick<OverviewEntry, 'catalogueVersion'>[],
	catalogue: Catalogue,
): CatalogueVersionNote | null {
	const collator = new Intl.Collator('en', { numeric: true });
	const versions = [...new Set(entries.map((e) => e.catalogueVersion))].sort(collator.compare);
	const older = versions.filter((v) => v !== catalogue.version);
	if (!older.length) return null;
	const added = new Set<string>();
	const reweighted = new Set<string>();
	for (const version of older) {
		let at = catalogue.version;
		while (at !== version) {
			const step = catalogue.changes.find((c) => c.version === at);
			if (!step) break;
			for (const id of step.added) added.add(id);
			for (const id of step.reweighted) reweighted.add(id);
			at = step.from;
		}
	}
	const addedIds = catalogue.criteria.filter((c) => added.has(c.id));
	const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
	return {
		versions,
		current: catalogue.version,
		added: addedIds.map((c) => c.id),
		addedPoints: addedIds
			.filter((c) => !bonusCats.has(c.category))
			.reduce((s, c) => s + c.points, 0),
		reweighted: catalogue.criteria.filter((c) => reweighted.has(c.id)).map((c) => c.id),
	};
}
