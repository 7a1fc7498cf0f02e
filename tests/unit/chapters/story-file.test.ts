import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { checkStoryFile, parseStoryFile } from '../../../src/chapters/story-file.ts';

/**
 * The story file (content/story.yaml): what an editor reads when it is wrong, with its line. A story
 * file of known text, so the lines stay put when the real one changes.
 */
const story = `title: 'A story: for the tests'
shortTitle: Tests
kicker: A data story
description: Known text, so that the lines in the messages stay put.
publisher: Test desk
lang: en
socialImage:
  chart: world-cloud-share
  state: alibaba
credits:
  - role: Charts
    who: Test desk
`;
const catalogue = new Map(charts.map((chart) => [chart.id, chart.stateNames]));
const messages = (source: string | undefined) =>
	checkStoryFile(source, 'content/story.yaml', catalogue).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

describe('the story file', () => {
	it('of this story, and of the tests, is valid, with a social image that exists', () => {
		expect(messages(readFileSync('content/story.yaml', 'utf8'))).toEqual([]);
		expect(messages(story)).toEqual([]);
		expect(parseStoryFile(story)).toEqual({
			title: 'A story: for the tests',
			shortTitle: 'Tests',
			kicker: 'A data story',
			description: 'Known text, so that the lines in the messages stay put.',
			publisher: 'Test desk',
			lang: 'en',
			socialImage: { chart: 'world-cloud-share', state: 'alibaba' },
			credits: [{ role: 'Charts', who: 'Test desk' }],
		});
	});

	it('names a missing field, a misspelt one and an empty list, each at its line', () => {
		const broken = story
			.replace('kicker: A data story\n', '')
			.replace('publisher:', 'publsher:')
			.replace(/credits:\n[\s\S]*/, 'credits: []\n');
		expect(messages(broken)).toEqual([
			'content/story.yaml:1: "kicker" is missing: add the label above the headline, e.g. "kicker: A data story".',
			'content/story.yaml:1: "publisher" is missing: add who publishes the story, e.g. "publisher: The Daily Chart".',
			'content/story.yaml:4: unknown field "publsher" (did you mean "publisher"?) in the story file: the fields are title, shortTitle, kicker, description, publisher, lang, socialImage, credits.',
			'content/story.yaml:9: "credits" is empty: credit at least one role, e.g. "credits: [{ role: Charts, who: Jane Doe }]".',
		]);
	});

	it('names a credit without a name, and a language that is not a code', () => {
		expect(messages(story.replace('    who: Test desk\n', '').replace('lang: en', 'lang: English'))).toEqual([
			'content/story.yaml:6: "lang" must be a language code, e.g. "lang: en" or "lang: en-GB".',
			'content/story.yaml:11: "who" is missing: add who did it, e.g. "who: Jane Doe".',
		]);
	});

	it('names a social image that is not a chart state, with the closest one', () => {
		expect(messages(story.replace('state: alibaba', 'state: alibab'))).toEqual([
			`content/story.yaml:9: "socialImage": chart "world-cloud-share" has no state "alibab". Did you mean "alibaba"? Valid states: ${catalogue.get('world-cloud-share')!.join(', ')}.`,
		]);
		expect(messages(story.replace('chart: world-cloud-share', 'chart: world-cloud-shares'))).toEqual([
			`content/story.yaml:8: "socialImage": there is no chart "world-cloud-shares". Did you mean "world-cloud-share"? Valid charts: ${[...catalogue.keys()].join(', ')}.`,
		]);
		expect(messages(story.replace(/socialImage:\n.*\n.*\n/, ''))).toEqual([
			'content/story.yaml:1: "socialImage" is missing: add the chart state the front page shares, e.g. "socialImage: { chart: world-cloud-share, state: alibaba }".',
		]);
	});

	it('names a YAML mistake at its line, and a missing file', () => {
		expect(messages(story.replace('shortTitle: Tests', 'shortTitle: Tests: a story'))).toEqual([
			'content/story.yaml:2: the story file is not valid YAML (Nested mappings are not allowed in compact mappings): write one "name: value" per line, and put a value that contains ": " or starts with a quote in quotes.',
		]);
		expect(messages(undefined)).toEqual([
			"content/story.yaml:1: there is no story file: add content/story.yaml with the story's title, shortTitle, kicker, description, publisher, lang, socialImage and credits (see content/EDITORS.md).",
		]);
	});

	it('fails the build with every problem, file:line first', () => {
		expect(() => parseStoryFile(story.replace('shortTitle: Tests\n', 'shortTitle: ""\n'))).toThrow(
			'The story file content/story.yaml has 1 problem:\ncontent/story.yaml:2: "shortTitle" is empty: write a short name for the story, e.g. "shortTitle: The long way out".',
		);
	});
});
