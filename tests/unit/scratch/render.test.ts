import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { readPalettes, resolveColours } from '../../../src/render/palette.ts';
import { renderPng } from '../../../src/render/render-png.ts';
import { renderSvg } from '../../../src/render/render-svg.ts';

it('renders', () => {
	mkdirSync('/tmp/s12/png', { recursive: true });
	const { light } = readPalettes();
	for (const id of (process.env.IDS ?? '').split(',')) {
		const chart = charts.find((c) => c.id === id)!;
		const parts: string[] = [];
		let top = 0;
		for (const state of chart.stateNames) {
			let rowHeight = 0;
			for (const w of [360, 720]) {
				const svg = renderSvg(chart, state, w);
				writeFileSync(`/tmp/s12/png/${id}.${state}.${w}.svg`, svg);
				const css = '<style>svg.plot{font-family:Inter;font-size:13px;background:white}text,tspan{white-space:pre}</style><rect width="100%" height="100%" fill="white"/>';
				const full = resolveColours(svg.replace(/^<svg([^>]*)>/, `<svg xmlns="http://www.w3.org/2000/svg"$1>${css}`), light);
				const h = Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1]);
				rowHeight = Math.max(rowHeight, h);
				parts.push(full.replace(/^<svg[^>]*>/, (m) => m.replace(/\s(?:width|height)="[^"]*"/g, '')).replace(/^<svg /, `<svg x="${w === 360 ? 0 : 380}" y="${top}" width="${w}" height="${h}" `));
			}
			top += rowHeight + 20;
			console.log(id, state, chart.alt(state));
		}
		const sheet = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1100 ${top}" width="1100" height="${top}"><rect width="100%" height="100%" fill="#ddd"/>${parts.join('')}</svg>`;
		writeFileSync(`/tmp/s12/${id}.png`, renderPng(sheet).png);
	}
}, 120_000);
