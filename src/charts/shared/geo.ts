/**
 * Map helpers for charts: a world panel with zoomed insets, laid out in pixels for one render width,
 * and compact SVG paths for land. Everything is projected here at build time, so the chart itself
 * draws in pixel space (identity x and y scales) and each map state stays a few kilobytes.
 */
import { geoEqualEarth, geoMercator, geoStream, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

/** A longitude/latitude box: [[west, south], [east, north]]. */
export type LonLatBox = readonly [readonly [number, number], readonly [number, number]];

/** One rectangle of the map: its place in the SVG and the projection that fills it. */
export interface MapPanel {
	readonly id: string;
	/** Shown in the panel's corner (insets only). */
	readonly title: string;
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
	/** The area the panel is about: places inside it are drawn in this panel (insets win). */
	readonly box: LonLatBox;
	readonly projection: GeoProjection;
}

/** What an inset shows: a name and the box of places it magnifies. */
export interface InsetSpec {
	readonly id: string;
	readonly title: string;
	readonly box: LonLatBox;
}

export interface MapLayout {
	readonly world: MapPanel;
	readonly insets: readonly MapPanel[];
	/** Where the panels end: a legend may start below. */
	readonly bottom: number;
}

/** Points along a box's edges, one a degree, so that fitting and outlining follow parallels. */
function boxOutline([[west, south], [east, north]]: LonLatBox): [number, number][] {
	const points: [number, number][] = [];
	for (let lon = west; lon < east; lon++) points.push([lon, south]);
	for (let lat = south; lat < north; lat++) points.push([east, lat]);
	for (let lon = east; lon > west; lon--) points.push([lon, north]);
	for (let lat = north; lat > south; lat--) points.push([west, lat]);
	return points;
}

const multiPoint = (box: LonLatBox) => ({ type: 'MultiPoint' as const, coordinates: boxOutline(box) });

/**
 * Lays out a world map (Equal Earth, cropped to `world`) above a row of Mercator insets, all `width`
 * pixels wide. Heights follow from the projections, so the layout is a pure function of its input.
 */
export function mapLayout(
	width: number,
	{
		world,
		insets,
		insetHeight,
		gap,
	}: { world: LonLatBox; insets: readonly InsetSpec[]; insetHeight: number; gap: number },
): MapLayout {
	const centre = (world[0][0] + world[1][0]) / 2;
	const worldProjection = geoEqualEarth().rotate([-centre, 0]).fitWidth(width, multiPoint(world));
	const [[, top], [, bottom]] = projectedBounds(worldProjection, world);
	const worldHeight = Math.round(bottom - top);
	worldProjection.translate([worldProjection.translate()[0], worldProjection.translate()[1] - top]);
	worldProjection.clipExtent([
		[0, 0],
		[width, worldHeight],
	]);
	const insetWidth = (width - gap * (insets.length - 1)) / insets.length;
	const y = worldHeight + gap;
	const insetPanels = insets.map((inset, i): MapPanel => {
		const x = Math.round(i * (insetWidth + gap));
		const w = Math.round(insetWidth);
		const projection = geoMercator().fitExtent(
			[
				[x, y],
				[x + w, y + insetHeight],
			],
			multiPoint(inset.box),
		);
		projection.clipExtent([
			[x, y],
			[x + w, y + insetHeight],
		]);
		return { ...inset, x, y, width: w, height: insetHeight, projection };
	});
	return {
		world: { id: 'world', title: '', x: 0, y: 0, width, height: worldHeight, box: world, projection: worldProjection },
		insets: insetPanels,
		bottom: y + insetHeight,
	};
}

function projectedBounds(projection: GeoProjection, box: LonLatBox): [[number, number], [number, number]] {
	const xy = boxOutline(box).map((p): [number, number] => projection(p) ?? [0, 0]);
	const xs = xy.map(([x]) => x);
	const ys = xy.map(([, y]) => y);
	return [
		[Math.min(...xs), Math.min(...ys)],
		[Math.max(...xs), Math.max(...ys)],
	];
}

const inBox = ([lon, lat]: readonly [number, number], [[west, south], [east, north]]: LonLatBox): boolean =>
	lon >= west && lon <= east && lat >= south && lat <= north;

/** Returns the panel a place is drawn in (an inset if it lies in one) and its pixel position there. */
export function place(layout: MapLayout, lonLat: readonly [number, number]): { panel: MapPanel; x: number; y: number } {
	const panel = layout.insets.find((inset) => inBox(lonLat, inset.box)) ?? layout.world;
	const [x, y] = panel.projection([lonLat[0], lonLat[1]]) ?? [Number.NaN, Number.NaN];
	return { panel, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/**
 * Returns a compact SVG path for geometry drawn through a projection: coordinates rounded to whole
 * pixels, repeated points dropped, rings smaller than `minArea` square pixels left out, relative moves.
 */
export function compactPath(
	geometry: GeoPermissibleObjects,
	projection: GeoProjection,
	{ minArea = 2, closed = true, tolerance = 0.7 } = {},
): string {
	const rings: [number, number][][] = [];
	let ring: [number, number][] | null = null;
	geoStream(
		geometry,
		projection.stream({
			point(x, y) {
				if (!ring) return;
				const p: [number, number] = [Math.round(x), Math.round(y)];
				const last = ring.at(-1);
				if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
			},
			lineStart() {
				ring = [];
			},
			lineEnd() {
				if (ring && ring.length > 1 && (!closed || Math.abs(area(ring)) >= minArea)) {
					rings.push(simplify(ring, tolerance));
				}
				ring = null;
			},
			polygonStart() {},
			polygonEnd() {},
			sphere() {},
		}),
	);
	return rings.map((r) => ringPath(r, closed)).join('');
}

/** Returns the outline of a lon/lat box as drawn by a projection (an inset's frame on the world map). */
export function boxPath(box: LonLatBox, projection: GeoProjection): string {
	const outline = boxOutline(box);
	return compactPath({ type: 'LineString', coordinates: [...outline, outline[0]!] }, projection, { closed: false });
}

/** Douglas–Peucker: drops points closer than `tolerance` pixels to the line their neighbours make. */
function simplify(points: readonly [number, number][], tolerance: number): [number, number][] {
	if (points.length < 3) return [...points];
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		const [ax, ay] = points[first]!;
		const [bx, by] = points[last]!;
		const dx = bx - ax;
		const dy = by - ay;
		const length = Math.hypot(dx, dy);
		let farthest = -1;
		let max = tolerance;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i]!;
			const distance =
				length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
			if (distance > max) [farthest, max] = [i, distance];
		}
		if (farthest > 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

function area(ring: readonly [number, number][]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
	}
	return sum / 2;
}

function ringPath(ring: readonly [number, number][], closed: boolean): string {
	const [first, ...rest] = ring;
	let d = `M${first![0]},${first![1]}`;
	let [px, py] = first!;
	const steps: number[] = [];
	for (const [x, y] of rest) {
		steps.push(x - px, y - py);
		[px, py] = [x, y];
	}
	if (steps.length > 0) d += `l${steps.join(',')}`.replaceAll(',-', '-');
	return closed ? `${d}z` : d;
}
