// Checks the story without building it: npm run check
// Every dataset (CSV values, metadata and sources), the story file (content/story.yaml), every chapter's
// frontmatter, every Scrolly, Step and Chart tag against the chart registry, and the ids of the methodology
// note's headings against the chapters' and steps'. Prints `file:line: what to fix`; exits 1 on problems.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chart } from '../charts/define-chart.ts';
import type { ChartCatalogue } from '../chapters/validate-chapter.ts';
import { checkStoryFile } from '../chapters/story-file.ts';
import { validateStory } from '../chapters/validate-story.ts';
import { pairDatasetFiles, tryLoadDataset } from '../data/define-dataset.ts';
import { formatProblem, plural, problemsOf, type Problem } from '../problems/problem.ts';
import { contentFiles, foldersFromEnvironment, openStoryModules, shown, type StoryFolders } from './story-modules.ts';

/** What `npm run check` found: the problems, and what it looked at. */
export interface CheckResult {
	readonly problems: readonly Problem[];
	readonly chapters: number;
	readonly drafts: number;
	readonly steps: number;
	readonly datasets: number;
	readonly charts: number;
	/** False when a dataset or chart failed to load, so tags could not be checked against the charts. */
	readonly chartsChecked: boolean;
}

/** Checks every dataset and chapter of the story in these folders. */
export async function checkStory(folders: StoryFolders): Promise<CheckResult> {
	const modules = await openStoryModules(folders);
	try {
		const problems: Problem[] = [];
		// Datasets are two files each, read here as the site's loader reads them (src/data/index.ts).
		const csvFiles = contentFiles(folders, 'data', '.csv');
		const texts = (paths: readonly string[]) =>
			Object.fromEntries(paths.map((path) => [shown(folders, path), readFileSync(path, 'utf8')]));
		const datasets = pairDatasetFiles(texts(csvFiles), texts(contentFiles(folders, 'data', '.json')));
		problems.push(...datasets.problems, ...datasets.files.flatMap((files) => tryLoadDataset(files).problems));
		let charts: readonly Chart[] = [];
		if (problems.length === 0) {
			try {
				charts = (await modules.load<{ charts: readonly Chart[] }>('src/charts/index.ts')).charts;
			} catch (error) {
				problems.push(...problemsFrom(error, 'src/charts/index.ts'));
			}
		}
		const catalogue: ChartCatalogue | undefined =
			problems.length === 0 ? new Map(charts.map((chart) => [chart.id, chart.stateNames])) : undefined;
		const storyPath = join(folders.content, 'story.yaml');
		const storyText = existsSync(storyPath) ? readFileSync(storyPath, 'utf8') : undefined;
		problems.push(...checkStoryFile(storyText, shown(folders, storyPath), catalogue).problems);
		const chapterFiles = contentFiles(folders, 'chapters', '.mdx');
		const methodologyPath = join(folders.content, 'methodology.mdx');
		const story = validateStory(
			chapterFiles.map((path) => ({ file: shown(folders, path), source: readFileSync(path, 'utf8') })),
			catalogue,
			catalogue && new Map(charts.map((chart) => [chart.id, chart.datasets])),
			existsSync(methodologyPath)
				? { file: shown(folders, methodologyPath), source: readFileSync(methodologyPath, 'utf8') }
				: undefined,
		);
		problems.push(...story.problems);
		return {
			problems,
			chapters: chapterFiles.length,
			drafts: story.chapters.filter((chapter) => chapter.data?.draft).length,
			steps: story.steps.length,
			datasets: csvFiles.length,
			charts: charts.length,
			chartsChecked: catalogue !== undefined,
		};
	} finally {
		await modules.close();
	}
}

// Loading errors carry their problems, and a hint that says what to fix when there is one problem
// (for several, the hint is general: the problems are listed without it). Anything else (a broken
// module) is reported against the module that failed to load.
function problemsFrom(error: unknown, module: string): Problem[] {
	const { message = String(error), hint } = error as { message?: string; hint?: string };
	const problems = problemsOf(error) ?? [];
	if (problems.length > 0) return problems.length === 1 && hint ? [{ ...problems[0]!, fix: hint }] : [...problems];
	const lines = message.split('\n').filter((line) => line.trim() !== '');
	const fix = hint && lines.length === 1 ? hint : undefined;
	return lines.map((line) => ({ file: module, line: 1, message: line.replace(/^(\S+\.\w+): /, ''), fix }));
}

/** Returns what `npm run check` prints: one `file:line: message` line per problem, then a summary. */
export function formatCheck(result: CheckResult): string {
	const lines = result.problems.map(formatProblem);
	const count = result.problems.length;
	const drafts = result.drafts > 0 ? `, ${result.drafts} of them draft${result.drafts > 1 ? 's' : ''}` : '';
	const looked = `${plural(result.chapters, 'chapter')}${drafts}, ${plural(result.steps, 'step')}, ${plural(result.datasets, 'dataset')}, ${plural(result.charts, 'chart')}`;
	if (count === 0) return `No problems: ${looked}.`;
	const skipped = result.chartsChecked
		? ''
		: '\nThe chapters were not checked against the charts: fix the problems above first, then run npm run check again.';
	return `${lines.join('\n')}\n\n${plural(count, 'problem')}.${skipped}`;
}

const usage =
	'Usage: npm run check\nChecks every dataset, chart declaration and chapter of content/ (another folder: STORY_CONTENT_DIR=<folder>),\nand prints each problem as file:line: what is wrong and how to fix it.';

if (import.meta.main && process.argv.length > 2) {
	const [first] = process.argv.slice(2);
	const help = first === '--help' || first === '-h';
	if (help) console.log(usage);
	else console.error(`npm run check takes no arguments (it was given "${first}").\n\n${usage}`);
	process.exitCode = help ? 0 : 1;
} else if (import.meta.main) {
	const result = await checkStory(foldersFromEnvironment());
	const output = formatCheck(result);
	if (result.problems.length > 0) {
		console.error(output);
		process.exitCode = 1;
	} else console.log(output);
}
