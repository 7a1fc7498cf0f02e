/**
 * Which datum each mark element of a rendered chart draws, as a row of the state's data table:
 * what the chart's details (tooltips, keyboard path, screen-reader structure) show. Read from the
 * Plot SVG before it is serialised, from what mark-keys.ts leaves on each mark's element (its data
 * after transforms and its scaled channels), so every chart gets it without code of its own.
 *
 * A mark element draws a table row when the datum it draws (a row of the mark's data) agrees with
 * that row on every column they share (`quarter`, `vendor`, `revenue` …): the table is the chart's
 * own words for its data, already labelled and formatted. Elements whose datum is not a row of the
 * table (reference lines, annotations, axes) have no details.
 */
import type { DataTable } from '../charts/define-chart.ts';
import type { Drawn } from './mark-keys.ts';

type Datum = { __data__?: unknown };

/** One series of points: a line's path, or the elements of one mark. Rows in table order. */
export interface DetailsSeries {
	readonly name: string;
	readonly rows: readonly number[];
}

/** The details of one chart state at one width. */
export interface Drawing {
	/**
	 * Mark elements to rows, compactly, for the browser (src/client/details.ts): marks separated by
	 * `;`, each `<mark data-key>=<entry>,<entry>…`, one entry per child element of the mark in order:
	 * empty (no datum), a row index, or for a path drawing several rows `row x y row x y …` (the
	 * vertices in SVG coordinates, so the pointer can pick the nearest).
	 */
	readonly map: string;
	readonly series: readonly DetailsSeries[];
}

const recorded = new Map<string, () => Drawing>();

/**
 * Records a freshly drawn chart (`key` as render-svg.ts caches it), before it is serialised. The
 * details are worked out when first asked for (the table is the chart's, read then).
 */
export function recordDetails(key: string, svg: Element, table: () => DataTable): void {
	let drawing: Drawing | undefined;
	recorded.set(key, () => (drawing ??= collectDetails(svg, table())));
}

export const recordedDetails = (key: string): Drawing | undefined => recorded.get(key)?.();

function collectDetails(svg: Element, table: DataTable): Drawing {
	const matchRow = rowMatcher(table);
	const marks: string[] = [];
	// Each row is a point of the first series that draws it; series of one name are one series.
	const series = new Map<string, number[]>();
	const claimed = new Set<number>();
	const unnamed: number[] = [];
	const claim = (name: string | undefined, rows: number[]): void => {
		for (const row of rows) {
			if (claimed.has(row)) continue;
			claimed.add(row);
			if (name === undefined) unnamed.push(row);
			else series.set(name, [...(series.get(name) ?? []), row]);
		}
	};
	for (const mark of svg.children) {
		const { __rows__: data, __values__: values } = mark as Drawn;
		if (!data) continue;
		const markKey = mark.getAttribute('data-key') ?? '';
		const singles: number[] = [];
		const entries = [...mark.children].map((el) => {
			const datum = (el as Datum).__data__;
			if (typeof datum === 'number') {
				const row = matchRow(data[datum]);
				if (row < 0) return '';
				singles.push(row);
				return String(row);
			}
			if (!isIndexList(datum)) return '';
			// A path (line, area) draws one row per vertex.
			const rows: number[] = [];
			const tokens: string[] = [];
			for (const i of Array.from(datum)) {
				const row = i >= 0 ? matchRow(data[i]) : -1;
				if (row < 0) continue;
				rows.push(row);
				tokens.push(String(row), px(values?.x?.[i] ?? values?.x1?.[i]), px(values?.y?.[i] ?? values?.y2?.[i]));
			}
			// A line per z value is named by it; a single line by the column it reads.
			const name = (mark as { __keys__?: unknown }).__keys__ ? el.getAttribute('data-key') : seriesName(values, table);
			if (rows.length) claim(name ?? markKey, rows);
			return tokens.join(' ');
		});
		if (singles.length) claim(seriesName(values, table), singles);
		while (entries.at(-1) === '') entries.pop();
		if (entries.length) marks.push(`${markKey}=${entries.join(',')}`);
	}
	// Marks that name no value (a gap's band, a "no figure" label) join the series of the row before
	// (or after) theirs: a missing quarter belongs to the line it interrupts.
	const owner = (row: number): number[] | undefined => {
		const lists = [...series.values()];
		for (let d = 1; d <= table.rows.length; d++) {
			const list = lists.find((l) => l.includes(row - d)) ?? lists.find((l) => l.includes(row + d));
			if (list) return list;
		}
		return undefined;
	};
	for (const row of unnamed) {
		const list = owner(row);
		if (list) list.push(row);
		else series.set(table.columns[1]?.label ?? 'Points', [row]);
	}
	return {
		map: marks.join(';'),
		series: [...series].map(([name, rows]) => ({ name, rows: rows.sort((a, b) => a - b) })),
	};
}

