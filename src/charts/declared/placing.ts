import * as Plot from '@observablehq/plot';
import { color, fontSize } from '../shared/theme.ts';
import { fitLabel, labelWidth } from './legible-axes.ts';

/**
 * Where text goes among a chart's marks, measured with the charts' font: value labels that never
 * cover one another or another bar, the key to a series chart's colours (a legend row over the
 * chart for bars, areas and dots; each line's name at its end, as Datawrapper labels lines).
 */

/** A rectangle in the chart's pixels. */
export interface Box {
	readonly left: number;
	readonly right: number;
	readonly top: number;
	readonly bottom: number;
}

/** Whether two boxes overlap, or come closer than `gap` pixels. */
const overlap = (a: Box, b: Box, gap = 2): boolean =>
	Math.min(a.right, b.right) - Math.max(a.left, b.left) > -gap &&
	Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > -gap;

/** A label that may be drawn: its box, and the bar it belongs to (which it may touch). */
export interface Candidate<T> {
	readonly item: T;
	readonly box: Box;
	readonly own?: Box;
}

const clearOf = <T>(c: Candidate<T>, bars: readonly Box[]): boolean =>
	bars.every((bar) => bar === c.own || !overlap(c.box, bar, -0.5)); // a label may touch a bar

/** Whether every candidate can be drawn: none covers another, or a bar other than its own. */
export const allFit = <T>(candidates: readonly Candidate<T>[], bars: readonly Box[]): boolean =>
	candidates.every((c, i) => candidates.slice(i + 1).every((d) => !overlap(c.box, d.box)) && clearOf(c, bars));

/**
 * The candidates to draw, taken in order (the most important first): each one that covers no label
 * already taken, and no bar but its own. What is left out is still in the data table.
 */
export function pickFitting<T>(candidates: readonly Candidate<T>[], bars: readonly Box[]): T[] {
	const taken: Candidate<T>[] = [];
	for (const c of candidates) if (clearOf(c, bars) && taken.every((t) => !overlap(t.box, c.box))) taken.push(c);
	return taken.map((c) => c.item);
}

/** The box of a line of chart text centred on (x, y). */
export function textBox(text: string, x: number, y: number, weight: 'regular' | 'bold' = 'regular'): Box {
	const half = labelWidth(text, weight) / 2;
	return { left: x - half, right: x + half, top: y - fontSize * 0.55, bottom: y + fontSize * 0.45 };
}

/** One entry of a series chart's legend: a value of the series column and its colour. */
export interface KeyItem {
	readonly label: string;
	readonly colour: string;
	/** As the mark paints it (areas are see-through). */
	readonly opacity?: number;
}

const legendSize = 12;
const swatch = 10;
const legendRow = 18;

/** Lays a legend out in rows from the chart's left edge, as wide as the chart: its items and its height. */
export function layoutLegend(items: readonly KeyItem[], width: number) {
	const placed: { x: number; y: number; item: KeyItem }[] = [];
	let [x, y] = [0, legendRow / 2];
	for (const item of items) {
		const w = swatch + 5 + labelWidth(item.label) * (legendSize / fontSize) + 14;
		if (x > 0 && x + w > width) [x, y] = [0, y + legendRow];
		placed.push({ x, y, item });
		x += w;
	}
	return { placed, height: items.length ? y + legendRow / 2 + 4 : 0 };
}

/**
 * The legend's marks, over the plot (in the top margin `top` pixels tall, from the frame's corner):
 * a square of each colour and its name.
 */
export function legendMarks(
	placed: ReturnType<typeof layoutLegend>['placed'],
	margin: { readonly top: number; readonly left: number },
	named: (mark: Plot.Markish, name: string) => Plot.Markish,
): Plot.Markish[] {
	return placed.flatMap(({ x, y, item }) => [
		named(
			Plot.dot([item], {
				frameAnchor: 'top-left',
				dx: x + swatch / 2 - margin.left,
				dy: y - margin.top,
				symbol: 'square',
				r: swatch / 2,
				fill: item.colour,
				...(item.opacity === undefined ? {} : { fillOpacity: item.opacity }),
				channels: { key: () => item.label },
			}),
			`legend swatch ${item.label}`,
		),
		named(
			Plot.text([item], {
				frameAnchor: 'top-left',
				dx: x + swatch + 5 - margin.left,
				dy: y - margin.top,
				text: () => item.label,
				textAnchor: 'start',
				lineAnchor: 'middle',
				fontSize: legendSize,
				fill: 'var(--ink-soft)',
				channels: { key: () => item.label },
			}),
			`legend ${item.label}`,
		),
	]);
}

/** The most room a line's name takes at its end, as a share of the chart's width. */
const endLabelShare = 0.28;
const endLabelGap = 6;

