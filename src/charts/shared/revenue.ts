import * as Plot from '@observablehq/plot';
import { dataset } from '../../data/index.ts';
import type { DataTable } from '../define-chart.ts';
import { listJoin } from './format.ts';
import { color, fontSize } from './theme.ts';
import { midQuarter, quarterEnd } from './dates.ts';

const revenue = dataset('alibaba-cloud-revenue');

/** Shared by the two charts of Alibaba's cloud revenue (growth, and RMB values). */

export type Quarter = (typeof revenue.rows)[number];
export type Confidence = Quarter['growth_confidence'];

/** The first quarter of Cloud Intelligence Group, the restated segment: the break in the series. */
export const isNewSegment = (q: Quarter): boolean => q.segment === 'Cloud Intelligence Group';
export const segmentBreak = (rows: readonly Quarter[]): Date => {
	const first = rows.find(isNewSegment);
	if (!first) throw new Error('The revenue data has no Cloud Intelligence Group quarter.');
	return first.date;
};

/** The segment's colour: the old segment muted, Cloud Intelligence Group in Alibaba's. */
export const segmentColor = (q: Quarter): string => (isNewSegment(q) ? color.alibaba : color.muted);

/** "+4%", "−2%" (with a true minus sign). */
export const signed = (value: number): string => (value < 0 ? `−${-value}%` : `+${value}%`);

/** Quarters up to and including the one starting at `until`. */
export const through = (rows: readonly Quarter[], until: Date): Quarter[] => rows.filter((q) => q.date <= until);

/** The name of the last quarter in a list, e.g. "Jul–Sep 2023". */
export const lastQuarter = (rows: readonly Quarter[]): string => rows.at(-1)?.quarter ?? 'no quarter';

/** Prose for a quarter's value: "Jul–Sep 2023 +2%", marked when from one source. */
export const describe = (q: Quarter, value: string, confidence: Confidence): string =>
	`${q.quarter} ${value}${confidence === 'one source' ? ' (single source)' : ''}`;

/** Light bands over quarters with no confirmed figure, so the gaps read as gaps, not as missing ink. */
export function gapBands(gaps: readonly Quarter[], y: readonly [number, number]) {
	return Plot.rect(gaps, {
		x1: (q: Quarter) => q.date,
		x2: (q: Quarter) => quarterEnd(q.date),
		y1: y[0],
		y2: y[1],
		fill: color.muted,
		fillOpacity: 0.14,
		inset: 1,
	});
}

/**
 * "Old segment" left of the break (just "Old" when fewer than `room` pixels are free there); once the
 * new segment is shown, a dashed rule and "New segment" right of it.
 */
export function segmentLabels(rows: readonly Quarter[], y: readonly [number, number], withNew: boolean, room = 100) {
	const at = segmentBreak(rows);
	const label = (text: string, side: 'start' | 'end') =>
		Plot.text([text], {
			x: at,
			y: y[1],
			dx: side === 'start' ? 4 : -4,
			dy: 2,
			textAnchor: side,
			lineAnchor: 'top',
			fontSize,
			fill: color.ink,
		});
	return [
		label(room < 90 ? 'Old' : 'Old segment', 'end'),
		...(withNew
			? [
					Plot.ruleX([at], { y1: y[0], y2: y[1], stroke: color.ink, strokeDasharray: '4,3' }),
					label('New segment', 'start'),
				]
			: []),
	];
}

/** Pixels between the left of the frame and the segment break, for a chart's domain and width. */
export const roomBeforeBreak = (rows: readonly Quarter[], domain: readonly [Date, Date], frameWidth: number): number =>
	((+segmentBreak(rows) - +domain[0]) / (+domain[1] - +domain[0])) * frameWidth;

/**
 * "no confirmed figure" over a run of gap quarters, at the bottom of the frame (or on the second line
 * from the top), kept inside the frame near its right edge.
 */
export function gapNote(
	gaps: readonly Quarter[],
	y: readonly [number, number],
	domain: readonly [Date, Date],
	at: 'bottom' | 'top' = 'bottom',
) {
	const [first, last] = [gaps[0], gaps.at(-1)];
	const centre = first && last ? new Date((+first.date + +quarterEnd(last.date)) / 2) : undefined;
	const nearEnd = centre !== undefined && +centre > +domain[0] + 0.8 * (+domain[1] - +domain[0]);
	return Plot.text(centre ? [centre] : [], {
		x: (d: Date) => (nearEnd && last ? quarterEnd(last.date) : d),
		y: at === 'bottom' ? y[0] : y[1],
		dy: at === 'bottom' ? -6 : 20,
		text: () => 'no confirmed figure',
		textAnchor: nearEnd ? 'end' : 'middle',
		lineAnchor: at,
		fontSize,
		fill: color.ink,
	});
}

/** Room under the x axis for the key. */
export const keyMargin = 44;

/** A key for hollow marks, under the x axis, drawn only when a single-source value is on the chart. */
export const singleSourceKey = (shown: boolean) =>
	Plot.text(shown ? ['○ single source'] : [], {
		frameAnchor: 'bottom-right',
		dy: keyMargin - 8,
		fontSize,
		fill: color.ink,
	});

/**
 * A text alternative for a revenue chart state: the values of each segment, then the gaps, from the
 * rows shown. `value` returns a quarter's figure as text, or null where it has none.
 */
export function seriesAlt(
	opening: string,
	shown: readonly Quarter[],
	value: (q: Quarter) => string | null,
	confidence: (q: Quarter) => Confidence,
): string {
	const list = (qs: readonly Quarter[]) =>
		listJoin(qs.flatMap((q) => (value(q) === null ? [] : [describe(q, value(q) ?? '', confidence(q))])));
	const [old, current] = [shown.filter((q) => !isNewSegment(q)), shown.filter(isNewSegment)];
	const gaps = shown.filter((q) => value(q) === null).map((q) => q.quarter);
	return [
		`${opening}, through ${lastQuarter(shown)}.`,
		`Old "Cloud" segment: ${list(old)}.`,
		current.length > 0 ? `After a break, the restated Cloud Intelligence Group segment: ${list(current)}.` : '',
		gaps.length > 0 ? `No confirmed figure, left as gaps: ${listJoin(gaps)}.` : '',
	]
		.filter(Boolean)
		.join(' ');
}

/**
 * The data table of a revenue chart state: the quarters it shows, in the dataset's own columns
 * (the value and its confidence), so the CSV download matches content/data/.
 */
export function quarterTable(rows: readonly Quarter[], value: 'growth' | 'revenue', label: string): DataTable {
	const confidence = value === 'growth' ? 'growth_confidence' : 'revenue_confidence';
	return {
		columns: [
			{ key: 'quarter', label: 'Quarter' },
			{ key: 'segment', label: 'Segment' },
			{ key: value, label },
			{ key: confidence, label: 'Confidence' },
		],
		rows: rows.map((q) => ({ quarter: q.quarter, segment: q.segment, [value]: q[value], [confidence]: q[confidence] })),
	};
}

export { midQuarter, revenue };
