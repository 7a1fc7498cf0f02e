/**
 * Share cards: the 1200x630 PNG a social network shows for a shared link (og:image,
 * twitter:card summary_large_image). A card is the chart in one state with its title, source line
 * and the site's name, large enough to read as a thumbnail. Rendered at build time with resvg and
 * the bundled Inter (like the PNG downloads), once per chart state.
 */
import sharp from 'sharp';
import type { Chart } from '../charts/define-chart.ts';
import { textWidth, wrapText } from '../render/fonts.ts';
import { readPalettes, resolveColours } from '../render/palette.ts';
import { renderPng, type Png } from '../render/render-png.ts';
import { renderSvg } from '../render/render-svg.ts';
import { site } from '../site.ts';
import { figureFoot, sourcesText } from './figure-words.ts';

export const cardSize = { width: 1200, height: 630 } as const;

/** What a card shows: a heading over the chart state, and the source line under it. */
export interface CardInput {
	/** The card's heading (a chart's title, or the story's or a chapter's). */
	readonly title: string;
	/** A line under the heading: the chart state's label, or the chart's title on a chapter card. */
	readonly subtitle: string;
	readonly chart: Chart;
	readonly state: string;
}

const pad = 48;
const escapeXml = (text: string): string =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Clips text to one line of `width` px, at a word, with an ellipsis. */
function oneLine(text: string, width: number, size: number, weight: 'regular' | 'bold' = 'regular'): string {
	if (textWidth(text, size, weight) <= width) return text;
	const words = text.split(/\s+/);
	while (words.length > 1 && textWidth(`${words.join(' ')}…`, size, weight) > width) words.pop();
	return `${words.join(' ').replace(/[,;:]$/, '')}…`;
}

/** The card as an SVG: site name, heading (two lines at most), the chart scaled to fit, source line. */
export function cardSvg({ title, subtitle, chart, state }: CardInput): string {
	const { width, height } = cardSize;
	const { light } = readPalettes();
	const ink = light['--ink'] ?? '#1c1c21';
	const soft = light['--ink-soft'] ?? '#55555f';
	const accent = light['--link'] ?? '#1f5fbf';
	const text = width - 2 * pad;
	const parts: string[] = [];
	const line = (content: string, y: number, size: number, fill: string, bold = false) =>
		parts.push(
			`<text x="${pad}" y="${y}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${fill}">${escapeXml(content)}</text>`,
		);

	parts.push(`<rect width="${width}" height="8" fill="${accent}"/>`);
	let y = pad + 18;
	line(site.publisher.toUpperCase(), y, 20, accent, true);
	const titleSize = 44;
	const titleLines = wrapText(title, text, titleSize, 'bold');
	const shown =
		titleLines.length > 2
			? [titleLines[0]!, oneLine(titleLines.slice(1).join(' '), text, titleSize, 'bold')]
			: titleLines;
	for (const content of shown) {
		y += 54;
		line(content, y, titleSize, ink, true);
	}
	y += 38;
	line(oneLine(subtitle, text, 26), y, 26, soft);
	y += 22;

	// The source line at the foot; the chart fills what is left, scaled to fit, centred.
	const { sources, sourceLabel } = figureFoot(chart.datasets);
	const footY = height - 30;
	line(oneLine(`${sourceLabel}: ${sourcesText(sources)}`, text, 20), footY, 20, soft);
	const plot = resolveColours(renderSvg(chart, state, 720), light);
	const size = (name: string) => Number(new RegExp(`^<svg[^>]*\\s${name}="([\\d.]+)"`).exec(plot)?.[1] ?? NaN);
	const [w, h] = [size('width'), size('height')];
	if (!(w > 0 && h > 0)) throw new Error(`${chart.id}/${state}: the rendered SVG has no size.`);
	const room = { width: text, height: footY - 30 - y };
	const scale = Math.min(room.width / w, room.height / h);
	const [cw, ch] = [w * scale, h * scale];
	const x = pad + (room.width - cw) / 2;
	parts.push(
		plot
			.replace(/^<svg/, `<svg x="${x.toFixed(1)}" y="${y.toFixed(1)}"`)
			.replace(/(^<svg[^>]*?)\swidth="[\d.]+"/, `$1 width="${cw.toFixed(1)}"`)
			.replace(/(^<svg[^>]*?)\sheight="[\d.]+"/, `$1 height="${ch.toFixed(1)}"`)
			.replace(/\srole="img"/, ''),
	);

	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, sans-serif">` +
		`<style>svg.plot{font-family:Inter,sans-serif;font-size:13px}svg.plot text,svg.plot tspan{white-space:pre}</style>` +
		`<rect width="${width}" height="${height}" fill="${light['--bg-card'] ?? '#ffffff'}"/>` +
		parts.join('') +
		`</svg>\n`
	);
}

const cards = new Map<string, Png>();

/** Renders a card once per build for each key (a chart state, the story, a chapter). */
export function cardPng(key: string, input: CardInput, scale = 1): Png {
	const cacheKey = `${key}@${scale}`;
	let png = cards.get(cacheKey);
	if (!png) {
		png = renderPng(cardSvg(input), scale);
		cards.set(cacheKey, png);
	}
	return png;
}

/** A card's thumbnail, encoded as WebP. */
export interface Thumbnail {
	readonly webp: Uint8Array<ArrayBuffer>;
	readonly width: number;
	readonly height: number;
}

const thumbnails = new Map<string, Promise<Thumbnail>>();

/**
 * A card drawn `width` px wide, for the gallery's grid: rendered from the card's SVG at that size
 * (sharper than scaling the PNG down) and encoded as lossy WebP, about a quarter of a full card's bytes at 720 px.
 * Once per build for each key and width.
 */
export function cardThumbnail(key: string, input: CardInput, width: number): Promise<Thumbnail> {
	const cacheKey = `${key}@${width}w`;
	let thumbnail = thumbnails.get(cacheKey);
	if (!thumbnail) {
		const png = renderPng(cardSvg(input), width / cardSize.width);
		thumbnail = sharp(png.png)
			.webp({ quality: 80 })
			.toBuffer()
			.then((webp) => ({ webp: new Uint8Array(webp), width: png.width, height: png.height }));
		thumbnails.set(cacheKey, thumbnail);
	}
	return thumbnail;
}

/** The height of a card drawn `width` px wide, as its thumbnail is rendered (for width and height attributes). */
export const thumbnailHeight = (width: number): number => Math.round((cardSize.height * width) / cardSize.width);
