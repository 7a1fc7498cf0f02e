import type { Chart } from '../charts/define-chart.ts';
import { estimateEmbedHeight } from './embed-size.ts';
import { embedUrls, type SiteAddress } from './embed-urls.ts';
import { stateTitle } from './figure-words.ts';

/** What an embed code needs to know about one chart state (all URLs absolute). */
export interface EmbedCodeInput {
	readonly embedUrl: string;
	readonly loaderUrl: string;
	readonly title: string;
	/** Default height for an iframe nobody resizes, in pixels. */
	readonly height: number;
	/** The no-JavaScript fallback: the PNG and its text alternative. */
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
 * Tier 2: a placeholder and our loader, which makes the iframe and keeps its height equal to the
 * chart's at any width. One script serves every chart on the page; without JavaScript, the PNG shows.
 */
export function responsiveCode({ embedUrl, loaderUrl, title, height, imageUrl, imageAlt }: EmbedCodeInput): string {
	return [
		`<div data-story-embed="${attr(embedUrl)}" data-title="${attr(title)}" data-height="${height}">`,
		`<noscript><img src="${attr(imageUrl)}" alt="${attr(imageAlt)}" style="width:100%;height:auto"></noscript>`,
		`</div>`,
		`<script async src="${attr(loaderUrl)}"></script>`,
	].join('\n');
}

/** The embed code input of a chart state published at `at`. */
export function embedCodeInput(chart: Chart, state: string, at: SiteAddress): EmbedCodeInput {
	return {
		embedUrl: at.absolute(embedUrls.embed(chart.id, state)),
		loaderUrl: at.absolute(embedUrls.loader()),
		title: stateTitle(chart, state),
		height: estimateEmbedHeight(chart, state),
		imageUrl: at.absolute(embedUrls.png(chart.id, state)),
		imageAlt: chart.alt(state),
	};
}
