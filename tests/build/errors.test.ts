import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build.ts';

/**
 * Copies the real content, makes mistakes an editor could make, and builds it. The build must fail
 * with a message naming the file and what to fix. `npm run check` prints the same messages without a
 * build, and its tests (tests/unit/cli/check.test.ts) pin each one; here one build per way the build
 * stops (the chapters' tags, the datasets, the frontmatter's schema, its YAML) carries every mistake
 * of that kind at once, each in its own place, and each test reads its own line.
 */
async function buildWithMistakes(name: string, edit: (dir: string) => void): Promise<string> {
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

/** Starts a build on its first use; the tests that read it share it. */
const shared = (name: string, edit: (dir: string) => void) => {
	let output: Promise<string> | undefined;
	return () => (output ??= buildWithMistakes(name, edit));
};

const chapter = 'chapters/the-cloud-race.mdx';
const editFile = (dir: string, file: string, change: (text: string) => string) =>
	writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

// Mistakes in the chapters' tags: the story's check (src/chapters/load-story.ts) lists them all.
const tagMistakes = shared('tags', (dir) =>
	editFile(
		dir,
		chapter,
		(t) =>
			`${t
				.replace('state="big-three"', 'state="big-tree"')
				.replace('chart="china-cloud-share" state="leaders"', 'chart="china-share" state="leaders"')
				.replace(/(<Step id="the-market" state="market">)[\s\S]*?(<\/Step>)/, '$1\n  $2')
				.replace('id="china-rivals"', 'id="alibaba-leads-china"')
				.replace(
					'Alibaba’s problem, in other words',
					'<Step id="the-end" state="market">The end.</Step>\n\nAnd',
				)}\n<Chart chart="china-share" />\n\n<Chart chart="china-cloud-share" state="rival" />\n`,
	),
);

// Mistakes in three datasets: the data's loader (src/data/index.ts) lists them all.
const dataMistakes = shared('data', (dir) => {
	editFile(dir, 'data/synergy-vendor-share-q4-2022.csv', (t) => t.replace('vendor,share', 'vendor,percent'));
	editFile(dir, 'data/canalys-china-share-q3-2023.csv', (t) => t.replace('Alibaba,39,', 'Alibaba,39%,'));
	editFile(dir, 'data/synergy-top-three-share.json', (t) =>
		JSON.stringify({ ...(JSON.parse(t) as object), sources: [] }, null, '\t'),
	);
});

// Not concurrent: builds run one at a time in this file's worker (tests/helpers/astro-build.ts), so each
// test's timeout covers one build at most.
describe('a build with a mistake fails and says where and what to fix', () => {
	it('unknown state', async () => {
		expect(await tagMistakes()).toMatch(
			/the-cloud-race\.mdx:\d+: <Step state="big-tree">: chart "world-cloud-share" has no state "big-tree"\. Did you mean "big-three"\? Valid states: market, big-three, alibaba\./,
		);
	});

	it('unknown chart', async () => {
		expect(await tagMistakes()).toMatch(
			/the-cloud-race\.mdx:\d+: <Step chart="china-share">: there is no chart "china-share"\..*Valid charts: /,
		);
	});

	// Chart.astro trusts the story's check (src/chapters/load-story.ts): the build stops there first.
	it('inline chart with an unknown chart or state', async ({ expect }) => {
		const output = await tagMistakes();
		// The lines change as the chapter is written, the list of charts as charts are added.
		const shown = problemLines(output, '<Chart ')
			.replace(/\.mdx:\d+/g, '.mdx:<line>')
			.replace(/Valid charts: .*/, 'Valid charts: …');
		expect(shown).toMatchInlineSnapshot(`
			"content/chapters/the-cloud-race.mdx:<line>: <Chart chart="china-share">: there is no chart "china-share". Valid charts: …
			content/chapters/the-cloud-race.mdx:<line>: <Chart state="rival">: chart "china-cloud-share" has no state "rival". Did you mean "rivals"? Valid states: leaders, alibaba, rivals."
		`);
		expect(output).not.toContain('TypeError');
	});

	it('step without text', async () => {
		expect(await tagMistakes()).toMatch(/the-cloud-race\.mdx:\d+: <Step id="the-market"> has no text/);
	});

	it('duplicate step id', async () => {
		expect(await tagMistakes()).toMatch(
			/the-cloud-race\.mdx:\d+: step id "alibaba-leads-china" is used more than once \(also at .*the-cloud-race\.mdx:\d+\)/,
		);
	});

	it('a step outside a scrolly section', async ({ expect }) => {
		const output = await tagMistakes();
		// The chapter's length changes as the story is written: the line is checked apart.
		expect(output).toMatch(/the-cloud-race\.mdx:(\d+): <Step id="the-end">/);
		expect(problemLines(output, 'id="the-end"').replace(/\.mdx:\d+/, '.mdx:<line>')).toMatchInlineSnapshot(
			`"content/chapters/the-cloud-race.mdx:<line>: <Step id="the-end"> is outside a scrolly section: put it between <Scrolly chart="…"> and </Scrolly>."`,
		);
	});

	it('a dataset column a chart needs is missing', async () => {
		const output = await dataMistakes();
		expect(output).toContain('content/data/synergy-vendor-share-q4-2022.csv:1: missing column "share".');
		expect(output).toContain('The header row has: vendor, percent.');
	});

	it('a value of the wrong type', async () => {
		expect(await dataMistakes()).toContain(
			'content/data/canalys-china-share-q3-2023.csv:2: column "share": expected a number, got "39%".',
		);
	});

	it('a dataset without a source', async ({ expect }) => {
		expect(problemLines(await dataMistakes(), 'synergy-top-three-share.json')).toMatchInlineSnapshot(
			`"content/data/synergy-top-three-share.json:5: "sources" is empty: a dataset needs at least one source, with publisher, title and date. See "Adding a dataset" in content/EDITORS.md for a complete example."`,
		);
	});

	// Astro's content layer stops at a chapter whose frontmatter fails: one build each.
	it('a frontmatter error, with the line and what to fix', async ({ expect }) => {
		const output = await buildWithMistakes('bad-frontmatter', (dir) =>
			editFile(dir, chapter, (t) => t.replace('order: 1', 'order: first').replace(/^dek: .*\n/m, '')),
		);
		expect(problemLines(output)).toMatchInlineSnapshot(`
			"content/chapters/the-cloud-race.mdx:1: "dek" is missing: add one or two sentences under the headline, e.g. "dek: How Alibaba bet on AI abroad".
			content/chapters/the-cloud-race.mdx:3: "order" must be the chapter's place in the story, a number, e.g. "order: 2"."
		`);
	});

	// One build: the chapter's loader names the frontmatter's YAML and what the MDX parser cannot read at once.
	it('frontmatter that is not valid YAML, and MDX the parser cannot read, each with its line and the fix', async ({
		expect,
	}) => {
		const output = await buildWithMistakes('bad-yaml', (dir) =>
			editFile(dir, chapter, (t) =>
				t
					.replace(/^title: (.*)$/m, 'title: $1: a subtitle')
					.replace('Alibaba’s problem, in other words', 'Alibaba’s {problem, in other words'),
			),
		);
		expect(problemLines(output)).toMatchInlineSnapshot(`
			"content/chapters/the-cloud-race.mdx:2: the frontmatter is not valid YAML (Nested mappings are not allowed in compact mappings): write one "name: value" per line, and put a value that contains ": " or starts with a quote in double quotes.
			content/chapters/the-cloud-race.mdx:59:11: the MDX cannot be read here: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`. A { in the text starts an expression: close it with }, or write \\{ to show a brace."
		`);
		expect(output).not.toMatch(/^\s+at /m);
	});
});

// The lines of the build's output that name a content file and line (what an editor acts on), or those
// of them that contain a text.
const problemLines = (output: string, containing = ''): string =>
	output
		.split('\n')
		.map((line) => line.replace(/^\s*(\[\w+\] )?/, ''))
		.filter((line) => /^content\/[\w/.-]+:\d+(:\d+)?: /.test(line) && line.includes(containing))
		.join('\n');
