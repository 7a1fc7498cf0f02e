/** /charts/<chart>/<state>.card.png: the state's 1200x630 share card, for every step that shows it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartStatePaths, type PublishedState } from '../../../publish/published.ts';
import { stateCard } from '../../../publish/share.ts';

export const getStaticPaths = (() => chartStatePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<PublishedState> = ({ props: { chart, state } }) =>
	new Response(stateCard(chart, state).png, { headers: { 'Content-Type': 'image/png' } });
