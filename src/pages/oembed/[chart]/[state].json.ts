/**
 * /oembed/<chart>/<state>.json: the static oEmbed response an embed page's discovery link points at,
 * so pasting the embed page's URL into WordPress, Ghost and the like embeds the chart.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../site.ts';
import { iframeCode } from '../../../publish/embed-code.ts';
import { embedDefaultWidth, estimateEmbedHeight } from '../../../publish/embed-size.ts';
import { embedUrls } from '../../../publish/embed-urls.ts';
import { pngSize } from '../../../publish/downloads.ts';
import { address, chartStatePaths, type PublishedState } from '../../../publish/published.ts';

export const getStaticPaths = (() => chartStatePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<PublishedState> = ({ props: { chart, state }, site: siteUrl }) => {
	const at = address(siteUrl);
	const title = `${chart.title}: ${chart.label(state)}`;
	const height = estimateEmbedHeight(chart, state);
	const thumbnail = pngSize(chart, state);
	const response = {
		version: '1.0',
		type: 'rich',
		title,
		provider_name: site.publisher,
		provider_url: at.absolute(''),
		html: iframeCode({
			embedUrl: at.absolute(embedUrls.embed(chart.id, state)),
			loaderUrl: at.absolute(embedUrls.loader()),
			title,
			height,
			imageUrl: at.absolute(embedUrls.png(chart.id, state)),
			imageAlt: chart.alt(state),
		}),
		width: embedDefaultWidth,
		height,
		thumbnail_url: at.absolute(embedUrls.png(chart.id, state)),
		thumbnail_width: thumbnail.width,
		thumbnail_height: thumbnail.height,
	};
	return new Response(`${JSON.stringify(response, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json+oembed' },
	});
};
