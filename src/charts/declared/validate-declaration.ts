import type { core } from 'astro/zod';
import { closest } from '../../problems/closest.ts';
import { ProblemsError, type Problem } from '../../problems/problem.ts';
import type { Dataset } from '../../data/define-dataset.ts';
import { selects, type AnyRow, type Selector } from './rows.ts';
import {
	declarationSchema,
	keysAt,
	markTypes,
	soloMarks,
	type Declaration,
	type MarkSpec,
	type StateSpec,
} from './vocabulary.ts';
import { parseYamlSource, type Position, type YamlSource } from '../../problems/located-text.ts';

/** One mistake in a declaration: where it is written (always with its column) and what to do about it. */
export type DeclarationProblem = Problem & Position;

/** The hint under a declaration's problems. */
export const declarationHint = 'See "Make a chart" in content/EDITORS.md: it lists every key a chart can use.';

/** A declaration that passed every check, with the dataset it draws. */
export interface CheckedDeclaration {
	readonly id: string;
	readonly file: string;
	readonly declaration: Declaration;
	readonly dataset: Dataset;
}

type Path = readonly PropertyKey[];

/** The list an editor picks from, as messages show it: "a, b and c" (quoted when `quote`). */
const names = (options: readonly string[]): string => options.join(', ');
const didYouMean = (name: string, options: readonly string[]): string => {
	const near = closest(name, options);
	return near ? `did you mean "${near}"? ` : '';
};

/** Where a path is, as an editor reads it: `states.alibaba.highlight`. */
const dotted = (path: Path): string => path.map(String).join('.');

/** Returns the problems of a declaration's text, or the checked declaration. */
export function checkDeclaration(
	file: string,
	text: string,
	datasets: readonly Dataset[],
): { problems: DeclarationProblem[]; checked?: CheckedDeclaration } {
	const source = parseYamlSource(file, text);
	const problems: DeclarationProblem[] = [];
	const report = (at: Position, message: string) => problems.push({ file, ...at, message });
	// What a file saved as Latin-1 or Windows-1252 becomes when read as UTF-8 (as the CSV check says).
	const garbled = text.indexOf('\uFFFD');
	if (garbled >= 0) {
		const before = text.slice(0, garbled).split('\n');
		report(
			{ line: before.length, column: before.at(-1)!.length + 1 },
			'a character is not valid UTF-8 (shown as \uFFFD): save the file as UTF-8, then check the accented letters.',
		);
	}
	for (const error of source.syntaxErrors) report(error, `${error.message}: fix the YAML syntax.`);
	if (source.syntaxErrors.length > 0) return { problems };
	for (const dup of source.duplicateKeys) {
		const first = source.at([...dup.path, dup.key], { key: true });
		report(
			dup,
			dup.path.length === 1 && dup.path[0] === 'states'
				? `duplicate state "${dup.key}" (the first is on line ${first.line}): give each state its own name.`
				: `duplicate key "${dup.key}" in ${dup.path.length ? dotted(dup.path) : 'the chart'} (the first is on line ${first.line}): keep one.`,
		);
	}
	if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
		report({ line: 1, column: 1 }, `the file must describe a chart: ${keysAt([]).join(', ')}.`);
		return { problems };
	}
	// Zod's records skip a key named __proto__ (it would set the prototype): a state of that name would vanish.
	const states: unknown = (source.value as { states?: unknown }).states;
	if (states !== null && typeof states === 'object' && Object.hasOwn(states, '__proto__'))
		report(
			source.at(['states', '__proto__'], { key: true }),
			'"states.__proto__" must be kebab-case, e.g. latest-quarter.',
		);
	const parsed = declarationSchema.safeParse(source.value, { reportInput: true });
	if (!parsed.success) {
		// A misspelt key ("subtitel") is named once, as unknown with its correction, not also as a missing "subtitle".
		const misspelt = new Set(
			parsed.error.issues.flatMap((issue) =>
				issue.code === 'unrecognized_keys'
					? issue.keys.map((key) => dotted([...issue.path, closest(key, keysAt(issue.path)) ?? key]))
					: [],
			),
		);
		for (const issue of parsed.error.issues)
			if (!(issue.code === 'invalid_type' && issue.input === undefined && misspelt.has(dotted(issue.path))))
				problems.push(...schemaProblems(issue, source));
		return { problems: sorted(problems) };
	}
	const declaration = parsed.data;
	const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
	const dataset = datasets.find((d) => d.name === declaration.dataset);
	if (!dataset) {
		const all = datasets.map((d) => d.name);
		report(
			source.at(['dataset']),
			`unknown dataset "${declaration.dataset}": ${didYouMean(declaration.dataset, all)}The datasets are: ${names(all)}.`,
		);
		return { problems: sorted(problems) };
	}
	problems.push(...dataProblems(declaration, dataset, source));
	if (problems.length > 0) return { problems: sorted(problems) };
	return { problems, checked: { id, file, declaration, dataset } };
}

