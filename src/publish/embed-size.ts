import type { Chart } from '../charts/define-chart.ts';
import { Resvg } from '@resvg/resvg-js';
import { fontFiles, textWidth, type Weight } from '../render/fonts.ts';
import { renderSvg } from '../render/render-svg.ts';
import { embedWidths } from '../render/widths.ts';
import { credit, embedLinks, figureFoot, noteLabel, notesText, sourcesText } from './figure-words.ts';

/** The width the oEmbed response and the default iframe are sized for. */
export const embedDefaultWidth = 720;

/** The iframe widths embed codes give a default height for: a phone column and the default one. */
export const embedSizedWidths = [360, embedDefaultWidth] as const;

/**
 * Returns the render width embed.css shows in a chart container this wide (its container queries
 * switch at the geometric mean of neighbouring widths, rounded up to whole pixels).
 */
export function pickEmbedWidth(containerWidth: number): number {
	let best: number = embedWidths[0];
	for (const width of embedWidths) if (containerWidth >= Math.ceil(Math.sqrt(best * width))) best = width;
	return best;
}

/*
 * The embed page's layout, in CSS pixels, as src/styles/embed.css and figure.css set it (rem = 16 px).
 * The embed page sets its text in the bundled Inter (EmbedLayout loads it), the font these metrics
 * come from, so lines break here where they break on the page. tests/browser/embeds.test.ts measures
 * real embed pages against this model: change those stylesheets, and it says by how much.
 */
const rem = 16;
const layout = {
	padding: { inline: 12, top: 12, bottom: 14 },
	title: { size: 1.05 * rem, lineHeight: 1.25, weight: 'bold' as Weight },
	subtitle: { size: 0.85 * rem, lineHeight: 1.4 },
	headGap: 0.15 * rem,
	headBottom: 0.5 * rem,
	/** "Show the data", closed: margin and the summary's minimum height. */
	data: { top: 0.5 * rem, height: 24 },
	/** Notes and source lines, with their bold uppercase label (0.7rem, letter-spaced 0.05em). */
	foot: { size: 0.8 * rem, lineHeight: 1.4, top: 0.4 * rem, label: 0.7 * rem, labelGap: 0.25 * rem },
	/** The credit and its two links: a wrapping flex row of 24 px targets. */
	credit: { top: 0.5 * rem, size: 0.8 * rem, row: 24, rowGap: 0.25 * rem, columnGap: 0.9 * rem },
} as const;

/**
 * What we add to the modelled height: the rounding of each line box (browsers snap line boxes to
 * device pixels) and kerning that textWidth ignores both make the model lean a few pixels short
 * or long; a few pixels of room keep the source and credit lines whole either way.
 */
const slack = 5;

/**
 * textWidth sums advance widths without kerning, up to ~3% wider than the browser sets Inter: over
 * twenty lines of sources that adds a line. Where a line's fit is that close, it is set with
 * kerning by resvg (the PNG renderer, with the same font files) and measured, so lines break as the
 * browser breaks them (tests/browser/embed-heights.test.ts checks every state at 360 and 720 px).
 */
