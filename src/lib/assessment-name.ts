/**
 * Names and dates of assessments: a name follows the 评估日期's year, copies and imports get
 * one suffix at most (never "（导入）（副本）"), and the next self-check date is never past.
 * Labels come in from the strings file so this module stays pure.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year of a 评估日期, or of `today` when the date is empty or malformed. */
export function assessmentYear(assessedOn: string, today: Date): number {
	const m = DATE.exec(assessedOn);
	return m ? Number(m[1]) : today.getFullYear();
}

export interface NameLabels {
	/** "{{year}} 年度自评" with the year filled in. */
	yearly: (year: number) => string;
	/** Suffixes that mark a derived name, e.g. ["（副本）", "（导入）"]. */
	suffixes: readonly string[];
}

/** The name without any trailing derived-name suffixes or numbers ("（副本 2）"). */
export function baseName(name: string, labels: NameLabels): string {
	let out = name.trim();
	for (;;) {
		const before = out;
		for (const s of labels.suffixes) {
			const open = s.slice(0, -1);
			const close = s.slice(-1);
			if (out.endsWith(s)) out = out.slice(0, -s.length).trim();
			else {
				const numbered = new RegExp(`${escape(open)} ?\\d+${escape(close)}$`);
				out = out.replace(numbered, '').trim();
			}
		}
		if (out === before) return out;
	}
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a name is one the site proposed for a year ("2026 年度自评"), so it may follow the date. */
export function isYearlyName(name: string, labels: NameLabels): boolean {
	const m = /\d{4}/.exec(name);
	return m !== null && labels.yearly(Number(m[0])) === name.trim();
}

/**
 * A name not yet taken: `base`, else `base` + suffix, else the suffix numbered
 * ("（副本 2）"). The base loses earlier suffixes first, so they never pile up.
 */
export function derivedName(
	name: string,
	suffix: string,
	taken: readonly string[],
	labels: NameLabels,
	max = 100,
): string {
	const base = baseName(name, labels) || labels.yearly(new Date().getFullYear());
	const used = new Set(taken.map((x) => x.trim()));
	const withSuffix = `${base}${suffix}`;
	if (!used.has(withSuffix)) return withSuffix.slice(0, max);
	const open = suffix.slice(0, -1);
	const close = suffix.slice(-1);
	for (let n = 2; ; n++) {
		const candidate = `${base}${open} ${n}${close}`;
		if (!used.has(candidate)) return candidate.slice(0, max);
	}
}

/** The name for a copy made for another year: "2027 年度自评", numbered if taken. */
export function nextYearName(
	assessedOn: string,
	taken: readonly string[],
	labels: NameLabels,
	today: Date,
): string {
	const name = labels.yearly(assessmentYear(assessedOn, today));
	const used = new Set(taken.map((x) => x.trim()));
	if (!used.has(name)) return name;
	for (let n = 2; ; n++) if (!used.has(`${name}（${n}）`)) return `${name}（${n}）`;
}

/** The same day a year later ("2025-03-15" → "2026-03-15"; 29 Feb → 28 Feb), or '' for a bad date. */
export function oneYearLater(date: string): string {
	const m = DATE.exec(date);
	if (!m) return '';
	const y = Number(m[1]) + 1;
	const month = Number(m[2]);
	const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
	const day = Math.min(Number(m[3]), lastDay);
	return `${y}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** A date as YYYY-MM-DD in the local calendar (what a date input shows). */
export function isoDay(d: Date): string {
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A time as HH:MM:SS on the 24-hour local clock (the 已保存 time), written out by hand: the
 * same text as `Intl.DateTimeFormat('zh-CN', { hour12: false, … })`, without the 10 ms or so
 * a page spends loading the locale's calendar data for its first formatter.
 */
export function clockTime(d: Date): string {
	return [d.getHours(), d.getMinutes(), d.getSeconds()]
		.map((n) => String(n).padStart(2, '0'))
		.join(':');
}

/**
 * The suggested next self-check: a year after the 评估日期, but never before `today`
 * (an old assessment suggests today); a year from today when there is no date.
 */
export function nextSelfCheck(assessedOn: string, today: Date): string {
	const now = isoDay(today);
	const next = oneYearLater(assessedOn) || oneYearLater(now);
	return next < now ? now : next;
}
