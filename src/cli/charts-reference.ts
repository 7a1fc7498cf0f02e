// content/CHARTS.md, the editors' list of every chart and state with a picture of each
// (src/cli/state-pictures.ts), from the chart registry. Written by `npm run charts:reference`
// (src/cli/write-charts-reference.ts); tests fail when the checked-in copies are stale.
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Chart } from '../charts/define-chart.ts';
import type { Dataset } from '../data/define-dataset.ts';
import { sourceParts } from '../publish/figure-words.ts';
import { projectDir } from './story-modules.ts';

/** Where the reference is checked in. */
export const referencePath = join(projectDir, 'content/CHARTS.md');

/** Where a state's picture is, from content/ (how CHARTS.md links it): src/cli/state-pictures.ts draws it. */
export const picturePath = (chart: Chart, state: string): string => `guide/charts/${chart.id}/${state}.svg`;

/** Returns the reference as Markdown: each chart's id, title, subtitle, data and sources, and states. */
export function chartsReference(charts: readonly Chart[]): string {
	const first = charts[0];
	const example = first
		? `<Scrolly chart="${first.id}">\n  <Step id="a-unique-id" state="${first.stateNames.at(-1)}">What the reader should notice.</Step>\n</Scrolly>\n\n<Chart chart="${first.id}" state="${first.defaultState}" />`
		: '';
	return [
		'# Charts and their states',
		'',
		'<!-- Generated from src/charts/index.ts by `npm run charts:reference`: do not edit by hand. -->',
		'',
		'Every chart the story can show, and the named states it can be in. In a chapter, pick a chart',
		'by its id and a state by its name ([how to write a chapter](EDITORS.md)):',
		'',
		'```mdx',
		example,
		'```',
		'',
		'Each state is pictured as a phone draws it. To see them at every width, run `npm run dev` and',
		'open the gallery at http://localhost:4321/charts/.',
		'The text alternative is what a screen reader says for the state; it is written from the data, so',
		'it follows the data when a CSV changes.',
		'',
		'| Chart | Title | States |',
		'| --- | --- | --- |',
		...charts.map(
			(chart) =>
				`| [\`${chart.id}\`](#${chart.id}) | ${escape(chart.title)} | ${chart.stateNames.map((s) => `\`${s}\``).join(', ')} |`,
		),
		...charts.flatMap((chart) => ['', ...chartSection(chart)]),
		'',
	].join('\n');
}

function chartSection(chart: Chart): string[] {
	return [
		`## ${chart.id}`,
		'',
		`**${escape(chart.title)}**`,
		`${escape(chart.subtitle)}`,
		'',
		'Data:',
		'',
		...chart.datasets.map(datasetLine),
		'',
		'States:',
		'',
		...chart.stateNames.flatMap((state) => [
			`- \`${state}\`${state === chart.defaultState ? ' (the default)' : ''}: ${escape(chart.label(state))}. _Text alternative:_ ${escape(chart.alt(state))}`,
			'',
			`  ![${escape(chart.label(state))}](${picturePath(chart, state)})`,
			'',
		]),
	];
}

function datasetLine(dataset: Dataset): string {
	// The words every other place shows (figure-words), with the title linked where it is online.
	const sources = dataset.meta.sources.map((source) => {
		const { before, title, url, after } = sourceParts(source);
		return `${escape(before)}${url ? `[${escape(title)}](${url})` : escape(title)}${escape(after)}`;
	});
	return `- [\`${dataset.name}\`](data/${dataset.name}.csv): ${escape(dataset.meta.title)} (${escape(dataset.meta.unit)}). Source${sources.length > 1 ? 's' : ''}: ${sources.join('; ')}.`;
}

// Markdown would read these characters as formatting; the reference shows them as written.
const escape = (text: string): string => text.replace(/([\\`*_[\]<>|])/g, '\\$1');

/** Returns the reference formatted as the repository formats Markdown (prettier), ready to compare. */
export async function formattedReference(charts: readonly Chart[]): Promise<string> {
	const options = await resolveConfig(referencePath);
	return format(chartsReference(charts), { ...options, filepath: referencePath });
}
