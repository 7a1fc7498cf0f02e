import type { ColumnSpec, Columns } from '../../data/define-dataset.ts';

/** A dataset row as a declared chart sees it: values by column name. */
export type AnyRow = Readonly<Record<string, string | number | Date | null>>;

/** A parsed row selector: which rows a highlight, `only` or note names. */
export type Selector =
	| { readonly kind: 'edge'; readonly edge: 'first' | 'last' }
	| { readonly kind: 'values'; readonly column: string; readonly values: readonly (string | number)[] }
	| {
			readonly kind: 'range';
			readonly column: string;
			readonly from?: string | number;
			readonly to?: string | number;
	  };

/** Compares a cell with a value written in YAML: dates as YYYY-MM-DD, numbers as numbers, text as text. */
export function sameValue(cell: AnyRow[string], value: string | number): boolean {
	if (cell instanceof Date) return isoDate(cell) === String(value) || isoDate(cell).slice(0, 7) === String(value);
	if (typeof cell === 'number') return cell === Number(value);
	return cell === String(value);
}

const comparable = (value: string | number | Date, spec: ColumnSpec | undefined): number | string => {
	if (value instanceof Date) return value.getTime();
	if (spec?.type === 'date') return Date.parse(String(value).length === 7 ? `${value}-01` : String(value));
	if (spec?.type === 'number') return Number(value);
	return String(value);
};

/** Returns a predicate for a selector; `measure` is the column whose missing values `first`/`last` skip. */
export function selects(
	selector: Selector,
	rows: readonly AnyRow[],
	columns: Columns,
	measure: string | undefined,
): (row: AnyRow) => boolean {
	if (selector.kind === 'edge') {
		const known = rows.filter((r) => measure === undefined || r[measure] !== null);
		const row = selector.edge === 'first' ? known[0] : known.at(-1);
		return (r) => r === row;
	}
	const { column } = selector;
	if (selector.kind === 'values') return (r) => selector.values.some((v) => sameValue(r[column] ?? null, v));
	const spec = columns[column];
	return (r) => {
		const cell = r[column];
		if (cell === null || cell === undefined) return false;
		const c = comparable(cell, spec);
		return (
			(selector.from === undefined || c >= comparable(selector.from, spec)) &&
			(selector.to === undefined || c <= comparable(selector.to, spec))
		);
	};
}

/** "2024-01-01". */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** A cell as the data table and CSV show it. */
export const tableCell = (cell: AnyRow[string] | undefined): string | number | null =>
	cell instanceof Date ? isoDate(cell) : (cell ?? null);
