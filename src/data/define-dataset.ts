import { csvParseRows } from 'd3-dsv';
import { lineAt } from '../problems/located-text.ts';
import { plural, ProblemsError, problemsOf, type Problem } from '../problems/problem.ts';
import { parseDatasetMeta, type DatasetMeta } from './dataset-meta.ts';

/** A column's declared type (in the metadata JSON). `optional` columns may be empty (a gap, kept as `null`). */
export interface ColumnSpec {
	readonly type: 'string' | 'number' | 'date';
	readonly optional?: boolean;
	/** For string columns: the only values allowed. */
	readonly values?: readonly string[];
	/** For number columns: their unit, where it is not the dataset's `unit` ("%" beside RMB bn). */
	readonly unit?: string;
	readonly description?: string;
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

/** The two files of a dataset, as text: `content/data/<name>.csv` and the metadata `<name>.json` beside it. */
export interface DatasetFiles {
	/** Kebab-case name, the CSV file name without extension. */
	readonly name: string;
	readonly csv: string;
	/** The metadata JSON (title, unit, measurer, sources, notes and the columns' types). */
	readonly meta: string;
}

/** Parses and validates a dataset; throws an error naming the file, line and what to fix on bad input. */
export function loadDataset({ name, csv, meta: json }: DatasetFiles): Dataset {
	const file = `content/data/${name}.csv`;
	const meta = parseDatasetMeta(json, `content/data/${name}.json`);
	const rows = parseCsv(csv, meta.columns, file);
	return { name, file, meta, columns: meta.columns, rows };
}

/** The unit of a column's values: its own where its declaration gives one, else the dataset's. */
export const columnUnit = (dataset: Dataset, column: string): string =>
	dataset.columns[column]?.unit ?? dataset.meta.unit;

const hint = 'See "Adding a dataset" in content/EDITORS.md for a complete example.';

/**
 * Pairs each CSV with its metadata JSON, by file name (`content/data/<name>.csv` and `<name>.json`):
 * `csvs` and `metas` map paths to file texts. A file without its pair is a problem.
 */
export function pairDatasetFiles(
	csvs: Readonly<Record<string, string>>,
	metas: Readonly<Record<string, string>>,
): { files: DatasetFiles[]; problems: Problem[] } {
	const byName = (texts: Readonly<Record<string, string>>, extension: string) =>
		new Map(Object.entries(texts).map(([path, text]) => [path.replace(/^.*\//, '').slice(0, -extension.length), text]));
	const csvByName = byName(csvs, '.csv');
	const metaByName = byName(metas, '.json');
	const files: DatasetFiles[] = [];
	const problems: Problem[] = [];
	for (const [name, csv] of csvByName) {
		const meta = metaByName.get(name);
		if (meta === undefined) {
			problems.push({
				file: `content/data/${name}.csv`,
				line: 1,
				message: `the dataset has no metadata: add content/data/${name}.json with its title, unit, measurer, sources and columns (npm run new-chart -- content/data/${name}.csv writes one to fill in; see content/EDITORS.md).`,
			});
		} else files.push({ name, csv, meta });
	}
	for (const name of metaByName.keys()) {
		if (!csvByName.has(name)) {
			problems.push({
				file: `content/data/${name}.json`,
				line: 1,
				message: `there is no content/data/${name}.csv for this metadata: name the JSON file as its CSV, or remove it.`,
			});
		}
	}
	return { files: files.toSorted((a, b) => a.name.localeCompare(b.name)), problems };
}

/** Loads one dataset, or returns its problems, each with its fix. */
export function tryLoadDataset(files: DatasetFiles): { dataset?: Dataset; problems: Problem[] } {
	try {
		return { dataset: loadDataset(files), problems: [] };
	} catch (error) {
		const found = problemsOf(error);
		if (!found) throw error;
		const { hint: fix } = error as { hint?: string };
		return { problems: found.map((problem) => (found.length === 1 && fix ? { ...problem, fix } : problem)) };
	}
}

/** Loads every dataset; throws one error listing the problems of all of them (`problems`: found before). */
export function loadDatasets(files: readonly DatasetFiles[], problems: readonly Problem[] = []): Dataset[] {
	const results = files.map(tryLoadDataset);
	const found = [...problems, ...results.flatMap((result) => result.problems)];
	// One problem: its fix is the hint Astro shows beneath it.
	const only = found.length === 1 ? found[0] : undefined;
	if (only?.fix) throw new ProblemsError([{ ...only, fix: undefined }], only.fix);
	if (found.length > 0) throw new ProblemsError(found, hint);
	return results.map((result) => result.dataset!);
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
	const json = file.replace(/\.csv$/, '.json');
	const twice = names.find((name, i) => name !== '' && names.indexOf(name) !== i);
	if (twice !== undefined) {
		fail(1, `column "${twice}" appears twice.`, 'Rename or remove one of them: the charts would read only the first.');
	}
	const missing = Object.keys(columns).filter((c) => !names.includes(c));
	if (missing.length > 0) {
		fail(
			1,
			`missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}.`,
			`The header row has: ${names.join(', ')}. Add the missing column, or write its name the same in the header and in "columns" of ${json}.`,
		);
	}
	const undeclared = names.filter((n) => !(n in columns));
	if (undeclared.length > 0) {
		fail(
			1,
			`column${undeclared.length > 1 ? 's' : ''} ${undeclared.map((c) => `"${c}"`).join(', ')} ${undeclared.length > 1 ? 'are' : 'is'} not declared.`,
			`Add ${undeclared.length > 1 ? 'them' : 'it'} to "columns" in ${json}, e.g. "${undeclared[0]}": { "type": "string" } (or "number", "date").`,
		);
	}
	// Every row is checked, so that one run lists every row to fix (up to a screenful).
	const rows: Row<Cols>[] = [];
	const problems: Problem[] = [];
	const lines = recordLines(source);
	records.forEach((record, i) => {
		const line = lines[i + 1] ?? i + 2;
		if (record.length === 1 && record[0]!.trim() === '') return; // blank line
		try {
			rows.push(parseRecord(record, line));
		} catch (error) {
			const found = problemsOf(error);
			if (!found) throw error;
			problems.push({ ...found[0]!, fix: (error as { hint?: string }).hint });
		}
	});
	if (problems.length === 1) fail(problems[0]!.line, problems[0]!.message, problems[0]!.fix!);
	if (problems.length > 0) {
		const shown = problems.slice(0, maxRowProblems);
		if (problems.length > maxRowProblems) {
			const rest = problems.length - maxRowProblems;
			shown.push({
				file,
				line: problems[maxRowProblems]!.line,
				message: `and ${plural(rest, 'more row')} with problems.`,
			});
		}
		throw new ProblemsError(shown, 'Fix each row named above.');
	}
	if (rows.length === 0) fail(2, 'the file has a header but no rows.', 'Add at least one row of data.');
	return rows;

	function parseRecord(record: readonly string[], line: number): Row<Cols> {
		// A row that lost a value (or has one too many) would shift or drop a figure without a word.
		if (record.length !== names.length) {
			fail(
				line,
				`the row has ${plural(record.length, 'value')}, the header has ${plural(names.length, 'column')} (${names.join(', ')}).`,
				'Write one value per column, separated by commas: leave a cell empty (two commas in a row, or a comma at the end) for a gap in an optional column, and put a value that contains a comma in double quotes.',
			);
		}
		const row: Record<string, unknown> = {};
		for (const [name, spec] of Object.entries(columns)) {
			const cell = (record[names.indexOf(name)] ?? '').trim();
			row[name] = parseCell(cell, spec, json, (message, hint) => fail(line, `column "${name}"${message}`, hint));
		}
		return row as Row<Cols>;
	}
}

const maxRowProblems = 10;

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

function parseCell(
	cell: string,
	spec: ColumnSpec,
	json: string,
	fail: (message: string, hint: string) => never,
): unknown {
	if (cell === '') {
		if (spec.optional) return null;
		fail(
			' is empty.',
			`Fill in a ${spec.type}, or if gaps are allowed declare the column "optional": true in ${json}.`,
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
