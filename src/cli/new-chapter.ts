// Creates a chapter from a template: npm run new-chapter -- "Title"
// The chapter is a draft (it shows in `npm run dev`, not in the built site) with a scrolly section
// that uses real charts and states from the registry, so it passes `npm run check` as written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Chart } from '../charts/define-chart.ts';
import { validateStory } from '../chapters/validate-story.ts';
import { formatProblem } from '../problems/problem.ts';
import { formatted } from './format-file.ts';
import { contentFiles, openStoryModules, runCommand, shown, type StoryFolders } from './story-modules.ts';

/** Returns the file name (and page URL) for a title: lowercase words joined by hyphens. */
export function slugify(title: string): string {
	const words = title
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	return shortened(words.join('-'), 60);
}

/** Returns the first words of a slug that fit in `length` characters (at least one word). */
export function shortened(slug: string, length: number): string {
	let short = '';
	for (const word of slug.split('-')) {
		if (short && short.length + 1 + word.length > length) break;
		short = short ? `${short}-${word}` : word;
	}
	return short;
}

/** What a new chapter needs to know about the story it joins. */
export interface ChapterTemplateInput {
	readonly title: string;
	/** Starts each step id, e.g. "qwens-bet" makes "qwens-bet-market". */
	readonly stepPrefix: string;
	readonly order: number;
	/** Publication date, YYYY-MM-DD. */
	readonly date: string;
	/** The chart the scrolly section shows (its first three states), and the inline figure. */
	readonly scrolly: Chart;
	readonly figure: { readonly chart: string; readonly state: string; readonly id?: string };
}

/** Returns a new chapter's MDX: draft frontmatter, an opening paragraph, a scrolly section and a figure. */
export function chapterTemplate({ title, stepPrefix, order, date, scrolly, figure }: ChapterTemplateInput): string {
	const steps = scrolly.stateNames.slice(0, 3).map(
		(state) => `  <Step id="${stepPrefix}-${state}" state="${state}">
    Write what the reader should notice in this step. The chart shows: ${scrolly.label(state)}.
  </Step>`,
	);
	const id = figure.id ? ` id="${figure.id}"` : '';
	return `---
title: ${yamlText(title)}
order: ${order}
dek: One or two sentences under the headline that say what this chapter shows.
authors:
  - Your name
published: ${date}
draft: true
---

{/* A draft: it shows in \`npm run dev\` and is left out of the built site until "draft: true" above becomes "draft: false". */}
{/* How to write a chapter: content/EDITORS.md. Every chart and state: content/CHARTS.md. Check your work with \`npm run check\`. */}

Write the opening paragraph here: plain Markdown, with **bold**, _italics_ and [links](https://example.org).

<Scrolly chart="${scrolly.id}">
${steps.join('\n')}
</Scrolly>

A chart can also sit in the flow of the text, without steps:

<Chart chart="${figure.chart}" state="${figure.state}"${id} />
`;
}

/**
 * Returns a chapter as the format check writes it (step text wrapped at the project's line width).
 * Comments in the template stay on one line each: prettier's MDX printer mangles one that spans lines.
 */
export const formatChapter = (source: string, path: string): Promise<string> => formatted(source, path);

// As the format check (prettier) writes it: bare where YAML allows, else in single quotes (double
// when the title has an apostrophe), so a new chapter passes \`npm run test:format\` as written.
const yamlText = (text: string): string => stringify(text, { singleQuote: true }).trimEnd();

/** Where a new chapter was written, and how to look at it. */
export interface NewChapter {
	readonly path: string;
	readonly slug: string;
	readonly firstStep: string;
}

/**
 * Writes a new chapter for `title` into the story's chapters folder, with step ids and a figure that
 * no other chapter uses; throws saying what to do on bad input.
 */
