// The regions map's labels: which side of its point each name goes, flipped where it would leave the map.
import * as Plot from '@observablehq/plot';
import { color, estimatedWidth } from '../theme.ts';
import type { Shown } from './moments.ts';

// Label placement is presentation, not data: which side of its point each name goes.
export type Side = 'right' | 'left' | 'above' | 'below';
export const labelSide: Readonly<Record<string, Side>> = {
	'silicon-valley': 'right',
	virginia: 'right',
	mexico: 'below',
	brazil: 'right',
	dubai: 'above',
	riyadh: 'left',
	mumbai: 'below',
	tokyo: 'above',
	seoul: 'left',
	sydney: 'left',
	london: 'left',
	france: 'below',
	netherlands: 'above',
	frankfurt: 'right',
	'hong-kong': 'right',
	singapore: 'below',
	'kuala-lumpur': 'left',
	jakarta: 'right',
	bangkok: 'right',
	manila: 'above',
};

/** A place drawn at a pixel position. */
export interface Point {
	readonly x: number;
	readonly y: number;
	readonly shown: Shown;
}

/** A label placed beside its point: `r` is the radius of the point's mark. */
export interface Label {
	readonly x: number;
	readonly y: number;
	readonly side: Side;
	readonly text: string;
	readonly key: string;
}

/** Places the label of a point on its side, flipped or slid so it stays inside a map `width` wide. */
export function placeLabel(p: Point, r: number, width: number): Label {
	const gap = p.shown.ringed ? r + 7 : r + 3;
	return placeText(p, { text: labelText(p.shown), key: p.shown.row.key, gap }, labelSide[p.shown.row.key], width);
}

/**
 * Places a text `gap` pixels from a point on a preferred side (default right), flipped or slid so it
 * stays inside a map `width` wide: the labels of any points on the map.
 */
export function placeText(
	p: { readonly x: number; readonly y: number },
	{ text, key, gap }: { readonly text: string; readonly key: string; readonly gap: number },
	preferred: Side = 'right',
	width: number,
): Label {
	const side = fitSide(preferred, p.x, gap + estimatedWidth(text), width);
	const [dx, dy] = { right: [gap, 0], left: [-gap, 0], above: [0, -gap - 6], below: [0, gap + 7] }[side];
	const half = estimatedWidth(text) / 2;
	const x = side === 'above' || side === 'below' ? Math.min(Math.max(p.x, half + 2), width - half - 2) : p.x + dx!;
	return { x, y: p.y + dy!, side, text, key };
}

/** Flips a label to the other side of its point when it would run out of the SVG. */
export function fitSide(side: Side, x: number, reach: number, width: number): Side {
	if (side === 'right' && x + reach > width - 2) return 'left';
	if (side === 'left' && x - reach < 2) return 'right';
	return side;
}

export function labelText({ row, mark }: Shown): string {
	if (mark === 'closed') return `${row.label} (closed)`;
	if (mark === 'planned') return `${row.label} (planned)`;
	if (mark === 'unconfirmed') return `${row.label} (year?)`;
	return row.label;
}

/** The labels' marks, one per anchor, haloed so they read over land and borders. */
export function labelMarks(labels: readonly Label[]): Plot.Markish[] {
	const mark = (anchor: 'start' | 'end' | 'middle', sides: readonly Side[]) =>
		Plot.text(
			labels.filter((l) => sides.includes(l.side)),
			{
				x: 'x',
				y: 'y',
				text: 'text',
				textAnchor: anchor,
				fontSize: 12,
				fill: color.ink,
				stroke: 'var(--bg)',
				strokeWidth: 3,
				paintOrder: 'stroke',
				// Transitions between states match labels and places by their key, not by position.
				channels: { key: 'key' },
			},
		);
	return [mark('start', ['right']), mark('end', ['left']), mark('middle', ['above', 'below'])];
}
