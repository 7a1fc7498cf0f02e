import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from './fonts.ts';

/** A rendered PNG and its size in pixels. */
export interface Png {
	readonly png: Uint8Array<ArrayBuffer>;
	readonly width: number;
	readonly height: number;
}

/** The PNG pixel density: 2 pixels per CSS pixel, sharp on high-density screens and in print. */
export const pngScale = 2;

/**
 * Renders a standalone SVG (see src/publish/standalone-svg.ts) to PNG with resvg, at `pngScale` unless told, using only the
 * bundled Inter TTF files (no system fonts), so the image is the same on every machine.
 */
export function renderPng(svg: string, scale: number = pngScale): Png {
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' },
		shapeRendering: 2,
		textRendering: 1,
	});
	const image = resvg.render();
	return { png: Uint8Array.from(image.asPng()), width: image.width, height: image.height };
}
