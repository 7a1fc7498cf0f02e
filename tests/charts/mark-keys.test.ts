import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Chart } from '../../src/charts/define-chart.ts';
import { charts } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';

// Keys are what the browser matches between two states of a chart (src/render/mark-keys.ts).
const parse = (svg: string): Element => parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg')!;
const keysOf = (parent: Element): (string | null)[] => [...parent.children].map((el) => el.getAttribute('data-key'));
const marks = (svg: string): Record<string, (string | null)[]> =>
	Object.fromEntries([...parse(svg).children].map((mark) => [String(mark.getAttribute('data-key')), keysOf(mark)]));

let count = 0;
/** A throwaway chart with one state per Plot options object. */
function testChart(...states: Plot.PlotOptions[]): Chart {
	const plot = (state: string): Plot.PlotOptions => states[Number(state)]!;
	return { id: `keys-test-${++count}`, plot } as unknown as Chart;
}

describe('data-key on every chart in the registry', () => {
	it.each(charts.flatMap((chart) => chart.stateNames.flatMap((state) => widths.map((w) => [chart.id, state, w]))))(
		'%s / %s at %d px: every mark and every element a mark draws has a key, unique among its siblings',
		(id, state, width) => {
			const svg = parse(
				renderSvg(
					charts.find((c) => c.id === id)!,
					String(state),
					Number(width),
				),
			);
			for (const parent of [svg, ...svg.querySelectorAll('g')]) {
				const keys = keysOf(parent);
				expect(keys, parent.outerHTML.slice(0, 80)).not.toContain(null);
				expect(new Set(keys).size).toBe(keys.length);
			}
		},
	);

	it('keeps the same keys for the same bars across the states of one chart', () => {
		const chart = charts.find((c) => c.id === 'world-cloud-share')!;
		const [first, ...rest] = chart.stateNames.map((state) => marks(renderSvg(chart, state, 720)));
		for (const other of rest) expect(other['bar']).toEqual(first!['bar']);
		// A declared chart keys its bars by their category (src/charts/declared/compile-chart.ts).
		expect(first!['bar']).toEqual([
			'Amazon',
			'Microsoft',
			'Google',
			'Alibaba',
			'IBM',
			'Salesforce',
			'Tencent',
			'Oracle',
		]);
	});
});

describe('keys from the data', () => {
	const rows = [
		{ name: 'A', value: 3, date: new Date('2024-01-01') },
		{ name: 'B', value: 5, date: new Date('2024-04-01') },
		{ name: 'C', value: 4, date: new Date('2024-07-01') },
	];

	it('uses a mark’s key channel when the chart declares one, so reordered rows still match', () => {
		const bars = (data: typeof rows) => ({
			marks: [Plot.barX(data, { x: 'value', y: 'name', channels: { key: 'name' } })],
		});
		const chart = testChart(bars(rows), bars(rows.toReversed()));
		expect(marks(renderSvg(chart, '0', 360))['bar']).toEqual(['A', 'B', 'C']);
		expect(marks(renderSvg(chart, '1', 360))['bar']).toEqual(['C', 'B', 'A']);
	});

	it('defaults to the datum’s index in the data, which a filter option keeps', () => {
		const chart = testChart({
			marks: [Plot.dot(rows, { x: 'value', y: 'name', filter: (d: (typeof rows)[number]) => d.name !== 'A' })],
		});
		expect(marks(renderSvg(chart, '0', 360))['dot']).toEqual(['1', '2']);
	});

	it('keys line series by their z value, and dates as plain dates', () => {
		const series = rows.flatMap((r) => [
			{ ...r, name: 'Alibaba' },
			{ ...r, name: 'Amazon', value: r.value * 2 },
		]);
		const chart = testChart({
			marks: [
				Plot.lineY(series, { x: 'date', y: 'value', stroke: 'name' }),
				Plot.dot(series, { x: 'date', y: 'value', channels: { key: (d: (typeof rows)[number]) => d.date } }),
			],
		});
		const keyed = marks(renderSvg(chart, '0', 360));
		expect(keyed['line']).toEqual(['Alibaba', 'Amazon']);
		expect(keyed['dot']).toEqual([
			'2024-01-01',
			'2024-01-01~2',
			'2024-04-01',
			'2024-04-01~2',
			'2024-07-01',
			'2024-07-01~2',
		]);
	});

	it('keys axis ticks, tick labels and grid lines by their label, so a tick keeps its key when the scale changes', () => {
		const chart = testChart({ y: { grid: true }, marks: [Plot.dot(rows, { x: 'date', y: 'value' })] });
		const keyed = marks(renderSvg(chart, '0', 360));
		expect(keyed['y-axis tick label']).toContain('4.0');
		expect(keyed['y-axis tick']).toEqual(keyed['y-axis tick label']);
		expect(keyed['y-grid']).toEqual(keyed['y-axis tick label']);
	});

	it('keys map regions by a key channel, and names two marks of one type apart', () => {
		const square = (name: string, x: number) => ({
			type: 'Feature' as const,
			properties: { name },
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[x, 0],
						[x, 1],
						[x + 1, 1],
						[x + 1, 0],
						[x, 0],
					],
				],
			},
		});
		const regions = [square('North', 0), square('South', 2)];
		const chart = testChart({
			projection: { type: 'identity', domain: { type: 'FeatureCollection', features: regions } },
			marks: [
				Plot.geo(regions, { channels: { key: (d: (typeof regions)[number]) => d.properties.name } }),
				Plot.geo(regions.slice(1), { stroke: 'currentColor' }),
			],
		});
		const keyed = marks(renderSvg(chart, '0', 360));
		expect(keyed['geo']).toEqual(['North', 'South']);
		expect(keyed['geo~2']).toEqual(['0']);
	});

	it('numbers marks of one type as the chart declares them, so a mark with nothing to draw shifts no other', () => {
		const states = [[], rows].map((ringed) => ({
			marks: [Plot.dot(ringed, { x: 'value', y: 'name', r: 8 }), Plot.dot(rows, { x: 'value', y: 'name' })],
		}));
		const chart = testChart(...states);
		const dots = (state: string) => Object.keys(marks(renderSvg(chart, state, 360))).filter((k) => k.startsWith('dot'));
		expect(dots('0')).toEqual(['dot~2']);
		expect(dots('1')).toEqual(['dot', 'dot~2']);
	});

	it('keys facets by their value, and the marks inside each facet by datum', () => {
		const chart = testChart({ marks: [Plot.dot(rows, { x: 'value', fx: 'name' })] });
		const svg = parse(renderSvg(chart, '0', 360));
		const dots = [...svg.children].find((g) => g.getAttribute('data-key') === 'dot')!;
		expect(keysOf(dots)).toEqual(['A', 'B', 'C']);
		expect(keysOf(dots.children[1]!)).toEqual(['1']);
	});
});
