import { lineAt, parseLocated } from '../problems/located-text.ts';
import type { Problem } from '../problems/problem.ts';
import { parseWithFriendlyErrors } from '../problems/schema-errors.ts';
import { chapterSchema, type ChapterData } from './chapter-schema.ts';

/** A chapter's frontmatter, checked: its data when valid, and every problem with its line. */
export interface FrontmatterCheck {
	readonly data: ChapterData | undefined;
	readonly problems: readonly Problem[];
	/** Returns the line a field is written on (the opening --- line when it is missing). */
	lineOf(field: string): number;
}

// The block Astro reads (and strips before compiling the MDX): an opening --- line (after blank lines at most), the fields, a closing --- line.
export const frontmatterPattern = /^\uFEFF?(?:\s*\n)?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m;

/**
 * Checks a chapter's frontmatter against the chapter schema, as the build does, but names the line
 * of each problem (Astro's own message names the file only).
 */
export function checkFrontmatter(file: string, source: string): FrontmatterCheck {
	const match = frontmatterPattern.exec(source);
	if (!match || match.index !== 0) {
		return {
			data: undefined,
			problems: [
				{
					file,
					line: 1,
					message:
						'the chapter has no frontmatter: start the file with a --- line, then title, order, dek, authors and published, one per line, then another --- line.',
				},
			],
			lineOf: () => 1,
		};
	}
	const body = match[1] ?? '';
	const opening = lineAt(source, source.indexOf('---'));
	const offset = opening; // body line 1 is the line after the opening ---
	const parsed = parseLocated(body);
	const lineOf = (path: readonly PropertyKey[]) => {
		const line = parsed.lineOf(path);
		return line === undefined ? opening : line + offset;
	};
	if (parsed.errors.length > 0) {
		return {
			data: undefined,
			problems: parsed.errors.map((error) => ({
				file,
				line: error.line + offset,
				message: `the frontmatter is not valid YAML (${error.message}): write one "name: value" per line, and put a value that contains ": " or starts with a quote in double quotes.`,
			})),
			lineOf: (field) => lineOf([field]),
		};
	}
	const value = parsed.value && typeof parsed.value === 'object' ? parsed.value : {};
	const { data, problems } = parseWithFriendlyErrors(chapterSchema, value, file, lineOf);
	return { data, problems, lineOf: (field) => lineOf([field]) };
}