export async function newChapter(title: string, folders: StoryFolders, today = new Date()): Promise<NewChapter> {
	const slug = slugify(title);
	if (!slug) throw new Error(`The title ${JSON.stringify(title)} has no letters or digits to name the file after.`);
	const folder = join(folders.content, 'chapters');
	const path = join(folder, `${slug}.mdx`);
	if (existsSync(path)) {
		throw new Error(`${shown(folders, path)} already exists: choose another title, or edit that chapter.`);
	}
	const charts = await loadCharts(folders);
	const scrolly = charts.find((chart) => chart.stateNames.length > 1) ?? charts[0];
	if (!scrolly) throw new Error('src/charts/index.ts lists no chart: a chapter needs one to show.');
	const catalogue = new Map(charts.map((chart) => [chart.id, chart.stateNames]));
	const existing = contentFiles(folders, 'chapters', '.mdx').map((file) => ({
		file: shown(folders, file),
		source: readFileSync(file, 'utf8'),
	}));
	const story = validateStory(existing, catalogue);
	// The chapter's id on the story page is its file's name: a step of that id would clash with it.
	const clash = story.steps.find((step) => step.id === slug);
	if (clash)
		throw new Error(
			`The title ${JSON.stringify(title)} would give the chapter the id "${slug}", which the step at ${clash.file}:${clash.line} already has: choose another title.`,
		);
	const stepIds = new Set(story.steps.map((step) => step.id));
	const short = shortened(slug, 20);
	// Step ids start with the slug, cut to a few words: they are typed in links and ?step=.
	const stepPrefix = scrolly.stateNames.some((state) => stepIds.has(`${short}-${state}`)) ? slug : short;
	const source = chapterTemplate({
		title,
		stepPrefix,
		order: Math.max(0, ...story.chapters.map((chapter) => chapter.data?.order ?? 0)) + 1,
		date: today.toISOString().slice(0, 10),
		scrolly,
		figure: unusedFigure(charts, scrolly, new Set(story.figures.map((figure) => figure.uid)), slug),
	});
	// The template must pass the same checks as the editor's own writing will.
	const file = shown(folders, path);
	const problems = validateStory([...existing, { file, source }], catalogue).problems.filter(
		(problem) => problem.file === file || problem.message.includes(file),
	);
	if (problems.length > 0) {
		throw new Error(`The new chapter would not pass npm run check:\n${problems.map(formatProblem).join('\n')}`);
	}
	mkdirSync(folder, { recursive: true });
	writeFileSync(path, await formatChapter(source, path), { flag: 'wx' });
	return { path, slug, firstStep: `${stepPrefix}-${scrolly.stateNames[0]}` };
}

// A chart state not yet shown inline anywhere (another chart than the section's first), so the new
// figure's ids are unique on the whole-story page; an explicit id when every state is taken.
function unusedFigure(charts: readonly Chart[], scrolly: Chart, used: ReadonlySet<string>, slug: string) {
	const ordered = [...charts.filter((chart) => chart !== scrolly), scrolly];
	for (const chart of ordered)
		for (const state of chart.stateNames)
			if (!used.has(`inline-${chart.id}-${state}`)) return { chart: chart.id, state };
	const chart = ordered[0]!;
	return { chart: chart.id, state: chart.defaultState, id: `${slug}-figure` };
}

async function loadCharts(folders: StoryFolders): Promise<readonly Chart[]> {
	const modules = await openStoryModules(folders);
	try {
		return (await modules.load<{ charts: readonly Chart[] }>('src/charts/index.ts')).charts;
	} finally {
		await modules.close();
	}
}

/** Returns what the command prints: where the chapter is and how to preview and publish it. */
export function describeNewChapter({ path, slug, firstStep }: NewChapter, folders: StoryFolders, base = '/'): string {
	const url = `http://localhost:4321${base.replace(/\/?$/, '/')}`;
	return `Created ${shown(folders, path)}, a draft.

Preview it: run npm run dev, then open
  ${url}${slug}/ (the chapter alone), or
  ${url}?step=${firstStep} (the whole story, at the chapter's first step).
  Each save updates the page. The panel at the bottom right jumps to any step and shows the trigger line.
Check it: npm run check (lists every mistake with its file and line).
Publish it: change "draft: true" to "draft: false" in its frontmatter.
Guide: content/EDITORS.md. Every chart and state: content/CHARTS.md.`;
}

/** What `npm run new-chapter -- <words of the title>` does: its exit code and what it prints. */
const usage = [
	'Give the chapter a title: npm run new-chapter -- "The title of the chapter"',
	'',
	'Writes content/chapters/<title-in-lowercase>.mdx, a draft with an opening paragraph, a scrolly section of three steps and a figure to edit.',
].join('\n');

export async function newChapterCommand(
	args: readonly string[],
	folders: StoryFolders,
	base?: string,
): Promise<{ readonly code: number; readonly output: string }> {
	const title = args.join(' ').trim();
	if (args[0] === '--help' || args[0] === '-h') return { code: 0, output: usage };
	// An option where the title should be (a typo of --help, or a flag we don't have) would otherwise
	// become a chapter called "--verbose".
	if (!title || title.startsWith('-')) return { code: 1, output: usage };
	try {
		return { code: 0, output: describeNewChapter(await newChapter(title, folders), folders, base) };
	} catch (error) {
		return { code: 1, output: (error as Error).message };
	}
}

if (import.meta.main) await runCommand(newChapterCommand);
