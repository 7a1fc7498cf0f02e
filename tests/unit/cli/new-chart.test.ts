import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStory, formatCheck } from '../../../src/cli/check.ts';
import { inferColumns, newChartCommand } from '../../../src/cli/new-chart.ts';
import { storyFolders } from '../../../src/cli/story-modules.ts';
import { storyFixture } from '../../helpers/story-fixture.ts';

const fixture = storyFixture('new-chart', 'story');
afterAll(() => fixture.remove());
const folders = storyFolders(fixture.root, fixture.content);
const newChart = (...args: string[]) => newChartCommand(args, folders);
const read = (file: string) => readFileSync(join(fixture.content, file), 'utf8');

const csv = `quarter,date,spending,note
Q1 2024,2024-01-01,76.2,
Q2 2024,2024-04-01,78.2,
Q3 2024,2024-07-01,82,a record
Q4 2024,2024-10-01,90.9,
`;

describe('inferColumns(csv)', () => {
	it('calls a column number or date when every filled cell is one, and optional when some are empty', () => {
		expect(inferColumns(csv).map(({ name, type, optional }) => ({ name, type, optional }))).toEqual([
			{ name: 'quarter', type: 'string', optional: false },
			{ name: 'date', type: 'date', optional: false },
			{ name: 'spending', type: 'number', optional: false },
			{ name: 'note', type: 'string', optional: true },
		]);
	});
});

describe('npm run new-chart -- content/data/<name>.csv', { timeout: 60_000 }, () => {
	it('on a CSV without metadata: writes the chart and a metadata file to fill in, and says what to do', async () => {
		fixture.write('data/cloud-spending.csv', csv);
		const { code, output } = await newChart('content/data/cloud-spending.csv');
		expect(code, output).toBe(0);
		expect(output).toMatchInlineSnapshot(`
			"Created content/charts/cloud-spending.yaml.
			Wrote content/data/cloud-spending.json: fill in its title, unit, measurer and source (npm run check fails until you do).

			Edit the chart: its title, subtitle and states (guide: "Make a chart" in content/EDITORS.md).
			Preview it: run npm run dev, then open
			  http://localhost:4321/charts/ (the gallery: every chart and state), or
			  http://localhost:4321/embed/cloud-spending/all/ (the chart alone, as embedded).
			  Each save updates the page.
			Use it in a chapter: <Chart chart="cloud-spending" state="all" />
			Check it: npm run check (lists every mistake with its file and line)."
		`);
		expect(read('charts/cloud-spending.yaml')).toContain(
			'dataset: cloud-spending\nmarks:\n  - mark: bar\n    x: quarter\n',
		);
		expect((JSON.parse(read('data/cloud-spending.json')) as { columns: unknown }).columns).toEqual({
			quarter: { type: 'string' },
			date: { type: 'date' },
			spending: { type: 'number' },
			note: { type: 'string', optional: true },
		});
		// Both files pass the format check as written.
		for (const file of ['charts/cloud-spending.yaml', 'data/cloud-spending.json']) {
			const path = join(fixture.content, file);
			const options = { ...(await prettier.resolveConfig('content/x')), filepath: path };
			expect(await prettier.check(read(file), options), file).toBe(true);
		}
	});

	it('leaves npm run check failing until the metadata is filled in, then passes', async () => {
		const failing = formatCheck(await checkStory(folders));
		expect(failing.split('\n').slice(0, 3).join('\n')).toBe(
			[
				'content/data/cloud-spending.json:2: "title" is empty: write what the data is, as a reader would say it.',
				'content/data/cloud-spending.json:3: "unit" is empty: write the unit of the values.',
				'content/data/cloud-spending.json:4: "measurer" is empty: write who measured the data.',
			].join('\n'),
		);
		fixture.edit('data/cloud-spending.json', (t) => {
			const meta = JSON.parse(t) as Record<string, unknown>;
			Object.assign(meta, { title: 'Cloud spending', unit: 'US$ bn', measurer: 'Synergy Research Group' });
			meta.sources = [{ publisher: 'Synergy Research Group', title: 'Cloud spending release', date: '2025-02' }];
			return JSON.stringify(meta, null, '\t');
		});
		expect(formatCheck(await checkStory(folders))).toMatch(/^No problems: /);
	});

	it('adds the columns to a metadata file that has none, and draws a ranking as horizontal bars', async () => {
		fixture.write('data/provider-ranking.csv', 'provider,share\nAmazon,30\nMicrosoft,21\nGoogle,12\n');
		fixture.write(
			'data/provider-ranking.json',
			JSON.stringify({
				title: 'Cloud market share by provider',
				unit: '% of market revenue',
				measurer: 'Synergy Research Group',
				sources: [{ publisher: 'Synergy Research Group', title: 'Market share release', date: '2025-02' }],
			}),
		);
		const { code, output } = await newChart('content/data/provider-ranking.csv');
		expect(code, output).toBe(0);
		expect(output).toContain(
			'Declared the columns\' types in content/data/provider-ranking.json: check them (string, number or date; "optional": true where cells may be empty).',
		);
		expect(read('charts/provider-ranking.yaml')).toContain(
			[
				'title: Cloud market share by provider',
				'subtitle: Cloud market share by provider, % of market revenue',
				'dataset: provider-ranking',
				"format: { suffix: '%' }",
				'marks:',
				'  - mark: bar',
				'    direction: horizontal',
			].join('\n'),
		);
		expect(formatCheck(await checkStory(folders))).toMatch(/^No problems: /);
	});

	it('refuses to overwrite a chart, and needs a CSV in content/data/', async () => {
		expect(await newChart('content/data/provider-ranking.csv')).toEqual({
			code: 1,
			output: 'content/charts/provider-ranking.yaml already exists: edit it, or remove it to start again.',
		});
		expect((await newChart('content/data/no-such.csv')).output).toBe(
			'There is no content/data/no-such.csv: put the CSV in content/data/ first.',
		);
		expect((await newChart('data.csv')).output).toBe(
			'Give the path of a CSV in content/data/, e.g. npm run new-chart -- content/data/my-data.csv.',
		);
		expect((await newChart()).code).toBe(1);
	});
});
