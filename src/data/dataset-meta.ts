import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { AstroError } from 'astro/errors';
import { parseLocated } from './text-lines.ts';

// Each field says what to write when it is wrong or missing: an editor adding a dataset reads these.
type Issue = { readonly input?: unknown };
const explain =
	(field: string, what: string, example: string) =>
	({ input }: Issue): string =>
		input === undefined
			? `"${field}" is missing: add ${what}, e.g. "${field}": ${example}.`
			: `"${field}" must be ${what}, e.g. "${field}": ${example}.`;
const text = (field: string, what: string, example: string) =>
	z.string({ error: explain(field, what, example) }).min(1, `"${field}" is empty: write ${what}.`);

/** One source a dataset cites: the primary publisher, never a rewrite or aggregator. */
const sourceSchema = z.strictObject(
	{
		/** Who published it, e.g. "Synergy Research Group". */
		publisher: text('publisher', 'who published the source', '"Canalys"'),
		/** The title of the release, report or article. */
		title: text('title', 'the title of the release, report or article', '"Mainland China cloud market, Q3 2024"'),
		/** Publication date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY. */
		date: z
			.string({ error: explain('date', 'the publication date', '"2024-11-21"') })
			.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '"date" must be written YYYY-MM-DD, YYYY-MM or YYYY, e.g. "2024-11".'),
		/** The primary source's own address, where known. */
		url: z.url('"url" must be a full web address, starting with https://.').optional(),
		/** True when "title" is our description of the document, not its own headline (shown in [brackets]). */
		described: z.boolean('"described" must be true or false, e.g. "described": true.').optional(),
	},
	{ error: (issue) => unknownFields(issue, 'a source', ['publisher', 'title', 'date', 'url', 'described']) },
);

/** The metadata record beside each dataset (`content/data/<name>.json`). */
export const datasetMetaSchema = z.strictObject(
	{
		/** What the data is, as a reader would say it. */
		title: text('title', 'what the data is, as a reader would say it', '"Cloud spending in China by quarter"'),
		/** Unit of the values, e.g. "% of market revenue". */
		unit: text('unit', 'the unit of the values', '"% of market revenue"'),
		/** Who measured it, named once for the source line, e.g. "Canalys". */
		measurer: text('measurer', 'who measured the data', '"Canalys"'),
		/** Every source the rows come from; at least one. */
		sources: z
			.array(sourceSchema, {
				error: explain(
					'sources',
					'the list of sources the rows come from',
					'[{ "publisher": …, "title": …, "date": … }]',
				),
			})
			.min(1, '"sources" is empty: a dataset needs at least one source, with publisher, title and date.'),
		/** Notes a reader should see with the chart (single-source rows, derivations, breaks). */
		notes: z
			.array(z.string().min(1, 'a note is empty.'), {
				error: '"notes" must be a list of sentences, e.g. "notes": ["Q3 2021 comes from a single report."].',
			})
			.default([]),
	},
	{ error: (issue) => unknownFields(issue, 'the metadata', ['title', 'unit', 'measurer', 'sources', 'notes']) },
);

export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
export type DatasetSource = z.infer<typeof sourceSchema>;

/**
 * Validates a dataset's metadata record; throws naming the file, the line and what to fix for each
 * problem. `file` is relative to the project root (STORY_ROOT in fixture builds), read to find lines.
 */
export function parseDatasetMeta(value: unknown, file: string): DatasetMeta {
	const result = datasetMetaSchema.safeParse(value);
	if (result.success) return result.data;
	const located = readLocated(file);
	const problems = result.error.issues
		.map((issue) => {
			const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
			return { line: located?.lineOf(path) ?? 1, message: issue.message };
		})
		.toSorted((a, b) => a.line - b.line);
	throw new AstroError(
		problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'),
		'See "Adding a dataset" in content/EDITORS.md for a complete example.',
	);
}

function unknownFields(issue: { code?: string; keys?: readonly string[] }, what: string, fields: readonly string[]) {
	if (issue.code === 'invalid_type')
		return `${what} must be an object: { ${fields.map((f) => `"${f}": …`).join(', ')} }.`;
	if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
	const keys = issue.keys.map((key) => `"${key}"`).join(', ');
	return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys} in ${what}: the fields are ${fields.join(', ')}.`;
}

// Only read when the record is invalid: the JSON arrives parsed, and the text gives the lines.
function readLocated(file: string) {
	try {
		return parseLocated(readFileSync(resolve(process.env.STORY_ROOT ?? process.cwd(), file), 'utf8'));
	} catch {
		return undefined;
	}
}
