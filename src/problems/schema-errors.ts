// Schema messages an editor can act on: each field says what to write when it is wrong or missing,
// and a failed parse becomes problems with lines. After Starlight's `parseWithFriendlyErrors`
// (utils/error-map.ts), with the messages written into the schema rather than mapped afterwards.
import { z } from 'astro/zod';
import { closest } from './closest.ts';
import type { Problem } from './problem.ts';

type Issue = { readonly input?: unknown };

/** The error of a field: it is missing, or not what it must be; `example` is written as is. */
export const explain =
	(field: string, what: string, example: string) =>
	({ input }: Issue): string =>
		input === undefined
			? `"${field}" is missing: add ${what}, e.g. ${example}.`
			: `"${field}" must be ${what}, e.g. ${example}.`;

/** A required text field; `trim` refuses blank text, `exampleWhenEmpty` repeats the example then. */
export function text(
	field: string,
	what: string,
	example: string,
	{ trim = false, exampleWhenEmpty = false }: { trim?: boolean; exampleWhenEmpty?: boolean } = {},
) {
	const string = z.string({ error: explain(field, what, example) });
	const empty = `"${field}" is empty: write ${what}${exampleWhenEmpty ? `, e.g. ${example}` : ''}.`;
	return (trim ? string.trim() : string).min(1, empty);
}

interface ObjectIssue {
	readonly code?: string;
	readonly keys?: readonly string[];
}

/**
 * The error of an object (for `z.strictObject`'s `error`): an unknown field is named with the fields
 * there are (and the closest, with `suggest`); `notAnObject` is said when the value is not an object.
 */
export function objectError(
	fields: readonly string[],
	{ where, suggest = false, notAnObject }: { where?: string; suggest?: boolean; notAnObject: string },
) {
	return (issue: ObjectIssue): string | undefined => {
		if (issue.code === 'invalid_type') return notAnObject;
		if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
		const names = issue.keys.map((key) => {
			const suggestion = suggest ? closest(key, fields) : undefined;
			return `"${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
		});
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names.join(', ')}${where ? ` in ${where}` : ''}: the fields are ${fields.join(', ')}.`;
	};
}

/** A value parsed against a schema: its data when valid, and every problem, by line. */
export interface SchemaCheck<T> {
	readonly data: T | undefined;
	readonly problems: Problem[];
}

/**
 * Parses a value against a schema; each issue becomes a problem at the line `lineOf` gives for its
 * path (an unknown field: the line of that field).
 */
export function parseWithFriendlyErrors<T>(
	schema: z.ZodType<T>,
	value: unknown,
	file: string,
	lineOf: (path: readonly PropertyKey[]) => number,
): SchemaCheck<T> {
	const result = schema.safeParse(value);
	if (result.success) return { data: result.data, problems: [] };
	const problems = result.error.issues.map((issue) => ({
		file,
		line: lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path),
		message: issue.message,
	}));
	return { data: undefined, problems: problems.toSorted((a, b) => a.line - b.line) };
}
