import type { Chart } from '../charts/define-chart.ts';
import { wrapText } from '../render/fonts.ts';
import { renderSvg } from '../render/render-svg.ts';
import { embedWidths } from '../render/widths.ts';
import { credit, embedLinks, figureFoot, noteLabel, notesText, sourcesText } from './figure-words.ts';

/** The width the oEmbed response and the default iframe are sized for. */
export const embedDefaultWidth = 720;

/**
 * Returns the render width embed.css shows in a chart container this wide (its container queries
 * switch at the geometric mean of neighbouring widths, rounded up to whole pixels).
 */
export function pickEmbedWidth(containerWidth: number): number {
	let best: number = embedWidths[0];
	for (const width of embedWidths) if (containerWidth >= Math.ceil(Math.sqrt(best * width))) best = width;
	return best;
}

// The embed page's layout (src/styles/embed.css and figure.css), in CSS pixels.
const bodyPadding = { inline: 12, block: 12 + 14 };
const lineHeight = 1.4;

/**
 * Estimates an embed page's height at an iframe width: the chart at the width it is shown, plus the
 * title, subtitle, notes, source and credit lines wrapped at that width. It is the default height
 * of iframes nobody resizes, so it errs on the tall side (readers' fonts may be wider than Inter).
 */
export function estimateEmbedHeight(chart: Chart, state: string, frameWidth: number = embedDefaultWidth): number {
	const content = frameWidth - 2 * bodyPadding.inline;
	const shown = pickEmbedWidth(content);
	const svgHeight = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(renderSvg(chart, state, shown))?.[1] ?? 400);
	// Wrap against a narrower line than the real one: system fonts run up to ~10% wider than Inter.
	const lines = (text: string, size: number, weight: 'regular' | 'bold' = 'regular') =>
		wrapText(text, content * 0.9, size, weight).length * Math.ceil(size * lineHeight);
	const { notes, sources, sourceLabel } = figureFoot(chart.datasets);
	const height =
		bodyPadding.block +
		lines(chart.title, 16.8, 'bold') +
		lines(chart.subtitle, 13.6) +
		8 +
		(svgHeight * content) / shown +
		// "Show the data" (closed)
		8 +
		30 +
		(notes.length > 0 ? 6 + lines(`${noteLabel} ${notesText(notes)}`, 12.8) : 0) +
		6 +
		lines(`${sourceLabel} ${sourcesText(sources)}`, 12.8) +
		// credit and links
		8 +
		lines([credit(), embedLinks.data, embedLinks.story(true)].join(' · '), 12.8) +
		// one spare line, so that a wider font never hides the credit
		20;
	return Math.ceil(height / 10) * 10;
}
