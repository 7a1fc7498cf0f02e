import { writeFileSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';

it('preview', () => {
	const ids = (process.env.PREVIEW ?? 'cloud-regions-map,cloud-regions-count').split(',');
	const css = ['tokens', 'page', 'figure'].map((f) => readFileSync(`src/styles/${f}.css`, 'utf8')).join('\n');
	let html = `<!doctype html><html><head><meta charset=utf-8><style>${css} body{padding:10px} .w{display:inline-block;vertical-align:top;margin:6px;border:1px dashed #ccc}</style></head><body>`;
	for (const id of ids) {
		const chart = charts.find((c) => c.id === id)!;
		for (const state of chart.stateNames) {
			html += `<section class=s><h4>${id} / ${state}</h4><p style="font:12px sans-serif;max-width:1100px">${chart.alt(state)}</p>`;
			for (const width of [360, 720]) {
				const svg = renderSvg(chart, state, width);
				html += `<div class=w style="width:${width}px">${svg}<div style="font:11px monospace">${svg.length} bytes</div></div>`;
				if (width === 720) html += "</section>";
			}
		}
	}
	writeFileSync('/tmp/sb/preview.html', html + '</body></html>');
});
