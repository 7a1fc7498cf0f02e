import { afterAll, describe, expect, it } from 'vitest';
import { checkStory, formatCheck } from '../../../src/cli/check.ts';
import { storyFolders } from '../../../src/cli/story-modules.ts';
import { storyFixture, type StoryFixture } from '../../helpers/story-fixture.ts';

// `npm run check` reads content/charts/*.yaml through the chart registry: a mistake in a declared
// chart prints its file:line:column and the fix, as the build does.
const fixtures: StoryFixture[] = [];
afterAll(() => fixtures.forEach((fixture) => fixture.remove()));

describe('npm run check on a declared chart', () => {
	it('prints file:line:column and the fix for each mistake', async () => {
		const fixture = storyFixture('check-declared', 'mistakes');
		fixtures.push(fixture);
		fixture.edit('charts/china-cloud-share.yaml', (text) => text.replace('mark: bar', 'mark: bars'));
		fixture.edit('charts/world-cloud-share.yaml', (text) =>
			text.replace('{ vendor: Alibaba }', '{ vendor: Alibabba }'),
		);
		const result = await checkStory(storyFolders(fixture.root, fixture.content));
		expect(formatCheck(result).split('\n').slice(0, 2)).toEqual([
			'content/charts/china-cloud-share.yaml:12:11: unknown mark "bars": did you mean "bar"? The marks are: bar, line, area, dot, text, rule, timeline, map.',
			'content/charts/world-cloud-share.yaml:25:26: "states.alibaba.highlight" matches no row: no vendor is "Alibabba"; did you mean "Alibaba"? The values of vendor are: Amazon, Microsoft, Google, Alibaba, IBM, Salesforce, Tencent, Oracle.',
		]);
	}, 60_000);

	it('stops a zoom that would cut bars short, and says how to show some rows instead of zooming text', async () => {
		const fixture = storyFixture('check-declared', 'zooms');
		fixtures.push(fixture);
		fixture.edit('charts/china-cloud-market.yaml', (text) =>
			text.replace('    highlight: last\n', '    highlight: last\n    zoom: { y: [5, 12] }\n'),
		);
		fixture.edit('charts/china-cloud-share.yaml', (text) =>
			text.replace(
				'    highlight: { vendor: Alibaba }\n',
				'    highlight: { vendor: Alibaba }\n    zoom: { y: [Huawei, Tencent] }\n',
			),
		);
		const result = await checkStory(storyFolders(fixture.root, fixture.content));
		expect(formatCheck(result).split('\n').slice(0, 2)).toEqual([
			'content/charts/china-cloud-market.yaml:41:16: "states.latest.zoom.y" leaves out zero, where bars start, so they would be cut short: write a range that includes 0, e.g. [0, 12]; to look closer at some rows, show only them with only.',
			'content/charts/china-cloud-share.yaml:24:16: "states.alibaba.zoom.y" is along "vendor", a text column, which has no range: remove it; to show some rows only, write only: { vendor: [Tencent, Others] }.',
		]);
	}, 60_000);
});
