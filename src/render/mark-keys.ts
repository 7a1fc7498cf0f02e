/**
 * Keys for animated transitions. Every mark of a rendered chart gets a `data-key`, and every
 * element a mark draws gets a `data-key` naming its datum, unique among its siblings. Between two
 * states of one chart, elements with the same key path are the same mark drawing the same datum,
 * so the browser (src/client/transition.ts) moves and recolours them instead of swapping pictures.
 *
 * A mark's key is its Plot `ariaLabel` (by default its type: "bar", "dot", "y-axis tick label" …),
 * numbered when the chart declares several ("dot", "dot~2" …, counting marks that draw nothing in
 * this state, so an empty mark does not shift the others). Give a mark its own `ariaLabel` when a
 * state adds or removes marks of its type before it. The rendered SVG keeps no aria-label.
 *
 * An element's key is, in order of preference:
 * - the mark's `key` channel, if the chart declares one: `Plot.barX(rows, { …, channels: { key: 'vendor' } })`;
 * - for a series (a line or area path), its `z` value (`z`, or a `stroke`/`fill` channel);
 * - otherwise the datum's index in the mark's data: stable as long as every state of the chart
 *   passes the same rows in the same order (use the mark's `filter` option, or a key channel,
 *   when a state shows fewer rows);
 * - on axes and grids, the tick label (so the tick "2023" is the same tick in every state);
 * - for facets, the facet's values.
 *
 * This wraps Plot's `mark.render` and reads `__data__`, which are Plot internals: Plot is pinned to
 * an exact version and tests/charts/plot-internals.test.ts names any of them that an upgrade changes.
 */
import type * as Plot from '@observablehq/plot';

type Datum = { __data__?: unknown };
type Keyed = { __keys__?: ArrayLike<unknown>; __mark__?: string } & Drawn;
/** What a mark drew from, left on its rendered element for src/render/details.ts. */
export interface Drawn {
	__rows__?: ArrayLike<unknown>;
	__values__?: Record<string, ArrayLike<unknown> | undefined>;
}
type Initialize = (this: unknown, ...args: unknown[]) => { data?: ArrayLike<unknown> };
type Render = (this: unknown, ...args: unknown[]) => Element | null;
type Channels = Record<string, { value: ArrayLike<unknown> } | undefined>;

const wrapped = new WeakSet<object>();
// Each declared mark's key in the chart being rendered (rendering is synchronous).
const markKeys = new WeakMap<object, string>();
const markRows = new WeakMap<object, ArrayLike<unknown> | undefined>();

/**
 * Names every mark of a Plot `marks` option and lets it leave its name and its key channel (or
 * `z`) on the element it renders, for `keySvg` to read. Returns the marks to render.
 */
export function prepareMarks(marks: Plot.Markish[] | undefined): Plot.Markish[] | undefined {
	if (!marks) return marks;
	const seen = new Map<string, number>();
	const name = (label: string): string => {
		const count = (seen.get(label) ?? 0) + 1;
		seen.set(label, count);
		return count === 1 ? label : `${label}~${count}`;
	};
	const prepare = (mark: unknown): unknown => {
		if (Array.isArray(mark)) return mark.map(prepare);
		// A render function used as a mark: its output carries the name.
		if (typeof mark === 'function') {
			const key = name('g');
			return (...args: unknown[]) => {
				const node = (mark as Render)(...args);
				if (node) (node as Keyed).__mark__ = key;
				return node;
			};
		}
		const m = mark as (Plot.Mark & { render?: Render; initialize?: Initialize; ariaLabel?: string }) | null;
		if (!m || typeof m.render !== 'function') return mark;
		markKeys.set(m, name(m.ariaLabel ?? 'mark'));
		if (!wrapped.has(m)) {
			wrapped.add(m);
			const render = m.render;
			const initialize = m.initialize;
			// The mark's data after its transforms: what the indices of its elements refer to.
			if (typeof initialize === 'function')
				m.initialize = function (this: unknown, ...args: unknown[]) {
					const state = initialize.apply(this, args);
					markRows.set(this as object, state.data);
					return state;
				};
			m.render = function (this: unknown, ...args: unknown[]) {
				const node = render.apply(this, args);
				if (node) {
					(node as Keyed).__rows__ = markRows.get(this as object);
					(node as Keyed).__values__ = args[2] as Drawn['__values__'];
				}
				const channels = (args[2] as { channels?: Channels } | undefined)?.channels;
				const keys = channels?.key?.value ?? channels?.z?.value;
				if (node && keys) (node as Keyed).__keys__ = keys;
				if (node) (node as Keyed).__mark__ = markKeys.get(this as object);
				return node;
			};
		}
		return m;
	};
	return marks.map(prepare) as Plot.Markish[];
}

