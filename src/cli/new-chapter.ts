// Creates a chapter from a template: npm run new-chapter -- "Title"
// The chapter is a draft (it shows in `npm run dev`, not in the built site) with a scrolly section
// that uses real charts and states from the registry, so it passes `npm run check` as written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chart } from '../charts/define-chart.ts';
import { checkFrontmatter } from '../chapters/frontmatter.ts';
import { validateChapter } from '../chapters/validate-chapter.ts';
import { contentDir, contentFiles, openStoryModules, shown } from './story-modules.ts';

/** Returns the file name (and page URL) for a title: lowercase words joined by hyphens. */
export function slugify(title: string): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = '';
	for (const word of words) {
		if (slug && slug.length + word.length + 1 > 60) break;
		slug = slug ? `${slug}-${word}` : word;
	}
	return slug;
}

/** What a new chapter needs to know about the story it joins. */
export interface ChapterTemplateInput {
	readonly title: string;
	readonly slug: string;
	readonly order: number;
	/** Publication date, YYYY-MM-DD. */
	readonly date: string;
	readonly charts: readonly Chart[];
}

/** Returns a new chapter's MDX: draft frontmatter, an opening paragraph, a scrolly section and a figure. */
export function chapterTemplate({ title, slug, order, date, charts }: ChapterTemplateInput): string {
	const scrolly = charts.find((chart) => chart.stateNames.length > 1) ?? charts[0];
	if (!scrolly) throw new Error('src/charts/index.ts lists no chart: a chapter needs at least one to show.');
	const inline = charts.find((chart) => chart !== scrolly) ?? scrolly;
	const steps = scrolly.stateNames.slice(0, 3).map(
		(state) => `  <Step id="${slug}-${state}" state="${state}">
    Write what the reader should notice in this step. The chart shows: ${scrolly.label(state)}.
  </Step>`,
	);
	return `---
title: ${JSON.stringify(title)}
order: ${order}
dek: One or two sentences under the headline that say what this chapter shows.
authors:
  - Your name
published: ${date}
draft: true
---

{/* A draft: it shows in \`npm run dev\` and is left out of the built site until "draft: true" above
    becomes "draft: false". How to write a chapter: content/EDITORS.md. Every chart and state:
    content/CHARTS.md. Check your work with \`npm run check\`. */}

Write the opening paragraph here: plain Markdown, with **bold**, _italics_ and [links](https://example.org).

<Scrolly chart="${scrolly.id}">
${steps.join('\n')}
</Scrolly>

A chart can also sit in the flow of the text, without steps:

<Chart chart="${inline.id}" state="${inline.defaultState}" />
`;
}

/** Where a new chapter was written, and how to look at it. */
export interface NewChapter {
	readonly path: string;
	readonly slug: string;
	readonly firstStep: string;
}

/** Writes a new chapter for `title` into the story's chapters folder; throws with what to do on bad input. */
export async function newChapter(title: string, today = new Date()): Promise<NewChapter> {
	const slug = slugify(title);
	if (!slug) throw new Error(`The title ${JSON.stringify(title)} has no letters or digits to name the file after.`);
	const folder = join(contentDir, 'chapters');
	const path = join(folder, `${slug}.mdx`);
	if (existsSync(path)) {
		throw new Error(`${shown(path)} already exists: choose another title, or edit that chapter.`);
	}
	const orders = contentFiles('chapters', '.mdx').map(
		(file) => checkFrontmatter(shown(file), readFileSync(file, 'utf8')).data?.order ?? 0,
	);
	const modules = await openStoryModules();
	let charts: readonly Chart[];
	try {
		charts = (await modules.load<{ charts: readonly Chart[] }>('src/charts/index.ts')).charts;
	} finally {
		await modules.close();
	}
	const source = chapterTemplate({
		title,
		slug,
		order: Math.max(0, ...orders) + 1,
		date: today.toISOString().slice(0, 10),
		charts,
	});
	// The template must pass the same checks as the editor's own writing will.
	const catalogue = new Map(charts.map((chart) => [chart.id, chart.stateNames]));
	const check = validateChapter(shown(path), source, catalogue);
	const problems = [...checkFrontmatter(shown(path), source).problems, ...check.problems];
	if (problems.length > 0) {
		throw new Error(`The chapter template is broken:\n${problems.map((p) => `${p.line}: ${p.message}`).join('\n')}`);
	}
	mkdirSync(folder, { recursive: true });
	writeFileSync(path, source, { flag: 'wx' });
	return { path, slug, firstStep: check.steps[0]!.id };
}

/** Returns what the command prints: where the chapter is and how to preview and publish it. */
export function describeNewChapter({ path, slug, firstStep }: NewChapter, base = '/'): string {
	const url = `http://localhost:4321${base.replace(/\/?$/, '/')}`;
	return `Created ${shown(path)}, a draft.

Preview it: run npm run dev, then open
  ${url}${slug}/ (the chapter alone), or
  ${url}?step=${firstStep} (the whole story, at the chapter's first step).
  Each save updates the page. The panel at the bottom right jumps to any step and shows the trigger line.
Check it: npm run check (lists every mistake with its file and line).
Publish it: change "draft: true" to "draft: false" in its frontmatter.
Guide: content/EDITORS.md. Every chart and state: content/CHARTS.md.`;
}

if (import.meta.main) {
	const title = process.argv.slice(2).join(' ').trim();
	if (!title) {
		console.error('Give the chapter a title: npm run new-chapter -- "The title of the chapter"');
		process.exitCode = 1;
	} else {
		try {
			console.log(describeNewChapter(await newChapter(title), process.env.BASE_PATH));
		} catch (error) {
			console.error((error as Error).message);
			process.exitCode = 1;
		}
	}
}
