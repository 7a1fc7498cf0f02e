import { csvParseRows } from 'd3-dsv';
import { ProblemsError } from '../problems/problem.ts';
import { parseDatasetMeta, type DatasetMeta } from './dataset-meta.ts';

/** A column's declared type. `optional` columns may be empty (a gap, kept as `null`). */
export interface ColumnSpec {
	readonly type: 'string' | 'number' | 'date';
	readonly optional?: boolean;
	/** For string columns: the only values allowed. */
	readonly values?: readonly string[];
}

export type Columns = Readonly<Record<string, ColumnSpec>>;

type ValueOf<C extends ColumnSpec> = C['type'] extends 'number'
	? number
	: C['type'] extends 'date'
		? Date
		: C['values'] extends readonly (infer V)[]
			? V
			: string;

/** A parsed row: one typed field per declared column. */
export type Row<Cols extends Columns> = {
	readonly [K in keyof Cols]: Cols[K]['optional'] extends true ? ValueOf<Cols[K]> | null : ValueOf<Cols[K]>;
};

/** A dataset: its provenance (metadata) and its validated rows. */
export interface Dataset<Cols extends Columns = Columns> {
	readonly name: string;
	/** Path shown in messages and source lines, relative to the project (e.g. `content/data/x.csv`). */
	readonly file: string;
	readonly meta: DatasetMeta;
	readonly columns: Cols;
	readonly rows: readonly Row<Cols>[];
}

interface DatasetInput<Cols extends Columns> {
	/** Kebab-case name, equal to the CSV file name without extension. */
	name: string;
	/** The CSV text (imported with `?raw`). */
	csv: string;
	/** The text of the metadata record, the JSON file beside the CSV (imported with `?raw`, for lines). */
	meta: string;
	columns: Cols;
}

/** Parses and validates a dataset; throws an error naming the file, row and column on bad input. */
export function defineDataset<const Cols extends Columns>(input: DatasetInput<Cols>): Dataset<Cols> {
	const file = `content/data/${input.name}.csv`;
	const meta = parseDatasetMeta(input.meta, `content/data/${input.name}.json`);
	const rows = parseCsv(input.csv, input.columns, file);
	return { name: input.name, file, meta, columns: input.columns, rows };
}

/** Parses CSV text against declared columns; line numbers in errors count the header as line 1. */
export function parseCsv<const Cols extends Columns>(text: string, columns: Cols, file: string): Row<Cols>[] {
	const fail = (line: number, message: string, hint: string): never => {
		throw new ProblemsError([{ file, line, message }], hint);
	};
	const [header, ...records] = csvParseRows(text.replace(/^\uFEFF/, ''));
	if (!header || header.length === 0 || header.every((h) => h.trim() === '')) {
		fail(1, 'the file is empty.', 'Add a header row naming the columns.');
	}
	const names = header!.map((h) => h.trim());
	const missing = Object.keys(columns).filter((c) => !names.includes(c));
	if (missing.length > 0) {
		fail(
			1,
			`missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}.`,
			`The header row has: ${names.join(', ')}. Add the missing column or fix its spelling.`,
		);
	}
	const rows: Row<Cols>[] = [];
	records.forEach((record, i) => {
		const line = i + 2;
		if (record.every((cell) => cell.trim() === '')) return; // blank line
		const row: Record<string, unknown> = {};
		for (const [name, spec] of Object.entries(columns)) {
			const cell = (record[names.indexOf(name)] ?? '').trim();
			row[name] = parseCell(cell, spec, (message, hint) => fail(line, `column "${name}"${message}`, hint));
		}
		rows.push(row as Row<Cols>);
	});
	if (rows.length === 0) fail(2, 'the file has a header but no rows.', 'Add at least one row of data.');
	return rows;
}

function parseCell(cell: string, spec: ColumnSpec, fail: (message: string, hint: string) => never): unknown {
	if (cell === '') {
		if (spec.optional) return null;
		fail(
			' is empty.',
			`Fill in a ${spec.type}, or declare the column optional in its src/data/ module if gaps are allowed.`,
		);
	}
	switch (spec.type) {
		case 'number': {
			const value = Number(cell);
			if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cell)) {
				fail(
					`: expected a number, got "${cell}".`,
					'Write plain digits with a dot for decimals (e.g. 38.9), without units, % signs or thousands separators.',
				);
			}
			return value;
		}
		case 'date': {
			const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(cell);
			const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1))) : null;
			if (!date || date.getUTCMonth() !== Number(match?.[2]) - 1) {
				fail(`: expected a date, got "${cell}".`, 'Write dates as YYYY-MM-DD (or YYYY-MM for a month).');
			}
			return date;
		}
		case 'string': {
			if (spec.values && !spec.values.includes(cell)) {
				fail(`: "${cell}" is not an allowed value.`, `Use one of: ${spec.values.join(', ')}.`);
			}
			return cell;
		}
	}
}
