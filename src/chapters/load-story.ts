import { readFile } from 'node:fs/promises';
import { root } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import methodology from '~content/methodology.mdx?raw';
import { charts } from '../charts/index.ts';
import { plural, ProblemsError } from '../problems/problem.ts';
import { methodologyFile } from './heading-ids.ts';
import type { FigureInfo, StepInfo } from './validate-chapter.ts';
import { validateStory } from './validate-story.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;

/** The story: its published chapters in order and every step, checked against the charts. */
export interface Story {
	readonly chapters: readonly ChapterEntry[];
	readonly steps: ReadonlyMap<string, StepInfo>;
	/** The inline figures (`<Chart>`) of the published chapters. */
	readonly figures: readonly FigureInfo[];
}

let cached: Promise<Story> | undefined;

/** Loads and checks the story once per build (on every request in dev, so edits show at once). */
export function loadStory(): Promise<Story> {
	if (import.meta.env.DEV) return readStory();
	return (cached ??= readStory());
}

/** Returns the step with this id, for components that render a step. */
export async function findStep(id: string): Promise<StepInfo> {
	const step = (await loadStory()).steps.get(id);
	if (!step)
		throw new AstroError(`No step "${id}" in the story.`, 'Steps must be written in a chapter in content/chapters/.');
	return step;
}

async function readStory(): Promise<Story> {
	const entries = await getCollection('chapters', ({ data }) => import.meta.env.DEV || !data.draft);
	// An editor inserts a chapter with an order between two others (2.5 between 2 and 3); readers see
	// the chapters numbered by place, so from here on `order` is the chapter's number: 1, 2, 3…
	const chapters = entries
		.toSorted((a, b) => a.data.order - b.data.order)
		.map((entry, index) => ({ ...entry, data: { ...entry.data, order: index + 1 } }));
	const catalogue = new Map(charts.map((chart) => [chart.id, chart.stateNames]));
	const sources = await Promise.all(
		chapters.map(async (chapter) => {
			const file = chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
			// Entry paths are relative to the story's root, the Astro config's (a fixture's in tests).
			return { file, source: await readFile(new URL(file, root), 'utf8') };
		}),
	);
	const data = new Map(charts.map((chart) => [chart.id, chart.datasets]));
	const note = { file: methodologyFile, source: methodology };
	const { problems, steps, figures } = validateStory(sources, catalogue, data, note);
	if (problems.length > 0) {
		throw new ProblemsError(
			problems,
			'Fix each line above in the file it names. npm run check lists the same problems without a build.',
			`The story has ${plural(problems.length, 'problem')}:`,
		);
	}
	return { chapters, steps: new Map(steps.map((step) => [step.id, step])), figures };
}
