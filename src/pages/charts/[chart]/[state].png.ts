/** /charts/<chart>/<state>.png: the state as a PNG at twice its CSS size, rendered at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartStatePaths, type PublishedState } from '../../../publish/published.ts';
import { downloadPng } from '../../../publish/downloads.ts';

export const getStaticPaths = (() => chartStatePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<PublishedState> = ({ props: { chart, state } }) =>
	new Response(downloadPng(chart, state).png, { headers: { 'Content-Type': 'image/png' } });
