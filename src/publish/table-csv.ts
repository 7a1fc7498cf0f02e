import { csvFormat } from 'd3-dsv';
import type { DataTable } from '../charts/define-chart.ts';

/**
 * Returns a chart state's table as CSV: exactly the rows the state shows, with the dataset's own
 * column names as the header (as in content/data/), and gaps left empty.
 */
export function tableCsv(table: DataTable): string {
	const keys = table.columns.map((c) => c.key);
	const rows = table.rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? ''])));
	return `${csvFormat(rows, keys)}\n`;
}
