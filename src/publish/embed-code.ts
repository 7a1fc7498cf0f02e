import { embedDefaultWidth, embedHeights } from './embed-size.ts';
import { embedUrls, type SiteAddress } from './embed-urls.ts';
import { stateTitle } from './figure-words.ts';
import type { PublishedState } from './published.ts';

/** What an embed code needs to know about one chart state (all URLs absolute). */
export interface EmbedCodeInput {
	readonly embedUrl: string;
	readonly loaderUrl: string;
	readonly title: string;
	/** Default height for an iframe nobody resizes, in pixels, at the default width (720 px). */
	readonly height: number;
	/** The default height at each width codes are sized for (360 and 720 px). */
	readonly heights: Readonly<Record<number, number>>;
	/** The PNG (the AMP placeholder, the oEmbed thumbnail) and its text alternative. */
	readonly imageUrl: string;
	readonly imageAlt: string;
}

const attr = (value: string | number): string =>
	String(value).replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

/** Tier 1: a plain iframe with a default height. Works in any CMS that allows iframes, no script. */
export function iframeCode({ embedUrl, title, height }: EmbedCodeInput): string {
	return `<iframe src="${attr(embedUrl)}" title="${attr(title)}" width="100%" height="${height}" style="border:0" scrolling="no" loading="lazy"></iframe>`;
}

/**
 * Tier 2: the same iframe, then our loader, which adopts it (never replaces it) and keeps its height
 * equal to the chart's at any width. One script serves every chart on the page. A CMS that strips
 * the script leaves the plain iframe, which still shows the chart at its default height.
 */
export function responsiveCode(input: EmbedCodeInput): string {
	return [iframeCode(input), `<script async src="${attr(input.loaderUrl)}"></script>`].join('\n');
}

/**
 * For AMP pages: an `<amp-iframe>` that AMP resizes when the embed page says its height (its
 * `embed-size` message), with the overflow button AMP shows when it may not resize at once, and the
 * PNG as placeholder until the iframe is ready (which also lets it sit near the top of the page).
 * The page needs AMP's amp-iframe script in its head.
 */
export function ampCode({ embedUrl, title, height, imageUrl, imageAlt }: EmbedCodeInput): string {
	return [
		`<amp-iframe src="${attr(embedUrl)}" title="${attr(title)}" layout="fixed-height" height="${height}" resizable sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" frameborder="0">`,
		`<amp-img src="${attr(imageUrl)}" alt="${attr(imageAlt)}" layout="fill" object-fit="contain" object-position="top" placeholder></amp-img>`,
		`<button overflow type="button">Show the whole chart</button>`,
		`</amp-iframe>`,
	].join('\n');
}

/** The script AMP pages load for `<amp-iframe>`. */
export const ampIframeScript =
	'<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>';

/** The embed code input of a published chart state, at the site address `at`. */
export function embedCodeInput({ chart, state, stepId }: PublishedState, at: SiteAddress): EmbedCodeInput {
	const heights = embedHeights(chart, state, stepId !== undefined);
	return {
		embedUrl: at.absolute(embedUrls.embed(chart.id, state)),
		loaderUrl: at.absolute(embedUrls.loader()),
		title: stateTitle(chart, state),
		height: heights[embedDefaultWidth],
		heights,
		imageUrl: at.absolute(embedUrls.png(chart.id, state)),
		imageAlt: chart.alt(state),
	};
}
