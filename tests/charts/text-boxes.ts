// Where each line of text of a rendered chart SVG is, measured with the charts' font (Inter's
// metrics, the TTF the PNGs are rendered with): what the legibility tests check.
import { parseHTML } from 'linkedom';
import { textWidth, type Weight } from '../../src/render/fonts.ts';

export interface Box {
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
