/**
 * 比上次: progress of an assessment against the same branch's previous one saved in this
 * browser. Pure: the list of assessments and the catalogue are handed in.
 */
import type { Catalogue } from './catalogue-schema';
import type { Assessment } from './assessment';
import { round1, scoreAssessment } from './scoring';
import { compareKeys } from './key-order';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How a unit is recognised across years: its name without spaces (an empty name never matches). */
export function unitKey(a: Assessment): string {
	return a.profile.unitName.replace(/\s+/g, '');
}

/**
 * The previous assessment of the same unit: same unit name, an earlier 评估日期, at least one
 * answer; the latest such date wins (ties: the one saved last). Null when there is none.
 */
export function previousAssessment(
	list: readonly Assessment[],
	current: Assessment,
): Assessment | null {
	const key = unitKey(current);
	const date = current.profile.assessedOn;
	if (!key || !DATE.test(date)) return null;
	const earlier = list.filter(
		(a) =>
			a.id !== current.id &&
			unitKey(a) === key &&
			DATE.test(a.profile.assessedOn) &&
			a.profile.assessedOn < date &&
			Object.keys(a.answers).length > 0,
	);
	earlier.sort(
		(x, y) =>
			compareKeys(y.profile.assessedOn, x.profile.assessedOn) ||
			compareKeys(y.updatedAt, x.updatedAt),
	);
	return earlier[0] ?? null;
}

export interface CategoryProgress {
	id: string;
	title: string;
	/** Points this time minus last time (what the category adds to the total); null when either side has none. */
	delta: number | null;
}

export interface Progress {
	previousId: string;
	previousName: string;
	previousDate: string;
	/** Shown totals (rounded down to one decimal) this time and last time, and their difference. */
	total: number;
	previousTotal: number;
	delta: number;
	categories: CategoryProgress[];
}

/** Differences in total and per category between two assessments of the same unit. */
export function progressAgainst(
	catalogue: Catalogue,
	current: Assessment,
	previous: Assessment,
): Progress {
	const now = scoreAssessment(catalogue, current);
	const then = scoreAssessment(catalogue, previous);
	return {
		previousId: previous.id,
		previousName: previous.name,
		previousDate: previous.profile.assessedOn,
		total: now.total,
		previousTotal: then.total,
		delta: round1(now.total - then.total),
		categories: now.categories.map((k) => {
			const old = then.categories.find((x) => x.id === k.id);
			const answeredNow = k.answered > 0 && k.percent !== null;
			const answeredThen = old !== undefined && old.answered > 0 && old.percent !== null;
			return {
				id: k.id,
				title: k.title,
				delta: answeredNow && answeredThen ? round1(k.contribution - old.contribution) : null,
			};
		}),
	};
}

/** A signed figure for a difference: "+3.5", "−2", "±0". */
export function signed(n: number): string {
	if (n === 0) return '±0';
	return n > 0 ? `+${n}` : `−${Math.abs(n)}`;
}