/** A line's name shortened to fit beside the plot; its width. */
export function endLabel(name: string, width: number): { text: string; width: number } {
	const text = fitLabel(name, width * endLabelShare);
	return { text, width: labelWidth(text, 'bold') + endLabelGap };
}

/**
 * The heights of the lines' names at their ends: each at its line's last value, moved apart just
 * enough that no two touch, and kept between `top` and `bottom`.
 */
export function dodge(ys: readonly number[], top: number, bottom: number): number[] {
	const step = fontSize + 2;
	const order = ys.map((y, i) => ({ y, i })).toSorted((a, b) => a.y - b.y);
	const placed = order.map((o) => o.y);
	for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + step);
	const overflow = (placed.at(-1) ?? bottom) - bottom;
	if (overflow > 0) for (let k = 0; k < placed.length; k++) placed[k] = placed[k]! - overflow;
	for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k]!, top + k * step);
	const out = new Array<number>(ys.length);
	order.forEach((o, k) => (out[o.i] = placed[k]!));
	return out;
}

/** Options of a line's name written at its end (its colour is the line's; the text is ink). */
export const endLabelOptions = {
	textAnchor: 'start',
	dx: endLabelGap,
	fontSize,
	fontWeight: 'bold',
	fill: color.ink,
} as const;

/** A line or the top of an area as drawn, in the chart's pixels; an area is filled down to `base`. */
export interface Trace {
	readonly points: readonly (readonly [number, number])[];
	readonly base?: number;
}

/** Whether the segment from a to b passes through the box. */
function crosses(box: Box, a: readonly [number, number], b: readonly [number, number]): boolean {
	// Clip the segment to the box's x range, then compare its y range with the box's.
	const [x0, x1] = a[0] <= b[0] ? [a, b] : [b, a];
	if (x1[0] < box.left || x0[0] > box.right) return false;
	const at = (x: number) => (x1[0] === x0[0] ? x0[1] : x0[1] + ((x - x0[0]) * (x1[1] - x0[1])) / (x1[0] - x0[0]));
	const ys = [at(Math.max(box.left, x0[0])), at(Math.min(box.right, x1[0]))];
	if (x1[0] === x0[0]) ys.push(x1[1]);
	return Math.max(...ys) >= box.top && Math.min(...ys) <= box.bottom;
}

/** Whether a box touches a trace: crosses its line, or, for an area, lies inside its fill. */
function meets(box: Box, trace: Trace): boolean {
	const { points, base } = trace;
	for (let i = 1; i < points.length; i++) {
		const [a, b] = [points[i - 1]!, points[i]!];
		if (crosses(box, a, b)) return true;
		if (base !== undefined && Math.max(a[0], b[0]) >= box.left && Math.min(a[0], b[0]) <= box.right) {
			// Between the line and its baseline: below the line (greater y) and above the base.
			if (box.bottom > Math.min(a[1], b[1]) && box.top < base) return true;
		}
	}
	return points.length === 1 && crosses(box, points[0]!, points[0]!);
}

/**
 * Where a note's box goes: as near its datum (`x`, `y`) as it can be, above it rather than below,
 * inside `area`, covering no box already drawn (bars, labels) and no line or area. When nowhere is
 * free, over the datum, kept inside the area. Returns the box's centre.
 */
export function placeNote(
	size: { readonly width: number; readonly height: number },
	anchor: { readonly x: number; readonly y: number },
	area: Box,
	boxes: readonly Box[],
	traces: readonly Trace[],
): { x: number; y: number } {
	const [hw, hh] = [size.width / 2, size.height / 2];
	const inside = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
	const clampX = (x: number) => inside(x, area.left + hw, area.right - hw);
	const clampY = (y: number) => inside(y, area.top + hh, area.bottom - hh);
	const pad = 3;
	const free = (x: number, y: number): boolean => {
		const box = { left: x - hw - pad, right: x + hw + pad, top: y - hh - pad, bottom: y + hh + pad };
		return boxes.every((b) => !overlap(box, b, 0)) && traces.every((t) => !meets(box, t));
	};
	const xs = [
		...new Set([anchor.x, anchor.x - hw + 6, anchor.x + hw - 6, anchor.x + hw + 10, anchor.x - hw - 10].map(clampX)),
	];
	let best: { x: number; y: number; cost: number } | undefined;
	for (let y = area.top + hh; y <= area.bottom - hh; y += 2) {
		for (const x of xs) {
			const cost = Math.abs(y - anchor.y) + 0.6 * Math.abs(x - anchor.x) + (y > anchor.y ? 12 : 0);
			if ((!best || cost < best.cost) && free(x, y)) best = { x, y, cost };
		}
	}
	return best ?? { x: clampX(anchor.x), y: clampY(anchor.y - 12 - hh) };
}
