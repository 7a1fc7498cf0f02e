import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import icon from '../../public/favicon.svg?raw';

/** The icon's size in pixels: sharp at 32 CSS pixels on a 2x screen. */
export const faviconSize = 64;

/**
 * The site icon, drawn at build time from public/favicon.svg (also served as is). A PNG rather than the SVG: Chromium fetches
 * and decodes the icon again on every URL change, and the story changes its URL as the reader
 * moves through the steps; an SVG icon costs a whole SVG document each time (about 2 ms on a
 * phone), mid-animation.
 */
export const GET: APIRoute = () => {
	const png = new Resvg(icon, { fitTo: { mode: 'width', value: faviconSize } }).render().asPng();
	return new Response(Uint8Array.from(png), { headers: { 'content-type': 'image/png' } });
};
