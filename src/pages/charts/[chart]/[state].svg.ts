/** /charts/<chart>/<state>.svg: the state as a standalone SVG file, for download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartStatePaths, type PublishedState } from '../../../publish/published.ts';
import { downloadSvg } from '../../../publish/downloads.ts';

export const getStaticPaths = (() => chartStatePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<PublishedState> = ({ props: { chart, state } }) =>
	new Response(downloadSvg(chart, state).svg, { headers: { 'Content-Type': 'image/svg+xml' } });
