import { readFileSync } from 'node:fs';
import { csvParse, csvParseRows } from 'd3-dsv';
import type { Chart, DataTable } from '../../../src/charts/define-chart.ts';
import type { Declaration, FormatSpec } from '../../../src/charts/declared/vocabulary.ts';
import type { Columns, Dataset } from '../../../src/data/define-dataset.ts';
import { tableCsv } from '../../../src/publish/table-csv.ts';

/**
 * The check behind "each state's table equals the CSV rows it declares", shared by the test over
 * the real story (state-tables.test.ts) and the property test of generated declarations. It reads
 * the CSV as text, not through the dataset loader, and works out which rows a declared state shows
 * on its own (not with src/charts/declared/rows.ts), so a mistake there cannot hide itself.
 */

/** A dataset's CSV as written: one record of trimmed cells per row (parseCsv trims them too). */
export interface RawCsv {
	readonly name: string;
	readonly columns: Columns;
	readonly rows: readonly Readonly<Record<string, string>>[];
}

const rawCache = new Map<string, RawCsv>();
export function rawCsv(dataset: Dataset): RawCsv {
	let raw = rawCache.get(dataset.name);
	if (!raw) {
		const [header = [], ...records] = csvParseRows(readFileSync(dataset.file, 'utf8').replace(/^\uFEFF/, ''));
		const names = header.map((h) => h.trim());
		const rows = records
			.filter((r) => r.some((cell) => cell.trim() !== ''))
			.map((r) => Object.fromEntries(names.map((name, i) => [name, (r[i] ?? '').trim()])));
		raw = { name: dataset.name, columns: dataset.columns, rows };
		rawCache.set(dataset.name, raw);
	}
	return raw;
}

type Written = string | number;
const dateOf = (text: string) => Date.parse(/^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text);

/** Whether a raw cell is the value a declaration writes: dates as YYYY-MM-DD or YYYY-MM, numbers as numbers. */
function isValue(cell: string, value: Written, type: string | undefined): boolean {
	if (cell === '') return false;
	if (type === 'number') return Number(cell) === Number(value);
	if (type === 'date') return dateOf(cell) === dateOf(String(value)) || cell.slice(0, 7) === String(value);
	return cell === String(value);
}
const order = (text: string | Written, type: string | undefined): number | string =>
	type === 'number' ? Number(text) : type === 'date' ? dateOf(String(text)) : String(text);

/** The column the first mark with values measures: what `first` and `last` read. */
function measureOf(d: Declaration): string | undefined {
	const mark = d.marks.find((m) => m.mark !== 'rule' && m.mark !== 'text') ?? d.marks[0];
	const value = mark?.mark === 'bar' && mark.direction === 'horizontal' ? mark.x : mark?.y;
	return typeof value === 'string' ? value : undefined;
}

/** The indices of the CSV rows a declared state shows: every row, or those its `only` names (and a timeline's dates). */
export function declaredRows(d: Declaration, state: string, raw: RawCsv): number[] {
	const rows = onlyRows(d, state, raw);
	// A timeline lists the events inside the dates it shows (its zoom, else its domain), as it draws them.
	const timeline = d.marks.find((m) => m.mark === 'timeline');
	const window = d.states[state]?.zoom?.y ?? d.states[state]?.y?.domain ?? d.y?.domain;
	if (!timeline || typeof timeline.y !== 'string' || !window) return rows;
	const column = timeline.y;
	const [from, to] = window.map((v) => dateOf(String(v)));
	return rows.filter((i) => {
		const at = dateOf(raw.rows[i]![column] ?? '');
		return at >= from! && at <= to!;
	});
}

function onlyRows(d: Declaration, state: string, raw: RawCsv): number[] {
	const all = raw.rows.map((_, i) => i);
	const only = d.states[state]?.only;
	if (only === undefined) return all;
	if (only === 'first' || only === 'last') {
		const measure = measureOf(d);
		const known = all.filter((i) => measure === undefined || raw.rows[i]![measure] !== '');
		const edge = only === 'first' ? known[0] : known.at(-1);
		return edge === undefined ? [] : [edge];
	}
	const [column, value] = Object.entries(only as Record<string, unknown>)[0]!;
	const type = raw.columns[column]?.type;
	const cells = all.map((i) => raw.rows[i]![column] ?? '');
	if (Array.isArray(value) || typeof value !== 'object' || value === null) {
		const values = (Array.isArray(value) ? value : [value]) as Written[];
		return all.filter((i) => values.some((v) => isValue(cells[i]!, v, type)));
	}
	const { from, to } = value as { from?: Written; to?: Written };
	return all.filter((i) => {
		const cell = cells[i]!;
		if (cell === '') return false;
		const c = order(cell, type);
		return (from === undefined || c >= order(from, type)) && (to === undefined || c <= order(to, type));
	});
}

