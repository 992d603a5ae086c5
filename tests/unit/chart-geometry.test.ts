import { describe, expect, it } from 'vitest';
import {
	barLayout,
	niceTicks,
	radarLayout,
	textWidth,
	tickText,
	wrapLabel,
} from '../../src/lib/chart-geometry';

describe('niceTicks', () => {
	it.each([
		[100, 5, false, [0, 20, 40, 60, 80, 100]],
		[100, 10, false, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]],
		[23, 5, false, [0, 5, 10, 15, 20, 25]],
		[3, 5, true, [0, 1, 2, 3]],
		[1, 5, false, [0, 0.2, 0.4, 0.6, 0.8, 1]],
		[1, 5, true, [0, 1]],
		[0, 5, false, [0, 1]],
		[7.5, 4, false, [0, 2, 4, 6, 8]],
	])('max %d, at most %d steps, whole %s → %j', (max, most, integer, expected) => {
		expect(niceTicks(max, most, integer)).toEqual(expected);
	});

	it('always reaches the largest value', () => {
		for (const max of [0.3, 1, 9, 11, 57, 99.9, 100, 101, 1234])
			for (const most of [2, 5, 10])
				expect(niceTicks(max, most).at(-1)!).toBeGreaterThanOrEqual(max);
	});
});

describe('textWidth and wrapLabel', () => {
	it('counts a Chinese character as 1 em and a Latin letter or digit as 0.6 em', () => {
		expect(textWidth('组织建设', 10)).toBe(40);
		expect(textWidth('A1', 10)).toBe(12);
		expect(textWidth('（未评）', 10)).toBe(40);
	});

	it.each([
		['组织建设', 100, 2, ['组织建设']],
		['学习之家与职工素质', 50, 2, ['学习之家与', '职工素质']],
		['学习之家与职工素质（未评）', 50, 2, ['学习之家与', '职工素质…']],
		['学习之家与职工素质（未评）', 50, 1, ['学习之家…']],
		['会员评家与工作绩效', 45, 3, ['会员评', '家与工', '作绩效']],
		['会员评家与工作绩效', 80, 2, ['会员评家与', '工作绩效']],
	])('%s in %d px (10 px text, at most %d lines) → %j', (text, width, lines, expected) => {
		expect(wrapLabel(text, width, 10, lines)).toEqual(expected);
	});

	it('never gives a line wider than the room, "…" included', () => {
		for (const width of [20, 35, 50, 80])
			for (const line of wrapLabel('职工之家建设自评标准（本站 2026 版）', width, 10, 2))
				expect(textWidth(line, 10)).toBeLessThanOrEqual(width);
	});
});

describe('radarLayout', () => {
	const labels = [
		'组织建设',
		'工会干部队伍',
		'维权之家',
		'民主之家',
		'温暖之家',
		'学习之家与职工素质',
	];
	const size = { width: 600, height: 360 };
	const at = (values: (number | null)[]) =>
		radarLayout({ labels, values, size, fontSize: 12, rings: [20, 40, 60, 80, 100] });

	it('puts the first category straight up and a value at its share of the radius', () => {
		const l = at([100, 50, 0, 25, 75, 60]);
		expect(l.dots[0]!.x).toBeCloseTo(l.centre.x);
		expect(l.dots[0]!.y).toBeCloseTo(l.centre.y - l.radius);
		const half = l.dots[1]!;
		expect(Math.hypot(half.x - l.centre.x, half.y - l.centre.y)).toBeCloseTo(l.radius / 2);
		expect(l.dots[2]).toEqual(l.centre);
		expect(l.area).toHaveLength(6);
		expect(l.segments).toEqual([]);
	});

	it('draws no shape through a category not rated: no dot, no fill, only lines between rated neighbours', () => {
		const l = at([80, null, 60, 70, null, 90]);
		expect(l.dots[1]).toBeNull();
		expect(l.dots[4]).toBeNull();
		expect(l.area).toBeNull();
		// 2–3 and 5–0 are neighbours both rated.
		expect(l.segments).toEqual([
			[l.dots[2], l.dots[3]],
			[l.dots[5], l.dots[0]],
		]);
		expect(l.labels.map((x) => x.rated)).toEqual([true, false, true, true, false, true]);
	});

	it('keeps values inside 0–100 and the chart and its labels inside the box', () => {
		const l = at([150, -20, 50, 50, 50, 50]);
		expect(Math.hypot(l.dots[0]!.x - l.centre.x, l.dots[0]!.y - l.centre.y)).toBeCloseTo(l.radius);
		expect(l.dots[1]).toEqual(l.centre);
		for (const s of l.spokes) {
			expect(s.x).toBeGreaterThanOrEqual(0);
			expect(s.x).toBeLessThanOrEqual(size.width);
			expect(s.y).toBeGreaterThanOrEqual(0);
			expect(s.y).toBeLessThanOrEqual(size.height);
		}
		for (const label of l.labels) {
			const w = Math.max(...label.lines.map((line) => textWidth(line, 12)));
			const left =
				label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
			expect(left).toBeGreaterThanOrEqual(0);
			expect(left + w).toBeLessThanOrEqual(size.width + 0.001);
			expect(label.y - 12).toBeGreaterThanOrEqual(0);
			expect(label.y + (label.lines.length - 1) * 15).toBeLessThanOrEqual(size.height);
		}
	});

	it('on a phone-width box wraps long names onto two lines and keeps a usable radius', () => {
		const l = radarLayout({
			labels,
			values: labels.map(() => 50),
			size: { width: 320, height: 320 },
			fontSize: 11,
			rings: [25, 50, 75, 100],
		});
		expect(l.radius).toBeGreaterThan(85);
		expect(l.labels.some((x) => x.lines.length === 2)).toBe(true);
		expect(l.rings.map((r) => r.value)).toEqual([25, 50, 75, 100]);
	});
});

