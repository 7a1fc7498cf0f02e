import { readFileSync } from 'node:fs';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

/*
 * src/render/mark-keys.ts leans on parts of Observable Plot that are not its documented API. This
 * file checks each of them against Plot itself, so that after a Plot upgrade a failure here names
 * what changed (and so which part of mark-keys.ts to rewrite) before the snapshots merely differ.
 * See "Upgrading Plot" in the README.
 */
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
	dependencies: Record<string, string>;
};
const installed = (
	JSON.parse(readFileSync(new URL('../../node_modules/@observablehq/plot/package.json', import.meta.url), 'utf8')) as {
		version: string;
	}
).version;

const rows = [
	{ name: 'A', value: 3, group: 'x' },
	{ name: 'B', value: 5, group: 'x' },
	{ name: 'C', value: 4, group: 'y' },
];

/** Draws with Plot on a server-side document, as src/render/render-svg.ts does. */
function draw(options: Plot.PlotOptions): Element {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return Plot.plot({ width: 360, ...options, document });
}
const groupOf = (svg: Element, label: string): Element => {
	const group = [...svg.children].find((g) => g.getAttribute('aria-label') === label);
	if (!group) throw new Error(`Plot drew no <g aria-label="${label}">`);
	return group;
};
const dataOf = (elements: Iterable<Element>): unknown[] =>
	[...elements].map((el) => (el as { __data__?: unknown }).__data__);

describe('the Plot version', () => {
	it('is pinned to one exact version in package.json, the one installed', () => {
		const wanted = pkg.dependencies['@observablehq/plot'];
		expect(
			wanted,
			'package.json must pin @observablehq/plot to an exact version (no ^ or ~): mark-keys.ts reads Plot internals',
		).toMatch(/^\d+\.\d+\.\d+$/);
		expect(installed, 'the installed Plot is not the pinned one: run npm install').toBe(wanted);
	});
});

