import { describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';

// One test per chart × state × width, straight from the registry: adding a state adds its tests.
// The SVG goes through src/render/render-svg.ts, the code the build uses.
const pretty = (svg: string): string => svg.replace(/></g, '>\n<');

describe.each(charts.map((chart) => [chart.id, chart] as const))('%s', (_id, chart) => {
	describe.each(chart.stateNames.map((state) => [state]))('%s', (state) => {
		it.each(widths.map((width) => [width]))('renders at %d px', async (width) => {
			const svg = renderSvg(chart, state, width);
			expect(svg).toMatch(new RegExp(`^<svg viewBox="0 0 ${width} \\d+"[^>]* class="plot" role="img">`));
			expect(svg).not.toMatch(/NaN|undefined|<style|style="/);
			expect(svg.match(/<(rect|path|circle|line|text)\b/g)?.length ?? 0).toBeGreaterThan(5);
			await expect(pretty(svg)).toMatchFileSnapshot(`snapshots/${chart.id}/${state}.${width}.svg`);
		});
	});
});

describe('renderSvg(chart, state, width)', () => {
	it('draws the same SVG every time (fixed class names and ids, rounded coordinates)', () => {
		const [chart] = charts;
		const state = chart!.defaultState;
		expect(renderSvg(chart!, state, 360)).toBe(renderSvg(chart!, state, 360));
		expect(renderSvg(chart!, state, 360)).not.toMatch(/\d\.\d{3,}/);
	});

	it('highlights a state by colour: the Alibaba state paints one bar in the Alibaba colour', () => {
		const chart = charts.find((c) => c.id === 'world-cloud-share')!;
		const svg = renderSvg(chart, 'alibaba', 720);
		expect(svg.match(/fill="var\(--c-alibaba\)"/g)).toHaveLength(1);
		expect(renderSvg(chart, 'market', 720)).not.toMatch(/--c-alibaba/);
	});
});
