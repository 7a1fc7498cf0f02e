import { z } from 'astro/zod';
import { AstroError } from 'astro/errors';
import { parseLocated } from '../data/text-lines.ts';
import { closest } from './closest.ts';
import type { ChartCatalogue, Problem } from './validate-chapter.ts';

/** Where the story file is, as messages show it (relative to the story's root). */
export const storyFile = 'content/story.yaml';

// Each field says what to write when it is wrong or missing, in the words of the chapter frontmatter's
// messages: an editor starting a new story reads these in the build and in `npm run check`.
const fieldNames = ['title', 'shortTitle', 'kicker', 'description', 'publisher', 'lang', 'socialImage', 'credits'];

type Issue = { readonly input?: unknown };
const explain =
	(field: string, what: string, example: string) =>
	({ input }: Issue): string =>
		input === undefined
			? `"${field}" is missing: add ${what}, e.g. "${example}".`
			: `"${field}" must be ${what}, e.g. "${example}".`;
const text = (field: string, what: string, example: string) =>
	z
		.string({ error: explain(field, what, example) })
		.trim()
		.min(1, `"${field}" is empty: write ${what}, e.g. "${example}".`);

const unknownFields =
	(what: string, fields: readonly string[]) =>
	(issue: { code?: string; keys?: readonly string[] }): string | undefined => {
		if (issue.code === 'invalid_type') return `${what} must be a list of fields: ${fields.join(', ')}.`;
		if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
		const hints = issue.keys.map((key) => {
			const suggestion = closest(key, fields);
			return `"${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
		});
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${hints.join(', ')} in ${what}: the fields are ${fields.join(', ')}.`;
	};

const credit = z.strictObject(
	{
		role: text('role', 'what they did', 'role: Charts'),
		who: text('who', 'who did it', 'who: Jane Doe'),
	},
	{ error: unknownFields('a credit', ['role', 'who']) },
);

/** The story file (content/story.yaml): the story's identity, shown on every page. */
export const storySchema = z.strictObject(
	{
		/** The headline on the front page and the title of its tab. */
		title: text('title', "the story's headline", "title: 'The long way out: a story in charts'"),
		/** The name in every page's header and after a chapter's title. */
		shortTitle: text('shortTitle', 'a short name for the story', 'shortTitle: The long way out'),
		/** The label above the headline on the front page. */
		kicker: text('kicker', 'the label above the headline', 'kicker: A data story'),
		/** One or two sentences under the headline, in search results and social cards. */
		description: text(
			'description',
			'one or two sentences under the headline',
			'description: How a cloud provider went abroad.',
		),
		/** Who publishes the story (footer, credits, embeds' credit line). */
		publisher: text('publisher', 'who publishes the story', 'publisher: The Daily Chart'),
		/** The language of the story, a BCP 47 code. */
		lang: text('lang', 'the language of the story, as a code', 'lang: en').regex(
			/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
			'"lang" must be a language code, e.g. "lang: en" or "lang: en-GB".',
		),
		/** The chart state the front page shares as its social image. */
		socialImage: z.strictObject(
			{
				chart: text('chart', 'the id of a chart', 'chart: world-cloud-share'),
				state: text('state', 'one of the chart’s states', 'state: alibaba'),
			},
			{
				error: (issue) =>
					(issue as Issue).input === undefined
						? '"socialImage" is missing: add the chart state the front page shares, e.g. "socialImage: { chart: world-cloud-share, state: alibaba }".'
						: unknownFields('"socialImage"', ['chart', 'state'])(issue),
			},
		),
		/** Who made what, listed at the end of the story. */
		credits: z
			.array(credit, {
				error: explain('credits', 'a list of roles and names', 'credits: [{ role: Charts, who: Jane Doe }]'),
			})
			.min(1, '"credits" is empty: credit at least one role, e.g. "credits: [{ role: Charts, who: Jane Doe }]".'),
	},
	{ error: unknownFields('the story file', fieldNames) },
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
	const result = storySchema.safeParse(parsed.value ?? {});
	const lineOf = (path: readonly PropertyKey[]) => parsed.lineOf(path) ?? 1;
	if (result.success) {
		const problems = catalogue ? socialImageProblems(result.data.socialImage, catalogue) : [];
		return {
			data: problems.length === 0 ? result.data : undefined,
			problems: problems.map(({ field, message }) => ({ file, line: lineOf(['socialImage', field]), message })),
		};
	}
	const problems = result.error.issues.map((issue) => ({
		file,
		line: lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path),
		message: issue.message,
	}));
	return { data: undefined, problems: problems.toSorted((a, b) => a.line - b.line) };
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
		`The story file ${file} has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems
			.map((p) => `${p.file}:${p.line}: ${p.message}`)
			.join('\n')}`,
		'Fix each line above. npm run check lists the same problems without a build.',
	);
}
