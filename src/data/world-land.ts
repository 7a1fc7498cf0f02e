import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import land110m from 'world-atlas/land-110m.json' with { type: 'json' };
import land50m from 'world-atlas/land-50m.json' with { type: 'json' };

/**
 * The world's land, for base maps (Node only: charts draw it at build time). Natural Earth, packaged
 * as TopoJSON by world-atlas; public domain. 1:110m for whole-world views, 1:50m for close-ups.
 */
const landOf = (topology: unknown): FeatureCollection => {
	const t = topology as Topology<{ land: GeometryCollection }>;
	return feature(t, t.objects.land);
};

export const worldLand = landOf(land110m);
export const detailedLand = landOf(land50m);