/** Sets `data-key` on every mark of a Plot SVG (before serialising) and on every element it draws. */
export function keySvg(svg: Element): void {
	const marks = [...svg.children].filter((el) => el.tagName.toLowerCase() !== 'style');
	// A faceted mark is a group of one element per facet, each rendered by the mark.
	const names = marks.map(
		(mark) =>
			(mark as Keyed).__mark__ ??
			(mark.firstElementChild as Keyed | null)?.__mark__ ??
			mark.getAttribute('aria-label') ??
			mark.tagName.toLowerCase(),
	);
	setKeys(marks, names);
	marks.forEach((mark, i) => {
		const axis = /^(f?[xy])-(?:axis tick|grid)/.exec(names[i]!)?.[1];
		const labels = axis ? marks[names.indexOf(`${axis}-axis tick label`)] : undefined;
		keyChildren(mark, labels && tickLabels(labels), /-(?:axis|grid)/.test(names[i]!));
	});
}

// Tick labels by the index of their tick: a tick line and its label share that index.
function tickLabels(group: Element): Map<unknown, string> {
	return new Map([...group.children].map((el) => [(el as Datum).__data__, el.textContent ?? '']));
}

function keyChildren(
	parent: Element,
	labels: Map<unknown, string> | undefined,
	isAxis: boolean,
	inherited?: ArrayLike<unknown>,
): void {
	const children = [...parent.children];
	const keys = (parent as Keyed).__keys__ ?? inherited;
	setKeys(
		children,
		children.map((child, position) => {
			const datum = (child as Datum).__data__;
			if (isAxis && child.tagName.toLowerCase() === 'text') return child.textContent ?? '';
			if (labels?.has(datum)) return labels.get(datum)!;
			return datumKey(datum, keys) ?? String(position);
		}),
	);
	for (const child of children) if (child.tagName.toLowerCase() === 'g') keyChildren(child, undefined, isAxis, keys);
}

function datumKey(datum: unknown, keys: ArrayLike<unknown> | undefined): string | undefined {
	// A series (line, area) is drawn from a list of indices, where -1 marks a gap.
	const index = Array.isArray(datum) ? (datum as number[]).find((i) => i >= 0) : datum;
	if (typeof index === 'number') return format(keys ? keys[index] : index);
	if (datum && typeof datum === 'object' && 'i' in datum) {
		const facet = datum as { x?: unknown; y?: unknown };
		return [facet.x, facet.y]
			.filter((v) => v !== undefined)
			.map(format)
			.join('|');
	}
	return undefined;
}

const format = (value: unknown): string =>
	value instanceof Date ? value.toISOString().replace(/T00:00:00\.000Z$/, '') : String(value);

// Keys are unique among siblings: a repeated key gets "~2", "~3" … in document order.
function setKeys(elements: readonly Element[], keys: readonly string[]): void {
	const seen = new Map<string, number>();
	elements.forEach((el, i) => {
		const key = keys[i]!;
		const count = (seen.get(key) ?? 0) + 1;
		seen.set(key, count);
		el.setAttribute('data-key', count === 1 ? key : `${key}~${count}`);
	});
}
