// The regions map's layout: the world panel with its close-up insets, and their land, drawn once per width.
import type * as Plot from '@observablehq/plot';
import { detailedLand, worldLand } from '../../../data/world-land.ts';
import { boxPath, compactPath, mapLayout, type MapLayout } from '../geo.ts';
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