describe('barLayout', () => {
	it('horizontal: one row per category, bars from the axis at their share of the last tick, nulls left out', () => {
		const l = barLayout({
			categories: ['组织建设', '维权之家', '民主之家'],
			series: [
				[8, null, 12.5],
				[10, 15, 15],
			],
			size: { width: 500, height: 300 },
			fontSize: 12,
			orientation: 'horizontal',
		});
		expect(l.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
		const full = l.ticks.at(-1)!.pos - l.plot.x;
		expect(l.bars).toHaveLength(5);
		const first = l.bars.find((b) => b.series === 0 && b.category === 0)!;
		expect(first.x).toBe(l.plot.x);
		expect(first.width).toBeCloseTo((8 / 16) * full);
		expect(l.bars.some((b) => b.series === 0 && b.category === 1)).toBe(false);
		// Rows in order, the two series side by side within a row.
		const second = l.bars.find((b) => b.series === 1 && b.category === 0)!;
		expect(second.y).toBeCloseTo(first.y + first.height);
		expect(l.bars.find((b) => b.series === 0 && b.category === 2)!.y).toBeGreaterThan(second.y);
		expect(l.categories.map((c) => c.anchor)).toEqual(['end', 'end', 'end']);
	});

	it('vertical with a fixed top: bars stand on the axis, whole-number ticks for counts', () => {
		const l = barLayout({
			categories: ['0–59', '60–69', '70–79', '80–89', '90–100'],
			series: [[1, 0, 3, 7, 2]],
			size: { width: 600, height: 300 },
			fontSize: 12,
			orientation: 'vertical',
			integer: true,
		});
		expect(l.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
		const floor = l.plot.y + l.plot.height;
		for (const b of l.bars) expect(b.y + b.height).toBeCloseTo(floor);
		const seven = l.bars.find((b) => b.value === 7)!;
		const top = l.ticks.at(-1)!;
		expect(seven.height).toBeCloseTo(((floor - top.pos) * 7) / top.value);
		expect(l.bars.find((b) => b.value === 0)!.height).toBe(0);
	});

	it('vertical with max 100: never taller than the plot, labels wrapped to their slot', () => {
		const l = barLayout({
			categories: ['学习之家与职工素质', '会员评家与工作绩效'],
			series: [
				[120, 50],
				[30, null],
			],
			size: { width: 200, height: 300 },
			fontSize: 12,
			orientation: 'vertical',
			max: 100,
		});
		expect(l.ticks.at(-1)!.value).toBe(100);
		expect(Math.max(...l.bars.map((b) => b.height))).toBeCloseTo(l.plot.height);
		for (const c of l.categories) expect(c.lines.length).toBeGreaterThan(1);
	});

	it.each([
		[0, '0'],
		[20, '20'],
		[0.4, '0.4'],
		[2.5, '2.5'],
	])('tick %d reads %s', (v, s) => {
		expect(tickText(v)).toBe(s);
	});
});
