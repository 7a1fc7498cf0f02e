import { basename } from 'node:path';
import { slug } from 'github-slugger';
import { closest } from '../problems/closest.ts';
import { findDuplicates } from '../problems/duplicates.ts';
import { byLine, type Problem } from '../problems/problem.ts';
import type { ChapterData } from './chapter-schema.ts';
import { checkFigures, type ChartData } from './check-figures.ts';
import { checkFrontmatter, type FrontmatterCheck } from './frontmatter.ts';
import { headingIds } from './heading-ids.ts';
import { validateChapter, type ChartCatalogue, type FigureInfo, type StepInfo } from './validate-chapter.ts';

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
 * catalogue (the charts could not be loaded), the tags are not checked; with the charts' data, the
 * figures in the text are checked against it (check-figures.ts). With the methodology note
 * (content/methodology.mdx), its headings' ids are checked against the chapters' and steps' ids.
 */
export function validateStory(
	chapters: readonly ChapterSource[],
	catalogue: ChartCatalogue | undefined,
	chartData?: ChartData,
	methodology?: ChapterSource,
): StoryCheck {
	const problems: Problem[] = [];
	const steps: StepInfo[] = [];
	const figures: FigureInfo[] = [];
	const orders: ChapterOrder[] = [];
	const data = chapters.map(({ file, source }) => {
		const frontmatter = checkFrontmatter(file, source);
		const found = [...frontmatter.problems];
		if (frontmatter.data) orders.push({ file, line: frontmatter.lineOf('order'), order: frontmatter.data.order });
		if (catalogue && frontmatter.data) found.push(...checkCorrections(file, frontmatter, catalogue));
		if (catalogue) {
			const check = validateChapter(file, source, catalogue);
			found.push(...check.problems);
			if (chartData) found.push(...checkFigures(file, source, check, chartData));
			steps.push(...check.steps);
			figures.push(...check.figures);
		}
		problems.push(...found.toSorted(byLine));
		return { file, data: frontmatter.data };
	});
	problems.push(...findDuplicateSteps(steps), ...findDuplicateFigures(figures), ...findDuplicateOrders(orders));
	problems.push(...findDuplicatePageIds(pageIds(chapters, steps, methodology)));
	return { steps, figures, chapters: data, problems };
}

/** An id on the story page that an editor chooses: a chapter's, a step's or a methodology heading's. */
export interface PageId {
	readonly id: string;
	/** What has it, for the message: `chapter "…"`, `step "…"`, `a heading of the methodology note`. */
	readonly what: string;
	readonly file: string;
	readonly line: number;
}

/** The ids the story page gives its chapters (the file's name), steps and methodology headings. */
export function pageIds(
	chapters: readonly ChapterSource[],
	steps: readonly StepInfo[],
	methodology?: ChapterSource,
): PageId[] {
	// A step id used twice is reported by findDuplicateSteps: each id counts once here.
	const firstSteps = steps.filter((step, i) => steps.findIndex((other) => other.id === step.id) === i);
	return [
		...chapters.map(({ file }) => ({ id: slug(basename(file, '.mdx')), what: 'a chapter', file, line: 1 })),
		...firstSteps.map((step) => ({ id: step.id, what: 'a step', file: step.file, line: step.line })),
		...(methodology ? headingIds(methodology.file, methodology.source) : []).map((heading) => ({
			...heading,
			what: 'a heading of the methodology note',
		})),
	];
}

/** Returns problems for ids that chapters, steps and methodology headings share on the story page. */
export const findDuplicatePageIds = (ids: readonly PageId[]): Problem[] =>
	findDuplicates(
		ids,
		(entry) => entry.id,
		(first, others) =>
			`the id "${first.id}" of ${first.what} is also used at ${others}: the story page shows every chapter, step and heading of the methodology note, and each needs an id of its own. Rename the step or the chapter's file, or reword the heading.`,
	);

/** Returns problems for step ids used more than once across the story, naming every place. */
export const findDuplicateSteps = (steps: readonly StepInfo[]): Problem[] =>
	findDuplicates(
		steps,
		(step) => step.id,
		(first, others) =>
			`step id "${first.id}" is used more than once (also at ${others}): every step needs its own id, because it is the step's link.`,
	);

/** Returns problems for inline figures that would share ids on the whole-story page, naming both places. */
export const findDuplicateFigures = (figures: readonly FigureInfo[]): Problem[] =>
	findDuplicates(
		figures,
		(figure) => figure.uid,
		(first, others) =>
			`<Chart chart="${first.chart}" state="${first.state}"> is also at ${others}: where one chart state appears twice in the story, give each an id of its own, e.g. id="${first.chart}-${first.state}-2".`,
	);

/** A chapter's place in the story, for checking that no two chapters share one. */
export interface ChapterOrder {
	readonly file: string;
	readonly line: number;
	readonly order: number;
}

/** Returns problems for chapters that share an order number, naming every place. */
export const findDuplicateOrders = (chapters: readonly ChapterOrder[]): Problem[] =>
	findDuplicates(
		chapters,
		(chapter) => chapter.order,
		(first, others) =>
			`order ${first.order} is also used by ${others}: give each chapter its own order (to put a chapter between 2 and 3, give it order: 2.5).`,
	);

/** Returns problems for corrections that name a chart the story does not have. */
function checkCorrections(file: string, frontmatter: FrontmatterCheck, catalogue: ChartCatalogue): Problem[] {
	const names = [...catalogue.keys()];
	return (frontmatter.data?.corrections ?? []).flatMap((correction) =>
		correction.charts
			.filter((chart) => !catalogue.has(chart))
			.map((chart) => {
				const suggestion = closest(chart, names);
				return {
					file,
					line: frontmatter.lineOf('corrections'),
					message: `"corrections": there is no chart "${chart}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Name the charts the correction concerns by their ids in content/CHARTS.md.`,
				};
			}),
	);
}
