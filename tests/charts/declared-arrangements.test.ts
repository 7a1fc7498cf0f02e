import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '../../src/charts/declared/validate-declaration.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';
import { declareSales, quarters, sales, values, vendors } from './declared-fixtures.ts';
import { textBoxes } from './text-boxes.ts';

// Stacked and grouped bars, lines and areas with a series, declared: what a reader sees in the rendered SVG.
const declare = (marks: string, id: string) => declareSales(marks, id);
const groups = (svg: string) => {
	const root = parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg')!;
	return new Map([...root.children].map((g) => [g.getAttribute('data-key') ?? '', g]));
};
const rects = (g: Element | undefined) =>
	[...(g?.querySelectorAll('rect') ?? [])].map((r) => ({
		key: r.getAttribute('data-key'),
		fill: r.getAttribute('fill'),
		x: Number(r.getAttribute('x')),
		y: Number(r.getAttribute('y')),
		width: Number(r.getAttribute('width')),
		height: Number(r.getAttribute('height')),
	}));
/** The y-axis: pixels per unit, from two of its tick labels. */
function yScale(g: Element | undefined): (v: number) => number {
	const ticks = [...(g?.querySelectorAll('text') ?? [])].map((t) => ({
		v: Number(t.textContent),
		y: Number(/translate\([^,]+,([-\d.]+)\)/.exec(t.getAttribute('transform') ?? '')![1]),
	}));
	const [a, b] = [ticks[0]!, ticks.at(-1)!];
	return (v) => a.y + ((v - a.v) * (b.y - a.y)) / (b.v - a.v);
}

