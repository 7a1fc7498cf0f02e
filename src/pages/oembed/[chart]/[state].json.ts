/** /oembed/<chart>/<state>.json: the static oEmbed response an embed page's discovery link points at. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { address } from '../../../publish/embed-urls.ts';
import { oembedResponse } from '../../../publish/oembed.ts';
import { chartStatePaths, type PublishedState } from '../../../publish/published.ts';

export const getStaticPaths = (() => chartStatePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<PublishedState> = ({ props, site }) =>
	new Response(`${JSON.stringify(oembedResponse(props, address(site)), null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json+oembed' },
	});
