import { z } from 'astro/zod';

/**
 * The closed vocabulary of a chart declared in `content/charts/<id>.yaml`. Every key is listed
 * here; anything else is an error naming the valid keys. Values that refer to the data (columns,
 * rows, state names) are checked against the dataset in validate-declaration.ts.
 */

export const markTypes = ['bar', 'line', 'area', 'dot', 'text', 'rule', 'timeline', 'map'] as const;
/**
 * Marks drawn alone, without axes: a `timeline` of events down the page (`y` the date column, `text`
 * the event), and a `map`, points on the world map (`x` the longitude column, `y` the latitude).
 */
export const soloMarks = ['timeline', 'map'] as const;
export const directions = ['vertical', 'horizontal'] as const;
export const arrangements = ['stacked', 'grouped'] as const;
/** Which values a state writes on the chart. */
export const labelChoices = ['all', 'highlighted', 'last', 'ends', 'none'] as const;
/**
 * Colours an editor can name: the theme's (CSS variables, so dark mode follows). `providers` paints
 * each row in its provider's colour (Alibaba orange, Amazon, Microsoft, Google their own), others in
 * the accent colour.
 */
export const colourNames = ['alibaba', 'amazon', 'microsoft', 'google', 'accent', 'muted', 'ink', 'providers'] as const;

const text = (what: string) =>
	z.string({ error: (issue) => (issue.input === undefined ? `is missing: write ${what}` : `must be text: ${what}`) });
const scalar = z.union([z.string(), z.number()], { error: 'must be a number or text' });
const pair = z.tuple([scalar, scalar], { error: 'must be two values, [from, to], e.g. [0, 45]' });

export const formatKeys = ['prefix', 'suffix', 'unit', 'decimals'] as const;
const format = z.strictObject({
	/** Written before the number, e.g. "US$". */
	prefix: z.string().optional(),
	/** Written right after the number, e.g. "%". */
	suffix: z.string().optional(),
	/** Written after the number and a space, e.g. "bn". */
	unit: z.string().optional(),
	/** Digits after the decimal point (default: as written in the CSV). */
	decimals: z.number().int().min(0).max(6).optional(),
});

export const axisKeys = ['label', 'domain', 'ticks', 'grid'] as const;
const axis = z.strictObject({
	/** The axis title; `null` for none (then tick labels carry the format, e.g. "50%"). */
	label: z.string().nullable().optional(),
	/** The range drawn, [from, to]: numbers, or dates (YYYY-MM-DD) on a time axis. */
	domain: pair.optional(),
	/** About how many ticks (a number), or exactly which values (a list). */
	ticks: z
		.union([z.number().int().min(0), z.array(scalar)], { error: 'must be a count or a list of values' })
		.optional(),
	/** Grid lines across the chart at each tick. */
	grid: z.boolean().optional(),
});

export const heightKeys = ['phone', 'desktop'] as const;
const height = z.strictObject({
	phone: z.number().int().min(100).max(1200),
	desktop: z.number().int().min(100).max(1200),
});

export const markKeys = [
	'mark',
	'direction',
	'x',
	'y',
	'series',
	'arrange',
	'key',
	'labels',
	'text',
	'label',
	'at',
	'confidence',
	'when',
	'gaps',
	'colour',
	'format',
	'states',
] as const;
const mark = z.strictObject({
	mark: z.enum(markTypes),
	/** Bars only: `vertical` (columns, the default) or `horizontal`. */
	direction: z.enum(directions).optional(),
	/**
	 * A column name; on a rule, the value where the line is drawn. A timeline's `y` is its date
	 * column; a map's `x` is the longitude column and `y` the latitude.
	 */
	x: scalar.optional(),
	y: scalar.optional(),
	/** A column whose values are separate series: a colour each, bars stacked or grouped, one line each. */
	series: z.string().optional(),
	/** Bars with a series: `stacked` (the default) or `grouped` side by side. */
	arrange: z.enum(arrangements).optional(),
	/** A column naming each row: it keeps a datum's identity between states (for animation) and in text alternatives. */
	key: z.string().optional(),
	/** Which values are written on the chart in every state (a state can change it). */
	labels: z.enum(labelChoices).optional(),
	/** Text marks: the column to write; timelines: the event's words; maps: the place's name. */
	text: z.string().optional(),
	/** Rules: the line's label, e.g. "two-thirds". Timelines: what the events are, for the text alternative, e.g. "Qwen model releases". */
	label: z.string().optional(),
	/** Rules: the row beside which the label is written, e.g. { quarter: Q1 2023 }. */
	at: z.record(z.string(), scalar).optional(),
	/** A column saying "confirmed", "one source" or "derived": labels of single-source values get *, derived ones †. */
	confidence: z.string().optional(),
	/** Timelines: the column with the date as written; "about …" marks an approximate day, drawn "~3 Aug". */
	when: z.string().optional(),
	/** Bars: rows with no value are `blank` (the default) or `labelled` "no figure". */
	gaps: z.enum(['blank', 'labelled']).optional(),
	colour: z.enum(colourNames).optional(),
	/** How this mark's values are written, when not as the chart's `format`. */
	format: format.optional(),
	/** The states that draw this mark (default: every state). */
	states: z.array(z.string()).optional(),
});

