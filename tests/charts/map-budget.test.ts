import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findChart } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';

// The story page inlines every state at every width: each map state must stay a few kilobytes.
const map = findChart('cloud-regions-map')!;

describe('the regions map stays small', () => {
	it.each(map.stateNames.flatMap((state) => widths.map((width) => [state, width] as const)))(
		'%s at %d px is under 16 KB, 5 KB compressed',
		(state, width) => {
			const svg = renderSvg(map, state, width);
			expect(svg.length).toBeLessThan(16_000);
			expect(brotliCompressSync(svg).length).toBeLessThan(5_000);
		},
	);

	it('draws land as a few compact paths with whole-pixel coordinates', () => {
		const svg = renderSvg(map, 'asia', 360);
		const land = /<g[^>]* fill="var\(--c-land\)"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
		expect(land.match(/<path/g)).toHaveLength(3);
		expect(land).not.toMatch(/\d\.\d/);
	});
});