/** Checks a declaration and throws an AstroError listing every problem (the build and `npm run check` print it). */
export function checkedOrThrow(file: string, text: string, datasets: readonly Dataset[]): CheckedDeclaration {
	const { problems, checked } = checkDeclaration(file, text, datasets);
	if (checked) return checked;
	throw new ProblemsError(problems, declarationHint);
}

const sorted = (problems: DeclarationProblem[]) => problems.toSorted((a, b) => a.line - b.line || a.column - b.column);

function schemaProblems(issue: core.$ZodIssue, source: YamlSource): DeclarationProblem[] {
	const where = (path: Path) => (path.length ? `"${dotted(path)}"` : 'the chart');
	if (issue.code === 'unrecognized_keys') {
		const valid = keysAt(issue.path);
		return issue.keys.map((key) => ({
			file: source.file,
			...source.at([...issue.path, key], { key: true }),
			message: `unknown key "${key}" in ${where(issue.path)}: ${didYouMean(key, valid)}The keys are: ${names(valid)}.`,
		}));
	}
	const at = source.at(issue.path);
	const field = issue.path.at(-1);
	if (issue.code === 'invalid_value' && field === 'mark') {
		const input = String(issue.input);
		return [
			{
				file: source.file,
				...at,
				message: `unknown mark "${input}": ${didYouMean(input, markTypes)}The marks are: ${names(markTypes)}.`,
			},
		];
	}
	if (issue.code === 'invalid_value') {
		const values = issue.values.map(String);
		const input = String(issue.input);
		return [
			{
				file: source.file,
				...at,
				message: `${where(issue.path)} cannot be "${input}": ${didYouMean(input, values) ? `${didYouMean(input, values)}Use` : 'use'} one of: ${names(values)}.`,
			},
		];
	}
	if (issue.code === 'invalid_type' && issue.input === undefined && typeof field === 'string') {
		const message = issue.message.startsWith('is missing')
			? issue.message
			: `is missing: add it (${issue.message.replace(/^Invalid input: /, '')})`;
		const parent = issue.path.slice(0, -1);
		return [
			{
				file: source.file,
				...source.at(parent),
				message: `"${field}" ${message}${parent.length ? ` in "${dotted(parent)}"` : ''}.`,
			},
		];
	}
	return [
		{ file: source.file, ...at, message: `${where(issue.path)} ${issue.message.replace(/^Invalid input: /, '')}.` },
	];
}

/** Parses a row selector as written in YAML; returns a message when it is malformed. */
export function parseSelector(raw: unknown): Selector | string {
	if (raw === 'first' || raw === 'last') return { kind: 'edge', edge: raw };
	const hint = 'write first, last, { column: value }, { column: [values] } or { column: { from: …, to: … } }';
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
		return `cannot select rows from ${JSON.stringify(raw)}: ${hint}.`;
	const entries = Object.entries(raw);
	if (entries.length !== 1) return `names ${entries.length} columns: select rows by one column (${hint}).`;
	const [column, value] = entries[0] as [string, unknown];
	const isScalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
	if (isScalar(value)) return { kind: 'values', column, values: [value] };
	if (Array.isArray(value) && value.length > 0 && value.every(isScalar))
		return { kind: 'values', column, values: value };
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const { from, to, ...rest } = value as Record<string, unknown>;
		const extra = Object.keys(rest);
		if (
			extra.length === 0 &&
			(from === undefined || isScalar(from)) &&
			(to === undefined || isScalar(to)) &&
			(from ?? to) !== undefined
		)
			return { kind: 'range', column, from, to };
		if (extra.length > 0)
			return `unknown key "${extra[0]}" in a range: ${didYouMean(extra[0]!, ['from', 'to'])}The keys are: from, to.`;
	}
	return `cannot select rows of "${column}" by ${JSON.stringify(value)}: ${hint}.`;
}