const kerningRange = 0.97;
const kerned = new Map<string, number>();
function kernedWidth(text: string, size: number, weight: Weight): number {
	const key = `${weight} ${size} ${text}`;
	let width = kerned.get(key);
	if (width === undefined) {
		// Between two H (which kern with nothing): the ink box of "H…H" less that of "HH" is the text's advance.
		const ink = (line: string) => {
			const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="100"><text x="0" y="50" font-family="Inter" font-size="${size}"${weight === 'bold' ? ' font-weight="700"' : ''}>${escapeXml(line)}</text></svg>`;
			const box = new Resvg(svg, {
				font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' },
			}).getBBox();
			return box?.width ?? 0;
		};
		width = ink(`H${text}H`) - ink('HH');
		kerned.set(key, width);
	}
	return width;
}

const escapeXml = (text: string): string =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Counts the lines a browser breaks this text into: at spaces, and after dashes and a hyphen
 * before a letter ("January–March", "well-known"), as line breaking (UAX #14) allows; with kerning
 * where it decides a break.
 */
function lineCount(text: string, maxWidth: number, size: number, weight: Weight, indent = 0): number {
	const fits = (candidate: string, room: number): boolean => {
		const plain = textWidth(candidate, size, weight);
		if (plain <= room) return true;
		if (plain * kerningRange > room) return false;
		return kernedWidth(candidate, size, weight) <= room;
	};
	// Each piece with what joins it to the one before: a space, or nothing after a dash.
	const pieces = text
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((word) =>
			word.split(/(?<=[–—])|(?<=-)(?=\p{L})/u).map((piece, i) => ({ piece, join: i === 0 ? ' ' : '' })),
		);
	let lines = 0;
	let line = '';
	for (const { piece, join } of pieces) {
		const candidate = line ? `${line}${join}${piece}` : piece;
		const room = lines === 0 ? maxWidth - indent : maxWidth;
		if (line && !fits(candidate, room)) {
			lines += 1;
			line = piece;
		} else {
			line = candidate;
		}
	}
	return line ? lines + 1 : lines;
}

/** The height of a block of wrapped lines. */
const block = (lines: number, size: number, lineHeight: number): number => lines * size * lineHeight;

/**
 * The height of a chart state's embed page in an iframe `frameWidth` wide: the chart at the width
 * it is shown, plus the title, subtitle, notes, source and credit wrapped as the page wraps them.
 * It is the default height of iframes nobody resizes. `inStory`: the credit links to a story step
 * ("See it in the story") rather than to the gallery.
 */
export function embedHeight(
	chart: Chart,
	state: string,
	frameWidth: number = embedDefaultWidth,
	inStory = true,
): number {
	const content = frameWidth - 2 * layout.padding.inline;
	const shown = pickEmbedWidth(content);
	const svgHeight = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(renderSvg(chart, state, shown))?.[1] ?? NaN);
	if (!Number.isFinite(svgHeight)) throw new Error(`${chart.id}/${state}: the rendered SVG has no height.`);
	const { title, subtitle, foot } = layout;
	const wrapped = (text: string, size: number, weight: Weight = 'regular', indent = 0) =>
		lineCount(text, content, size, weight, indent);
	const labelled = (label: string, text: string) => {
		const labelWidth =
			textWidth(label.toUpperCase(), foot.label, 'bold') + label.length * 0.05 * foot.label + foot.labelGap;
		return block(
			wrapped(text, foot.size, 'regular', labelWidth + textWidth(' ', foot.size)),
			foot.size,
			foot.lineHeight,
		);
	};
	const { notes, sources, sourceLabel } = figureFoot(chart.datasets);

	let height = layout.padding.top;
	height += block(wrapped(chart.title, title.size, title.weight), title.size, title.lineHeight);
	height += layout.headGap + block(wrapped(chart.subtitle, subtitle.size), subtitle.size, subtitle.lineHeight);
	height += layout.headBottom;
	height += (svgHeight * content) / shown;
	height += layout.data.top + layout.data.height;
	if (notes.length > 0) height += foot.top + labelled(noteLabel, notesText(notes));
	height += foot.top + labelled(sourceLabel, sourcesText(sources));
	height += layout.credit.top + creditHeight(content, [credit(), embedLinks.data, embedLinks.story(inStory)]);
	height += layout.padding.bottom;
	return Math.ceil(height + slack);
}

/** The credit row: its items wrap as flex items, each row one 24 px target high. */
function creditHeight(content: number, items: readonly string[]): number {
	const { size, row, rowGap, columnGap } = layout.credit;
	let rows = 1;
	let used = 0;
	for (const item of items) {
		const width = textWidth(item, size);
		if (used > 0 && used + columnGap + width > content) {
			rows += 1;
			used = width;
		} else {
			used += (used > 0 ? columnGap : 0) + width;
		}
	}
	return rows * row + (rows - 1) * rowGap;
}

/** The default heights of a chart state's iframe at each width embed codes are sized for. */
export function embedHeights(
	chart: Chart,
	state: string,
	inStory = true,
): Record<(typeof embedSizedWidths)[number], number> {
	return Object.fromEntries(
		embedSizedWidths.map((width) => [width, embedHeight(chart, state, width, inStory)]),
	) as Record<(typeof embedSizedWidths)[number], number>;
}
