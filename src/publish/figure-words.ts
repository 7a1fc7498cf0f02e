/**
 * A figure's words, formatted once for every place that shows them: the story's figures, the
 * Sources section, embed pages, standalone SVG and PNG downloads, the gallery and oEmbed. Change
 * how a source, a note or a title reads here, and it changes everywhere.
 */
import type { Chart } from '../charts/define-chart.ts';
import type { Dataset } from '../data/define-dataset.ts';
import { site } from '../site.ts';

/** One source of a dataset, as its metadata gives it (content/data/*.json). */
export type Source = Dataset['meta']['sources'][number];

/** A chart state's full title, where the state is shown on its own: "Cloud revenue: 2023". */
export const stateTitle = (chart: Chart, state: string): string => `${chart.title}: ${chart.label(state)}`;

/**
 * The title for an embed page's <title>, at most `max` characters (browsers show about 70): the full
 * title if it fits, otherwise the state's label first (that is what tells the states apart), clipped
 * at a word.
 */
export function pageTitle(chart: Chart, state: string, max = 70): string {
	const title = stateTitle(chart, state);
	if (title.length <= max) return title;
	const text = `${chart.label(state)} · ${chart.title}`;
	return `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Clips a page title to at most `max` characters (browsers show about 70), at a word. */
export const clipTitle = (title: string, max = 70): string =>
	title.length <= max ? title : `${title.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;

/** What goes under a figure: the notes (each once, in order) and the sources of the datasets it draws. */
export interface FigureFoot {
	readonly notes: readonly string[];
	readonly sources: readonly Source[];
	/** "Source" or "Sources". */
	readonly sourceLabel: string;
}

export function figureFoot(datasets: readonly Dataset[]): FigureFoot {
	const sources = datasets.flatMap((d) => d.meta.sources);
	return {
		notes: [...new Set(datasets.flatMap((d) => d.meta.notes))],
		sources,
		sourceLabel: sources.length > 1 ? 'Sources' : 'Source',
	};
}

/** The label before the notes. */
export const noteLabel = 'Note';

/** The notes as one paragraph. */
export const notesText = (notes: readonly string[]): string => notes.join(' ');

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A source's date in words, as precisely as it is known: "26 Oct 2023", "Oct 2023" or "2023". */
export function sourceDate(source: Source): string {
	const [year, month, day] = source.date.split('-');
	const monthName = month === undefined ? undefined : months[Number(month) - 1];
	return [day === undefined ? undefined : String(Number(day)), monthName, year].filter(Boolean).join(' ');
}

/**
 * How a source's title reads, as citation style has it: a document's own headline in quotation marks,
 * our description of a document (`"described": true` in the metadata) in square brackets, so a reader
 * can tell the two apart.
 */
export const titleMarks = (source: Source): { open: string; close: string } =>
	source.described ? { open: '[', close: ']' } : { open: '“', close: '”' };

/**
 * One source in three parts, for pages that link its title: "Publisher, “" + title + "” (Oct 2023)",
 * or "Publisher, [" + description + "] (2024)". `url` is absent when the source is not online.
 */
export function sourceParts(source: Source): { before: string; title: string; url: string | undefined; after: string } {
	const { open, close } = titleMarks(source);
	return {
		before: `${source.publisher}, ${open}`,
		title: source.title,
		url: source.url,
		after: `${close} (${sourceDate(source)})`,
	};
}

/** One source as plain text: "Publisher, “Title” (26 Oct 2023)". */
export function sourceText(source: Source): string {
	const { before, title, after } = sourceParts(source);
	return `${before}${title}${after}`;
}

/** Every source as one line of plain text, separated by semicolons. */
export const sourcesText = (sources: readonly Source[]): string => sources.map(sourceText).join('; ');

/** Who made the chart, under every published figure. */
export const credit = (): string => `Chart: ${site.publisher}`;

/** The links under an embedded figure. */
export const embedLinks = {
	data: 'Get the data',
	/** Back to the story step that shows the state, or to the gallery when no step does. */
	story: (inStory: boolean): string => (inStory ? 'See it in the story' : 'More charts from the story'),
} as const;
