// The regions map's legend, drawn under the map in the same pixel space, and the marks it explains.
import * as Plot from '@observablehq/plot';
import { color, estimatedWidth } from '../theme.ts';
import { periodOf, periods, type Mark, type Moment, type Shown } from './moments.ts';

// The legend was laid out with a narrower guess per character than the labels' (6.4 px, not 6.6): kept,
// so the published maps do not move.
const legendCharacter = 6.4;

/** One entry of the legend: a period's colour, a kind of mark, or the ring of a plan. */
export interface LegendItem {
	readonly label: string;
	readonly kind: Mark | 'ring';
	readonly fill?: string;
}

/** The legend for what is on the map at a moment: only what it shows. */
export function legendItems(shown: readonly Shown[], moment: Moment): LegendItem[] {
	const years = new Set(shown.filter((s) => s.mark === 'launched').map((s) => periodOf(s.row.year!).label));
	const items: LegendItem[] = periods
		.filter((p) => years.has(p.label))
		.map((p) => ({ label: p.label, kind: 'launched', fill: p.fill }));
	const has = (mark: Mark) => shown.some((s) => s.mark === mark);
	if (has('unconfirmed')) items.push({ label: 'year not confirmed', kind: 'unconfirmed' });
	if (has('planned')) items.push({ label: 'planned', kind: 'planned' });
	if (has('closed')) items.push({ label: 'closed', kind: 'closed' });
	if (moment.rings && shown.some((s) => s.ringed)) items.push({ label: moment.rings.legend, kind: 'ring' });
	return items;
}

/** Lays legend items out in rows under the map; widths are estimated from the text length. */
export function layoutLegend(items: readonly LegendItem[], width: number, top: number) {
	const placed: { x: number; y: number; item: LegendItem }[] = [];
	let x = 0;
	let y = top;
	for (const item of items) {
		const w = 18 + estimatedWidth(item.label, legendCharacter) + 14;
		if (x > 0 && x + w > width) [x, y] = [0, y + 20];
		placed.push({ x: x + 6, y, item });
		x += w;
	}
	return { placed, bottom: y + 10 };
}

/** The legend's marks: each item's symbol and its label, in the map's pixel space. */
export function legendMarks(placed: ReturnType<typeof layoutLegend>['placed']): Plot.Markish[] {
	return [
		placed.map(({ x, y, item }) =>
			Plot.dot([{ x: x + 6, y }], {
				x: 'x',
				y: 'y',
				...markOptions(item.kind, item.kind === 'ring' ? 2.5 : 4, item.fill),
				ariaLabel: `legend ${item.label}`,
			}),
		),
		Plot.text(placed, {
			x: (d: { x: number }) => d.x + 16,
			y: 'y',
			text: (d: { item: LegendItem }) => d.item.label,
			textAnchor: 'start',
			fontSize: 12,
			fill: 'var(--ink-soft)',
			channels: { key: (d: { item: LegendItem }) => d.item.label },
		}),
	];
}

/** How each kind of place is drawn, on the map and in the legend. */
export function markOptions(kind: Mark | 'ring', r: number, fill?: string): Plot.DotOptions {
	switch (kind) {
		case 'launched':
			return { r, fill, stroke: 'var(--bg)', strokeWidth: 1 };
		case 'unconfirmed':
			return { r, fill: 'var(--ink-soft)', stroke: 'var(--bg)', strokeWidth: 1 };
		case 'planned':
			return { r: r - 0.5, fill: 'var(--bg)', stroke: color.ink, strokeWidth: 1.75 };
		case 'closed':
			return { r: r + 0.5, symbol: 'times', stroke: 'var(--ink-soft)', strokeWidth: 2.25 };
		case 'ring':
			return { r: r + 3.5, fill: 'none', stroke: color.ink, strokeWidth: 1.25, strokeDasharray: '2,2' };
	}
}
