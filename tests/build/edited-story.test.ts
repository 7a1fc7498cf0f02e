import { afterAll, beforeAll } from 'vitest';
import { astroBuild } from '../helpers/astro-build.ts';
import { storyFixture } from '../helpers/story-fixture.ts';
import { correctionTests, editCorrections } from './edited-story/corrections.ts';
import { declaredChartTests, editDeclaredChart } from './edited-story/declared-chart.ts';
import { editEditorChapter, editorChapterTests } from './edited-story/editor-chapter.ts';

/**
 * One copy of the story with what three editors did to it, built once (a build keeps a core busy for
 * about 25 s): a correction and a changed CSV value, published under a base path and a public address
 * (edited-story/corrections.ts); charts declared in content/charts and a chapter using them
 * (edited-story/declared-chart.ts); chapters and a chart made with npm run new-chapter and new-chart
 * (edited-story/editor-chapter.ts). No change touches what another's tests look at: the new chapters
 * go at places 3 and last, the correction is in chapter 4's frontmatter, and the tests read links by
 * their ends, which the base path leaves alone.
 */
const fixture = storyFixture('edited', 'story');
const dist = fixture.env.STORY_OUT_DIR!;
let buildOutput = '';

beforeAll(async () => {
	const settings = editCorrections(fixture);
	editDeclaredChart(fixture);
	await editEditorChapter(fixture);
	const { code, output } = await astroBuild({ ...fixture.env, ...settings });
	if (code !== 0) throw new Error(`The fixture story did not build:\n${output}`);
	buildOutput = output;
}, 600_000); // one build: about 25 s on a quiet machine, over 300 s on one loaded ~14x
afterAll(() => fixture.remove());

correctionTests(dist);
declaredChartTests(dist);
editorChapterTests(dist, () => buildOutput);
