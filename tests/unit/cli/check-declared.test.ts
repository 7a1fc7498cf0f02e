import { afterAll, describe, expect, it } from 'vitest';
import { runCli, storyFixture, type StoryFixture } from '../../helpers/story-fixture.ts';

// `npm run check` reads content/charts/*.yaml through the chart registry: a mistake in a declared
// chart prints its file:line:column and the fix, as the build does.
const fixtures: StoryFixture[] = [];
afterAll(() => fixtures.forEach((fixture) => fixture.remove()));

describe('npm run check on a declared chart', () => {
	it('prints file:line:column and the fix for each mistake', async () => {
		const fixture = storyFixture('check-declared', 'mistakes');
		fixtures.push(fixture);
		fixture.edit('charts/china-cloud-share.yaml', (text) =>
			text.replace('mark: bar', 'mark: bars').replace('{ vendor: Alibaba }', '{ vendor: Alibabba }'),
		);
		const { code, stderr } = await runCli('check', [], fixture.env);
		expect(code).toBe(1);
		expect(stderr).toContain(
			'content/charts/china-cloud-share.yaml:12:11: unknown mark "bars": did you mean "bar"? The marks are: bar, line, area, dot, text, rule.',
		);
	}, 60_000);
});
