import { z } from 'astro/zod';
import { parseLocated } from '../problems/located-text.ts';
import { ProblemsError, type Problem } from '../problems/problem.ts';
import { closest } from '../problems/closest.ts';
import { explain, objectError, parseWithFriendlyErrors, text } from '../problems/schema-errors.ts';

// Each field says what to write when it is wrong or missing: an editor adding a dataset reads these.
// Examples are written as in the JSON file: "field": value.
const example = (field: string, value: string) => `"${field}": ${value}`;
const field = (name: string, what: string, value: string) => text(name, what, example(name, value));
const fields = (what: string, names: readonly string[]) =>
	objectError(names, {
		where: what,
		notAnObject: `${what} must be an object: { ${names.map((f) => `"${f}": …`).join(', ')} }.`,
	});

/** One source a dataset cites: the primary publisher, never a rewrite or aggregator. */
const sourceSchema = z.strictObject(
	{
		/** Who published it, e.g. "Synergy Research Group". */
		publisher: field('publisher', 'who published the source', '"Canalys"'),
		/** The title of the release, report or article. */
		title: field('title', 'the title of the release, report or article', '"Mainland China cloud market, Q3 2024"'),
		/** Publication date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY. */
		date: z
			.string({ error: explain('date', 'the publication date', example('date', '"2024-11-21"')) })
			.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '"date" must be written YYYY-MM-DD, YYYY-MM or YYYY, e.g. "2024-11".'),
		/** The primary source's own address, where known. */
		url: z.url('"url" must be a full web address, starting with https://.').optional(),
		/** True when "title" is our description of the document, not its own headline (shown in [brackets]). */
		described: z.boolean('"described" must be true or false, e.g. "described": true.').optional(),
	},
	{ error: fields('a source', ['publisher', 'title', 'date', 'url', 'described']) },
);

const columnTypes = ['string', 'number', 'date'] as const;
const columnExample = '"share": { "type": "number" }';
// Words editors reach for, from spreadsheets and other tools.
const typeSynonyms: Readonly<Record<string, (typeof columnTypes)[number]>> = {
	text: 'string',
	str: 'string',
	category: 'string',
	int: 'number',
	integer: 'number',
	float: 'number',
	decimal: 'number',
	numeric: 'number',
	percent: 'number',
	datetime: 'date',
	time: 'date',
	year: 'date',
};
const meantType = (input: string) => typeSynonyms[input.toLowerCase()] ?? closest(input, columnTypes);

/** One column of the CSV: its type, whether cells may be empty, and for text, the values allowed. */
const columnSchema = z
	.strictObject(
		{
			/** string (any text), number (digits, a dot for decimals) or date (YYYY-MM-DD or YYYY-MM). */
			type: z.enum(columnTypes, {
				error: ({ input }) => {
					if (input === undefined) {
						return `"type" is missing: add the column's type, string, number or date, e.g. ${columnExample}.`;
					}
					const meant = typeof input === 'string' ? meantType(input) : undefined;
					return `"type" must be string, number or date, not ${JSON.stringify(input)}${meant ? ` (did you mean "${meant}"?)` : ''}, e.g. ${columnExample}.`;
				},
			}),
			/** True when cells may be empty (a gap in the data, never a zero). */
			optional: z.boolean('"optional" must be true or false, e.g. "optional": true.').optional(),
			/** For text columns: the only values a cell may hold. */
			values: z
				.array(z.string().min(1, 'an allowed value is empty.'), {
					error: '"values" must be a list of the values allowed, e.g. "values": ["confirmed", "one source"].',
				})
				.min(1, '"values" is empty: list the values allowed, or remove "values" to allow any text.')
				.optional(),
			/** For a number column whose unit is not the dataset's: its own, e.g. "%" for growth beside RMB bn. */
			unit: z
				.string('"unit" must be text, e.g. "unit": "%".')
				.min(1, '"unit" is empty: write the unit, e.g. "unit": "%", or remove it.')
				.optional(),
			/** What the column holds, for whoever reads the file next. */
			description: z.string('"description" must be text, e.g. "description": "First day of the quarter".').optional(),
		},
		{
			error: objectError(['type', 'optional', 'values', 'unit', 'description'], {
				where: 'a column',
				suggest: true,
				notAnObject: `each column is described by an object, e.g. ${columnExample} or "vendor": { "type": "string" }.`,
			}),
		},
	)
	.refine((column) => column.values === undefined || column.type === 'string', {
		message: '"values" only applies to string columns: remove it, or make the column "type": "string".',
		path: ['values'],
	})
	.refine((column) => column.unit === undefined || column.type === 'number', {
		message: '"unit" only applies to number columns: remove it, or make the column "type": "number".',
		path: ['unit'],
	});

