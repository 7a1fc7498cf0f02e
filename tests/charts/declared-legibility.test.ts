import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { declaredCharts } from '../../src/charts/index.ts';
import { textWidth, type Weight } from '../../src/render/fonts.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';

// Item 3 of the declared charts: legible at every width with no editor work. Every text of every
// declared chart, state and width is measured with the charts' font (Inter's metrics, the TTF the
// PNGs are rendered with): it stays inside the chart, and no two tick labels of an axis overlap.

interface Box {
	readonly text: string;
	readonly group: string;
	readonly left: number;
	readonly right: number;
	readonly top: number;
	readonly bottom: number;
}

const number = (value: string | null, size: number): number => {
	if (!value) return 0;
	return value.endsWith('em') ? Number.parseFloat(value) * size : Number.parseFloat(value);
};

function translate(el: Element): [number, number] {
	const match = /translate\(([-\d.]+)(?:[ ,]+([-\d.]+))?\)/.exec(el.getAttribute('transform') ?? '');
	return match ? [Number(match[1]), Number(match[2] ?? 0)] : [0, 0];
}

const inherited = (el: Element, name: string): string | null => {
	for (let node: Element | null = el; node; node = node.parentElement) {
		const value = node.getAttribute(name);
		if (value !== null) return value;
	}
	return null;
};

/** The box of every line of text in a rendered SVG, in the SVG's coordinates. */
export function textBoxes(svg: string): { width: number; height: number; boxes: Box[] } {
	const root = parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg')!;
	const [, , width, height] = root.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
	const boxes: Box[] = [];
	for (const text of root.querySelectorAll('text')) {
		let [x, y] = [0, 0];
		for (let node: Element | null = text; node && node !== root; node = node.parentElement) {
			const [tx, ty] = translate(node);
			x += tx;
			y += ty;
		}
		const size = Number(inherited(text, 'font-size') ?? 13);
		const weight: Weight = /bold|[6-9]00/.test(inherited(text, 'font-weight') ?? '') ? 'bold' : 'regular';
		const anchor = inherited(text, 'text-anchor') ?? 'start';
		x += number(text.getAttribute('x'), size) + number(text.getAttribute('dx'), size);
		y += number(text.getAttribute('y'), size) + number(text.getAttribute('dy'), size);
		const spans = [...text.querySelectorAll('tspan')];
		const lines = spans.length
			? spans.map((span) => {
					y += number(span.getAttribute('y'), size) + number(span.getAttribute('dy'), size);
					return { text: span.textContent ?? '', baseline: y };
				})
			: [{ text: text.textContent ?? '', baseline: y }];
		const group = text.parentElement?.getAttribute('data-key') ?? '';
		for (const line of lines) {
			const w = textWidth(line.text, size, weight);
			const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
			// Inter's ascent to the cap height and its descent, about 0.73 and 0.2 em.
			boxes.push({
				text: line.text,
				group,
				left,
				right: left + w,
				top: line.baseline - 0.73 * size,
				bottom: line.baseline + 0.2 * size,
			});
		}
	}
	return { width, height, boxes };
}

const overlap = (a: Box, b: Box): boolean =>
	Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
	Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

const cases = declaredCharts.flatMap((chart) =>
	chart.stateNames.flatMap((state) => widths.map((w) => [chart.id, state, w] as const)),
);

describe('declared charts are legible at every width', () => {
	it('has declared charts to check', () => expect(cases.length).toBeGreaterThan(0));

	it.each(cases)(
		'%s / %s at %d px: every label inside the chart, no two tick labels overlapping',
		(id, state, width) => {
			const chart = declaredCharts.find((c) => c.id === id)!;
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
