// The pictures of every chart state that content/CHARTS.md shows (content/guide/charts/), drawn by
// the code the site draws with. Loaded through the site's modules by src/cli/charts-reference.ts.
import { join } from 'node:path';
import type { Chart } from '../charts/define-chart.ts';
import { plotCss } from '../publish/standalone-svg.ts';
import { readPalettes, resolveColours } from '../render/palette.ts';
import { renderSvg } from '../render/render-svg.ts';
import { widths } from '../render/widths.ts';
import { picturePath } from './charts-reference.ts';
import { projectDir } from './story-modules.ts';

/** Where the pictures are checked in. */
export const picturesDir = join(projectDir, 'content/guide/charts');

/**
 * A state's picture: its phone drawing (the narrowest width) as a self-contained SVG, in the light
 * palette (no CSS variables, so it shows in any Markdown viewer), without the transition keys.
 */
export function statePicture(chart: Chart, state: string): string {
	const { light } = readPalettes();
	const plot = resolveColours(renderSvg(chart, state, widths[0]), light)
		.replace(/ data-key="[^"]*"/g, '')
		.replace(/\srole="img"/, '');
	const [, width, height] = /^<svg viewBox="0 0 (\d+) (\d+)"/.exec(plot) ?? [];
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<style>${plotCss}</style><rect width="100%" height="100%" fill="${light['--bg-card'] ?? '#ffffff'}"/>` +
		`${plot}</svg>\n`
	);
}

/** Every state's picture, by its path under content/. */
export function statePictures(charts: readonly Chart[]): Map<string, string> {
	return new Map(
		charts.flatMap((chart) => chart.stateNames.map((state) => [picturePath(chart, state), statePicture(chart, state)])),
	);
}
