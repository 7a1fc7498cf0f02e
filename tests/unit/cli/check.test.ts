import { afterAll, describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { checkStory, formatCheck } from '../../../src/cli/check.ts';
import { storyFolders } from '../../../src/cli/story-modules.ts';
import { chapterMdx, runCli, storyFixture, type StoryFixture } from '../../helpers/story-fixture.ts';

/**
 * `npm run check` (its function, in this process) on copies of the story, each with one mistake an editor can make. The exact words
 * are the product: each message is pinned, with its file and line. The copies hold one chapter of
 * known text (so the lines stay put when the real story changes) and the real datasets.
 */
const chapter = chapterMdx({
	title: 'A chapter for the tests',
	order: 1,
	dek: 'Known text, so that the lines in the messages stay put.',
});

const fixtures: StoryFixture[] = [];
afterAll(() => fixtures.forEach((fixture) => fixture.remove()));

function brokenStory(name: string, mistake: (fixture: StoryFixture) => void): StoryFixture {
	const fixture = storyFixture('check', name);
	fixtures.push(fixture);
	fixture.onlyChapter('test-chapter', chapter);
	mistake(fixture);
	return fixture;
}

/** Checks a copy of the story with one mistake: what the command would print, and whether it fails. */
async function check(name: string, mistake: (fixture: StoryFixture) => void) {
	const fixture = brokenStory(name, mistake);
	const result = await checkStory(storyFolders(fixture.root, fixture.content));
	return { failed: result.problems.length > 0, output: formatCheck(result) };
}

// The list of valid charts grows with the registry; the messages are pinned around it.
const chartList = charts.map((chart) => chart.id).join(', ');

/** Returns what the check printed for a broken story, after making sure it failed. */
async function problems(name: string, mistake: (fixture: StoryFixture) => void): Promise<string> {
	const { failed, output } = await check(name, mistake);
	if (!failed) throw new Error(`npm run check found no problem:\n${output}`);
	return output.replaceAll(chartList, '(every chart id)');
}

const mdx = 'chapters/test-chapter.mdx';
const inChapter = (change: (text: string) => string) => (f: StoryFixture) => f.edit(mdx, change);

describe('npm run check', { timeout: 60_000 }, () => {
	it('passes a story without mistakes, saying what it looked at', async () => {
		const { failed, output } = await check('clean', () => {});
		expect(failed).toBe(false);
		expect(output).toMatch(/^No problems: 1 chapter, 3 steps, \d+ datasets, \d+ charts\.$/);
	});

	// The one test of the command itself: it reads the folders the build reads (STORY_ROOT,
	// STORY_CONTENT_DIR), prints the problems on stderr and exits 1.
	it('runs on Node as npm run check does, printing what checkStory found', async () => {
		const fixture = brokenStory('command', (f) =>
			f.edit(mdx, (t) => t.replace('state="big-three"', 'state="big-tree"')),
		);
		const { code, stdout, stderr } = await runCli('check', [], fixture.env);
		expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
		expect(stderr.trim()).toBe(formatCheck(await checkStory(storyFolders(fixture.root, fixture.content))));
	});

	it('refuses an argument, since it would be ignored (a folder is set with STORY_CONTENT_DIR), and prints its usage', async () => {
		const { code, stderr } = await runCli('check', ['content/other'], {});
		expect(code).toBe(1);
		expect(stderr).toContain('npm run check takes no arguments (it was given "content/other").');
		expect(stderr).toContain('STORY_CONTENT_DIR=<folder>');
	});
});

// Each case opens its own Vite module graph on its own copy of the story, so they can run at once.
describe.concurrent('npm run check names the file, the line and what to fix', { timeout: 60_000 }, () => {
	it("a figure in the text that no value in the data of the step's chart matches, with the nearest values", async ({
		expect,
	}) => {
		expect(
			await problems('figure-disagrees', (f) => {
				f.edit(mdx, (t) => t.replace('Third step.', 'Alibaba led with **39%**.'));
				f.edit('data/canalys-china-share-q3-2023.csv', (t) => t.replace('Alibaba,39,', 'Alibaba,41,'));
			}),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:21: "39%" matches no value in the data of chart "china-cloud-share", which step "three" shows; nearest: 41 (canalys-china-share-q3-2023.share, "Alibaba"); 27 (canalys-china-share-q3-2023.share, "Others"); 19 (canalys-china-share-q3-2023.share, "Huawei"). Correct the figure; or write it from the data with <Value>, <Sum>, <Change>, <Difference> or <Implied>; or, if it comes from a source outside the charts, write <Quoted source="…">39%</Quoted> (see "Figures in the text" in content/EDITORS.md).

			1 problem."
		`);
	});

	it('a percentage that only a value of another unit matches (a latitude)', async ({ expect }) => {
		expect(
			await problems(
				'figure-unit',
				inChapter((t) =>
					t.replace(
						'<Step id="three" chart="china-cloud-share" state="alibaba">\n    Third step.',
						'<Step id="three" chart="cloud-regions-map" state="asia">\n    Its share grew to 35.7%.',
					),
				),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:21: "35.7%" matches no value in the data of chart "cloud-regions-map", which step "three" shows. (It matches 35.68 in alibaba-cloud-regions.lat, "tokyo", whose unit is "regions, by launch year; approximate city-centre positions", not %.) Correct the figure; or write it from the data with <Value>, <Sum>, <Change>, <Difference> or <Implied>; or, if it comes from a source outside the charts, write <Quoted source="…">35.7%</Quoted> (see "Figures in the text" in content/EDITORS.md).

			1 problem."
		`);
	});

	it('an id that a chapter or a step shares with a heading of the methodology note', async ({ expect }) => {
		expect(
			await problems('methodology-ids', (f) => {
				f.write('chapters/maps.mdx', chapter.replace('id="two"', 'id="corrections"'));
				f.write(mdx, undefined);
			}),
		).toMatchInlineSnapshot(`
			"content/chapters/maps.mdx:1: the id "maps" of a chapter is also used at content/methodology.mdx:13: the story page shows every chapter, step and heading of the methodology note, and each needs an id of its own. Rename the step or the chapter's file, or reword the heading.
			content/chapters/maps.mdx:17: the id "corrections" of a step is also used at content/methodology.mdx:21: the story page shows every chapter, step and heading of the methodology note, and each needs an id of its own. Rename the step or the chapter's file, or reword the heading.

			2 problems."
		`);
	});

	it('a correction that names a chart the story does not have', async ({ expect }) => {
		expect(
			await problems(
				'correction-chart',
				inChapter((t) =>
					t.replace(
						'draft: false\n',
						'draft: false\ncorrections:\n  - date: 2026-02-10\n    text: The growth was 6%, not 5%.\n    charts: [cloud-revenu]\n',
					),
				),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:9: "corrections": there is no chart "cloud-revenu". Did you mean "cloud-revenue"? Name the charts the correction concerns by their ids in content/CHARTS.md.

			1 problem."
		`);
	});

	it('a computed figure that follows its data: the CSV changes, the check still passes', async ({ expect }) => {
		const { failed, output } = await check('figure-computed', (f) => {
			f.edit(mdx, (t) =>
				t.replace(
					'Third step.',
					'Alibaba led with <Value of="canalys-china-share-q3-2023" where="vendor=Alibaba" />, Huawei and Tencent had <Sum of="canalys-china-share-q3-2023" where="vendor=Huawei|Tencent" />.',
				),
			);
			f.edit('data/canalys-china-share-q3-2023.csv', (t) => t.replace('Alibaba,39,', 'Alibaba,41,'));
		});
		expect({ failed, output }).toMatchObject({ failed: false });
	});

	it('a quoted figure without its source, and a computed one that picks no row', async ({ expect }) => {
		expect(
			await problems(
				'figure-tags',
				inChapter((t) =>
					t.replace(
						'Third step.',
						'Shares fell <Quoted source="">8%</Quoted>; <Value of="canalys-china-share-q3-2023" where="vendor=Baidu" />.',
					),
				),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:21: <Quoted> needs the figure's source, e.g. <Quoted source="Reuters, 16 Nov 2023">8 to 10%</Quoted>.
			content/chapters/test-chapter.mdx:21: <Value> where="vendor=Baidu" picks no row of canalys-china-share-q3-2023. Its vendor values: Alibaba, Huawei, Tencent, Others.

			2 problems."
		`);
	});

	it('an unknown chart, with the closest name and the valid ones', async ({ expect }) => {
		expect(
			await problems(
				'unknown-chart',
				inChapter((t) => t.replace('<Scrolly chart="world-cloud-share">', '<Scrolly chart="world-cloud-shares">')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:13: <Scrolly chart="world-cloud-shares">: there is no chart "world-cloud-shares". Did you mean "world-cloud-share"? Valid charts: (every chart id).

			1 problem."
		`);
	});

	it('an unknown state, with the closest name and the valid ones', async ({ expect }) => {
		expect(
			await problems(
				'unknown-state',
				inChapter((t) => t.replace('state="big-three"', 'state="big-tree"')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:17: <Step state="big-tree">: chart "world-cloud-share" has no state "big-tree". Did you mean "big-three"? Valid states: market, big-three, alibaba.

			1 problem."
		`);
	});

	it('a step id used twice, at both places', async ({ expect }) => {
		expect(
			await problems(
				'duplicate-step',
				inChapter((t) => t.replace('id="two"', 'id="one"')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:14: step id "one" is used more than once (also at content/chapters/test-chapter.mdx:17): every step needs its own id, because it is the step's link.

			1 problem."
		`);
	});

	it('a step without text', async ({ expect }) => {
		expect(
			await problems(
				'empty-step',
				inChapter((t) => t.replace('    Second step.\n', '')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:17: <Step id="two"> has no text: write what the reader should notice between <Step …> and </Step>.

			1 problem."
		`);
	});

	it('a step outside a scrolly section', async ({ expect }) => {
		expect(
			await problems(
				'step-outside',
				inChapter((t) => t.replace('Closing text.', '<Step id="four" state="market">Closing text.</Step>')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:25: <Step id="four"> is outside a scrolly section: put it between <Scrolly chart="…"> and </Scrolly>.

			1 problem."
		`);
	});

	it('a misspelt, lowercase or unclosed tag', async ({ expect }) => {
		expect(
			await problems(
				'bad-tags',
				inChapter((t) =>
					t
						.replace('<Step id="two"', '<Steps id="two"')
						.replace('    Third step.\n  </Step>', '    Third step.')
						.replace('Closing text.', '<chart chart="china-cloud-market" />'),
				),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:17: <Steps> is not a story component. Did you mean <Step>? The components are <Scrolly>, <Step>, <Chart>, <Value>, <Sum>, <Change>, <Difference>, <Implied>, <Quoted>.
			content/chapters/test-chapter.mdx:19: </Step> closes a step that was never opened: remove it, or add <Step id="…" state="…"> before its text.
			content/chapters/test-chapter.mdx:20: <Step id="three"> is never closed: add </Step> after its text.
			content/chapters/test-chapter.mdx:24: <chart>: write <Chart> with a capital C.

			4 problems."
		`);
	});

	it('the same chart state twice in the flow of text', async ({ expect }) => {
		expect(
			await problems(
				'duplicate-figure',
				inChapter((t) => `${t}\n<Chart chart="china-cloud-market" state="growth" />\n`),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:27: <Chart chart="china-cloud-market" state="growth"> is also at content/chapters/test-chapter.mdx:29: where one chart state appears twice in the story, give each an id of its own, e.g. id="china-cloud-market-growth-2".

			1 problem."
		`);
	});

	it('frontmatter: a value of the wrong type, a missing field, an unknown field', async ({ expect }) => {
		expect(
			await problems(
				'bad-frontmatter',
				inChapter((t) =>
					t
						.replace('order: 1', 'order: first')
						.replace(/^dek: .*\n/m, '')
						.replace('draft: false', 'draf: false'),
				),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:1: "dek" is missing: add one or two sentences under the headline, e.g. "dek: How Alibaba bet on AI abroad".
			content/chapters/test-chapter.mdx:3: "order" must be the chapter's place in the story, a number, e.g. "order: 2".
			content/chapters/test-chapter.mdx:7: unknown field "draf" (did you mean "draft"?): the fields are title, order, dek, authors, published, updated, corrections, draft.

			3 problems."
		`);
	});

	it('frontmatter: a date that is not a date, and "updated" before "published"', async ({ expect }) => {
		expect(
			await problems(
				'bad-dates',
				inChapter((t) => t.replace('published: 2026-01-15', 'published: 15 January 2026\nupdated: 2026-13-01')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:7: "published" must be a date written YYYY-MM-DD, e.g. "published: 2025-03-01".
			content/chapters/test-chapter.mdx:8: "updated" must be a date written YYYY-MM-DD, e.g. "updated: 2025-04-15" (or delete the line).

			2 problems."
		`);
		expect(
			await problems(
				'early-update',
				inChapter((t) => t.replace('published: 2026-01-15', 'published: 2026-01-15\nupdated: 2026-01-01')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:8: "updated" is earlier than "published": the last update cannot come before the first publication.

			1 problem."
		`);
	});

	it('frontmatter that is not valid YAML', async ({ expect }) => {
		expect(
			await problems(
				'bad-yaml',
				inChapter((t) => t.replace('title: A chapter for the tests', 'title: Tests: a chapter')),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/test-chapter.mdx:2: the frontmatter is not valid YAML (Nested mappings are not allowed in compact mappings): write one "name: value" per line, and put a value that contains ": " or starts with a quote in double quotes.

			1 problem."
		`);
	});

	it('two chapters with the same order, at both places', async ({ expect }) => {
		expect(
			await problems('duplicate-order', (f) =>
				f.write(
					'chapters/second.mdx',
					'---\ntitle: Second\norder: 1\ndek: The next part.\nauthors: [Desk]\npublished: 2026-11-26\n---\n\nText.\n',
				),
			),
		).toMatchInlineSnapshot(`
			"content/chapters/second.mdx:3: order 1 is also used by content/chapters/test-chapter.mdx:3: give each chapter its own order (to put a chapter between 2 and 3, give it order: 2.5).

			1 problem."
		`);
	});

	it('a CSV value of the wrong type, with its row and column', async ({ expect }) => {
		expect(
			await problems('bad-value', (f) =>
				f.edit('data/synergy-vendor-share-q4-2022.csv', (t) => t.replace(/\n[^\n]*/, '\nAmazon,about 33')),
			),
		).toMatchInlineSnapshot(`
			"content/data/synergy-vendor-share-q4-2022.csv:2: column "share": expected a number, got "about 33". Write plain digits with a dot for decimals (e.g. 38.9), without units, % signs or thousands separators.

			1 problem.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('a CSV without a column its dataset declares', async ({ expect }) => {
		expect(
			await problems('missing-column', (f) =>
				f.edit('data/synergy-vendor-share-q4-2022.csv', (t) => t.replace(/^[^\n]*/, 'vendor,percent')),
			),
		).toMatchInlineSnapshot(`
			"content/data/synergy-vendor-share-q4-2022.csv:1: missing column "share". The header row has: vendor, percent. Add the missing column, or write its name the same in the header and in "columns" of content/data/synergy-vendor-share-q4-2022.json.

			1 problem.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('a dataset without a source', async ({ expect }) => {
		expect(
			await problems('no-source', (f) =>
				f.edit('data/synergy-vendor-share-q4-2022.json', (t) =>
					JSON.stringify({ ...(JSON.parse(t) as object), sources: [] }, null, '\t'),
				),
			),
		).toMatchInlineSnapshot(`
			"content/data/synergy-vendor-share-q4-2022.json:5: "sources" is empty: a dataset needs at least one source, with publisher, title and date. See "Adding a dataset" in content/EDITORS.md for a complete example.

			1 problem.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('a source without a date, and a field of the metadata misspelt', async ({ expect }) => {
		const meta = {
			title: 'Worldwide cloud market share',
			units: '%',
			measurer: 'Synergy Research Group',
			sources: [{ publisher: 'Synergy Research Group', title: 'Q4 2022 market shares' }],
			columns: { vendor: { type: 'string' }, share: { type: 'number' } },
		};
		expect(
			await problems('bad-source', (f) =>
				f.write('data/synergy-vendor-share-q4-2022.json', JSON.stringify(meta, null, '\t')),
			),
		).toMatchInlineSnapshot(`
			"content/data/synergy-vendor-share-q4-2022.json:1: "unit" is missing: add the unit of the values, e.g. "unit": "% of market revenue".
			content/data/synergy-vendor-share-q4-2022.json:3: unknown field "units" in the metadata: the fields are title, unit, measurer, sources, notes, columns.
			content/data/synergy-vendor-share-q4-2022.json:6: "date" is missing: add the publication date, e.g. "date": "2024-11-21".

			3 problems.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('a CSV without its metadata file', async ({ expect }) => {
		expect(await problems('no-metadata', (f) => f.write('data/synergy-vendor-share-q4-2022.json', undefined)))
			.toMatchInlineSnapshot(`
				"content/data/synergy-vendor-share-q4-2022.csv:1: the dataset has no metadata: add content/data/synergy-vendor-share-q4-2022.json with its title, unit, measurer, sources and columns (npm run new-chart -- content/data/synergy-vendor-share-q4-2022.csv writes one to fill in; see content/EDITORS.md).

				1 problem.
				The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
			`);
	});
	it('a row that lost its last value, and a row with one too many, with the counts', async ({ expect }) => {
		expect(
			await problems('row-length', (f) =>
				f.edit('data/canalys-china-share-q3-2023.csv', (t) =>
					t
						.replace(/^Alibaba,([\d.]+),(\w+)$/m, 'Alibaba,$1')
						.replace(/^Huawei,([\d.]+),([^,\n]+)$/m, 'Huawei,$1,$2,extra'),
				),
			),
		).toMatchInlineSnapshot(`
			"content/data/canalys-china-share-q3-2023.csv:2: the row has 2 values, the header has 3 columns (vendor, share, confidence). Write one value per column, separated by commas: leave a cell empty (two commas in a row, or a comma at the end) for a gap in an optional column, and put a value that contains a comma in double quotes.
			content/data/canalys-china-share-q3-2023.csv:3: the row has 4 values, the header has 3 columns (vendor, share, confidence). Write one value per column, separated by commas: leave a cell empty (two commas in a row, or a comma at the end) for a gap in an optional column, and put a value that contains a comma in double quotes.

			2 problems.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('a CSV column the metadata does not declare', async ({ expect }) => {
		expect(
			await problems('undeclared-column', (f) =>
				f.edit('data/synergy-vendor-share-q4-2022.csv', (t) =>
					t.replace(/^vendor,share$/m, 'vendor,share,rank').replace(/^(\w[^\n]*,[\d.]+)$/gm, '$1,1'),
				),
			),
		).toMatchInlineSnapshot(`
			"content/data/synergy-vendor-share-q4-2022.csv:1: column "rank" is not declared. Add it to "columns" in content/data/synergy-vendor-share-q4-2022.json, e.g. "rank": { "type": "string" } (or "number", "date").

			1 problem.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('an empty cell in a column not declared optional', async ({ expect }) => {
		expect(
			await problems('empty-cell', (f) =>
				f.edit('data/synergy-vendor-share-q4-2022.csv', (t) => t.replace(/^Amazon,33$/m, 'Amazon,')),
			),
		).toMatchInlineSnapshot(`
			"content/data/synergy-vendor-share-q4-2022.csv:2: column "share" is empty. Fill in a number, or if gaps are allowed declare the column "optional": true in content/data/synergy-vendor-share-q4-2022.json.

			1 problem.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('column declarations: a misspelt type, an unknown key, values on a number, a column that is not an object', async ({
		expect,
	}) => {
		expect(
			await problems('column-declarations', (f) =>
				f.edit('data/canalys-china-share-q3-2023.json', (t) => {
					const meta = JSON.parse(t) as Record<string, unknown>;
					meta.columns = {
						vendor: { type: 'text' },
						share: { type: 'numbr', optinal: true },
						confidence: 'string',
						rank: { type: 'number', values: ['1', '2'] },
					};
					return JSON.stringify(meta, null, '\t');
				}),
			),
		).toMatchInlineSnapshot(`
			"content/data/canalys-china-share-q3-2023.json:24: "type" must be string, number or date, not "text" (did you mean "string"?), e.g. "share": { "type": "number" }.
			content/data/canalys-china-share-q3-2023.json:27: "type" must be string, number or date, not "numbr" (did you mean "number"?), e.g. "share": { "type": "number" }.
			content/data/canalys-china-share-q3-2023.json:28: unknown field "optinal" (did you mean "optional"?) in a column: the fields are type, optional, values, unit, description.
			content/data/canalys-china-share-q3-2023.json:30: each column is described by an object, e.g. "share": { "type": "number" } or "vendor": { "type": "string" }.
			content/data/canalys-china-share-q3-2023.json:33: "values" only applies to string columns: remove it, or make the column "type": "string".

			5 problems.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('metadata without column types', async ({ expect }) => {
		expect(
			await problems('no-columns', (f) =>
				f.edit('data/canalys-china-share-q3-2023.json', (t) => {
					const { columns: _, ...meta } = JSON.parse(t) as Record<string, unknown>;
					return JSON.stringify(meta, null, '\t');
				}),
			),
		).toMatchInlineSnapshot(`
			"content/data/canalys-china-share-q3-2023.json:1: "columns" is missing: add the type of each of the CSV's columns, e.g. "columns": { "vendor": { "type": "string" }, "share": { "type": "number" } }. See "Adding a dataset" in content/EDITORS.md for a complete example.

			1 problem.
			The chapters were not checked against the charts: fix the problems above first, then run npm run check again."
		`);
	});

	it('a story file whose social image is not a chart state', async ({ expect }) => {
		expect(
			await problems('bad-story-file', (f) =>
				f.edit('story.yaml', (t) => t.replace('  state: alibaba', '  state: alibab')),
			),
		).toMatchInlineSnapshot(`
			"content/story.yaml:19: "socialImage": chart "world-cloud-share" has no state "alibab". Did you mean "alibaba"? Valid states: market, big-three, alibaba.

			1 problem."
		`);
	});
});
