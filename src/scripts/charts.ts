/**
 * Category charts with chart.js, loaded only when a chart is first shown. Only the
 * pieces used are registered (radar and bar; no tooltip or legend plugin: the same
 * figures are in a table beside every chart and legends are written in HTML), which
 * keeps the results page within its 75 KB budget.
 */
import {
	Chart,
	RadarController,
	RadialLinearScale,
	PointElement,
	LineElement,
	Filler,
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
} from 'chart.js';

Chart.register(
	RadarController,
	RadialLinearScale,
	PointElement,
	LineElement,
	Filler,
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
);

export { Chart };

export interface CategoryDatum {
	label: string;
	/** Null for a category not rated yet (未评): not drawn, never as 0. */
	percent: number | null;
	earned: number | null;
	points: number;
}

/** A narrow canvas (a phone): fewer ring labels and smaller category names, so nothing overlaps. */
const narrow = (canvas: HTMLCanvasElement) => (canvas.parentElement?.clientWidth ?? 600) < 420;

function colours() {
	const css = getComputedStyle(document.documentElement);
	const v = (name: string) => css.getPropertyValue(name).trim();
	return {
		accent: v('--accent'),
		text: v('--text'),
		muted: v('--text-muted'),
		border: v('--border'),
		surface: v('--surface'),
	};
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function radarChart(
	canvas: HTMLCanvasElement,
	data: CategoryDatum[],
	label: string,
	animate = true,
): Chart {
	const c = colours();
	const small = narrow(canvas);
	return new Chart(canvas, {
		type: 'radar',
		data: {
			labels: data.map((d) => d.label),
			datasets: [
				{
					label,
					data: data.map((d) => d.percent),
					borderColor: c.accent,
					backgroundColor: `${c.accent}33`,
					pointBackgroundColor: c.accent,
					fill: true,
					spanGaps: false,
				},
			],
		},
		options: {
			animation: !animate || reducedMotion() ? false : { duration: 400 },
			maintainAspectRatio: false,
			scales: {
				r: {
					min: 0,
					max: 100,
					// On a phone two rings are labelled (50, 100), on a wider box every 20.
					ticks: {
						stepSize: small ? 50 : 20,
						color: c.muted,
						backdropColor: c.surface || 'transparent',
						font: { size: small ? 10 : 12 },
						z: 1,
					},
					grid: { color: c.border },
					angleLines: { color: c.border },
					pointLabels: {
						color: (ctx) => (data[ctx.index]?.percent === null ? c.muted : c.text),
						font: { size: small ? 11 : 12 },
						padding: small ? 4 : 8,
					},
				},
			},
		},
	});
}

export function barChart(
	canvas: HTMLCanvasElement,
	data: CategoryDatum[],
	labels: { earned: string; points: string },
	animate = true,
): Chart {
	const c = colours();
	return new Chart(canvas, {
		type: 'bar',
		data: {
			labels: data.map((d) => d.label),
			datasets: [
				{ label: labels.earned, data: data.map((d) => d.earned), backgroundColor: c.accent },
				{ label: labels.points, data: data.map((d) => d.points), backgroundColor: c.border },
			],
		},
		options: {
			animation: !animate || reducedMotion() ? false : { duration: 400 },
			maintainAspectRatio: false,
			indexAxis: 'y',
			scales: {
				x: { beginAtZero: true, ticks: { color: c.muted }, grid: { color: c.border } },
				y: { ticks: { color: c.text }, grid: { display: false } },
			},
		},
	});
}

/** A PNG of a chart on the page's background colour (canvas is transparent otherwise). */
export function chartPng(chart: Chart): Promise<Blob | null> {
	const src = chart.canvas;
	const out = document.createElement('canvas');
	out.width = src.width;
	out.height = src.height;
	const ctx = out.getContext('2d')!;
	ctx.fillStyle = colours().surface || '#ffffff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.drawImage(src, 0, 0);
	return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

/** Colours of chart series, in order; HTML legends use the same order (classes .swatch-0…). */
export const SERIES_COLOURS = (c: { accent: string; muted: string }) => [
	c.accent,
	c.muted,
	'#c77d0a',
	'#2a7a4b',
	'#3b5ba5',
	'#7a3fa0',
];

/** A vertical bar chart with one or more series (used for comparisons and histograms). */
export function seriesBarChart(
	canvas: HTMLCanvasElement,
	labels: string[],
	series: { label: string; data: (number | null)[] }[],
	yMax?: number,
): Chart {
	const c = colours();
	const palette = SERIES_COLOURS(c);
	return new Chart(canvas, {
		type: 'bar',
		data: {
			labels,
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.data,
				backgroundColor: palette[i % palette.length],
			})),
		},
		options: {
			animation: reducedMotion() ? false : { duration: 300 },
			maintainAspectRatio: false,
			scales: {
				x: { ticks: { color: c.text }, grid: { display: false } },
				y: {
					beginAtZero: true,
					...(yMax ? { max: yMax } : {}),
					ticks: { color: c.muted, precision: 0 },
					grid: { color: c.border },
				},
			},
		},
	});
}
