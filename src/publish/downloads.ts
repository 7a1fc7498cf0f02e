/** The downloadable files of a chart state, made once per build and shared by the endpoints and pages. */
import type { Chart } from '../charts/define-chart.ts';
import { pngScale, renderPng, type Png } from '../render/render-png.ts';
import { standaloneSvg, type StandaloneSvg } from './standalone-svg.ts';
import { address } from './embed-urls.ts';

const svgs = new Map<string, StandaloneSvg>();
const pngs = new Map<string, Png>();

/** The story's address, printed in the credit line of downloaded images. */
const storyUrl = (): string => address().absolute('');

/** The state as a standalone SVG file (light palette, title, notes, sources, credit). */
export function downloadSvg(chart: Chart, state: string): StandaloneSvg {
	const key = `${chart.id}/${state}`;
	let svg = svgs.get(key);
	if (!svg) {
		svg = standaloneSvg(chart, state, storyUrl());
		svgs.set(key, svg);
	}
	return svg;
}

/** The state as a PNG, rendered from the standalone SVG at twice its size. */
export function downloadPng(chart: Chart, state: string): Png {
	const key = `${chart.id}/${state}`;
	let png = pngs.get(key);
	if (!png) {
		png = renderPng(downloadSvg(chart, state).svg);
		pngs.set(key, png);
	}
	return png;
}

/** The PNG's size in pixels, without rendering it (for og:image and oEmbed thumbnails). */
export function pngSize(chart: Chart, state: string): { width: number; height: number } {
	const { width, height } = downloadSvg(chart, state);
	return { width: width * pngScale, height: height * pngScale };
}
