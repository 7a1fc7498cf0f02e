import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/define-dataset.ts';
import { openStoryModules, storyFolders } from '../../../src/cli/story-modules.ts';
import { storyFixture, type StoryFixture } from '../../helpers/story-fixture.ts';

/**
 * The command-line tools' loader shares one Vite among the stories a process loads
 * (src/cli/story-modules.ts): each story must still see its own content, and a story's content as
 * it is when it is opened.
 */
const fixtures: StoryFixture[] = [];
afterAll(() => fixtures.forEach((fixture) => fixture.remove()));

/** A copy of the story whose first streak value is `streak`. */
function story(name: string, streak: number): StoryFixture {
	const fixture = storyFixture('story-modules', name);
	fixtures.push(fixture);
	fixture.edit('data/alibaba-ai-streak.csv', (t) => t.replace('2023-07-01,1,', `2023-07-01,${streak},`));
	return fixture;
}

/** The first streak value the story's datasets hold, as its modules load them. */
async function firstStreak(fixture: StoryFixture): Promise<unknown> {
	const modules = await openStoryModules(storyFolders(fixture.root, fixture.content));
	try {
		const { datasets } = await modules.load<{ datasets: readonly Dataset[] }>('src/data/index.ts');
		return datasets.find((d) => d.name === 'alibaba-ai-streak')?.rows[0]?.streak;
	} finally {
		await modules.close();
	}
}

describe('the stories’ modules (one Vite for the process)', () => {
	it('give each story its own content, when they are loaded at once', async () => {
		const stories = [story('seven', 7), story('eight', 8), story('nine', 9)];
		expect(await Promise.all(stories.map(firstStreak))).toEqual([7, 8, 9]);
	});

	it('give a story its content as it is when it is opened', async () => {
		const fixture = story('edited', 5);
		expect(await firstStreak(fixture)).toBe(5);
		fixture.edit('data/alibaba-ai-streak.csv', (t) => t.replace('2023-07-01,5,', '2023-07-01,6,'));
		expect(await firstStreak(fixture)).toBe(6);
	});
});
