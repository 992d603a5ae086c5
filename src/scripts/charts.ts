/**
 * Charts as SVG: the layouts come from src/lib/chart-geometry.ts, this module only makes the
 * elements and keeps them the size of their box. Colours are classes (`chart-…` in
 * global.css, from the page's colour variables), so a chart follows the colour scheme and
 * prints as sharp lines; every chart has a table of the same figures beside it. Text goes in
 * with textContent only.
 */
import {
	LINE_HEIGHT,
	barLayout,
	radarLayout,
	tickText,
	type Point,
	type Size,
	type TextLabel,
} from '../lib/chart-geometry';

export interface CategoryDatum {
	label: string;
	/** Null for a category not rated yet (未评): not drawn, never as 0. */
	percent: number | null;
	earned: number | null;
	points: number;
}

/** A chart on the page: redrawn when its box changes size, until destroyed. */
export interface DrawnChart {
	svg: SVGSVGElement;
	destroy(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

function node<K extends keyof SVGElementTagNameMap>(
	name: K,
	attrs: Record<string, string | number>,
	cls?: string,
): SVGElementTagNameMap[K] {
	const e = document.createElementNS(SVG, name);
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
	if (cls) e.setAttribute('class', cls);
	return e;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const pointsAttr = (ps: Point[]) => ps.map((p) => `${r1(p.x)},${r1(p.y)}`).join(' ');

function text(label: TextLabel, fontSize: number, cls: string): SVGTextElement {
	const t = node(
		'text',
		{ x: r1(label.x), y: r1(label.y), 'text-anchor': label.anchor, 'font-size': fontSize },
		cls,
	);
	label.lines.forEach((line, i) => {
		const span = node('tspan', { x: r1(label.x), ...(i ? { dy: `${LINE_HEIGHT}em` } : {}) });
		span.textContent = line;
		t.append(span);
	});
	return t;
}

/** A narrow box (a phone): fewer ring figures and smaller text, so nothing overlaps. */
const isNarrow = (size: Size) => size.width < 420;

/** Draws into `svg` at its box's size now and whenever that size changes. */
function keepDrawn(svg: SVGSVGElement, draw: (size: Size) => SVGElement[]): DrawnChart {
	const box = svg.parentElement!;
	let last = '';
	const redraw = () => {
		const size = { width: Math.round(box.clientWidth), height: Math.round(box.clientHeight) };
		if (!size.width || !size.height) return;
		const key = `${size.width}x${size.height}`;
		if (key === last) return;
		last = key;
		svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
		svg.setAttribute('width', String(size.width));
		svg.setAttribute('height', String(size.height));
		svg.replaceChildren(...draw(size));
	};
	redraw();
	const observer = new ResizeObserver(() => redraw());
	observer.observe(box);
	return {
		svg,
		destroy() {
			observer.disconnect();
			svg.replaceChildren();
		},
	};
}

/** The percent of each category, as a radar. */
export function radarChart(svg: SVGSVGElement, data: CategoryDatum[]): DrawnChart {
	return keepDrawn(svg, (size) => {
		const narrow = isNarrow(size);
		const fontSize = narrow ? 11 : 12;
		const rings = narrow ? [25, 50, 75, 100] : [20, 40, 60, 80, 100];
		const labelled = new Set(narrow ? [50, 100] : rings);
		const l = radarLayout({
			labels: data.map((d) => d.label),
			values: data.map((d) => d.percent),
			size,
			fontSize,
			rings,
		});
		const out: SVGElement[] = [];
		for (const ring of l.rings)
			out.push(node('polygon', { points: pointsAttr(ring.points) }, 'chart-rule'));
		for (const s of l.spokes)
			out.push(
				node(
					'line',
					{ x1: r1(l.centre.x), y1: r1(l.centre.y), x2: r1(s.x), y2: r1(s.y) },
					'chart-rule',
				),
			);
		if (l.area) out.push(node('polygon', { points: pointsAttr(l.area) }, 'chart-area'));
		for (const [a, b] of l.segments)
			out.push(node('line', { x1: r1(a.x), y1: r1(a.y), x2: r1(b.x), y2: r1(b.y) }, 'chart-line'));
		for (const d of l.dots)
			if (d) out.push(node('circle', { cx: r1(d.x), cy: r1(d.y), r: 3 }, 'chart-dot'));
		for (const ring of l.rings)
			if (labelled.has(ring.value))
				out.push(
					text(
						{
							lines: [String(ring.value)],
							x: ring.at.x + 3,
							y: ring.at.y + fontSize - 2,
							anchor: 'start',
						},
						narrow ? 10 : 11,
						'chart-muted chart-halo',
					),
				);
		l.labels.forEach((label) =>
			out.push(text(label, fontSize, label.rated ? 'chart-text' : 'chart-muted')),
		);
		return out;
	});
}

/** Earned and available points per category, as horizontal bars. */
export function barChart(svg: SVGSVGElement, data: CategoryDatum[]): DrawnChart {
	return keepDrawn(svg, (size) =>
		bars(
			size,
			data.map((d) => d.label),
			[data.map((d) => d.earned), data.map((d) => d.points)],
			'horizontal',
			['chart-series-0', 'chart-series-border'],
		),
	);
}

/** A vertical bar chart with one or more series (comparisons over time, the histogram). */
export function seriesBarChart(
	svg: SVGSVGElement,
	labels: string[],
	series: { label: string; data: (number | null)[] }[],
	yMax?: number,
): DrawnChart {
	return keepDrawn(svg, (size) =>
		bars(
			size,
			labels,
			series.map((s) => s.data),
			'vertical',
			series.map((_, i) => `chart-series-${i % 6}`),
			yMax,
		),
	);
}

function bars(
	size: Size,
	categories: string[],
	series: (number | null)[][],
	orientation: 'horizontal' | 'vertical',
	classes: string[],
	max?: number,
): SVGElement[] {
	const fontSize = isNarrow(size) ? 11 : 12;
	const l = barLayout({
		categories,
		series,
		size,
		fontSize,
		orientation,
		...(max === undefined
			? { integer: series.flat().every((v) => v === null || Number.isInteger(v)) }
			: { max }),
	});
	const out: SVGElement[] = [];
	const { plot } = l;
	for (const tick of l.ticks) {
		out.push(
			orientation === 'horizontal'
				? node(
						'line',
						{ x1: r1(tick.pos), y1: r1(plot.y), x2: r1(tick.pos), y2: r1(plot.y + plot.height) },
						'chart-rule',
					)
				: node(
						'line',
						{ x1: r1(plot.x), y1: r1(tick.pos), x2: r1(plot.x + plot.width), y2: r1(tick.pos) },
						'chart-rule',
					),
		);
		out.push(text(tick.label, fontSize, 'chart-muted'));
	}
	for (const b of l.bars) {
		const rect = node(
			'rect',
			{
				x: r1(b.x),
				y: r1(b.y),
				width: r1(Math.max(0, b.width)),
				height: r1(Math.max(0, b.height)),
			},
			classes[b.series] ?? 'chart-series-0',
		);
		const title = node('title', {});
		title.textContent = `${categories[b.category] ?? ''}：${tickText(b.value)}`;
		rect.append(title);
		out.push(rect);
	}
	for (const c of l.categories) out.push(text(c, fontSize, 'chart-text'));
	return out;
}

/**
 * Paint copied onto a chart's PNG copy, which is drawn without the page's stylesheet. They go
 * in as SVG presentation attributes: a style attribute would break the page's CSP.
 */
const PAINT = [
	'paint-order',
	'stroke-linejoin',
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'font-family',
	'font-size',
	'font-weight',
];

/** A PNG of a chart, on the page's background colour, at twice its size for a sharp print. */
export async function chartPng(chart: DrawnChart): Promise<Blob | null> {
	const { svg } = chart;
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', SVG);
	const live = [svg, ...svg.querySelectorAll('*')];
	const copied = [copy, ...copy.querySelectorAll('*')];
	live.forEach((e, i) => {
		const style = getComputedStyle(e);
		for (const p of PAINT) copied[i]!.setAttribute(p, style.getPropertyValue(p));
		copied[i]!.removeAttribute('class');
	});
	const width = Number(svg.getAttribute('width')) || svg.clientWidth;
	const height = Number(svg.getAttribute('height')) || svg.clientHeight;
	const url = URL.createObjectURL(
		new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }),
	);
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const out = document.createElement('canvas');
		out.width = width * 2;
		out.height = height * 2;
		const ctx = out.getContext('2d')!;
		ctx.fillStyle =
			getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
		ctx.fillRect(0, 0, out.width, out.height);
		ctx.drawImage(img, 0, 0, out.width, out.height);
		return await new Promise((resolve) => out.toBlob(resolve, 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
