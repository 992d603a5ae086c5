/**
 * Statistics for the overview: percentiles, spread, the totals' histogram, band counts,
 * criteria often weak and completeness. `SummaryBuilder` takes entries one at a time, so
 * the roll-up command can summarise 100,000 files without holding them; `summarise` is
 * the same over an array.
 */
import type { Catalogue } from './catalogue-schema';
import { BAND_ORDER, idOrder, type BandId, type OverviewEntry } from './overview-load';

/**
 * Percentile by linear interpolation between closest ranks, the method of Excel's
 * PERCENTILE.INC, LibreOffice PERCENTILE and NumPy's default ("linear", Hyndman & Fan
 * type 7): rank h = (n − 1)·p on 0-based sorted values, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * `sorted` must be ascending; p is 0–1. Returns null for no values.
 */
export function percentileInc(sorted: readonly number[], p: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be within 0–1, got ${p}`);
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Descriptive figures for one set of values. */
export interface Stats {
	n: number;
	mean: number;
	min: number;
	max: number;
	/** Population standard deviation (the loaded branches are the whole group described, not a sample). */
	sd: number;
	median: number;
	/** Lower quartile, PERCENTILE.INC(values, 0.25). */
	p25: number;
	/** Mean of the lowest ⌈n/4⌉ values: how the weakest quarter of branches stands. */
	weakestQuarterMean: number;
}

/** Mean, spread and quartiles of a set of values, or null when there are none. */
export function describeValues(values: readonly number[]): Stats | null {
	const n = values.length;
	if (n === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.reduce((s, x) => s + x, 0) / n;
	const variance = sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
	// ⌈n/4⌉ so that 1–4 branches still give a weakest quarter of one branch.
	const quarter = sorted.slice(0, Math.ceil(n / 4));
	return {
		n,
		mean,
		min: sorted[0]!,
		max: sorted[n - 1]!,
		sd: Math.sqrt(variance),
		median: percentileInc(sorted, 0.5)!,
		p25: percentileInc(sorted, 0.25)!,
		weakestQuarterMean: quarter.reduce((s, x) => s + x, 0) / quarter.length,
	};
}

/** One bar of the totals histogram: totals t with from ≤ t < to + 1 (the top bin also takes ≥ 100). */
export interface HistogramBin {
	from: number;
	to: number;
	label: string;
	count: number;
}

/**
 * Totals in bins of 10 points: 0–9, 10–19, …, 80–89, 90–100. Bonus points can push a
 * total above 100 (up to 105); those go to the top bin rather than a bin of their own.
 */
export function histogram(totals: readonly number[]): HistogramBin[] {
	const bins: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({
		from: i * 10,
		to: i === 9 ? 100 : i * 10 + 9,
		label: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`,
		count: 0,
	}));
	for (const t of totals) {
		// The small epsilon keeps a total such as 30 (stored as 29.999…) in its own bin.
		const i = Math.min(9, Math.max(0, Math.floor(t / 10 + 1e-9)));
		bins[i]!.count++;
	}
	return bins;
}

/** A criterion often answered at 未开展 or 有制度未落实. */
export interface WeakCriterion {
	id: string;
	title: string;
	/** Entries answering it at level 0 or 1. */
	weakCount: number;
	/** weakCount ÷ answeredCount (0–1). */
	weakShare: number;
	/** Entries with a level for it (not unanswered, not 不适用). */
	answeredCount: number;
	/** Guidance page for it. */
	guide: string;
}

/** Everything `summarise` works out. */
export interface Summary {
	count: number;
	/** Figures for the totals. */
	total: Stats | null;
	/** Figures per category, in catalogue order; null stats when no entry has a percent for it. */
	categories: { id: string; title: string; bonus: boolean; stats: Stats | null }[];
	histogram: HistogramBin[];
	/** Entries per band, lowest band first; share 0–1. */
	bands: { id: BandId; name: string; count: number; share: number }[];
	/** Base criteria with at least one weak answer, most often weak first. */
	weakCriteria: WeakCriterion[];
	completeCount: number;
	/** Share of entries with every applicable criterion answered (0–1), null with no entries. */
	completeShare: number | null;
}

/**
 * Builds a `Summary` one entry at a time. What it keeps per entry is a handful of
 * numbers (the total and one percent per category), never the entry itself.
 */
export class SummaryBuilder {
	private readonly totals: number[] = [];
	private readonly categoryValues: number[][];
	private readonly bandCounts = new Map<BandId, number>();
	private readonly weak: { answered: number; weak: number }[];
	private readonly baseCriteria: Catalogue['criteria'];
	private completeCount = 0;

	constructor(private readonly catalogue: Catalogue) {
		this.categoryValues = catalogue.categories.map(() => []);
		// Bonus criteria are extras most branches do not have; counting their level 0 as
		// "weak" would crowd the list, so only base criteria are listed.
		const bonusCats = new Set(catalogue.categories.filter((k) => k.bonus).map((k) => k.id));
		this.baseCriteria = catalogue.criteria.filter((c) => !bonusCats.has(c.category));
		this.weak = this.baseCriteria.map(() => ({ answered: 0, weak: 0 }));
	}

	add(e: OverviewEntry): void {
		this.totals.push(e.total);
		this.catalogue.categories.forEach((k, i) => {
			const v = e.categoryPercents[k.id];
			// A category that applies but has no answer is 未评: it is left out, not taken as 0.
			const seen = e.categoryAnswered?.[k.id];
			if (typeof v === 'number' && (!seen || seen.answered > 0)) this.categoryValues[i]!.push(v);
		});
		this.bandCounts.set(e.band, (this.bandCounts.get(e.band) ?? 0) + 1);
		this.baseCriteria.forEach((c, i) => {
			const level = e.criterionLevels[c.id];
			if (typeof level !== 'number') return;
			this.weak[i]!.answered++;
			if (level <= 1) this.weak[i]!.weak++;
		});
		if (e.complete) this.completeCount++;
	}

	result(): Summary {
		const { catalogue } = this;
		const count = this.totals.length;
		const weakCriteria: WeakCriterion[] = [];
		this.baseCriteria.forEach((c, i) => {
			const w = this.weak[i]!;
			if (w.weak > 0)
				weakCriteria.push({
					id: c.id,
					title: c.title,
					weakCount: w.weak,
					weakShare: w.weak / w.answered,
					answeredCount: w.answered,
					guide: c.guide,
				});
		});
		weakCriteria.sort((a, b) => b.weakShare - a.weakShare || idOrder(a.id, b.id));
		return {
			count,
			total: describeValues(this.totals),
			categories: catalogue.categories.map((k, i) => ({
				id: k.id,
				title: k.title,
				bonus: k.bonus === true,
				stats: describeValues(this.categoryValues[i]!),
			})),
			histogram: histogram(this.totals),
			bands: BAND_ORDER.map((id) => {
				const n = this.bandCounts.get(id) ?? 0;
				return {
					id,
					name: catalogue.bands.find((b) => b.id === id)?.name ?? id,
					count: n,
					share: count ? n / count : 0,
				};
			}),
			weakCriteria,
			completeCount: this.completeCount,
			completeShare: count ? this.completeCount / count : null,
		};
	}
}

/** Per-category figures, the totals' histogram, band counts, most often weak criteria and completeness. */
export function summarise(entries: readonly OverviewEntry[], catalogue: Catalogue): Summary {
	const builder = new SummaryBuilder(catalogue);
	for (const e of entries) builder.add(e);
	return builder.result();
}
