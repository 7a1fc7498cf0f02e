// Starts a chart from a CSV: npm run new-chart -- content/data/<name>.csv
// Writes content/charts/<name>.yaml, a default chart for the columns it finds with two example states;
// declares the columns' types in content/data/<name>.json when they are not (and writes that file,
// its title and source left empty for the editor to fill in, when there is none).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { stringify } from 'yaml';
import type { ColumnSpec } from '../data/define-dataset.ts';
import { formatted } from './format-file.ts';
import { runCommand, shown, type StoryFolders } from './story-modules.ts';

/** A column of the CSV as found: its name, the type its cells suggest, and whether some are empty. */
export interface FoundColumn {
	readonly name: string;
	readonly type: ColumnSpec['type'];
	readonly optional: boolean;
	/** Its distinct values, in order of first appearance (for text columns: names to highlight). */
	readonly values: readonly string[];
}

const isNumber = (cell: string) => /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cell);
const isDate = (cell: string) => /^\d{4}-\d{2}(-\d{2})?$/.test(cell);

/** Infers each column's type from its cells: number or date when every filled cell is one, else string. */
export function inferColumns(csv: string): FoundColumn[] {
	const [header = [], ...records] = csvParseRows(csv.replace(/^\uFEFF/, '')).filter(
		(record) => !(record.length === 1 && record[0]!.trim() === ''),
	);
	return header.map((raw, i) => {
		const cells = records.map((record) => (record[i] ?? '').trim());
		const filled = cells.filter((cell) => cell !== '');
		const type =
			filled.length > 0 && filled.every(isNumber)
				? 'number'
				: filled.length > 0 && filled.every(isDate)
					? 'date'
					: 'string';
		return { name: raw.trim(), type, optional: filled.length < cells.length, values: [...new Set(filled)] };
	});
}

/** The columns as the metadata JSON declares them. */
export const columnDeclarations = (
	columns: readonly FoundColumn[],
): Record<string, { type: string; optional?: true }> =>
	Object.fromEntries(columns.map((c) => [c.name, c.optional ? { type: c.type, optional: true } : { type: c.type }]));

/** A metadata file to fill in: every field there, empty, so that `npm run check` names each until it is. */
export const metadataTemplate = (columns: readonly FoundColumn[]) => ({
	title: '',
	unit: '',
	measurer: '',
	sources: [{ publisher: '', title: '', date: '' }],
	notes: [],
	columns: columnDeclarations(columns),
});

/** What the chart is told about its data: the name, the columns, and the title and unit if known. */
export interface ChartInput {
	readonly name: string;
	readonly columns: readonly FoundColumn[];
	readonly title?: string;
	readonly unit?: string;
}

const yamlText = (value: string) => stringify(value, { singleQuote: true }).trimEnd();
const sentence = (name: string) => name.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * Returns a default chart declaration for the columns: horizontal bars of a measure by a text column
 * (a ranking), columns by a text column with dates or periods (a series over time), or a line over a
 * date column; with two example states. Throws when there is nothing to draw (no number column).
 */
export function chartTemplate({ name, columns, title, unit }: ChartInput): string {
	const measure = columns.find((c) => c.type === 'number');
	if (!measure) {
		throw new Error(
			`content/data/${name}.csv has no column of numbers to draw: a declared chart draws a number column (see "Make a chart" in content/EDITORS.md).`,
		);
	}
	const label = columns.find((c) => c.type === 'string' && !c.optional && c.values.length > 1);
	const date = columns.find((c) => c.type === 'date' && !c.optional);
	const percent = /%|per ?cent/i.test(unit ?? '');
	const lines = [
		`# A chart declared in content, made by npm run new-chart from content/data/${name}.csv.`,
		'# Edit the title, the subtitle and the states; every key is explained in "Make a chart" in',
		'# content/EDITORS.md, and npm run check says what is wrong, with the line.',
		`title: ${yamlText(title || sentence(name))}`,
		`subtitle: ${yamlText(unit ? `${title ? `${title}, ` : ''}${unit}` : `${sentence(measure.name)}`)}`,
		`dataset: ${name}`,
	];
	if (percent) lines.push("format: { suffix: '%' }");
	const first = label?.values[0];
	if (label && !date) {
		// A ranking: one bar per name, longest first as in the file, each labelled with its value.
		lines.push(
			'marks:',
			'  - mark: bar',
			'    direction: horizontal',
			`    x: ${measure.name}`,
			`    y: ${label.name}`,
			'    labels: all',
			'states:',
			'  all:',
			`    label: Every ${yamlText(label.name)}`,
			`  ${stateName(first!)}:`,
			`    label: ${yamlText(`${first} highlighted`)}`,
			`    highlight: { ${label.name}: ${yamlText(first!)} }`,
		);
	} else {
		// A series in time: columns by period when the file names them, else a line over the dates.
		const x = label ?? date;
		if (!x) {
			throw new Error(
				`content/data/${name}.csv has no column to put along the chart: add a column of names or dates (YYYY-MM-DD) beside the numbers.`,
			);
		}
		const mark = label ? 'bar' : 'line';
		lines.push(
			'marks:',
			`  - mark: ${mark}`,
			`    x: ${x.name}`,
			`    y: ${measure.name}`,
			...(label ? [`    key: ${label.name}`] : []),
			...(mark === 'bar' && measure.optional ? ['    gaps: labelled'] : []),
			'states:',
			'  all:',
			`    label: ${yamlText(`${sentence(measure.name)} over time`)}`,
			'  latest:',
			'    label: The latest value highlighted',
			'    highlight: last',
			'    labels: highlighted',
		);
	}
	return `${lines.join('\n')}\n`;
}

