import { columnUnit, type Dataset } from '../data/define-dataset.ts';
import { closest } from '../problems/closest.ts';

/**
 * The components that write a figure from the data, so the text follows the data when a CSV changes:
 *
 *   <Value of="alibaba-cloud-revenue.revenue" where="quarter=Jul–Sep 2025" format="RMB 0.0 bn" />
 *   <Sum of="canalys-china-share-q3-2023" where="vendor=Huawei|Tencent" />
 *   <Change of="alibaba-cloud-revenue.revenue" from="quarter=Jul–Sep 2023" to="quarter=Jul–Sep 2025" format="0%" />
 *   <Difference of="alibaba-cloud-footprint.zones" from="date=2024-05" to="date=2025-10" format="0" />
 *   <Implied of="alibaba-cloud-revenue.revenue" where="date=2023-04" format="RMB 0.0 bn" />
 *
 * `of` may name just the dataset when it has one number column. `where` picks rows: `column=value`, several conditions joined by `;`, alternatives by `|`. A date
 * column matches by its start (`date=2024-05`). `strong` shows the figure in bold (write it so, not
 * between ** marks, which the formatter would part from the tag). `format` is the text around a number pattern: `0`
 * (whole), `0.0` (one decimal), `0,000` (thousands separated); without it, a whole number, with % when
 * the column's unit is a percentage. <Implied> reads the growth rate from the column "growth" unless
 * `growth` names another. A tag must stay on one line: MDX ends the paragraph at a tag written over several.
 */
export const computedNames = ['Value', 'Sum', 'Change', 'Difference', 'Implied'] as const;
export type ComputedName = (typeof computedNames)[number];

/** A figure quoted from a source outside the charts: `<Quoted source="Reuters, 16 Nov 2023">8 to 10%</Quoted>`. */
export const quotedName = 'Quoted';

/** Every figure component, for the list of components a chapter may use. */
export const figureComponentNames: readonly string[] = [...computedNames, quotedName];

/** What a computed figure's attributes say (see above for each). */
export interface FigureAttributes {
	readonly of?: string;
	readonly where?: string;
	readonly from?: string;
	readonly to?: string;
	readonly growth?: string;
	readonly format?: string;
}
type RowsAttribute = 'where' | 'from' | 'to';

/** A computed figure: its value and its text, or what is wrong with its attributes. */
export type Computed =
	| { readonly ok: true; readonly value: number; readonly text: string }
	| { readonly ok: false; readonly message: string };

type Cell = number | string | Date | null;
type Rows = readonly Readonly<Record<string, Cell>>[];

class FigureError extends Error {}
const fail = (message: string): never => {
	throw new FigureError(message);
};

/** Computes a figure component's value from the datasets and formats it as its `format` says. */
export function computeFigure(
	name: ComputedName,
	attributes: FigureAttributes,
	datasets: readonly Dataset[],
): Computed {
	try {
		const tag = `<${name}>`;
		const of = attributes.of ?? fail(`${tag} needs of="dataset.column", e.g. of="alibaba-cloud-revenue.revenue".`);
		const { dataset, column } = resolveColumn(of, datasets, tag);
		const rows = dataset.rows as Rows;
		const one = (attribute: RowsAttribute) => {
			const picked = pick(rows, attributes[attribute], attribute, dataset, tag);
			if (picked.length === 0) noRow(attribute);
			if (picked.length > 1)
				fail(
					`${tag} ${attribute}="${attributes[attribute] ?? ''}" picks ${picked.length} rows of ${dataset.name}: it must pick exactly one (add a condition, joined by ";").`,
				);
			return picked[0]!;
		};
		// No row matched: list the values the first condition's column has, to pick from.
		const noRow = (attribute: RowsAttribute): never => {
			const where = attributes[attribute] ?? '';
			const column = where.split('=')[0]!.trim();
			const values = [
				...new Set(
					rows
						.map((row) => row[column])
						.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell))),
				),
			];
			return fail(
				`${tag} ${attribute}="${where}" picks no row of ${dataset.name}. Its ${column} values: ${values.join(', ')}.`,
			);
		};
		const number = (row: Readonly<Record<string, Cell>>, col = column) => {
			const cell = row[col];
			return typeof cell === 'number'
				? cell
				: fail(`${tag}: ${dataset.name}.${col} is empty in the row ${describeRow(row)}: pick a row that has a value.`);
		};
		let value: number;
		switch (name) {
			case 'Value':
				value = number(one('where'));
				break;
			case 'Sum': {
				const picked = pick(rows, attributes.where, 'where', dataset, tag);
				if (picked.length === 0) noRow('where');
				value = picked.reduce((sum, row) => sum + number(row), 0);
				break;
			}
			case 'Change':
			case 'Difference': {
				const from = number(one('from'));
				const to = number(one('to'));
				if (name === 'Difference') value = to - from;
				else
					value =
						from === 0 ? fail(`${tag}: the "from" value is 0, so there is no rate of change.`) : (to / from - 1) * 100;
				break;
			}
			case 'Implied': {
				// The value a year earlier that a value and its growth rate imply: value / (1 + growth %).
				const growth = attributes.growth ?? 'growth';
				checkColumn(dataset, growth, tag);
				const row = one('where');
				value = number(row) / (1 + number(row, growth) / 100);
				break;
			}
		}
		// By default a whole number, with % when the column's unit is a percentage ("% of …").
		const format = attributes.format ?? (columnUnit(dataset, column).startsWith('%') ? '0%' : '0');
		return { ok: true, value, text: formatNumber(value, format) };
	} catch (error) {
		if (error instanceof FigureError) return { ok: false, message: error.message };
		throw error;
	}
}

