/**
 * Where the parts of a chart go: the radar of category percentages and the bar charts of the
 * results and compare pages, as numbers in pixels of the box they are drawn in. Pure: the
 * page (src/scripts/charts.ts) turns a layout into SVG and sizes it to its box; every chart
 * has a table of the same figures beside it, so a chart only has to be right, not complete
 * (a name too long for its place is cut with "…"; the table has it whole).
 */

export interface Point {
	x: number;
	y: number;
}

export interface Size {
	width: number;
	height: number;
}

/** A piece of text: its lines (top to bottom), where it is anchored and which side the anchor is. */
export interface TextLabel {
	lines: string[];
	x: number;
	/** The baseline of the first line. */
	y: number;
	anchor: 'start' | 'middle' | 'end';
}

/** Ticks from 0: "round" steps (1, 2 or 5 × 10ⁿ) so that at most `most` + 1 ticks reach `max`. */
export function niceTicks(max: number, most: number, integer = false): number[] {
	if (!(max > 0)) return [0, 1];
	const raw = max / Math.max(1, most);
	const power = 10 ** Math.floor(Math.log10(raw));
	let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-9) ?? 10 * power;
	if (integer) step = Math.max(1, Math.ceil(step));
	const ticks: number[] = [];
	for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
	return ticks;
}

/** The width a text takes at `fontSize` px: a Chinese character (or full-width sign) is 1 em, others about 0.6. */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.6;
	return em * fontSize;
}

