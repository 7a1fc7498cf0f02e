// Checks the story without building it: npm run check
// Every dataset (CSV values, metadata and sources), the story file (content/story.yaml), every chapter's
// frontmatter, and every Scrolly, Step and Chart tag against the chart registry. Prints `file:line: what to fix`; exits 1 on problems.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Chart } from '../charts/define-chart.ts';
import type { ChartCatalogue, Problem } from '../chapters/validate-chapter.ts';
import { checkStoryFile } from '../chapters/story-file.ts';
import { validateStory } from '../chapters/validate-story.ts';
import { contentDir, contentFiles, openStoryModules, projectDir, shown, type StoryModules } from './story-modules.ts';

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

/** Checks every dataset and chapter of the story (STORY_ROOT / STORY_CONTENT_DIR, as the build). */
export async function checkStory(): Promise<CheckResult> {
	const modules = await openStoryModules();
	try {
		const problems: Problem[] = [];
		const csvFiles = contentFiles('data', '.csv');
		for (const csv of csvFiles) problems.push(...(await checkDataset(csv, modules)));
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
		const storyPath = join(contentDir, 'story.yaml');
		const storyText = existsSync(storyPath) ? readFileSync(storyPath, 'utf8') : undefined;
		problems.push(...checkStoryFile(storyText, shown(storyPath), catalogue).problems);
		const chapterFiles = contentFiles('chapters', '.mdx');
		const story = validateStory(
			chapterFiles.map((path) => ({ file: shown(path), source: readFileSync(path, 'utf8') })),
			catalogue,
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

/** Checks one dataset: its metadata file and module exist, and loading it (parse + validate) succeeds. */
async function checkDataset(csvPath: string, modules: StoryModules): Promise<Problem[]> {
	const name = basename(csvPath, '.csv');
	const file = shown(csvPath);
	const problems: Problem[] = [];
	if (!existsSync(csvPath.replace(/\.csv$/, '.json'))) {
		problems.push({
			file,
			line: 1,
			message: `the dataset has no metadata: add ${file.replace(/\.csv$/, '.json')} with its title, unit, measurer and sources (see content/EDITORS.md).`,
		});
	}
	const module = `src/data/${name}.ts`;
	if (!existsSync(join(projectDir, module))) {
		problems.push({
			file,
			line: 1,
			message: `no module declares this dataset's columns: add ${module} and list it in src/data/index.ts (see content/EDITORS.md).`,
		});
	}
	if (problems.length > 0) return problems;
	try {
		await modules.load(module);
		return [];
	} catch (error) {
		return problemsFrom(error, module);
	}
}

// Dataset errors are AstroErrors whose message lines read `file:line: problem` and whose hint says
// what to fix; anything else (a broken module) is reported against the module that failed to load.
function problemsFrom(error: unknown, module: string): Problem[] {
	const { message = String(error), hint } = error as { message?: string; hint?: string };
	const lines = message.split('\n').filter((line) => line.trim() !== '');
	return lines.map((line) => {
		const match = /^(\S+?):(\d+): (.*)$/.exec(line);
		const fix = hint && lines.length === 1 ? ` ${hint}` : '';
		return match
			? { file: match[1]!, line: Number(match[2]), message: `${match[3]}${fix}` }
			: { file: module, line: 1, message: `${line.replace(/^(\S+\.\w+): /, '')}${fix}` };
	});
}

/** Returns what `npm run check` prints: one `file:line: message` line per problem, then a summary. */
export function formatCheck(result: CheckResult): string {
	const lines = result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
	const count = result.problems.length;
	const drafts = result.drafts > 0 ? `, ${result.drafts} of them draft${result.drafts > 1 ? 's' : ''}` : '';
	const looked = `${plural(result.chapters, 'chapter')}${drafts}, ${plural(result.steps, 'step')}, ${plural(result.datasets, 'dataset')}, ${plural(result.charts, 'chart')}`;
	if (count === 0) return `No problems: ${looked}.`;
	const skipped = result.chartsChecked
		? ''
		: '\nThe chapters were not checked against the charts: fix the problems above first, then run npm run check again.';
	return `${lines.join('\n')}\n\n${plural(count, 'problem')}.${skipped}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

if (import.meta.main) {
	const result = await checkStory();
	const output = formatCheck(result);
	if (result.problems.length > 0) {
		console.error(output);
		process.exitCode = 1;
	} else console.log(output);
}
