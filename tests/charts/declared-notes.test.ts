import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { declaredCharts } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';
import { fixtureCharts } from './declared-fixtures.ts';
import { textBoxes, type Box } from './text-boxes.ts';

// A state's note (`note: { at: …, text: … }`) is written where it crosses no bar, line or area of
// the chart when there is room: on a line chart with a series, not across the lines.

type Point = readonly [number, number];

/** The polylines of every path and the boxes of every rect that the chart's marks draw. */
function markShapes(svg: string): { lines: Point[][]; rects: Box[] } {
	const root = parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg')!;
	const lines: Point[][] = [];
	const rects: Box[] = [];
	for (const g of root.children) {
		const name = g.getAttribute('data-key') ?? '';
		if (!/^(bar|line|area|dot)\b/.test(name) || / label| gap/.test(name)) continue;
		const [dx, dy] = (/translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '') ?? [0, 0, 0])
			.slice(1)
			.map(Number) as [number, number];
		for (const path of g.querySelectorAll('path')) {
			const runs = (path.getAttribute('d') ?? '').split('M').filter(Boolean);
			for (const run of runs)
				lines.push(
					run
						.replace(/Z/g, '')
						.split('L')
						.map((p) => p.split(',').map(Number) as [number, number])
						.map(([x, y]) => [x + dx, y + dy] as const),
				);
		}
		for (const r of g.querySelectorAll('rect')) {
			const at = (a: string) => Number(r.getAttribute(a) ?? 0);
			const [x, y] = [at('x') + dx, at('y') + dy];
			rects.push({ text: '', group: name, left: x, right: x + at('width'), top: y, bottom: y + at('height') });
		}
	}
	return { lines, rects };
}

const crosses = (box: Box, [a, b]: readonly [Point, Point]): boolean => {
	// Sampled along the segment: fine enough for boxes of text 13 px tall.
	for (let t = 0; t <= 1; t += 1 / 64) {
		const [x, y] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
		if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true;
	}
	return false;
};
const covers = (a: Box, b: Box): boolean =>
	Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 &&
	Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;

/** Every state with a note of a chart with axes (a timeline's or a map's notes have their own tests). */
const cases = [...declaredCharts, ...fixtureCharts()].flatMap((chart) =>
	chart.stateNames
		.filter((state) => {
			const svg = renderSvg(chart, state, widths[0]);
			return /data-key="[xy]-axis/.test(svg) && textBoxes(svg).boxes.some((b) => b.group === 'note');
		})
		.flatMap((state) => widths.map((w) => [chart.id, state, w, chart] as const)),
);

describe('a note crosses no mark', () => {
	it('has charts with notes to check, a line chart with a series among them', () => {
		expect(cases.map(([id]) => id)).toContain('test-lines');
		expect(cases.map(([id]) => id)).toContain('test-note-last');
	});

	it.each(cases)('%s / %s at %d px', (_id, state, width, chart) => {
		const svg = renderSvg(chart, state, width);
		const notes = textBoxes(svg).boxes.filter((b) => b.group === 'note');
		const { lines, rects } = markShapes(svg);
		expect(lines.length + rects.length).toBeGreaterThan(0);
		for (const note of notes) {
			for (const rect of rects) expect(covers(note, rect), `"${note.text}" covers a ${rect.group}`).toBe(false);
			for (const line of lines)
				for (let i = 1; i < line.length; i++)
					expect(crosses(note, [line[i - 1]!, line[i]!]), `"${note.text}" crosses a line`).toBe(false);
		}
	});
});
