/** /charts/<chart>/thumbnail-<width>.webp: the chart's thumbnail in the gallery's grid, at each of its widths. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Chart } from '../../../charts/define-chart.ts';
import { charts } from '../../../charts/index.ts';
import { chartThumbnail } from '../../../publish/share.ts';
import { thumbnailWidths } from '../../../render/widths.ts';

export const getStaticPaths = (() =>
	charts.flatMap((chart) =>
		thumbnailWidths.map((width) => ({ params: { chart: chart.id, width: String(width) }, props: { chart, width } })),
	)) satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: Chart; width: number }> = async ({ props: { chart, width } }) =>
	new Response((await chartThumbnail(chart, width)).webp, { headers: { 'Content-Type': 'image/webp' } });
