import { z } from 'astro/zod';
import { AstroError } from 'astro/errors';
import { closest } from '../problems/closest.ts';
import { parseLocated } from '../problems/located-text.ts';
import { formatProblem, plural, type Problem } from '../problems/problem.ts';
import { explain, objectError, parseWithFriendlyErrors, text } from '../problems/schema-errors.ts';
import type { ChartCatalogue } from './validate-chapter.ts';

/** Where the story file is, as messages show it (relative to the story's root). */
export const storyFile = 'content/story.yaml';

const fieldNames = ['title', 'shortTitle', 'kicker', 'description', 'publisher', 'lang', 'socialImage', 'credits'];

// The story file's examples are YAML lines, quoted in messages.
const field = (name: string, what: string, example: string) =>
	text(name, what, `"${example}"`, { trim: true, exampleWhenEmpty: true });
const fieldsOf = (where: string, fields: readonly string[]) =>
	objectError(fields, {
		where,
		suggest: true,
		notAnObject: `${where} must be a list of fields: ${fields.join(', ')}.`,
	});

const credit = z.strictObject(
	{
		role: field('role', 'what they did', 'role: Charts'),
		who: field('who', 'who did it', 'who: Jane Doe'),
	},
	{ error: fieldsOf('a credit', ['role', 'who']) },
);

/** The story file (content/story.yaml): the story's identity, shown on every page. */
export const storySchema = z.strictObject(
	{
		/** The headline on the front page and the title of its tab. */
		title: field('title', "the story's headline", "title: 'The long way out: a story in charts'"),
		/** The name in every page's header and after a chapter's title. */
		shortTitle: field('shortTitle', 'a short name for the story', 'shortTitle: The long way out'),
		/** The label above the headline on the front page. */
		kicker: field('kicker', 'the label above the headline', 'kicker: A data story'),
		/** One or two sentences under the headline, in search results and social cards. */
		description: field(
			'description',
			'one or two sentences under the headline',
			'description: How a cloud provider went abroad.',
		),
		/** Who publishes the story (footer, credits, embeds' credit line). */
		publisher: field('publisher', 'who publishes the story', 'publisher: The Daily Chart'),
		/** The language of the story, a BCP 47 code. */
		lang: field('lang', 'the language of the story, as a code', 'lang: en').regex(
			/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
			'"lang" must be a language code, e.g. "lang: en" or "lang: en-GB".',
		),
		/** The chart state the front page shares as its social image. */
		socialImage: z.strictObject(
			{
				chart: field('chart', 'the id of a chart', 'chart: world-cloud-share'),
				state: field('state', 'one of the chart’s states', 'state: alibaba'),
			},
			{
				error: (issue) =>
					(issue as { input?: unknown }).input === undefined
						? '"socialImage" is missing: add the chart state the front page shares, e.g. "socialImage: { chart: world-cloud-share, state: alibaba }".'
						: fieldsOf('"socialImage"', ['chart', 'state'])(issue),
			},
		),
		/** Who made what, listed at the end of the story. */
		credits: z
			.array(credit, {
				error: explain('credits', 'a list of roles and names', '"credits: [{ role: Charts, who: Jane Doe }]"'),
			})
			.min(1, '"credits" is empty: credit at least one role, e.g. "credits: [{ role: Charts, who: Jane Doe }]".'),
	},
	{ error: fieldsOf('the story file', fieldNames) },
);

export type StoryData = z.infer<typeof storySchema>;

/** The story file, checked: its data when valid, and every problem with its line. */
export interface StoryFileCheck {
	readonly data: StoryData | undefined;
	readonly problems: readonly Problem[];
}

/**
 * Checks the story file's text (undefined: there is none), naming the line of each problem; with the
 * charts' catalogue, also that the social image is a chart state that exists.
 */
export function checkStoryFile(
	source: string | undefined,
	file = storyFile,
	catalogue?: ChartCatalogue,
): StoryFileCheck {
	if (source === undefined) {
		return {
			data: undefined,
			problems: [
				{
					file,
					line: 1,
					message: `there is no story file: add ${file} with the story's title, shortTitle, kicker, description, publisher, lang, socialImage and credits (see content/EDITORS.md).`,
				},
			],
		};
	}
	const parsed = parseLocated(source);
	if (parsed.errors.length > 0) {
		return {
			data: undefined,
			problems: parsed.errors.map((error) => ({
				file,
				line: error.line,
				message: `the story file is not valid YAML (${error.message}): write one "name: value" per line, and put a value that contains ": " or starts with a quote in quotes.`,
			})),
		};
	}
	const lineOf = (path: readonly PropertyKey[]) => parsed.lineOf(path) ?? 1;
	const { data, problems } = parseWithFriendlyErrors(storySchema, parsed.value ?? {}, file, lineOf);
	if (!data || !catalogue) return { data, problems };
	const imageProblems = socialImageProblems(data.socialImage, catalogue).map(({ field, message }) => ({
		file,
		line: lineOf(['socialImage', field]),
		message,
	}));
	return { data: imageProblems.length === 0 ? data : undefined, problems: imageProblems };
}

function socialImageProblems({ chart, state }: StoryData['socialImage'], catalogue: ChartCatalogue) {
	const states = catalogue.get(chart);
	if (!states) {
		const names = [...catalogue.keys()];
		const suggestion = closest(chart, names);
		return [
			{
				field: 'chart',
				message: `"socialImage": there is no chart "${chart}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Valid charts: ${names.join(', ')}.`,
			},
		];
	}
	if (states.includes(state)) return [];
	const suggestion = closest(state, states);
	return [
		{
			field: 'state',
			message: `"socialImage": chart "${chart}" has no state "${state}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Valid states: ${states.join(', ')}.`,
		},
	];
}

/** Reads the story file for the site: its data, or an error listing `file:line: what to fix`. */
export function parseStoryFile(source: string, file = storyFile): StoryData {
	const { data, problems } = checkStoryFile(source, file);
	if (data) return data;
	throw new AstroError(
		`The story file ${file} has ${plural(problems.length, 'problem')}:\n${problems.map(formatProblem).join('\n')}`,
		'Fix each line above. npm run check lists the same problems without a build.',
	);
}