/** How far a shown number may be from the CSV's: half the last digit the chart writes, when it rounds. */
const tolerance = (format: FormatSpec | undefined) =>
	format?.decimals === undefined ? 0 : 0.5 * 10 ** -format.decimals + 1e-12;

/** Whether a shown cell is the CSV's cell: a gap shows as empty (CSV) or a dash (the figure's table). */
function sameCell(shown: string, cell: string, type: string | undefined, format: FormatSpec | undefined): boolean {
	if (cell === '') return shown === '' || shown === '–';
	if (shown === cell) return true;
	if (type === 'number') {
		let text = shown;
		for (const affix of [format?.prefix, format?.unit, format?.suffix]) if (affix) text = text.replace(affix, '');
		const n = Number(text.trim());
		return text.trim() !== '' && Math.abs(n - Number(cell)) <= tolerance(format);
	}
	if (type === 'date') return dateOf(shown) === dateOf(cell);
	return false;
}

/** The table as the build emits it: the CSV download for the state, and the cells of the figure's `<table>`. */
export function emitted(table: DataTable): { via: string; rows: Record<string, string>[] }[] {
	const keys = table.columns.map((c) => c.key);
	// As src/components/DataTable.astro writes each cell.
	const cell = (value: string | number | null | undefined) =>
		value === null || value === undefined ? '–' : String(value);
	return [
		{ via: 'the CSV download', rows: csvParse(tableCsv(table)) },
		{ via: 'the figure’s <table>', rows: table.rows.map((r) => Object.fromEntries(keys.map((k) => [k, cell(r[k])]))) },
	];
}

const show = (row: Readonly<Record<string, string>> | undefined, keys: readonly string[]) =>
	row ? keys.map((k) => `${k}=${JSON.stringify(row[k])}`).join(', ') : 'nothing';

/**
 * Returns what is wrong with one state's table, each message naming the chart, the state and the
 * row: rows dropped, added, duplicated, out of order or with another value than the CSV's. With
 * `expected` (a declared chart's rows), the table must be exactly those rows; without (a chart
 * written in TypeScript, whose states pick rows in code), every row must be a CSV row, each once,
 * in the CSV's order.
 */
export function tableMismatches(
	chart: Chart,
	state: string,
	options: { raw?: RawCsv; expected?: readonly number[]; format?: FormatSpec } = {},
): string[] {
	const table = chart.table(state);
	const keys = table.columns.map((c) => c.key);
	const where = `${chart.id}, state "${state}"`;
	const source = chart.datasets.find((d) => keys.every((k) => k in d.columns));
	if (!source) return [`${where}: the table's columns (${keys.join(', ')}) are not one dataset's columns`];
	const raw = options.raw ?? rawCsv(source);
	const same = (shown: Readonly<Record<string, string>>, i: number) =>
		keys.every((k) => sameCell(shown[k] ?? '', raw.rows[i]![k] ?? '', raw.columns[k]?.type, options.format));
	const problems: string[] = [];
	for (const { via, rows } of emitted(table)) {
		const at = `${where}, ${via}`;
		if (options.expected) {
			const expected = options.expected;
			const n = Math.max(rows.length, expected.length);
			for (let i = 0; i < n && problems.length < 5; i++) {
				const want = expected[i] === undefined ? undefined : raw.rows[expected[i]!];
				if (!rows[i] || want === undefined || !same(rows[i]!, expected[i]!))
					problems.push(
						`${at}, row ${i + 1}: shows ${show(rows[i], keys)}; ${raw.name}.csv has ${want ? `${show(want, keys)} (line ${expected[i]! + 2})` : 'no more rows'} (${rows.length} rows shown, ${expected.length} declared)`,
					);
			}
		} else {
			let next = 0;
			rows.forEach((row, i) => {
				const found = raw.rows.findIndex((_, j) => j >= next && same(row, j));
				if (found < 0)
					problems.push(
						`${at}, row ${i + 1}: ${show(row, keys)} is not a row of ${raw.name}.csv after line ${next + 1} (duplicated, shifted or not in the data)`,
					);
				else next = found + 1;
			});
		}
	}
	return problems;
}