/** Formats a number in a template: "RMB 0.0 bn" with 27.648 gives "RMB 27.6 bn". */
export function formatNumber(value: number, format: string): string {
	const pattern = /0(,000)?(?:\.(0+))?/.exec(format);
	if (!pattern) return `${format}${value}`;
	const decimals = pattern[2]?.length ?? 0;
	const text = value.toLocaleString('en-GB', {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
		useGrouping: pattern[1] !== undefined,
	});
	return format.slice(0, pattern.index) + text + format.slice(pattern.index + pattern[0].length);
}

function resolveColumn(of: string, datasets: readonly Dataset[], tag: string): { dataset: Dataset; column: string } {
	// "dataset.column", or just "dataset" when it has one number column (it keeps a tag on one line).
	const whole = datasets.find((d) => d.name === of);
	const dot = of.lastIndexOf('.');
	const name = whole ? of : dot < 0 ? of : of.slice(0, dot);
	const names = datasets.map((d) => d.name);
	const dataset =
		whole ??
		datasets.find((d) => d.name === name) ??
		fail(`${tag} of="${of}": there is no dataset "${name}".${suggest(name, names)} Write of="dataset.column".`);
	const numeric = Object.keys(dataset.columns).filter((c) => dataset.columns[c]!.type === 'number');
	const column = whole ? (numeric.length === 1 ? numeric[0]! : '') : of.slice(dot + 1);
	checkColumn(dataset, column, tag);
	return { dataset, column };
}

function checkColumn(dataset: Dataset, column: string, tag: string): void {
	const spec = dataset.columns[column];
	const numeric = Object.entries(dataset.columns)
		.filter(([, s]) => s.type === 'number')
		.map(([c]) => c);
	if (!spec || spec.type !== 'number')
		fail(
			`${tag}: ${dataset.name} has no number column "${column}".${suggest(column, numeric)} Its number columns: ${numeric.join(', ')}.`,
		);
}

function pick(rows: Rows, where: string | undefined, attribute: string, dataset: Dataset, tag: string): Rows {
	if (where === undefined) fail(`${tag} needs ${attribute}="column=value", e.g. ${attribute}="quarter=Jul–Sep 2023".`);
	const conditions = where!.split(';').map((condition) => {
		const [column = '', ...rest] = condition.split('=');
		const key = column.trim();
		if (rest.length === 0 || !(key in dataset.columns))
			fail(
				`${tag} ${attribute}="${where}": write column=value, with a column of ${dataset.name} (${Object.keys(dataset.columns).join(', ')}).`,
			);
		return {
			key,
			values: rest
				.join('=')
				.split('|')
				.map((v) => v.trim()),
		};
	});
	return rows.filter((row) => conditions.every(({ key, values }) => values.some((v) => matches(row[key]!, v))));
}

const matches = (cell: Cell, value: string): boolean =>
	cell instanceof Date ? cell.toISOString().slice(0, 10).startsWith(value) : String(cell) === value;

/** A row as a reader can find it in the CSV: its first text cell ("Jul–Sep 2023"), or all its cells. */
export function describeRow(row: object): string {
	const cells = Object.values(row) as Cell[];
	const label = cells.find((cell): cell is string => typeof cell === 'string' && cell !== '');
	return `"${label ?? cells.map(String).join(', ')}"`;
}

function suggest(name: string, options: readonly string[]): string {
	const suggestion = closest(name, options);
	return suggestion ? ` Did you mean "${suggestion}"?` : '';
}
