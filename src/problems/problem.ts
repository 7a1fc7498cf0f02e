import { AstroError } from 'astro/errors';

/** A problem an editor can fix: where it is, what is wrong, and what to do when that is known. */
export interface Problem {
	/** As messages show it: relative to the story's root, e.g. `content/chapters/x.mdx`. */
	readonly file: string;
	/** 1-based. */
	readonly line: number;
	/** 1-based, where the place within the line is known. */
	readonly column?: number;
	readonly message: string;
	/** What to do, said after the message. */
	readonly fix?: string;
}

/** Returns where a problem is, `file:line` or `file:line:column`: editors jump there from a terminal. */
export const placeOf = ({ file, line, column }: Pick<Problem, 'file' | 'line' | 'column'>): string =>
	`${file}:${line}${column === undefined ? '' : `:${column}`}`;

/** Returns the line every tool prints for a problem: `file:line[:column]: message fix`. */
export const formatProblem = (problem: Problem): string =>
	`${placeOf(problem)}: ${problem.message}${problem.fix ? ` ${problem.fix}` : ''}`;

/** Orders problems by line, for reading a file top to bottom. */
export const byLine = (a: Problem, b: Problem): number => a.line - b.line;

/** "1 problem", "2 problems". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The error a build fails with: an optional heading, one formatted line per problem, and a hint
 * Astro shows beneath. It keeps the problems, so `npm run check` lists them without re-reading text
 * (by the property: the check loads data modules in its own module graph, so `instanceof` cannot tell).
 */
export class ProblemsError extends AstroError {
	readonly problems: readonly Problem[];
	constructor(problems: readonly Problem[], hint: string, heading?: string) {
		const lines = problems.map(formatProblem).join('\n');
		super(heading ? `${heading}\n${lines}` : lines, hint);
		this.problems = problems;
		// The mistake is in the content, and the message names its place: the build prints no stack trace
		// (Astro prints one whenever an error has a stack), which would point into the toolkit's code.
		this.stack = '';
	}
}

/** Returns the problems an error carries (a ProblemsError, even from another module graph), if any. */
export const problemsOf = (error: unknown): readonly Problem[] | undefined =>
	(error as { problems?: readonly Problem[] } | null)?.problems;