describe('the Plot internals src/render/mark-keys.ts uses', () => {
	it('Plot calls mark.render as a method of the mark, with (index, scales, values, dimensions, context)', () => {
		const mark = Plot.dot(rows, { x: 'value', y: 'name', channels: { key: 'name' } }) as unknown as {
			render: (...args: unknown[]) => unknown;
		};
		expect(typeof mark.render, 'a Plot mark no longer has a render method').toBe('function');
		const calls: { self: unknown; args: unknown[] }[] = [];
		const render = mark.render;
		// mark-keys.ts replaces render on the mark object itself: Plot must call that one.
		mark.render = function (this: unknown, ...args: unknown[]) {
			calls.push({ self: this, args });
			return render.apply(this, args);
		};
		draw({ marks: [mark as unknown as Plot.Markish] });
		expect(calls.length, 'Plot did not call the render method set on the mark object').toBe(1);
		const { self, args } = calls[0]!;
		expect(self, 'Plot no longer calls render with the mark as `this`').toBe(mark);
		expect(args.length, 'render is no longer called with (index, scales, values, dimensions, context)').toBe(5);
		expect(
			Array.from(args[0] as ArrayLike<number>),
			'render’s first argument is no longer the index of the rows drawn',
		).toEqual([0, 1, 2]);
		const channels = (args[2] as { channels?: Record<string, { value?: ArrayLike<unknown> }> }).channels;
		expect(channels, 'render’s third argument (values) no longer carries `channels`').toBeDefined();
		expect(
			Array.from(channels!['key']?.value ?? []),
			'values.channels.key.value is no longer the raw values of a declared `key` channel, by row',
		).toEqual(['A', 'B', 'C']);
		expect(render.apply(mark, args), 'render no longer returns an element').toHaveProperty('tagName');
	});

	it('values.channels.z.value holds the series of a line with a stroke channel', () => {
		const mark = Plot.lineY(rows, { x: 'name', y: 'value', stroke: 'group' }) as unknown as {
			render: (...args: unknown[]) => unknown;
		};
		let z: unknown;
		const render = mark.render;
		mark.render = function (this: unknown, ...args: unknown[]) {
			z = (args[2] as { channels?: Record<string, { value?: ArrayLike<unknown> }> }).channels?.['z']?.value;
			return render.apply(this, args);
		};
		draw({ marks: [mark as unknown as Plot.Markish] });
		expect(z && Array.from(z as ArrayLike<unknown>), 'values.channels.z.value no longer holds a line’s series').toEqual(
			['x', 'x', 'y'],
		);
	});

	it('a mark’s ariaLabel is its type, and its drawn group carries it as aria-label', () => {
		const bar = Plot.barX(rows, { x: 'value', y: 'name' }) as unknown as { ariaLabel?: string };
		expect(bar.ariaLabel, 'mark.ariaLabel is no longer the mark’s type ("bar")').toBe('bar');
		groupOf(draw({ marks: [bar as unknown as Plot.Markish] }), 'bar');
	});

	it('every element a mark draws has __data__: its row’s index in the data', () => {
		const svg = draw({
			marks: [Plot.barX(rows, { x: 'value', y: 'name', filter: (d: { name: string }) => d.name !== 'A' })],
		});
		expect(dataOf(groupOf(svg, 'bar').children), 'drawn elements no longer carry __data__ = the row’s index').toEqual([
			1, 2,
		]);
	});

	it('a line’s path has __data__: the list of its rows’ indices', () => {
		const svg = draw({ marks: [Plot.lineY(rows, { x: 'name', y: 'value', stroke: 'group' })] });
		expect(dataOf(groupOf(svg, 'line').children), 'a line path’s __data__ is no longer its index array').toEqual([
			[0, 1],
			[2],
		]);
	});

	it('an axis tick and its label share a __data__, unique to that tick', () => {
		const svg = draw({ y: { ticks: [3, 4, 5] }, marks: [Plot.dot(rows, { x: 'name', y: 'value' })] });
		const ticks = dataOf(groupOf(svg, 'y-axis tick').children);
		expect(new Set(ticks).size, 'y-axis ticks no longer carry a __data__ unique to each tick').toBe(3);
		const labels = groupOf(svg, 'y-axis tick label').children;
		expect(dataOf(labels), 'a tick label’s __data__ is no longer its tick’s').toEqual(ticks);
		expect([...labels].map((label) => label.textContent)).toEqual(['3.0', '4.0', '5.0']);
	});

	it('a faceted mark draws one group per facet, with __data__ { i, x } naming the facet', () => {
		const svg = draw({ marks: [Plot.dot(rows, { x: 'value', fx: 'group' })] });
		const facets = dataOf(groupOf(svg, 'dot').children) as { i?: unknown; x?: unknown }[];
		expect(
			facets.map((f) => f && typeof f === 'object' && 'i' in f && f.x),
			'a facet group’s __data__ is no longer { i, x, y }',
		).toEqual(['x', 'y']);
	});

	it('the element a mark’s render returns is the one Plot puts in the SVG, as a direct child', () => {
		const mark = Plot.dot(rows, { x: 'value', y: 'name' }) as unknown as { render: (...args: unknown[]) => unknown };
		let returned: unknown;
		const render = mark.render;
		mark.render = function (this: unknown, ...args: unknown[]) {
			return (returned = render.apply(this, args));
		};
		let fromFunction: unknown;
		const svg = draw({
			marks: [
				mark as unknown as Plot.Markish,
				(_index: unknown, _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) =>
					(fromFunction = context.document.createElementNS('http://www.w3.org/2000/svg', 'g')),
			],
		});
		// mark-keys.ts leaves its notes on these very elements and reads them from the SVG's children.
		expect([...svg.children], 'Plot no longer inserts the element render returns (a copy?)').toContain(returned);
		expect([...svg.children], 'Plot no longer inserts the element a function mark returns').toContain(fromFunction);
	});
});