const stateName = (value: string) =>
	value
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.join('-') || 'highlighted';

/** What the command did: the files it wrote or changed, for the message. */
export interface NewChart {
	readonly name: string;
	readonly chart: string;
	readonly metadata: 'written' | 'columns added' | 'kept';
	readonly firstState: string;
}

/** Writes the chart (and the metadata's columns, or a metadata file) for a CSV of the story. */
export async function newChart(csvArg: string, folders: StoryFolders): Promise<NewChart> {
	const csvPath = resolve(folders.root, csvArg);
	const dataDir = join(folders.content, 'data');
	if (!csvPath.endsWith('.csv') || dirname(csvPath) !== dataDir) {
		throw new Error(`Give the path of a CSV in content/data/, e.g. npm run new-chart -- content/data/my-data.csv.`);
	}
	if (!existsSync(csvPath))
		throw new Error(`There is no ${shown(folders, csvPath)}: put the CSV in content/data/ first.`);
	const name = basename(csvPath, '.csv');
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
		throw new Error(
			`Rename ${shown(folders, csvPath)} in lowercase words joined by hyphens (e.g. cloud-market-2024.csv): its name becomes the chart's address.`,
		);
	}
	const chartPath = join(folders.content, 'charts', `${name}.yaml`);
	if (existsSync(chartPath)) {
		throw new Error(`${shown(folders, chartPath)} already exists: edit it, or remove it to start again.`);
	}
	const columns = inferColumns(readFileSync(csvPath, 'utf8'));
	if (columns.length === 0) throw new Error(`${shown(folders, csvPath)} is empty: add a header row and the data.`);

	const metaPath = csvPath.replace(/\.csv$/, '.json');
	let meta: Record<string, unknown> | undefined;
	let metadata: NewChart['metadata'] = 'kept';
	if (existsSync(metaPath)) {
		try {
			meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>;
		} catch {
			throw new Error(
				`${shown(folders, metaPath)} is not valid JSON: npm run check says where; fix it, then run this again.`,
			);
		}
		if (meta.columns === undefined) {
			meta = { ...meta, columns: columnDeclarations(columns) };
			metadata = 'columns added';
		}
	} else {
		meta = metadataTemplate(columns);
		metadata = 'written';
	}
	const chart = chartTemplate({
		name,
		columns,
		title: typeof meta.title === 'string' ? meta.title : undefined,
		unit: typeof meta.unit === 'string' ? meta.unit : undefined,
	});
	if (metadata !== 'kept') writeFileSync(metaPath, await formatted(JSON.stringify(meta, null, '\t'), metaPath));
	mkdirSync(dirname(chartPath), { recursive: true });
	writeFileSync(chartPath, await formatted(chart, chartPath), { flag: 'wx' });
	const firstState = /^states:\n {2}([\w-]+):/m.exec(chart)?.[1] ?? 'all';
	return { name, chart: chartPath, metadata, firstState };
}

/** Returns what the command prints: what it wrote, what to edit and where to look at the chart. */
export function describeNewChart(made: NewChart, folders: StoryFolders, base = '/'): string {
	const url = `http://localhost:4321${base.replace(/\/?$/, '/')}`;
	const json = `content/data/${made.name}.json`;
	const meta = {
		written: `Wrote ${json}: fill in its title, unit, measurer and source (npm run check fails until you do).`,
		'columns added': `Declared the columns' types in ${json}: check them (string, number or date; "optional": true where cells may be empty).`,
		kept: `Kept ${json} as it is.`,
	}[made.metadata];
	return `Created ${shown(folders, made.chart)}.
${meta}

Edit the chart: its title, subtitle and states (guide: "Make a chart" in content/EDITORS.md).
Preview it: run npm run dev, then open
  ${url}charts/ (the gallery: every chart and state), or
  ${url}embed/${made.name}/${made.firstState}/ (the chart alone, as embedded).
  Each save updates the page.
Use it in a chapter: <Chart chart="${made.name}" state="${made.firstState}" />
Check it: npm run check (lists every mistake with its file and line).`;
}

/** What `npm run new-chart -- content/data/<name>.csv` does: its exit code and what it prints. */
export async function newChartCommand(
	args: readonly string[],
	folders: StoryFolders,
	base?: string,
): Promise<{ readonly code: number; readonly output: string }> {
	if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
		return {
			code: args[0] === '--help' || args[0] === '-h' ? 0 : 1,
			output:
				'Usage: npm run new-chart -- content/data/<name>.csv\n\nWrites content/charts/<name>.yaml, a chart of the CSV to edit, and the columns of content/data/<name>.json.',
		};
	}
	try {
		return { code: 0, output: describeNewChart(await newChart(args[0]!, folders), folders, base) };
	} catch (error) {
		return { code: 1, output: (error as Error).message };
	}
}

if (import.meta.main) await runCommand(newChartCommand);
