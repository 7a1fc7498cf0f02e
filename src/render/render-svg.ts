import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Chart } from '../charts/define-chart.ts';
import { fontSize } from '../charts/shared/theme.ts';
import { recordDetails } from './details-collect.ts';
import { keySvg, prepareMarks } from './mark-keys.ts';

const fontFamily = 'Inter, system-ui, sans-serif';
const cache = new Map<string, string>();

/**
 * Returns the SVG markup for one chart state at one width, deterministic and ready to inline:
 * fixed class name, ids unique to (chart, state, width), no inline `<style>` (the site's CSS styles
 * `.plot`), coordinates rounded to two decimals, and a `data-key` on every mark and on every element
 * a mark draws, naming its datum, so the browser can animate between states (see mark-keys.ts).
 */
export function renderSvg(chart: Chart, state: string, width: number): string {
	const key = `${chart.id}/${state}/${width}`;
	let svg = cache.get(key);
	if (svg === undefined) {
		svg = drawSvg(chart, state, width);
		cache.set(key, svg);
	}
	return svg;
}

function drawSvg(chart: Chart, state: string, width: number): string {
	// A fresh server-side document per render: Plot only needs createElementNS and friends.
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const options = chart.plot(state, width);
	const marks = prepareMarks(options.marks);
	const node = Plot.plot({ ...options, marks, width, document, className: 'plot' });
	if (node.tagName.toLowerCase() !== 'svg') {
		throw new Error(
			`src/charts/${chart.id}.ts: state "${state}" produced a <${node.tagName.toLowerCase()}>, not an <svg>. ` +
				'Remove Plot title, subtitle, caption and legend options: the figure around the chart shows those.',
		);
	}
	keySvg(node);
	recordDetails(`${chart.id}/${state}/${width}`, node, () => chart.table(state));
	const prefix = `${chart.id}-${state}-${width}`;
	return tidySvg(node.outerHTML, prefix);
}

/** Makes Plot's SVG markup deterministic, page-unique and free of inline styles. */
export function tidySvg(markup: string, idPrefix: string): string {
	const ids = new Map<string, string>();
	return (
		markup
			.replace(/<style>[\s\S]*?<\/style>/g, '')
			.replace(/\sid="([^"]+)"/g, (_, id: string) => {
				if (!ids.has(id)) ids.set(id, `${idPrefix}-${ids.size + 1}`);
				return ` id="${ids.get(id)}"`;
			})
			.replace(/url\(#([^)]+)\)/g, (match, id: string) => {
				const renamed = ids.get(id);
				return renamed ? `url(#${renamed})` : match;
			})
			// The <svg> is role="img" with its own description; Plot's per-group labels would only be noise.
			.replace(/\saria-(?:label|hidden)="[^"]*"/g, '')
			.replace(/(\s[\w-]+=")([^"]*)"/g, (attr: string, name: string, value: string) =>
				name === ' data-key="' ? attr : `${name}${roundNumbers(value)}"`,
			)
			.replace(/^<svg([^>]*)>/, (_, attrs: string) => {
				const rest = attrs
					.replace(/\sfont-size="[^"]*"/, ` font-size="${fontSize}"`)
					.replace(/\sfont-family="[^"]*"/, ` font-family="${fontFamily}"`);
				return `<svg${rest} role="img">`;
			})
	);
}

const roundNumbers = (value: string): string =>
	value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
