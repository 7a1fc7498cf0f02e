import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Chart } from '../../src/charts/define-chart.ts';
import { charts } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';

// One test per chart × state × width, straight from the registry: adding a state adds its tests.
// The SVG goes through src/render/render-svg.ts, the code the build uses.
const pretty = (svg: string): string => svg.replace(/></g, '>\n<');

/**
 * What each mark the chart declares for this state drew: its key (as src/render/mark-keys.ts names
 * marks), how many rows of data it was given, and how many elements its group holds in the SVG.
 */
function drawnMarks(chart: Chart, state: string, width: number, svg: string) {
	const groups = parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg')!.children;
	const drawn = new Map([...groups].map((g) => [g.getAttribute('data-key'), g.children.length]));
	const seen = new Map<string, number>();
	const declared = ([chart.plot(state, width).marks ?? []] as unknown[]).flat(Infinity);
	return declared.flatMap((mark) => {
		const m = mark as { render?: unknown; ariaLabel?: string; data?: ArrayLike<unknown> | null } | null;
		if (!m || typeof m.render !== 'function') return []; // a render function: no data to count
		const label = m.ariaLabel ?? 'mark';
		const count = (seen.get(label) ?? 0) + 1;
		seen.set(label, count);
		const key = count === 1 ? label : `${label}~${count}`;
		return m.data == null ? [] : [{ key, rows: m.data.length, drawn: drawn.get(key) ?? 0 }];
	});
}

describe.each(charts.map((chart) => [chart.id, chart] as const))('%s', (_id, chart) => {
	describe.each(chart.stateNames.map((state) => [state]))('%s', (state) => {
		it.each(widths.map((width) => [width]))('renders at %d px', async (width) => {
			const svg = renderSvg(chart, state, width);
			expect(svg).toMatch(new RegExp(`^<svg viewBox="0 0 ${width} \\d+"[^>]* class="plot" role="img">`));
			expect(svg).not.toMatch(/NaN|undefined|<style|style="/);

			// Every mark given rows draws between one element and one per row (a line draws one per
			// series; rows with a missing value draw nothing); a mark given none draws nothing; and
			// the state draws data.
			const marks = drawnMarks(chart, state, width, svg);
			const wrong = marks.filter(({ rows, drawn }) => (rows === 0 ? drawn !== 0 : drawn < 1 || drawn > rows));
			expect(wrong, 'marks that drew too few or too many elements for their rows').toEqual([]);
			expect(marks.filter(({ drawn }) => drawn > 0).length, 'marks that drew their data').toBeGreaterThan(0);

			// On a mismatch the new drawing goes beside the golden file, to open and compare (as
			// Observable Plot's own tests do); `vitest -u` accepts it instead.
			const golden = `snapshots/${chart.id}/${state}.${width}.svg`;
			const changed = fileURLToPath(new URL(golden.replace(/\.svg$/, '.changed.svg'), import.meta.url));
			try {
				await expect(pretty(svg)).toMatchFileSnapshot(golden);
				rmSync(changed, { force: true });
			} catch (error) {
				writeFileSync(changed, pretty(svg));
				throw new Error(`${golden} changed: open ${changed} to see the new drawing.`, { cause: error });
			}
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
