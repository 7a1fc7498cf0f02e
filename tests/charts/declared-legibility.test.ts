import { describe, expect, it } from 'vitest';
import { declaredCharts } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';
import { fixtureCharts } from './declared-fixtures.ts';
import { textBoxes, type Box } from './text-boxes.ts';

// Item 3 of the declared charts: legible at every width with no editor work. Every text of every
// declared chart, state and width is measured with the charts' font (Inter's metrics, the TTF the
// PNGs are rendered with): it stays inside the chart, no two tick labels of an axis overlap, and
// value labels, notes and legends overlap no other text. Beside the story's charts, charts of the
// marks it does not use yet (grouped and stacked bars, lines and areas with a series, a long note).

const overlap = (a: Box, b: Box): boolean =>
	Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
	Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

const checked = [...declaredCharts, ...fixtureCharts()];
/** Text that is placed among the marks, not on an axis: it must overlap no other text. */
const placed = (box: Box): boolean => / value label|^note$|^legend| series label$/.test(box.group);
const cases = checked.flatMap((chart) =>
	chart.stateNames.flatMap((state) => widths.map((w) => [chart.id, state, w] as const)),
);

describe('declared charts are legible at every width', () => {
	it('has declared charts to check', () => expect(cases.length).toBeGreaterThan(0));

	it.each(cases)(
		'%s / %s at %d px: every label inside the chart, no two tick labels, value labels or notes overlapping',
		(id, state, width) => {
			const chart = checked.find((c) => c.id === id)!;
			const { boxes, height } = textBoxes(renderSvg(chart, state, width));
			expect(boxes.length).toBeGreaterThan(0);
			for (const box of boxes) {
				const where = `"${box.text}" (${box.group}) at ${box.left.toFixed(1)}–${box.right.toFixed(1)} × ${box.top.toFixed(1)}–${box.bottom.toFixed(1)}`;
				expect(box.left, where).toBeGreaterThanOrEqual(-0.5);
				expect(box.right, where).toBeLessThanOrEqual(width + 0.5);
				expect(box.top, where).toBeGreaterThanOrEqual(-0.5);
				expect(box.bottom, where).toBeLessThanOrEqual(height + 0.5);
			}
			const ticks = boxes.filter((b) => / tick label$/.test(b.group));
			for (const [i, a] of ticks.entries()) {
				for (const b of ticks.slice(i + 1)) {
					if (a.group === b.group)
						expect(overlap(a, b), `"${a.text}" and "${b.text}" overlap (${a.group})`).toBe(false);
				}
			}
			for (const [i, a] of boxes.entries()) {
				for (const b of boxes.slice(i + 1)) {
					if (placed(a) || placed(b))
						expect(overlap(a, b), `"${a.text}" (${a.group}) and "${b.text}" (${b.group}) overlap`).toBe(false);
				}
			}
		},
	);
});

describe('textBoxes(svg)', () => {
	it('measures a label with the font: a wider label is a wider box, anchored as written', () => {
		const svg = (text: string, anchor: string) =>
			`<svg viewBox="0 0 100 50"><g text-anchor="${anchor}" transform="translate(10,0)"><text transform="translate(40,20)">${text}</text></g></svg>`;
		const [short] = textBoxes(svg('Q2 ’23', 'middle')).boxes;
		const [long] = textBoxes(svg('Q2 2023', 'middle')).boxes;
		expect(long!.right - long!.left).toBeGreaterThan(short!.right - short!.left);
		expect((short!.left + short!.right) / 2).toBeCloseTo(50);
		expect(textBoxes(svg('Q2', 'end')).boxes[0]!.right).toBeCloseTo(50);
	});
});
