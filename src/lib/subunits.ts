/**
 * Sub-unit (分工会、工会小组) roll-up per parent 基层工会, for the overview.
 */
import {
	BAND_ORDER,
	branchKey,
	nameOrder,
	normaliseName,
	type BandId,
	type OverviewEntry,
} from './overview-load';

/** The category whose criteria decide whether a sub-unit runs 建小家 activities. */
export const SUBUNIT_CATEGORY = 'H';

/** Site's own rule: a sub-unit is "active" when its 建小家 criteria average at least this level (基本落实). */
export const ACTIVE_MEAN_LEVEL = 2;

/** One sub-unit as counted in its parent's roll-up. */
export interface SubunitLine {
	branch: string;
	fileName: string;
	assessedOn: string;
	band: BandId;
	/** Mean level of its 建小家 criteria answered, null when none is. */
	meanLevel: number | null;
	active: boolean;
}

/** Roll-up of the sub-units of one 基层工会. */
export interface SubunitRollUp {
	/** As written in the files (normalised); empty when sub-units did not name it. */
	parentUnion: string;
	/** Sub-units counted (each once, by its latest file). */
	count: number;
	/** Sub-units per band, lowest first; share 0–1. */
	bands: { id: BandId; count: number; share: number }[];
	/** Sub-units counted as running 建小家 activities (site's rule, see `rollUpSubunits`). */
	activeCount: number;
	/** Sub-units with no 建小家 criterion answered (counted as not active). */
	unknownCount: number;
	/** 建小家活动率 in percent (0–100), the figure criterion H1 asks for. */
	activityRate: number;
	subunits: SubunitLine[];
}

/**
 * Sub-unit (分工会、工会小组) roll-up per parent 基层工会: count, share at each band and
 * 建小家活动率 = active sub-units ÷ all sub-units × 100.
 *
 * "Active" is the site's own rule (no source defines it for self-assessment): a sub-unit
 * runs 建小家 activities when the mean level of its answered 建小家 (category H)
 * criteria is at least 2, 基本落实. N/A and unanswered criteria are left out of the mean;
 * a sub-unit with none answered is not evidenced as active, so it counts as not active
 * (and is reported in `unknownCount`). Each sub-unit counts once, by its latest file, so
 * several years of files do not inflate the count. Parents are sorted by name.
 */
export function rollUpSubunits(
	entries: readonly OverviewEntry[],
	categoryId: string = SUBUNIT_CATEGORY,
): SubunitRollUp[] {
	const latest = new Map<string, Map<string, OverviewEntry>>();
	for (const e of entries) {
		if (e.scope !== 'subunit') continue;
		const parent = normaliseName(e.parentUnion);
		let group = latest.get(parent);
		if (!group) latest.set(parent, (group = new Map()));
		const key = branchKey(e);
		const prev = group.get(key);
		if (!prev || e.assessedOn > prev.assessedOn) group.set(key, e);
	}
	const prefix = new RegExp(`^${categoryId}\\d`);
	const result: SubunitRollUp[] = [];
	for (const [parentUnion, group] of latest) {
		const subunits: SubunitLine[] = [...group.values()].map((e) => {
			const levels = Object.entries(e.criterionLevels)
				.filter(([id, level]) => prefix.test(id) && typeof level === 'number')
				.map(([, level]) => level as number);
			const meanLevel = levels.length ? levels.reduce((s, x) => s + x, 0) / levels.length : null;
			return {
				branch: e.branch,
				fileName: e.fileName,
				assessedOn: e.assessedOn,
				band: e.band,
				meanLevel,
				active: meanLevel !== null && meanLevel >= ACTIVE_MEAN_LEVEL,
			};
		});
		const count = subunits.length;
		const activeCount = subunits.filter((s) => s.active).length;
		result.push({
			parentUnion,
			count,
			bands: BAND_ORDER.map((id) => {
				const n = subunits.filter((s) => s.band === id).length;
				return { id, count: n, share: n / count };
			}),
			activeCount,
			unknownCount: subunits.filter((s) => s.meanLevel === null).length,
			activityRate: (activeCount / count) * 100,
			subunits: subunits.sort((a, b) => nameOrder(a.branch, b.branch)),
		});
	}
	return result.sort((a, b) => nameOrder(a.parentUnion, b.parentUnion));
}
