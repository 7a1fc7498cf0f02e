/**
 * The details of a figure (tooltips, keyboard path, screen-reader structure), at build time: per
 * render width, which mark element draws which row of the state's data table (details-collect.ts),
 * and the rows as the table words them, grouped in series. Figure.astro writes them into the page;
 * src/client/details.ts reads them.
 */
import type { Chart } from '../charts/define-chart.ts';
import { recordedDetails, type DetailsSeries } from './details-collect.ts';
import { renderSvg } from './render-svg.ts';

/** One cell of a point's details: its column's label and the value as the data table shows it. */
export interface DetailsCell {
	readonly label: string;
	readonly value: string;
	/** A confidence marker ("one source"), shown apart. */
	readonly flag: boolean;
}

export interface DetailsPoint {
	readonly row: number;
	/** The first column's value: what the point is ("Jan–Mar 2023", "Alibaba"). */
	readonly name: string;
	readonly cells: readonly DetailsCell[];
}

export interface FigureDetails {
	/** Per render width, in the order given: the element map (see details-collect.ts). */
	readonly maps: readonly string[];
	readonly series: readonly (Omit<DetailsSeries, 'rows'> & { readonly points: readonly DetailsPoint[] })[];
}

/** As the data table (src/components/DataTable.astro) shows a cell. */
const format = (value: string | number | null | undefined): string =>
	value === null || value === undefined ? '–' : String(value);

/** Returns a figure's details, or undefined when no mark of the state draws a row of its table. */
export function figureDetails(chart: Chart, state: string, widths: readonly number[]): FigureDetails | undefined {
	const drawings = widths.map((width) => {
		renderSvg(chart, state, width); // draws (and records) unless cached
		return recordedDetails(`${chart.id}/${state}/${width}`);
	});
	// The structure comes from the widest drawing: narrower ones may leave out labels, not data.
	const widest = drawings.at(-1);
	if (!widest?.series.length) return undefined;
	const table = chart.table(state);
	const [first, ...rest] = table.columns;
	const point = (row: number): DetailsPoint => {
		const cells = table.rows[row] ?? {};
		return {
			row,
			name: format(first && cells[first.key]),
			cells: rest
				.filter((c) => cells[c.key] !== null && cells[c.key] !== undefined)
				.map((c) => ({ label: c.label, value: format(cells[c.key]), flag: /confidence/i.test(c.key) })),
		};
	};
	return {
		maps: drawings.map((d) => d?.map ?? ''),
		series: widest.series.map((s) => ({ name: s.name, points: s.rows.map(point) })),
	};
}
