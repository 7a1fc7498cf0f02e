/**
 * The static oEmbed response of a chart state (https://oembed.com/, `type: rich`), which an embed
 * page's discovery link points at, so pasting the embed page's URL into WordPress, Ghost and the
 * like embeds the chart.
 */
import { site } from '../site.ts';
import { pngSize } from './downloads.ts';
import { embedCodeInput, iframeCode } from './embed-code.ts';
import { embedDefaultWidth } from './embed-size.ts';
import type { SiteAddress } from './embed-urls.ts';
import type { PublishedState } from './published.ts';

export function oembedResponse(published: PublishedState, at: SiteAddress) {
	const { chart, state } = published;
	const input = embedCodeInput(published, at);
	const thumbnail = pngSize(chart, state);
	return {
		version: '1.0',
		type: 'rich',
		title: input.title,
		provider_name: site.publisher,
		provider_url: at.absolute(''),
		html: iframeCode(input),
		width: embedDefaultWidth,
		height: input.height,
		thumbnail_url: input.imageUrl,
		thumbnail_width: thumbnail.width,
		thumbnail_height: thumbnail.height,
	};
}
