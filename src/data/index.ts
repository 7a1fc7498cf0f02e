import { closest } from '../problems/closest.ts';
import { loadDatasets, pairDatasetFiles, type Columns, type Dataset, type Row } from './define-dataset.ts';

declare global {
	/**
	 * Each dataset's declared columns, by name: generated from content/data/*.json into .astro/ by the
	 * integration in src/data/dataset-types.ts (on `astro dev`, `build`, `check` and `sync`).
	 */
	// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the generated types
	interface StoryDatasetColumns {}
}

/** The name of a dataset: its CSV's file name in content/data/, without `.csv`. */
export type DatasetName = keyof StoryDatasetColumns;
/** The declared columns of a dataset, as types. */
export type ColumnsOf<N extends DatasetName> = StoryDatasetColumns[N] extends Columns
	? StoryDatasetColumns[N]
	: Columns;
/** A row of a dataset, typed from its declared columns, e.g. `RowOf<'qwen-releases'>`. */
export type RowOf<N extends DatasetName> = Row<ColumnsOf<N>>;

// Vite reads the files (the `~content` alias: fixture builds swap the folder) and watches them: in
// `npm run dev`, saving a CSV or a JSON reloads the page with the new data.
const { files, problems } = pairDatasetFiles(
	import.meta.glob<string>('~content/data/*.csv', { query: '?raw', import: 'default', eager: true }),
	import.meta.glob<string>('~content/data/*.json', { query: '?raw', import: 'default', eager: true }),
);

/** Every dataset in content/data/, by name: the registry the sources, gallery, downloads and tests read. */
export const datasets: readonly Dataset[] = loadDatasets(files, problems);

/** Returns the dataset with this name, or undefined (declared charts look their datasets up by name). */
export const findDataset = (name: string): Dataset | undefined => datasets.find((d) => d.name === name);

/**
 * Returns a dataset by name, typed from its declared columns: code charts read their data with it,
 * e.g. `dataset('canalys-china-share-q3-2023').rows`. Throws when there is no such dataset.
 */
export function dataset<const N extends DatasetName>(name: N): Dataset<ColumnsOf<N>> {
	const found = findDataset(name);
	if (!found) {
		const names = datasets.map((d) => d.name);
		const suggestion = closest(name, names);
		throw new Error(
			`unknown dataset "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the datasets are ${names.join(', ')}.`,
		);
	}
	return found as never;
}
