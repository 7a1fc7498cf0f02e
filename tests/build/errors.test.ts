import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build.ts';

/**
 * Each case copies the real content, makes one mistake an editor could make, and builds it.
 * The build must fail with a message naming the file and what to fix.
 */
async function buildWithMistake(name: string, edit: (dir: string) => void): Promise<string> {
	const root = resolve('tests/.tmp/fixtures', name);
	rmSync(root, { recursive: true, force: true });
	cpSync('content', join(root, 'content'), { recursive: true });
	edit(join(root, 'content'));
	const { code, output } = await astroBuild({
		STORY_ROOT: root,
		STORY_CONTENT_DIR: join(root, 'content'),
		STORY_OUT_DIR: join(root, 'dist'),
		STORY_CACHE_DIR: join(root, 'cache'),
	});
	expect(code, output).not.toBe(0);
	return output;
}

const chapter = 'chapters/the-cloud-race.mdx';
const editFile = (dir: string, file: string, change: (text: string) => string) =>
	writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

// Not concurrent: builds run one at a time in this file's worker (tests/helpers/astro-build.ts), so each
// test's timeout covers its own build only.
describe('a build with a mistake fails and says where and what to fix', () => {
	it('unknown state', async () => {
		const output = await buildWithMistake('unknown-state', (dir) =>
			editFile(dir, chapter, (t) => t.replace('state="big-three"', 'state="big-tree"')),
		);
		expect(output).toMatch(
			/the-cloud-race\.mdx:\d+: <Step state="big-tree">: chart "world-cloud-share" has no state "big-tree"\. Did you mean "big-three"\? Valid states: market, big-three, alibaba\./,
		);
	});

	it('unknown chart', async () => {
		const output = await buildWithMistake('unknown-chart', (dir) =>
			editFile(dir, chapter, (t) =>
				t.replace('chart="china-cloud-share" state="leaders"', 'chart="china-share" state="leaders"'),
			),
		);
		expect(output).toMatch(
			/the-cloud-race\.mdx:\d+: <Step chart="china-share">: there is no chart "china-share"\..*Valid charts: /,
		);
	});

	// Chart.astro trusts the story's check (src/chapters/load-story.ts): the build stops there first.
	it('inline chart with an unknown chart or state', async ({ expect }) => {
		const output = await buildWithMistake('unknown-inline-chart', (dir) =>
			editFile(
				dir,
				chapter,
				(t) => `${t}\n<Chart chart="china-share" />\n\n<Chart chart="china-cloud-share" state="rival" />\n`,
			),
		);
		// The lines change as the chapter is written, the list of charts as charts are added.
		const shown = problemLines(output)
			.replace(/\.mdx:\d+/g, '.mdx:<line>')
			.replace(/Valid charts: .*/, 'Valid charts: …');
		expect(shown).toMatchInlineSnapshot(`
			"content/chapters/the-cloud-race.mdx:<line>: <Chart chart="china-share">: there is no chart "china-share". Valid charts: …
			content/chapters/the-cloud-race.mdx:<line>: <Chart state="rival">: chart "china-cloud-share" has no state "rival". Did you mean "rivals"? Valid states: leaders, alibaba, rivals."
		`);
		expect(output).not.toContain('TypeError');
	});

	it('step without text', async () => {
		const output = await buildWithMistake('empty-step', (dir) =>
			editFile(dir, chapter, (t) => t.replace(/(<Step id="the-market" state="market">)[\s\S]*?(<\/Step>)/, '$1\n  $2')),
		);
		expect(output).toMatch(/the-cloud-race\.mdx:\d+: <Step id="the-market"> has no text/);
	});

	it('duplicate step id', async () => {
		const output = await buildWithMistake('duplicate-step', (dir) =>
			editFile(dir, chapter, (t) => t.replace('id="the-big-three"', 'id="the-market"')),
		);
		expect(output).toMatch(
			/the-cloud-race\.mdx:\d+: step id "the-market" is used more than once \(also at .*the-cloud-race\.mdx:\d+\)/,
		);
	});

	it('a dataset column a chart needs is missing', async () => {
		const output = await buildWithMistake('missing-column', (dir) =>
			editFile(dir, 'data/synergy-vendor-share-q4-2022.csv', (t) => t.replace('vendor,share', 'vendor,percent')),
		);
		expect(output).toContain('content/data/synergy-vendor-share-q4-2022.csv:1: missing column "share".');
		expect(output).toContain('The header row has: vendor, percent.');
	});

	it('a value of the wrong type', async () => {
		const output = await buildWithMistake('bad-value', (dir) =>
			editFile(dir, 'data/canalys-china-share-q3-2023.csv', (t) => t.replace('Alibaba,39,', 'Alibaba,39%,')),
		);
		expect(output).toContain(
			'content/data/canalys-china-share-q3-2023.csv:2: column "share": expected a number, got "39%".',
		);
	});

	it('a frontmatter error, with the line and what to fix', async ({ expect }) => {
		const output = await buildWithMistake('bad-frontmatter', (dir) =>
			editFile(dir, chapter, (t) => t.replace('order: 1', 'order: first').replace(/^dek: .*\n/m, '')),
		);
		expect(problemLines(output)).toMatchInlineSnapshot(`
			"content/chapters/the-cloud-race.mdx:1: "dek" is missing: add one or two sentences under the headline, e.g. "dek: How Alibaba bet on AI abroad".
			content/chapters/the-cloud-race.mdx:3: "order" must be the chapter's place in the story, a number, e.g. "order: 2"."
		`);
	});

	it('frontmatter that is not valid YAML, with the line and what to fix', async ({ expect }) => {
		const output = await buildWithMistake('bad-yaml', (dir) =>
			editFile(dir, chapter, (t) => t.replace(/^title: (.*)$/m, 'title: $1: a subtitle')),
		);
		expect(problemLines(output)).toMatchInlineSnapshot(
			`"content/chapters/the-cloud-race.mdx:2: the frontmatter is not valid YAML (Nested mappings are not allowed in compact mappings): write one "name: value" per line, and put a value that contains ": " or starts with a quote in double quotes."`,
		);
	});

	it('a step outside a scrolly section', async ({ expect }) => {
		const output = await buildWithMistake('step-outside', (dir) =>
			editFile(dir, chapter, (t) =>
				t.replace('Alibaba’s problem, in other words', '<Step id="the-end" state="market">The end.</Step>\n\nAnd'),
			),
		);
		// The chapter's length changes as the story is written: the line is checked apart.
		expect(output).toMatch(/the-cloud-race\.mdx:(\d+): <Step id="the-end">/);
		expect(problemLines(output).replace(/\.mdx:\d+/, '.mdx:<line>')).toMatchInlineSnapshot(
			`"content/chapters/the-cloud-race.mdx:<line>: <Step id="the-end"> is outside a scrolly section: put it between <Scrolly chart="…"> and </Scrolly>."`,
		);
	});

	it('a dataset without a source', async ({ expect }) => {
		const output = await buildWithMistake('no-source', (dir) =>
			editFile(dir, 'data/synergy-vendor-share-q4-2022.json', (t) =>
				JSON.stringify({ ...(JSON.parse(t) as object), sources: [] }, null, '\t'),
			),
		);
		expect(problemLines(output)).toMatchInlineSnapshot(
			`"content/data/synergy-vendor-share-q4-2022.json:5: "sources" is empty: a dataset needs at least one source, with publisher, title and date."`,
		);
	});
});

// The lines of the build's output that name a content file and line: what an editor acts on.
const problemLines = (output: string): string =>
	output
		.split('\n')
		.map((line) => line.replace(/^\s*(\[\w+\] )?/, ''))
		.filter((line) => /^content\/[\w/.-]+:\d+: /.test(line))
		.join('\n');
