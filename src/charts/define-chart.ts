import type { PlotOptions } from '@observablehq/plot';
import type { Columns, Dataset, Row } from '../data/define-dataset.ts';

/** The rows of each dataset a chart uses, keyed as the chart names them. */
export type ChartData<DS extends Record<string, Dataset>> = {
	readonly [K in keyof DS]: DS[K] extends Dataset<infer C extends Columns> ? readonly Row<C>[] : never;
};

/** A table of what one chart state shows: the accessible data table and the CSV download. */
export interface DataTable {
	readonly columns: readonly { readonly key: string; readonly label: string }[];
	readonly rows: readonly Readonly<Record<string, string | number | null>>[];
}

/** One named state of a chart: what the chart shows at one step of the story. */
export interface ChartState<D> {
	/** A short label for the gallery and the editors' reference, e.g. "Alibaba highlighted". */
	readonly label: string;
	/**
	 * Returns the Plot options for this state at a given width in pixels (pure: no DOM, no clock).
	 *
	 * Between two states of one chart, the story animates each mark element to its counterpart:
	 * the same mark (by type, or Plot's `ariaLabel` option) drawing the same datum (by its index in
	 * the mark's data, or the mark's `key` channel: `channels: { key: 'vendor' }`). Pass every state
	 * the same rows in the same order (hide rows with the mark's `filter` option), or declare a key
	 * channel when they differ. See src/render/mark-keys.ts.
	 */
	readonly plot: (data: D, width: number) => PlotOptions;
	/** Returns the text alternative: what a reader should see, derived from the data. */
	readonly alt: (data: D) => string;
	/** Returns the rows this state shows; defaults to the chart's table. */
	readonly table?: (data: D) => DataTable;
}

/** A chart: a title, the datasets it draws and its named states. */
export interface Chart<S extends string = string> {
	/** Kebab-case id, equal to the file name in src/charts/. */
	readonly id: string;
	readonly title: string;
	/** One line under the title saying what is measured (unit, period). */
	readonly subtitle: string;
	readonly datasets: readonly Dataset[];
	readonly stateNames: readonly S[];
	/** The state shown when none is named (the first one). */
	readonly defaultState: S;
	/** Returns the Plot options for a state at a width. */
	plot(state: S, width: number): PlotOptions;
	/** Returns the state's text alternative. */
	alt(state: S): string;
	/** Returns the state's data table. */
	table(state: S): DataTable;
	label(state: S): string;
}

interface ChartInput<DS extends Record<string, Dataset>, S extends string> {
	id: string;
	title: string;
	subtitle: string;
	datasets: DS;
	/** The table shown for every state that does not define its own. */
	table: (data: ChartData<DS>) => DataTable;
	states: Record<S, ChartState<ChartData<DS>>>;
}

/** Defines a chart; its states are pure functions of the datasets' rows and the width. */
export function defineChart<const DS extends Record<string, Dataset>, const S extends string>(
	input: ChartInput<DS, S>,
): Chart<S> {
	const data = Object.fromEntries(
		Object.entries(input.datasets).map(([key, dataset]) => [key, dataset.rows]),
	) as ChartData<DS>;
	const stateNames = Object.keys(input.states) as S[];
	const [defaultState] = stateNames;
	if (defaultState === undefined) throw new Error(`src/charts/${input.id}.ts: a chart needs at least one state.`);
	const stateOf = (name: S): ChartState<ChartData<DS>> => {
		const state = input.states[name];
		if (!state) throw new Error(`Chart "${input.id}" has no state "${name}".`);
		return state;
	};
	return {
		id: input.id,
		title: input.title,
		subtitle: input.subtitle,
		datasets: Object.values(input.datasets),
		stateNames,
		defaultState,
		plot: (name, width) => stateOf(name).plot(data, width),
		alt: (name) => stateOf(name).alt(data),
		table: (name) => (stateOf(name).table ?? input.table)(data),
		label: (name) => stateOf(name).label,
	};
}
