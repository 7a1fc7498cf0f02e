import type { Chart } from '../charts/define-chart.ts';
import { textWidth, wrapText } from '../render/fonts.ts';
import { readPalettes, resolveColours } from '../render/palette.ts';
import { renderSvg } from '../render/render-svg.ts';
import { downloadChartWidth } from '../render/widths.ts';
import { credit, figureFoot, noteLabel, notesText, sourcesText, stateTitle } from './figure-words.ts';

/** A standalone SVG file: the figure as one image, with its size in CSS pixels. */
export interface StandaloneSvg {
	readonly svg: string;
	readonly width: number;
	readonly height: number;
}

const pad = 24;
const font = 'Inter, system-ui, sans-serif';
/** What the site's stylesheet does for `svg.plot` (src/styles/figure.css), for viewers without it. */
export const plotCss = `svg.plot{font-family:${font};font-size:13px;background:transparent}svg.plot text,svg.plot tspan{white-space:pre}`;

const escapeXml = (text: string): string =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

interface Block {
	readonly lines: readonly string[];
	readonly size: number;
	readonly lineHeight: number;
	readonly weight: 'regular' | 'bold';
	readonly fill: string;
	readonly gapBefore: number;
	/** A bold label at the start of the first line ("SOURCE"). */
	readonly label?: string;
}

/**
 * Returns a chart state as a self-contained SVG file: title, subtitle, the chart, notes, sources and
 * credit, with the light palette resolved (no CSS variables) and the site's `svg.plot` CSS included,
 * so it looks right when opened alone, placed in a layout program or rendered to PNG by resvg.
 */
export function standaloneSvg(chart: Chart, state: string, storyUrl: string): StandaloneSvg {
	const { light } = readPalettes();
	const ink = light['--ink'] ?? '#1c1c21';
	const soft = light['--ink-soft'] ?? '#55555f';
	const width = downloadChartWidth + 2 * pad;
	const text = downloadChartWidth;
	const { notes, sources, sourceLabel: label } = figureFoot(chart.datasets);
	const sourceLabel = label.toUpperCase();
	const notesLabel = noteLabel.toUpperCase();
	// A label ("SOURCE") is drawn in bold before the first line of its block.
	const labelled = (label: string, body: string, size: number): string[] =>
		wrapText(body, text, size, 'regular', textWidth(`${label} `, size - 1, 'bold'));

	const head: Block[] = [
		{
			lines: wrapText(chart.title, text, 20, 'bold'),
			size: 20,
			lineHeight: 25,
			weight: 'bold',
			fill: ink,
			gapBefore: 0,
		},
		{
			lines: wrapText(chart.subtitle, text, 14),
			size: 14,
			lineHeight: 19,
			weight: 'regular',
			fill: soft,
			gapBefore: 4,
		},
	];
	// The foot: small soft lines, each block but the first a little apart.
	const small = (lines: string[], gapBefore: number, label?: string): Block => ({
		lines,
		size: 12,
		lineHeight: 17,
		weight: 'regular',
		fill: soft,
		gapBefore,
		...(label ? { label } : {}),
	});
	const foot: Block[] = [
		...(notes.length > 0 ? [small(labelled(notesLabel, notesText(notes), 12), 0, notesLabel)] : []),
		small(labelled(sourceLabel, sourcesText(sources), 12), 6, sourceLabel),
		small(wrapText(`${credit()} · ${storyUrl}`, text, 12), 6),
	];

	const parts: string[] = [];
	let y = pad;
	const draw = (blocks: readonly Block[]) => {
		for (const block of blocks) {
			y += block.gapBefore;
			block.lines.forEach((line, i) => {
				y += block.lineHeight;
				const baseline = y - (block.lineHeight - block.size) / 2 - block.size * 0.2;
				const label =
					i === 0 && block.label
						? `<tspan font-weight="700" font-size="${block.size - 1}">${block.label}</tspan> `
						: '';
				parts.push(
					`<text x="${pad}" y="${round(baseline)}" font-size="${block.size}"${
						block.weight === 'bold' ? ' font-weight="700"' : ''
					} fill="${block.fill}">${label}${escapeXml(line)}</text>`,
				);
			});
		}
	};

	draw(head);
	y += 12;
	const plot = resolveColours(renderSvg(chart, state, downloadChartWidth), light);
	const plotHeight = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(plot)?.[1] ?? NaN);
	if (!Number.isFinite(plotHeight)) throw new Error(`${chart.id}/${state}: the rendered SVG has no height.`);
	parts.push(plot.replace(/^<svg/, `<svg x="${pad}" y="${y}"`).replace(/\srole="img"/, ''));
	y += plotHeight + 12;
	draw(foot);
	const height = Math.ceil(y + pad);

	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
		`font-family="${font}" role="img" aria-labelledby="title desc">` +
		`<title id="title">${escapeXml(stateTitle(chart, state))}</title>` +
		`<desc id="desc">${escapeXml(chart.alt(state))}</desc>` +
		`<style>${plotCss}</style>` +
		`<rect width="${width}" height="${height}" fill="${light['--bg-card'] ?? '#ffffff'}"/>` +
		parts.join('') +
		`</svg>\n`;
	return { svg, width, height };
}

const round = (n: number): number => Math.round(n * 10) / 10;
