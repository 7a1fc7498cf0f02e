import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { charts } from '../charts/index.ts';
import { checkFrontmatter } from './frontmatter.ts';
import {
	findDuplicateOrders,
	findDuplicateSteps,
	validateChapter,
	type ChapterOrder,
	type Problem,
	type StepInfo,
} from './validate-chapter.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;

/** The story: its published chapters in order and every step, checked against the charts. */
export interface Story {
	readonly chapters: readonly ChapterEntry[];
	readonly steps: ReadonlyMap<string, StepInfo>;
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
	const chapters = entries.toSorted((a, b) => a.data.order - b.data.order);
	const catalogue = new Map(charts.map((chart) => [chart.id, chart.stateNames]));
	const problems: Problem[] = [];
	const steps: StepInfo[] = [];
	const orders: ChapterOrder[] = [];
	for (const chapter of chapters) {
		const file = chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
		// Paths are relative to the project root, which fixture builds move (STORY_ROOT, see astro.config.mjs).
		const source = await readFile(resolve(process.env.STORY_ROOT ?? process.cwd(), file), 'utf8');
		const check = validateChapter(file, source, catalogue);
		problems.push(...check.problems);
		steps.push(...check.steps);
		orders.push({ file, line: checkFrontmatter(file, source).lineOf('order'), order: chapter.data.order });
	}
	problems.push(...findDuplicateSteps(steps), ...findDuplicateOrders(orders));
	if (problems.length > 0) {
		throw new AstroError(
			`The story has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems
				.map((p) => `${p.file}:${p.line}: ${p.message}`)
				.join('\n')}`,
			'Fix each line above in the chapter file it names.',
		);
	}
	return { chapters, steps: new Map(steps.map((step) => [step.id, step])) };
}