export const stateKeys = [
	'label',
	'highlight',
	'colour',
	'only',
	'zoom',
	'labels',
	'note',
	'rule',
	'x',
	'y',
	'alt',
] as const;
/** Which rows: `{ column: value }`, `{ column: [values] }`, `{ column: { from, to } }`, or `first` / `last`. */
const rows = z.unknown();
const state = z.strictObject({
	/** A short label for the gallery and the editors' reference, e.g. "Alibaba highlighted". */
	label: text('a short label for the gallery, e.g. "Alibaba highlighted"'),
	/** The rows to highlight: painted in the highlight colour, the rest muted. */
	highlight: rows.optional(),
	/** The highlight colour (default: alibaba). */
	colour: z.enum(colourNames).optional(),
	/** Show only these rows. */
	only: rows.optional(),
	/** Zoom to a part of an axis: { x: [from, to] } or { y: [from, to] }. */
	zoom: z.strictObject({ x: pair.optional(), y: pair.optional() }).optional(),
	/** Which values are written on the chart. */
	labels: z.enum(labelChoices).optional(),
	/** A note written beside one row: { at: { quarter: Q3 2024 }, text: "…" }. */
	note: z.strictObject({ at: rows, text: text('the note') }).optional(),
	/** A reference line: { y: 50, label: "half" }. */
	rule: z.strictObject({ x: scalar.optional(), y: scalar.optional(), label: z.string().optional() }).optional(),
	/** Axis settings for this state (e.g. another measure's label). */
	x: axis.optional(),
	y: axis.optional(),
	/** The text alternative, with {column} placeholders; default: a sentence derived from the data. */
	alt: z.string().optional(),
});

export const chartKeys = [
	'title',
	'subtitle',
	'dataset',
	'table',
	'format',
	'height',
	'x',
	'y',
	'marks',
	'states',
] as const;
export const declarationSchema = z.strictObject({
	title: text('the chart’s headline, e.g. "At home, Alibaba leads"').min(1, 'is empty: write the chart’s headline'),
	subtitle: text('what is measured, with unit and period').min(1, 'is empty: write what is measured'),
	/** A dataset's name: a CSV in content/data without its extension. */
	dataset: text('the name of a dataset in content/data, e.g. canalys-china-market'),
	/** The data table's columns, in order, with their headings; default: every column. */
	table: z
		.record(z.string(), z.string(), { error: 'must map each column to its heading, e.g. share: Share, %' })
		.optional(),
	format: format.optional(),
	height: height.optional(),
	x: axis.optional(),
	y: axis.optional(),
	marks: z
		.array(mark, { error: 'must be a list of marks, e.g. - mark: bar' })
		.min(1, 'is empty: add at least one mark'),
	states: z
		.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. latest-quarter'), state, {
			error: 'must map each state name to what it shows, e.g. alibaba: { label: …, highlight: { vendor: Alibaba } }',
		})
		.refine((s) => Object.keys(s).length > 0, 'is empty: add at least one state'),
});

export type Declaration = z.infer<typeof declarationSchema>;
export type MarkSpec = Declaration['marks'][number];
export type StateSpec = Declaration['states'][string];
export type AxisSpec = NonNullable<Declaration['x']>;
export type FormatSpec = NonNullable<Declaration['format']>;
export type ColourName = (typeof colourNames)[number];
export type LabelChoice = (typeof labelChoices)[number];

/** The valid keys of the object at a path in a declaration, for "unknown key" messages. */
export function keysAt(path: readonly PropertyKey[]): readonly string[] {
	const [first, , third] = path;
	if (path.length === 0) return chartKeys;
	if (first === 'format' || (first === 'marks' && path[2] === 'format')) return formatKeys;
	if (first === 'height') return heightKeys;
	if (first === 'x' || first === 'y') return axisKeys;
	if (first === 'marks') return markKeys;
	if (first === 'states') {
		if (path.length === 2) return stateKeys;
		if (third === 'x' || third === 'y') return axisKeys;
		if (third === 'zoom') return ['x', 'y'];
		if (third === 'note') return ['at', 'text'];
		if (third === 'rule') return ['x', 'y', 'label'];
	}
	return [];
}