export type ColumnDeclaration = z.infer<typeof columnSchema>;

/** The metadata record beside each dataset (`content/data/<name>.json`). */
export const datasetMetaSchema = z.strictObject(
	{
		/** What the data is, as a reader would say it. */
		title: field('title', 'what the data is, as a reader would say it', '"Cloud spending in China by quarter"'),
		/** Unit of the values, e.g. "% of market revenue". */
		unit: field('unit', 'the unit of the values', '"% of market revenue"'),
		/** Who measured it, named once for the source line, e.g. "Canalys". */
		measurer: field('measurer', 'who measured the data', '"Canalys"'),
		/** Every source the rows come from; at least one. */
		sources: z
			.array(sourceSchema, {
				error: explain(
					'sources',
					'the list of sources the rows come from',
					example('sources', '[{ "publisher": …, "title": …, "date": … }]'),
				),
			})
			.min(1, '"sources" is empty: a dataset needs at least one source, with publisher, title and date.'),
		/** Notes a reader should see with the chart (single-source rows, derivations, breaks). */
		notes: z
			.array(z.string().min(1, 'a note is empty.'), {
				error: '"notes" must be a list of sentences, e.g. "notes": ["Q3 2021 comes from a single report."].',
			})
			.default([]),
		/** The type of each column of the CSV, in the header's order; every column is declared. */
		columns: z
			.record(
				z.string().regex(/^\S(.*\S)?$/, 'a column name starts or ends with a space: write it as the CSV header does.'),
				columnSchema,
				{
					error: explain(
						'columns',
						"the type of each of the CSV's columns",
						'"columns": { "vendor": { "type": "string" }, "share": { "type": "number" } }',
					),
				},
			)
			.refine((columns) => Object.keys(columns).length > 0, {
				message: '"columns" is empty: declare each of the CSV\'s columns, e.g. "vendor": { "type": "string" }.',
			}),
	},
	{ error: fields('the metadata', ['title', 'unit', 'measurer', 'sources', 'notes', 'columns']) },
);

export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

const hint = 'See "Adding a dataset" in content/EDITORS.md for a complete example.';

/**
 * Parses and validates a dataset's metadata record, given the text of its JSON file; throws naming
 * the file, the line and what to fix for each problem. `file` is the path messages show.
 */
export function parseDatasetMeta(json: string, file: string): DatasetMeta {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch (error) {
		throw new ProblemsError([jsonProblem(json, file, error as SyntaxError)], hint);
	}
	// The text is parsed again, keeping positions, only to name the lines of problems.
	let located: ReturnType<typeof parseLocated> | undefined;
	const lineOf = (path: readonly PropertyKey[]) => (located ??= parseLocated(json)).lineOf(path) ?? 1;
	const { data, problems } = parseWithFriendlyErrors(datasetMetaSchema, value, file, lineOf);
	if (!data) throw new ProblemsError(problems, hint);
	return data;
}

// V8 says where JSON breaks: "… in JSON at position 41 (line 3 column 5)".
function jsonProblem(json: string, file: string, error: SyntaxError): Problem {
	const at = /\(line (\d+) column (\d+)\)/.exec(error.message);
	return {
		file,
		line: at ? Number(at[1]) : 1,
		...(at ? { column: Number(at[2]) } : {}),
		message: `the file is not valid JSON (${error.message.replace(/ in JSON at position \d+.*$/, '')}): write each field as "name": value, with commas between fields and none after the last.`,
	};
}
