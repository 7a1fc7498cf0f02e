// Writes content/CHARTS.md, the editors' list of every chart and state, from the chart registry:
// npm run charts:reference. A unit test fails when the checked-in copy is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Chart } from '../charts/define-chart.ts';
import type { Dataset } from '../data/define-dataset.ts';
import { sourceParts } from '../publish/figure-words.ts';
import { openStoryModules, projectDir, storyFolders } from './story-modules.ts';

/** Where the reference is checked in. */
export const referencePath = join(projectDir, 'content/CHARTS.md');

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
		'To see each state drawn, run `npm run dev` and open the gallery at http://localhost:4321/charts/.',
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
		...chart.stateNames.map(
			(state) =>
				`- \`${state}\`${state === chart.defaultState ? ' (the default)' : ''}: ${escape(chart.label(state))}. _Text alternative:_ ${escape(chart.alt(state))}`,
		),
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

if (import.meta.main) {
	const modules = await openStoryModules(storyFolders(projectDir));
	try {
		const { charts } = await modules.load<{ charts: readonly Chart[] }>('src/charts/index.ts');
		writeFileSync(referencePath, await formattedReference(charts));
		console.log(
			`Wrote content/CHARTS.md: ${charts.length} charts, ${charts.flatMap((c) => c.stateNames).length} states.`,
		);
	} finally {
		await modules.close();
	}
}