const px = (value: unknown): string => String(Math.round(Number(value)));

const isIndexList = (datum: unknown): datum is ArrayLike<number> =>
	(Array.isArray(datum) || ArrayBuffer.isView(datum)) && typeof (datum as ArrayLike<unknown>)[0] === 'number';

/**
 * A mark's points are named after the value column its position reads (y, else x), as the table
 * labels it; undefined for a mark positioned otherwise (a band over a gap, an event on a spine).
 */
function seriesName(values: Drawn['__values__'], table: DataTable): string | undefined {
	const channels = (values as { channels?: Record<string, { label?: unknown } | undefined> } | undefined)?.channels;
	const [, ...valueColumns] = table.columns;
	for (const name of ['y', 'y2', 'x', 'x2', 'r']) {
		const label = channels?.[name]?.label;
		const column = valueColumns.find((c) => c.key === label);
		if (column) return column.label;
	}
	return undefined;
}

/**
 * Returns the index of the table row a datum is (-1 if none). The datum, or an object it wraps (a
 * layout's `{ event, slot }`, a map's `{ shown: { row } }`), agrees with the row on the most shared
 * columns; failing that, the row whose words (an event's name) the datum carries, if only one does.
 */
function rowMatcher(table: DataTable): (datum: unknown) => number {
	const memo = new Map<unknown, number>();
	const byKeys = (d: Record<string, unknown>): number => {
		let best = -1;
		let bestScore = 0;
		table.rows.forEach((row, index) => {
			let score = 0;
			for (const [key, cell] of Object.entries(row)) {
				if (!(key in d)) continue;
				const value = d[key] ?? null;
				if (value !== null && typeof value === 'object') continue; // a Date, a geometry: not comparable
				if (String(value) !== String(cell)) return;
				score++;
			}
			if (score > bestScore) [best, bestScore] = [index, score];
		});
		return best;
	};
	const match = (datum: unknown): number => {
		const objects = nested(datum, 3);
		for (const d of objects) {
			const row = byKeys(d);
			if (row >= 0) return row;
		}
		const words = new Set(objects.flatMap((d) => Object.values(d).filter((v) => typeof v === 'string')));
		const rows = table.rows.flatMap((row, index) =>
			Object.values(row).some((cell) => typeof cell === 'string' && cell.length > 3 && words.has(cell)) ? [index] : [],
		);
		return rows.length === 1 ? rows[0]! : -1;
	};
	return (datum) => {
		let row = memo.get(datum);
		if (row === undefined) memo.set(datum, (row = match(datum)));
		return row;
	};
}

// A plain object and the plain objects it holds, breadth first.
function nested(value: unknown, depth: number): Record<string, unknown>[] {
	if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || depth === 0) return [];
	const inner = Object.values(value).flatMap((v) => nested(v, depth - 1));
	return [value as Record<string, unknown>, ...inner];
}
