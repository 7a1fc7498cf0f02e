import { checkFrontmatter } from './frontmatter.ts';
import {
	findDuplicateFigures,
	findDuplicateOrders,
	findDuplicateSteps,
	validateChapter,
	type ChapterOrder,
	type ChartCatalogue,
	type FigureInfo,
	type Problem,
	type StepInfo,
} from './validate-chapter.ts';
import type { ChapterData } from './chapter-schema.ts';

/** One chapter file: its path as messages show it, and its text. */
export interface ChapterSource {
	readonly file: string;
	readonly source: string;
}

/** The whole story, checked: every step, each chapter's frontmatter data, and every problem. */
export interface StoryCheck {
	readonly steps: readonly StepInfo[];
	readonly figures: readonly FigureInfo[];
	readonly chapters: readonly { readonly file: string; readonly data: ChapterData | undefined }[];
	readonly problems: readonly Problem[];
}

/**
 * Checks every chapter's frontmatter and tags, then what must be unique across the story (step ids,
 * inline figures, orders). The build and `npm run check` both call this, so they agree. Without a
 * catalogue (the charts could not be loaded), the tags are not checked.
 */
export function validateStory(chapters: readonly ChapterSource[], catalogue: ChartCatalogue | undefined): StoryCheck {
	const problems: Problem[] = [];
	const steps: StepInfo[] = [];
	const figures: FigureInfo[] = [];
	const orders: ChapterOrder[] = [];
	const data = chapters.map(({ file, source }) => {
		const frontmatter = checkFrontmatter(file, source);
		const found = [...frontmatter.problems];
		if (frontmatter.data) orders.push({ file, line: frontmatter.lineOf('order'), order: frontmatter.data.order });
		if (catalogue) {
			const check = validateChapter(file, source, catalogue);
			found.push(...check.problems);
			steps.push(...check.steps);
			figures.push(...check.figures);
		}
		problems.push(...found.toSorted((a, b) => a.line - b.line));
		return { file, data: frontmatter.data };
	});
	problems.push(...findDuplicateSteps(steps), ...findDuplicateFigures(figures), ...findDuplicateOrders(orders));
	return { steps, figures, chapters: data, problems };
}