/** The column a mark measures (its value axis): what `first`/`last`, labels and the alt text read. */
export function measureOf(mark: MarkSpec): string | undefined {
	if (isSolo(mark)) return undefined; // a timeline's dates and a map's coordinates are not values
	const horizontal = mark.mark === 'bar' && mark.direction === 'horizontal';
	const value = horizontal ? mark.x : mark.y;
	return typeof value === 'string' ? value : undefined;
}

/** A timeline or a map: drawn alone, without axes. */
export const isSolo = (mark: MarkSpec): mark is MarkSpec & { mark: (typeof soloMarks)[number] } =>
	(soloMarks as readonly string[]).includes(mark.mark);

/** The keys each solo mark takes (the others are for marks on axes). */
const soloKeys: Readonly<Record<(typeof soloMarks)[number], readonly string[]>> = {
	timeline: ['mark', 'y', 'text', 'when', 'confidence', 'key', 'label', 'labels', 'colour', 'states'],
	map: ['mark', 'x', 'y', 'text', 'key', 'series', 'labels', 'colour', 'states'],
};

function dataProblems(declaration: Declaration, dataset: Dataset, source: YamlSource): DeclarationProblem[] {
	const problems: DeclarationProblem[] = [];
	const report = (path: Path, message: string, key = false) =>
		problems.push({ file: source.file, ...source.at(path, { key }), message });
	const columns = Object.keys(dataset.columns);
	const rows = dataset.rows as readonly AnyRow[];
	const stateNames = Object.keys(declaration.states);
	const typeOf = (column: string) => dataset.columns[column]?.type;
	const known = (path: Path, column: string, role: string, key = false): boolean => {
		if (columns.includes(column)) return true;
		report(
			path,
			`unknown column "${column}" for ${role}: ${didYouMean(column, columns)}The columns of ${dataset.name} are: ${names(columns)}.`,
			key,
		);
		return false;
	};

	// The table's columns as written (the parsed table has lost a column named __proto__, as states would).
	const table: unknown = (source.value as { table?: unknown }).table;
	for (const column of Object.keys(table !== null && typeof table === 'object' ? table : {}))
		known(['table', column], column, 'the table', true);
	/** The column a mark's field names; undefined (and reported) when missing, not a name, or unknown. */
	const columnAt = (mark: MarkSpec, i: number, field: 'x' | 'y' | 'text', need: string): string | undefined => {
		const v = mark[field];
		const at: Path = ['marks', i, field];
		if (v === undefined) return void report(['marks', i], `a ${mark.mark} needs "${field}": ${need}.`);
		if (typeof v !== 'string')
			return void report(
				at,
				`"${field}" names a column, e.g. ${field}: ${columns[0]}; the columns are: ${names(columns)}.`,
			);
		return known(at, v, `"${field}" of the ${mark.mark}`) ? v : undefined;
	};

	const measures: string[] = [];
	const solo = declaration.marks.find(isSolo);
	declaration.marks.forEach((mark, i) => {
		const at = (field: string): Path => ['marks', i, field];
		const horizontal = mark.direction === 'horizontal';
		if (solo && mark !== solo)
			return void report(
				['marks', i, 'mark'],
				`a ${solo.mark} is drawn alone: remove this ${mark.mark}, or draw it in a chart of its own.`,
			);
		if (isSolo(mark)) return soloProblems(mark, i);
		if (mark.direction !== undefined && mark.mark !== 'bar')
			report(at('direction'), `"direction" is for bars: a ${mark.mark} has none; remove it.`, true);
		if (mark.mark === 'rule') {
			if (mark.x === undefined && mark.y === undefined)
				report(['marks', i], 'a rule needs a place: write y: 50 for a horizontal line, or x: … for a vertical one.');
			for (const axis of ['x', 'y'] as const) {
				const v = mark[axis];
				if (typeof v === 'string' && !/^\d{4}-\d{2}(-\d{2})?$/.test(v))
					report(at(axis), `a rule is drawn at a value, not a column: write ${axis}: 50 (or a date, YYYY-MM-DD).`);
			}
		} else {
			for (const axis of ['x', 'y'] as const) {
				const v = columnAt(
					mark,
					i,
					axis,
					`the column drawn along the ${axis === 'x' ? 'horizontal' : 'vertical'} axis`,
				);
				if (v === undefined) continue;
				const numeric =
					mark.mark === 'bar' ? (horizontal ? axis === 'x' : axis === 'y') : mark.mark !== 'text' && axis === 'y';
				if (numeric && typeOf(v) !== 'number') {
					const numbers = columns.filter((c) => typeOf(c) === 'number');
					report(
						at(axis),
						`column "${v}" is ${typeOf(v) === 'date' ? 'dates' : 'text'}, but "${axis}" of a ${horizontal ? 'horizontal ' : ''}${mark.mark} needs numbers: use a number column (${names(numbers) || 'the dataset has none'})${mark.mark === 'bar' ? `, or make the bars ${horizontal ? 'vertical' : 'horizontal'}` : ''}.`,
					);
				}
			}
			const measure = measureOf(mark);
			if (measure) measures.push(measure);
			const along = horizontal ? mark.y : mark.x;
			if (mark.arrange === 'grouped' && typeof along === 'string' && typeOf(along) !== 'string')
				report(
					at('arrange'),
					`grouped bars sit side by side in the band of a text category, but "${along}" is ${typeOf(along) === 'date' ? 'dates' : 'numbers'}: stack them (remove arrange), or use a text column such as a quarter’s name.`,
				);
			if (mark.arrange !== undefined && mark.series === undefined)
				report(
					at('arrange'),
					`"arrange" places the bars of each series: add series: <column>, or remove arrange.`,
					true,
				);
		}
		for (const field of ['series', 'key', 'text', 'confidence'] as const) {
			const v = mark[field];
			if (v !== undefined) known(at(field), v, `"${field}" of the ${mark.mark}`);
		}
		if (mark.mark === 'text' && mark.text === undefined)
			report(['marks', i], `a text mark needs "text": the column to write, e.g. text: ${columns[0]}.`);
		if (mark.at) checkSelector(mark.at, at('at'));
		(mark.states ?? []).forEach((name, j) => {
			if (!stateNames.includes(name))
				report(
					['marks', i, 'states', j],
					`unknown state "${name}": ${didYouMean(name, stateNames)}The states are: ${names(stateNames)}.`,
				);
		});
	});

	function soloProblems(mark: MarkSpec & { mark: (typeof soloMarks)[number] }, i: number): void {
		const at = (field: string): Path => ['marks', i, field];
		const takes = soloKeys[mark.mark];
		for (const key of Object.keys(mark).filter((k) => !takes.includes(k)))
			report(at(key), `"${key}" is not for a ${mark.mark}: remove it. A ${mark.mark} takes: ${names(takes)}.`, true);
		const needs = mark.mark === 'timeline' ? (['y', 'text'] as const) : (['x', 'y'] as const);
		const role = {
			timeline: { y: 'the date of each event', text: 'the words of each event' },
			map: { x: 'the longitude of each place', y: 'the latitude of each place' },
		}[mark.mark] as Record<string, string>;
		for (const field of needs) {
			const v = columnAt(mark, i, field, `the column with ${role[field]}, e.g. ${field}: ${columns[0]}`);
			if (v === undefined) continue;
			if (mark.mark === 'timeline' && field === 'y' && typeOf(v) !== 'date') {
				const dates = columns.filter((c) => typeOf(c) === 'date');
				report(
					at(field),
					`column "${v}" is ${typeOf(v) === 'number' ? 'numbers' : 'text'}, but "y" of a timeline needs dates: use a date column (${names(dates) || `the dataset has none: declare the column's type as "date" in content/data/${dataset.name}.json`}).`,
				);
			}
			if (mark.mark === 'map') {
				const [what, limit] = field === 'x' ? ['longitude', 180] : ['latitude', 90];
				if (typeOf(v) !== 'number') {
					report(
						at(field),
						`column "${v}" is ${typeOf(v) === 'date' ? 'dates' : 'text'}, but "${field}" of a map is the ${what}, in degrees: use a number column (${names(columns.filter((c) => typeOf(c) === 'number')) || 'the dataset has none'}).`,
					);
					continue;
				}
				const bad = rows.findIndex((r) => typeof r[v] === 'number' && Math.abs(r[v]) > limit);
				if (bad >= 0) {
					const other = field === 'x' ? 'y' : 'x';
					report(
						at(field),
						`${what} ${String(rows[bad]![v])} in row ${bad + 1} (under the header) of ${dataset.file} is out of range: a ${what} runs from -${limit} to ${limit}. Fix the CSV, or swap x and y if the columns are the other way round (${other === 'y' ? 'y is the latitude' : 'x is the longitude'}).`,
					);
				}
			}
		}
		for (const field of ['text', 'key', 'series', 'when', 'confidence'] as const) {
			const v = mark[field];
			if (v !== undefined && takes.includes(field) && !(needs as readonly string[]).includes(field))
				known(at(field), v, `"${field}" of the ${mark.mark}`);
		}
		(mark.states ?? []).forEach((name, j) => {
			if (!stateNames.includes(name))
				report(
					['marks', i, 'states', j],
					`unknown state "${name}": ${didYouMean(name, stateNames)}The states are: ${names(stateNames)}.`,
				);
		});
	}

	function checkSelector(raw: unknown, path: Path): void {
		const selector = parseSelector(raw);
		if (typeof selector === 'string') return void report(path, `"${dotted(path)}" ${selector}`);
		if (selector.kind !== 'edge' && !known([...path, selector.column], selector.column, `"${dotted(path)}"`, true))
			return;
		const matches = rows.filter(selects(selector, rows, dataset.columns, measures[0]));
		if (matches.length > 0) return;
		if (selector.kind === 'values') {
			const values = [...new Set(rows.map((r) => String(r[selector.column] ?? '')))].filter(Boolean);
			const missing =
				selector.values.map(String).find((v) => !rows.some((r) => String(r[selector.column]) === v)) ?? '';
			report(
				[...path, selector.column],
				`"${dotted(path)}" matches no row: no ${selector.column} is "${missing}"; ${didYouMean(missing, values)}The values of ${selector.column} are: ${names(values.slice(0, 20))}${values.length > 20 ? ' …' : ''}.`,
			);
		} else report(path, `"${dotted(path)}" matches no row: widen it or check the data.`);
	}

	for (const [name, state] of Object.entries<StateSpec>(declaration.states)) {
		const at = (...rest: PropertyKey[]): Path => ['states', name, ...rest];
		if (state.highlight !== undefined) checkSelector(state.highlight, at('highlight'));
		if (state.only !== undefined) checkSelector(state.only, at('only'));
		if (state.note) checkSelector(state.note.at, at('note', 'at'));
		if (state.colour && state.highlight === undefined)
			report(at('colour'), `"colour" paints the highlighted rows: add highlight, or remove colour.`, true);
		if (state.labels === 'highlighted' && state.highlight === undefined)
			report(at('labels'), `labels: highlighted needs a highlight in this state, e.g. highlight: last.`);
		if (solo && state.rule)
			report(
				at('rule'),
				`a ${solo.mark} has no axes to draw a rule on: remove it (a note marks one ${solo.mark === 'map' ? 'place' : 'event'}).`,
				true,
			);
		if (solo && state.zoom && (solo.mark === 'map' || state.zoom.x !== undefined))
			report(
				at('zoom'),
				solo.mark === 'map'
					? 'a map always shows the world: remove zoom, or show only some places with only.'
					: 'a timeline zooms its dates: write zoom: { y: [from, to] }, e.g. [2023-01-01, 2024-06-30].',
				true,
			);
		if (state.rule && state.rule.x === undefined && state.rule.y === undefined)
			report(at('rule'), 'a rule needs a place: write y: 50 for a horizontal line, or x: … for a vertical one.');
		if (state.alt) {
			for (const [, column] of state.alt.matchAll(/\{([^}]*)\}/g)) {
				if (!columns.includes(column!))
					report(
						at('alt'),
						`unknown placeholder "{${column}}" in the text alternative: ${didYouMean(column!, columns)}A placeholder names a column: ${names(columns.map((c) => `{${c}}`))}.`,
					);
			}
		}
	}

	// Ranges drawn along an axis: numbers on the value axis, dates on a time axis, smaller first.
	const primary = declaration.marks.find((m) => m.mark !== 'rule' && m.mark !== 'text') ?? declaration.marks[0]!;
	const valueAxis = primary.mark === 'bar' && primary.direction === 'horizontal' ? 'x' : 'y';
	const category = valueAxis === 'x' ? primary.y : primary.x;
	const axisType = (axis: 'x' | 'y') => {
		// A timeline runs down its date column; a map has no ranges (its zoom is reported above).
		if (solo)
			return solo.mark === 'timeline' && axis === 'y' && typeof solo.y === 'string' ? typeOf(solo.y) : undefined;
		return axis === valueAxis ? 'number' : typeof category === 'string' ? typeOf(category) : undefined;
	};
	const checkRange = (path: Path, axis: 'x' | 'y', range: readonly (string | number)[] | undefined) => {
		const type = axisType(axis);
		if (!range) return;
		// A zoom on a timeline's or a map's wrong axis is reported with the state's other keys.
		if (type === undefined && solo && path.at(-2) !== 'zoom')
			return report(
				path,
				solo.mark === 'map'
					? `a map always shows the world: remove "${dotted(path)}".`
					: `a timeline runs down its dates (y): remove "${dotted(path)}", or write y: { domain: [from, to] }.`,
			);
		if (type === undefined) return;
		if (type === 'string') {
			const some = [...new Set(dataset.rows.map((r) => r[String(category)]))].slice(-2).map(String);
			return report(
				path,
				`"${dotted(path)}" is along "${String(category)}", a text column, which has no range: remove it; to show some rows only, write only: { ${String(category)}: [${some.join(', ')}] }.`,
			);
		}
		const isDate = (v: string | number) =>
			typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v));
		if (!range.every((v) => (type === 'number' ? typeof v === 'number' : isDate(v))))
			return report(
				path,
				`"${dotted(path)}" is along ${type === 'number' ? 'the values' : 'time'}: write ${type === 'number' ? 'numbers, e.g. [0, 45]' : 'dates, e.g. [2021-05-01, 2024-10-31]'}.`,
			);
		const [from, to] = range.map((v) => (type === 'number' ? Number(v) : Date.parse(String(v))));
		if (from! >= to!)
			return report(
				path,
				from === to
					? `"${dotted(path)}" is empty: from and to are the same; write a range, e.g. [0, 45].`
					: `"${dotted(path)}" is reversed: write the smaller value first, [${range[1]}, ${range[0]}].`,
			);
		// Bars are measured from zero: one cut short by the axis looks smaller than it is.
		const state = path[0] === 'states' ? String(path[1]) : undefined;
		const bars = declaration.marks.some(
			(m) => m.mark === 'bar' && (state === undefined || !m.states || m.states.includes(state)),
		);
		if (type === 'number' && axis === valueAxis && bars && (from! > 0 || to! < 0))
			report(
				path,
				`"${dotted(path)}" leaves out zero, where bars start, so they would be cut short: write a range that includes 0, e.g. [${to! < 0 ? `${range[0]}, 0` : `0, ${range[1]}`}]; to look closer at some rows, show only them with only.`,
			);
	};
	for (const axis of ['x', 'y'] as const) {
		checkRange([axis, 'domain'], axis, declaration[axis]?.domain);
		for (const [name, state] of Object.entries<StateSpec>(declaration.states)) {
			checkRange(['states', name, axis, 'domain'], axis, state[axis]?.domain);
			checkRange(['states', name, 'zoom', axis], axis, state.zoom?.[axis]);
		}
	}
	return problems;
}
