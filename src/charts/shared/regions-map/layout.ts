// The regions map's layout: the world panel with its close-up insets, and their land, drawn once per width.
import * as Plot from '@observablehq/plot';
import { detailedLand, worldLand } from '../../../data/world-land.ts';
import { boxPath, compactPath, mapLayout, type MapLayout, type MapPanel } from '../geo.ts';
import { isNarrow } from '../theme.ts';

const insets = [
	{
		id: 'europe',
		title: 'Europe',
		box: [
			[-6, 46.5],
			[13, 55],
		],
	},
	{
		id: 'southeast-asia',
		title: 'South-east Asia',
		box: [
			[97, -9],
			[124, 24],
		],
	},
] as const;

const layouts = new Map<number, { layout: MapLayout; land: string[]; outlines: string[] }>();

/** The map's panels and land paths for a width (computed once per width). */
export function mapFor(width: number) {
	let entry = layouts.get(width);
	if (!entry) {
		const layout = mapLayout(width, {
			world: [
				[-130, -40],
				[160, 58],
			],
			insets,
			insetHeight: isNarrow(width) ? 140 : 160,
			gap: 8,
		});
		const simplify = { tolerance: 1, minArea: 8 };
		entry = {
			layout,
			land: [
				compactPath(worldLand, layout.world.projection, simplify),
				...layout.insets.map((panel) => compactPath(detailedLand, panel.projection, simplify)),
			],
			outlines: layout.insets.map((panel) => boxPath(panel.box, layout.world.projection)),
		};
		layouts.set(width, entry);
	}
	return entry;
}

/** A map's scales: everything is projected to pixels already (../geo.ts), so x and y are identities. */
export const pixelSpace = {
	margin: 0,
	x: { type: 'identity', axis: null },
	y: { type: 'identity', axis: null },
} as const satisfies Plot.PlotOptions;

/** A mark drawing fixed SVG paths (land, outlines) in pixel space. */
export const paths =
	(ds: readonly string[], attributes: Readonly<Record<string, string>>): Plot.RenderFunction =>
	(_index, _scales, _values, _dimensions, context) => {
		const ns = 'http://www.w3.org/2000/svg';
		const g = context.document.createElementNS(ns, 'g');
		for (const [name, value] of Object.entries(attributes)) g.setAttribute(name, value);
		for (const d of ds) {
			const path = context.document.createElementNS(ns, 'path');
			path.setAttribute('d', d);
			g.append(path);
		}
		return g;
	};

/**
 * The map under the points, for a width: land, the panels' frames, the insets' outlines on the
 * world panel and their titles. Points are placed with `place(layout, [lon, lat])` (../geo.ts).
 */
export function mapBase(width: number): { layout: MapLayout; marks: Plot.Markish[] } {
	const { layout, land, outlines } = mapFor(width);
	const panels: MapPanel[] = [layout.world, ...layout.insets];
	return {
		layout,
		marks: [
			paths(land, { fill: 'var(--c-land)' }),
			Plot.rect(panels, {
				x1: 'x',
				y1: 'y',
				x2: (p: MapPanel) => p.x + p.width,
				y2: (p: MapPanel) => p.y + p.height,
				fill: 'none',
				stroke: 'var(--rule)',
			}),
			paths(outlines, { fill: 'none', stroke: 'var(--ink-soft)', 'stroke-width': '1' }),
			Plot.text(layout.insets, {
				x: (p: MapPanel) => p.x + 6,
				y: (p: MapPanel) => p.y + 12,
				text: 'title',
				textAnchor: 'start',
				fontSize: 11,
				fill: 'var(--ink-soft)',
				stroke: 'var(--bg)',
				strokeWidth: 3,
				paintOrder: 'stroke',
			}),
		],
	};
}
