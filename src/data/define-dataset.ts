import { csvParseRows } from 'd3-dsv';
import { lineAt } from '../problems/located-text.ts';
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
	const source = text.replace(/^\uFEFF/, '');
	// U+FFFD is what a file saved in another encoding (Latin-1, Windows-1252) becomes when read as UTF-8:
	// "Querétaro" would reach the chart as "Quer\uFFFDtaro".
	const garbled = source.indexOf('\uFFFD');
	if (garbled >= 0) {
		fail(
			lineAt(source, garbled),
			'a character is not valid UTF-8 (shown as \uFFFD).',
			'Save the file as UTF-8 (in a spreadsheet: "CSV UTF-8"), then check the accented letters.',
		);
	}
	const [header, ...records] = csvParseRows(source);
	if (!header || header.length === 0 || header.every((h) => h.trim() === '')) {
		fail(1, 'the file is empty.', 'Add a header row naming the columns.');
	}
	const names = header!.map((h) => h.trim());
	const twice = names.find((name, i) => name !== '' && names.indexOf(name) !== i);
	if (twice !== undefined) {
		fail(1, `column "${twice}" appears twice.`, 'Rename or remove one of them: the charts would read only the first.');
	}
	const missing = Object.keys(columns).filter((c) => !names.includes(c));
	if (missing.length > 0) {
		fail(
			1,
			`missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}.`,
			`The header row has: ${names.join(', ')}. Add the missing column or fix its spelling.`,
		);
	}
	const rows: Row<Cols>[] = [];
	const lines = recordLines(source);
	records.forEach((record, i) => {
		const line = lines[i + 1] ?? i + 2;
		if (record.every((cell) => cell.trim() === '')) return; // blank line
		// A cell too many or too few shifts every value after it into the wrong column.
		if (record.length !== header!.length) {
			fail(
				line,
				`${record.length} cells where the header has ${header!.length}.`,
				record.length > header!.length
					? 'A comma inside a value splits it in two: put the value in double quotes ("like, this").'
					: 'Add the missing cells (empty ones too: a comma for each).',
			);
		}
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

/**
 * The line each record starts on (1-based, the header's first): a quoted cell may hold line breaks,
 * so records and lines are not one to one. Follows the quoting rules d3-dsv parses by.
 */
function recordLines(text: string): number[] {
	const starts: number[] = [];
	let line = 1;
	let i = 0;
	const newline = () => (text[i] === '\r' && text[i + 1] === '\n' ? 2 : text[i] === '\n' || text[i] === '\r' ? 1 : 0);
	while (i < text.length) {
		starts.push(line);
		// One record: fields up to an unquoted line break. Only a quote that opens a field quotes it.
		for (;;) {
			if (text[i] === '"') {
				for (i++; i < text.length; i++) {
					if (text[i] === '"' && text[i + 1] === '"') i++;
					else if (text[i] === '"') break;
					else if (newline() > 0) {
						i += newline() - 1;
						line++;
					}
				}
				i++;
			}
			while (i < text.length && text[i] !== ',' && newline() === 0) i++;
			if (text[i] === ',') {
				i++;
				continue;
			}
			const n = newline();
			if (n > 0) {
				i += n;
				line++;
			}
			break;
		}
	}
	return starts;
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