describe.each(widths)('at %d px', (width) => {
	it('stacks bars: each quarter’s segments sit on one another and add up to its total', () => {
		const chart = declare('  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n', `stacked-${width}`);
		const svg = renderSvg(chart, 'all', width);
		const drawn = groups(svg);
		const bars = rects(drawn.get('bar'));
		expect(bars).toHaveLength(12);
		const y = yScale(drawn.get('y-axis tick label'));
		quarters.forEach((quarter, q) => {
			const segments = bars.filter((b) => b.key?.startsWith(`${quarter} · `)).toSorted((a, b) => b.y - a.y); // bottom first
			expect(segments).toHaveLength(3);
			expect(new Set(segments.map((s) => s.x)).size).toBe(1);
			for (let i = 1; i < segments.length; i++)
				expect(segments[i]!.y + segments[i]!.height).toBeCloseTo(segments[i - 1]!.y, 0);
			const total = vendors.reduce((sum, v) => sum + values[v]![q]!, 0);
			expect(segments.at(-1)!.y).toBeCloseTo(y(total), 0);
			expect(segments[0]!.y + segments[0]!.height).toBeCloseTo(y(0), 0);
		});
		// A colour per series, the same in every quarter; Alibaba in its own.
		const fills = vendors.map((v, i) => new Set(bars.filter((_, j) => j % 3 === i).map((b) => b.fill)));
		expect(fills.every((f) => f.size === 1)).toBe(true);
		expect(new Set(fills.map((f) => [...f][0])).size).toBe(3);
		expect([...fills[0]!][0]).toBe('var(--c-alibaba)');
	});

	it('groups bars: side by side within each quarter’s band, none overlapping, each as tall as its value', () => {
		const chart = declare(
			'  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n    arrange: grouped\n',
			`grouped-${width}`,
		);
		const drawn = groups(renderSvg(chart, 'all', width));
		const y = yScale(drawn.get('y-axis tick label'));
		const byVendor = vendors.map((v, i) => rects(drawn.get(i === 0 ? 'bar' : `bar ${v}`)));
		expect(byVendor.map((b) => b.length)).toEqual([4, 4, 4]);
		quarters.forEach((quarter, q) => {
			const [a, b, c] = byVendor.map((bars) =>
				bars.find((r) => r.key === `${quarter} · ${vendors[byVendor.indexOf(bars)]}`)!,
			);
			expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
			expect(b!.x + b!.width).toBeLessThanOrEqual(c!.x);
			expect(c!.x + c!.width - a!.x).toBeLessThan(width / quarters.length); // within the band
			vendors.forEach((v, i) => {
				const bar = [a, b, c][i]!;
				expect(bar.y).toBeCloseTo(y(values[v]![q]!), 0);
				expect(bar.y + bar.height).toBeCloseTo(y(0), 0);
			});
		});
		expect(new Set(byVendor.map((b) => b[0]!.fill)).size).toBe(3);
	});

	it('fills an area down to zero', () => {
		const chart = declare(
			'  - mark: area\n    x: date\n    y: revenue\n    series: vendor\n    states: [all]\n',
			`area-${width}`,
		);
		const drawn = groups(renderSvg(chart, 'all', width));
		const y = yScale(drawn.get('y-axis tick label'));
		const paths = [...drawn.get('area')!.querySelectorAll('path')];
		expect(paths).toHaveLength(3);
		for (const path of paths) {
			const ys = [...path.getAttribute('d')!.matchAll(/[-\d.]+,([-\d.]+)/g)].map((m) => Number(m[1]));
			expect(Math.max(...ys)).toBeCloseTo(y(0), 0); // the area's floor is the zero line
		}
		expect(new Set(paths.map((p) => p.getAttribute('fill'))).size).toBe(3);
	});

	it.each(['', '    arrange: grouped\n'])(
		'says which colour is which: a legend of the series over bars (%s)',
		(arrange) => {
			const chart = declare(
				`  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n${arrange}`,
				`key-${width}-${arrange.length}`,
			);
			const drawn = groups(renderSvg(chart, 'all', width));
			// A rect's fill, or its mark's when Plot wrote one for all.
			const fillOf = (vendor: string) => {
				const g = drawn.get(arrange && vendor !== vendors[0] ? `bar ${vendor}` : 'bar')!;
				const rect = g.querySelector(`rect[data-key="Q1 2024 · ${vendor}"]`)!;
				return rect.getAttribute('fill') ?? g.getAttribute('fill');
			};
			for (const vendor of vendors) {
				expect(drawn.get(`legend ${vendor}`)?.textContent, vendor).toBe(vendor);
				const swatch = drawn.get(`legend swatch ${vendor}`)!.getAttribute('fill') ?? 'currentColor'; // Plot's default
				expect(swatch, vendor).toBe(fillOf(vendor));
			}
			// The legend sits over the plot: above the highest tick label.
			const { boxes } = textBoxes(renderSvg(chart, 'all', width));
			const legendBottom = Math.max(...boxes.filter((b) => b.group.startsWith('legend')).map((b) => b.bottom));
			expect(legendBottom).toBeLessThan(
				Math.min(...boxes.filter((b) => b.group.startsWith('y-axis')).map((b) => b.top)),
			);
		},
	);

	it('names each line at its end, in place of a legend', () => {
		const chart = declare('  - mark: line\n    x: date\n    y: revenue\n    series: vendor\n', `lines-${width}`);
		const svg = renderSvg(chart, 'all', width);
		const names = [...groups(svg).get('line series label')!.querySelectorAll('text')];
		expect(names.map((t) => t.textContent)).toEqual(vendors);
		expect(svg).not.toContain('legend');
		const boxes = textBoxes(svg).boxes.filter((b) => b.group === 'line series label');
		const lines = [...groups(svg).get('line')!.querySelectorAll('path')];
		const lastX = Math.max(
			...lines.flatMap((p) => [...p.getAttribute('d')!.matchAll(/([-\d.]+),[-\d.]+/g)].map((m) => Number(m[1]))),
		);
		for (const box of boxes) expect(box.left, box.text).toBeGreaterThan(lastX); // right of the lines' ends
	});

	it('labels each grouped bar over its own bar, and no two labels overlap', () => {
		const chart = declareSales(
			'  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n    arrange: grouped\n    labels: all\n',
			`grouped-labels-${width}`,
		);
		const svg = renderSvg(chart, 'all', width);
		const drawn = groups(svg);
		const boxes = textBoxes(svg).boxes.filter((b) => b.group.startsWith('bar value label'));
		expect(boxes).toHaveLength(12);
		vendors.forEach((vendor, i) => {
			const bars = rects(drawn.get(i === 0 ? 'bar' : `bar ${vendor}`));
			const labels = boxes.filter((b) => b.group === (i === 0 ? 'bar value label' : `bar value label ${vendor}`));
			labels.forEach((label, q) => {
				const bar = bars[q]!;
				expect(Math.abs((label.left + label.right) / 2 - (bar.x + bar.width / 2))).toBeLessThan(1);
				expect(label.bottom).toBeLessThanOrEqual(bar.y);
				expect(label.text).toBe(String(values[vendor]![q]));
			});
		});
	});

	it.each(['', '    arrange: grouped\n'])('keeps every label inside the chart (%s)', (arrange) => {
		const chart = declare(
			`  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n${arrange}`,
			`legible-${width}-${arrange.length}`,
		);
		const { boxes, height } = textBoxes(renderSvg(chart, 'all', width));
		for (const box of boxes) {
			expect(box.left, box.text).toBeGreaterThanOrEqual(-0.5);
			expect(box.right, box.text).toBeLessThanOrEqual(width + 0.5);
			expect(box.bottom, box.text).toBeLessThanOrEqual(height + 0.5);
		}
	});
});

describe('arrange mistakes', () => {
	const problems = (marks: string) =>
		checkDeclaration(
			'content/charts/t.yaml',
			`title: Test\nsubtitle: Revenue, US$ bn\ndataset: test-sales\nmarks:\n${marks}states:\n  all:\n    label: All\n`,
			[sales],
		).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);

	it('refuses grouped bars along dates, and arrange without a series', () => {
		expect(problems('  - mark: bar\n    x: date\n    y: revenue\n    series: vendor\n    arrange: grouped\n')).toEqual([
			'9:14: grouped bars sit side by side in the band of a text category, but "date" is dates: stack them (remove arrange), or use a text column such as a quarter’s name.',
		]);
		expect(problems('  - mark: bar\n    x: quarter\n    y: revenue\n    arrange: grouped\n')).toEqual([
			'8:5: "arrange" places the bars of each series: add series: <column>, or remove arrange.',
		]);
	});
});
