import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { standaloneSvg } from '../../../src/render/standalone-svg.ts';
import { renderPng } from '../../../src/render/render-png.ts';

it('scratch', () => {
	for (const chart of charts) for (const state of chart.stateNames) {
		const t = performance.now();
		const s = standaloneSvg(chart, state, 'http://localhost:4321/');
		const p = renderPng(s.svg);
		writeFileSync(`/tmp/embeds-${chart.id}-${state}.svg`, s.svg);
		writeFileSync(`/tmp/embeds-${chart.id}-${state}.png`, p.png);
		console.log(chart.id, state, s.width, s.height, p.width, p.height, p.png.length, Math.round(performance.now() - t));
	}
});
