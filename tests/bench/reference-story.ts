import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storyFixture, type StoryFixture } from '../helpers/story-fixture.ts';

/**
 * The reference story the issue compared against hand-made pages (issue 17): one scrolly section of
 * 8 steps and three charts, a few hundred words. Made from the story's first chapter: the other
 * chapters go, and so do its steps after the eighth (the fourth chart's).
 */
export function referenceStory(): StoryFixture {
	const fixture = storyFixture('bench', 'reference');
	const chapters = join(fixture.content, 'chapters');
	const files = readdirSync(chapters).filter((f) => f.endsWith('.mdx'));
	const first = files
		.map((file) => ({ file, order: Number(/^order:\s*(\d+)/m.exec(readFileSync(join(chapters, file), 'utf8'))?.[1]) }))
		.toSorted((a, b) => a.order - b.order)[0]!.file;
	for (const file of files) if (file !== first) rmSync(join(chapters, file));
	fixture.edit(`chapters/${first}`, (text) => {
		const steps = [...text.matchAll(/\s*<Step\b[\s\S]*?<\/Step>/g)];
		if (steps.length < 8) throw new Error(`The reference story needs 8 steps; ${first} has ${steps.length}.`);
		let out = text;
		for (const step of steps.slice(8).toReversed())
			out = out.slice(0, step.index) + out.slice(step.index + step[0].length);
		return out;
	});
	return fixture;
}

/**
 * Writes the floor of a built site: the same pages with the web fonts and every script removed (the
 * pre-rendered page at its cheapest, what plain SVG in HTML costs). Returns the floor's folder.
 */
export function floorOf(siteDir: string, floorDir: string): string {
	rmSync(floorDir, { recursive: true, force: true });
	cpSync(siteDir, floorDir, { recursive: true });
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true, recursive: true })
			.filter((e) => e.isFile() && e.name.endsWith('.html'))
			.map((e) => join(e.parentPath, e.name));
	for (const file of walk(floorDir)) {
		const html = readFileSync(file, 'utf8')
			.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
			.replace(/<link\b[^>]*rel="(?:preload|modulepreload)"[^>]*>/g, '')
			.replace(/<style\b[^>]*>(?:(?!<\/style>)[\s\S])*@font-face[\s\S]*?<\/style>/g, '');
		writeFileSync(file, html);
	}
	rmSync(join(floorDir, '_astro/fonts'), { recursive: true, force: true });
	return floorDir;
}