/** Greedy breaking: as much on each line as fits; what does not fit ends the last line with "…". */
function breakGreedy(text: string, width: number, fontSize: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const ch of text) {
		if (line && textWidth(line + ch, fontSize) > width) {
			if (lines.length === maxLines - 1) {
				let cut = line;
				while (cut && textWidth(`${cut}…`, fontSize) > width) cut = [...cut].slice(0, -1).join('');
				lines.push(`${cut}…`);
				return lines;
			}
			lines.push(line);
			line = '';
		}
		line += ch;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * Breaks a label into at most `maxLines` lines no wider than `width` (Chinese text breaks
 * between any two characters), the lines about equally long (学习之家与 / 职工素质, not
 * 学习之家与职工 / 素质); what does not fit ends the last line with "…".
 */
export function wrapLabel(
	text: string,
	width: number,
	fontSize: number,
	maxLines: number,
): string[] {
	const greedy = breakGreedy(text, width, fontSize, maxLines);
	if (greedy.length < 2 || greedy.at(-1)!.endsWith('…')) return greedy;
	const even = Math.min(width, textWidth(text, fontSize) / greedy.length + fontSize * 0.99);
	const balanced = breakGreedy(text, even, fontSize, greedy.length + 1);
	return balanced.length === greedy.length ? balanced : greedy;
}

// ---- radar ---------------------------------------------------------------------------

export interface RadarInput {
	labels: string[];
	/** Percent 0–100 per label; null for a category not rated: not drawn, never as 0. */
	values: (number | null)[];
	size: Size;
	fontSize: number;
	/** The rings drawn and labelled, in percent (0 is the centre, left out). */
	rings: number[];
}

export interface RadarLayout {
	centre: Point;
	radius: number;
	/** Each ring as a polygon through the spokes, with where its figure is written. */
	rings: { value: number; points: Point[]; at: Point }[];
	/** The outer end of each spoke. */
	spokes: Point[];
	labels: (TextLabel & { rated: boolean })[];
	/** The filled shape when every category is rated. */
	area: Point[] | null;
	/** Lines between neighbouring rated categories (drawn when one is not rated). */
	segments: [Point, Point][];
	/** A dot per category: null where it is not rated. */
	dots: (Point | null)[];
}

/** The distance between two lines of a label, in em (the page draws them this far apart). */
export const LINE_HEIGHT = 1.25;

export function radarLayout({ labels, values, size, fontSize, rings }: RadarInput): RadarLayout {
	const n = labels.length;
	const pad = 4;
	const lineHeight = fontSize * LINE_HEIGHT;
	// Labels sit outside the outer ring, on two lines where they are long (so a phone keeps a
	// usable radius); the width they take decides the radius.
	const labelWidth = Math.min(
		Math.max(0, ...labels.map((l) => textWidth(l, fontSize))),
		Math.max(fontSize * 4, size.width / 5.5),
	);
	const gap = fontSize * 0.6;
	const radius = Math.max(
		10,
		Math.min(size.width / 2 - labelWidth - gap - pad, size.height / 2 - 2 * lineHeight - gap - pad),
	);
	const centre = { x: size.width / 2, y: size.height / 2 };
	const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
	const at = (i: number, r: number): Point => ({
		x: centre.x + r * Math.cos(angle(i)),
		y: centre.y + r * Math.sin(angle(i)),
	});
	const scale = (v: number) => (Math.min(100, Math.max(0, v)) / 100) * radius;
	const dots = values.map((v, i) => (v === null ? null : at(i, scale(v))));
	const segments: [Point, Point][] = [];
	if (n > 1)
		for (let i = 0; i < n; i++) {
			const a = dots[i];
			const b = dots[(i + 1) % n];
			if (a && b && !(n === 2 && i === 1)) segments.push([a, b]);
		}
	const allRated = n > 0 && dots.every((d) => d !== null);
	return {
		centre,
		radius,
		rings: rings
			.filter((v) => v > 0)
			.map((v) => ({
				value: v,
				points: labels.map((_, i) => at(i, scale(v))),
				at: { x: centre.x, y: centre.y - scale(v) },
			})),
		spokes: labels.map((_, i) => at(i, radius)),
		labels: labels.map((text, i) => {
			const p = at(i, radius + gap);
			const cos = Math.cos(angle(i));
			const sin = Math.sin(angle(i));
			const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
			const room =
				anchor === 'middle'
					? Math.min(size.width, labelWidth * 2)
					: anchor === 'start'
						? size.width - p.x - pad
						: p.x - pad;
			const lines = wrapLabel(text, Math.max(fontSize * 2, room), fontSize, 2);
			const height = lines.length * lineHeight;
			// Above the centre the text ends at the ring; below it starts there; beside it, centred.
			const top = sin < -0.2 ? p.y - height : sin > 0.2 ? p.y : p.y - height / 2;
			return { lines, x: p.x, y: top + fontSize, anchor, rated: values[i] !== null };
		}),
		area: allRated ? (dots as Point[]) : null,
		segments: allRated ? [] : segments,
		dots,
	};
}

// ---- bars ----------------------------------------------------------------------------

export interface BarInput {
	categories: string[];
	/** One array per series, a value per category (null: no bar). */
	series: (number | null)[][];
	size: Size;
	fontSize: number;
	/** 'horizontal': categories down the left, bars to the right; 'vertical': categories along the bottom. */
	orientation: 'horizontal' | 'vertical';
	/** The value axis ends here (default: the largest value, rounded up to a tick). */
	max?: number;
	/** Ticks on whole numbers only (counts). */
	integer?: boolean;
}

export interface BarLayout {
	/** The area bars are drawn in. */
	plot: { x: number; y: number; width: number; height: number };
	/** Value-axis ticks: the value, its grid line's position (x when horizontal, y when vertical), its label. */
	ticks: { value: number; pos: number; label: TextLabel }[];
	categories: TextLabel[];
	bars: {
		series: number;
		category: number;
		value: number;
		x: number;
		y: number;
		width: number;
		height: number;
	}[];
}

type Bar = BarLayout['bars'][number];

/** A bar for each value that is there (null: none), where `place` puts it. */
function placeBars(
	series: (number | null)[][],
	place: (
		value: number,
		category: number,
		series: number,
	) => Pick<Bar, 'x' | 'y' | 'width' | 'height'>,
): Bar[] {
	return series.flatMap((values, s) =>
		values.flatMap((v, i) =>
			v === null ? [] : [{ series: s, category: i, value: v, ...place(v, i, s) }],
		),
	);
}

/** Formats a tick value: whole numbers plain, others to one decimal. */
export const tickText = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function barLayout(input: BarInput): BarLayout {
	const { categories, series, size, fontSize, orientation } = input;
	const lineHeight = fontSize * LINE_HEIGHT;
	const pad = 4;
	const largest = Math.max(0, ...series.flat().map((v) => v ?? 0));
	const top = input.max ?? largest;
	const horizontal = orientation === 'horizontal';
	const length = horizontal ? size.width : size.height;
	const ticks = niceTicks(
		top || 1,
		Math.max(2, Math.min(10, Math.floor(length / 60))),
		input.integer,
	);
	const end = input.max ?? ticks[ticks.length - 1]!;
	const shownTicks = ticks.filter((v) => v <= end + 1e-9);
	const tickWidth = Math.max(...shownTicks.map((v) => textWidth(tickText(v), fontSize)));
	const n = Math.max(1, categories.length);
	/** The series' bars side by side fill 80 % of a category's slot. */
	const thickness = (slot: number) => (slot * 0.8) / Math.max(1, series.length);

	if (horizontal) {
		const labelWidth = Math.min(
			Math.max(0, ...categories.map((c) => textWidth(c, fontSize))),
			size.width * 0.4,
		);
		const plot = {
			x: pad + labelWidth + fontSize * 0.5,
			y: pad,
			width: 0,
			height: size.height - 2 * pad - lineHeight - fontSize * 0.3,
		};
		plot.width = Math.max(10, size.width - plot.x - pad - tickWidth / 2);
		const slot = plot.height / n;
		const thick = thickness(slot);
		const x = (v: number) => plot.x + (Math.min(v, end) / end) * plot.width;
		return {
			plot,
			ticks: shownTicks.map((v) => ({
				value: v,
				pos: x(v),
				label: {
					lines: [tickText(v)],
					x: x(v),
					y: plot.y + plot.height + fontSize * 0.3 + fontSize,
					anchor: 'middle',
				},
			})),
			categories: categories.map((c, i) => {
				const lines = wrapLabel(c, labelWidth, fontSize, slot >= 2.4 * lineHeight ? 2 : 1);
				const middle = plot.y + slot * (i + 0.5);
				return {
					lines,
					x: plot.x - fontSize * 0.5,
					y: middle - (lines.length * lineHeight) / 2 + fontSize * 0.85,
					anchor: 'end',
				};
			}),
			bars: placeBars(series, (v, i, s) => ({
				x: plot.x,
				y: plot.y + slot * i + slot * 0.1 + thick * s,
				width: x(v) - plot.x,
				height: thick,
			})),
		};
	}

	const plot = { x: pad + tickWidth + fontSize * 0.5, y: pad + fontSize / 2, width: 0, height: 0 };
	plot.width = Math.max(10, size.width - plot.x - pad);
	const slot = plot.width / n;
	const lines = categories.map((c) => wrapLabel(c, Math.max(fontSize, slot - 2), fontSize, 3));
	const labelLines = Math.max(1, ...lines.map((l) => l.length));
	plot.height = Math.max(10, size.height - plot.y - pad - labelLines * lineHeight - fontSize * 0.3);
	const thick = thickness(slot);
	const y = (v: number) => plot.y + plot.height - (Math.min(v, end) / end) * plot.height;
	return {
		plot,
		ticks: shownTicks.map((v) => ({
			value: v,
			pos: y(v),
			label: {
				lines: [tickText(v)],
				x: plot.x - fontSize * 0.5,
				y: y(v) + fontSize * 0.35,
				anchor: 'end',
			},
		})),
		categories: lines.map((l, i) => ({
			lines: l,
			x: plot.x + slot * (i + 0.5),
			y: plot.y + plot.height + fontSize * 0.3 + fontSize,
			anchor: 'middle',
		})),
		bars: placeBars(series, (v, i, s) => ({
			x: plot.x + slot * i + slot * 0.1 + thick * s,
			y: y(v),
			width: thick,
			height: plot.y + plot.height - y(v),
		})),
	};
}
