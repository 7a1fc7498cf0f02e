import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { charts } from '../../../src/charts/index.ts';
import { checkStory, formatCheck } from '../../../src/cli/check.ts';
import { chapterTemplate, formatChapter, newChapterCommand, slugify } from '../../../src/cli/new-chapter.ts';
import { storyFolders } from '../../../src/cli/story-modules.ts';
import { storyFixture } from '../../helpers/story-fixture.ts';

const fixture = storyFixture('new-chapter', 'story');
afterAll(() => fixture.remove());
const folders = storyFolders(fixture.root, fixture.content);
// The commands' functions, in this process (check.test.ts runs the one command on Node).
const newChapter = (...title: string[]) => newChapterCommand(title, folders);
const check = async () => formatCheck(await checkStory(folders));

// The story grows: a new chapter comes after the last one there is.
const lastOrder = Math.max(
	...readdirSync(join(fixture.content, 'chapters')).map((file) =>
		Number(/^order: (\d+)$/m.exec(readFileSync(join(fixture.content, 'chapters', file), 'utf8'))?.[1] ?? 0),
	),
);

describe('slugify(title)', () => {
	it('makes a file name a URL can carry', () => {
		expect(slugify('Qwen’s bet: Alibaba goes all-in on AI')).toBe('qwens-bet-alibaba-goes-all-in-on-ai');
		expect(slugify('Über Größe — 2025')).toBe('uber-grosse-2025');
		expect(slugify('¿?')).toBe('');
	});
});

describe('npm run new-chapter -- "Title"', { timeout: 60_000 }, () => {
	it('writes a draft chapter, and says where it is and how to preview, check and publish it', async () => {
		const { code, output } = await newChapter('Qwen’s bet');
		expect(code, output).toBe(0);
		expect(output).toMatchInlineSnapshot(`
			"Created content/chapters/qwens-bet.mdx, a draft.

			Preview it: run npm run dev, then open
			  http://localhost:4321/qwens-bet/ (the chapter alone), or
			  http://localhost:4321/?step=qwens-bet-market (the whole story, at the chapter's first step).
			  Each save updates the page. The panel at the bottom right jumps to any step and shows the trigger line.
			Check it: npm run check (lists every mistake with its file and line).
			Publish it: change "draft: true" to "draft: false" in its frontmatter.
			Guide: content/EDITORS.md. Every chart and state: content/CHARTS.md."
		`);
	});

	it('fills in the frontmatter and a scrolly section with real charts and states from the registry', () => {
		const source = readFileSync(join(fixture.content, 'chapters/qwens-bet.mdx'), 'utf8');
		expect(source).toMatch(
			new RegExp(
				`^---\ntitle: Qwen’s bet\norder: ${lastOrder + 1}\ndek: .+\nauthors:\n {2}- .+\npublished: \\d{4}-\\d{2}-\\d{2}\ndraft: true\n---\n`,
			),
		);
		const scrolly = /<Scrolly chart="([^"]+)">/.exec(source)?.[1];
		const chart = charts.find((c) => c.id === scrolly);
		expect(chart, `a chart from src/charts/index.ts, not "${scrolly}"`).toBeDefined();
		const states = [...source.matchAll(/<Step id="qwens-bet-([\w-]+)" state="([\w-]+)">/g)].map((m) => m[2]);
		expect(states.length).toBeGreaterThanOrEqual(2);
		expect(chart!.stateNames).toEqual(expect.arrayContaining(states));
		const [, inline, state] = /<Chart chart="([^"]+)" state="([^"]+)" \/>/.exec(source) ?? [];
		expect(charts.find((c) => c.id === inline)?.stateNames).toContain(state);
	});

	it('passes the format check (prettier) as written, whatever the title', async () => {
		const path = join(fixture.content, 'chapters/qwens-bet.mdx');
		const options = { ...(await prettier.resolveConfig(path)), filepath: path };
		expect(await prettier.check(readFileSync(path, 'utf8'), options)).toBe(true);
		const scrolly = charts.find((chart) => chart.stateNames.length > 1)!;
		for (const title of ["Alibaba's bet: 2024", 'Q3: results', 'Say "hi"', '2024', '#1 in China']) {
			const source = await formatChapter(
				chapterTemplate({
					title,
					stepPrefix: 'x',
					order: 7,
					date: '2026-01-15',
					scrolly,
					figure: { chart: scrolly.id, state: scrolly.stateNames[0]! },
				}),
				path,
			);
			// The title as written (quoted only where YAML needs it), and comments kept whole.
			expect(source.split('\n')[1]).toBe(`title: ${stringify(title, { singleQuote: true }).trim()}`);
			expect(source).toContain('{/* A draft: it shows in `npm run dev`');
			expect(await prettier.check(source, options), source).toBe(true);
		}
	});

	it('passes npm run check as written', async () => {
		expect(await check()).toMatch(
			/^No problems: \d+ chapters, 1 of them draft, \d+ steps, \d+ datasets, \d+ charts\.$/,
		);
	});

	it('gives a second chapter the next order, ids and a figure of its own', async () => {
		expect((await newChapter('Qwen’s bet, part two')).code).toBe(0);
		const source = readFileSync(join(fixture.content, 'chapters/qwens-bet-part-two.mdx'), 'utf8');
		expect(source).toContain(`order: ${lastOrder + 2}`);
		expect(await check()).toMatch(/^No problems/);
	});

	it('refuses to overwrite a chapter, and needs a title', async () => {
		const again = await newChapter('Qwen’s bet');
		expect(again.code).toBe(1);
		expect(again.output).toMatchInlineSnapshot(
			`"content/chapters/qwens-bet.mdx already exists: choose another title, or edit that chapter."`,
		);
		// Its id would be a step's: the title is what to change (the file does not exist yet).
		const clash = await newChapter('The market');
		expect(clash.code).toBe(1);
		expect(clash.output).toMatch(
			/^The title "The market" would give the chapter the id "the-market", which the step at content\/chapters\/[\w-]+\.mdx:\d+ already has: choose another title\.$/,
		);
		const none = await newChapter();
		expect(none.code).toBe(1);
		expect(none.output).toMatch(/^Give the chapter a title: npm run new-chapter -- "The title of the chapter"\n/);
	});

	it('prints its usage for --help, and takes no option for a title', async () => {
		const chapters = () => readdirSync(join(fixture.content, 'chapters')).length;
		const before = chapters();
		const help = await newChapter('--help');
		expect(help.code).toBe(0);
		expect(help.output).toContain('npm run new-chapter -- "The title of the chapter"');
		const typo = await newChapter('--hlep');
		expect(typo.code).toBe(1);
		expect(typo.output).toBe(help.output);
		expect(chapters()).toBe(before);
	});
});
