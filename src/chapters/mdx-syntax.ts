import { mdxToMdast } from 'satteri';
import type { Problem } from '../problems/problem.ts';
import { frontmatterPattern } from './frontmatter.ts';

/**
 * A chapter the MDX parser cannot read, as a problem at its line and column. The parser is the one
 * the build compiles chapters with (Astro 7's, satteri), so `npm run check` and the build name the
 * same place with the same words, and the build says it before it compiles anything (its own
 * message would come with a stack trace).
 */
export function mdxSyntaxProblem(file: string, source: string): Problem | undefined {
	// The frontmatter is YAML, not MDX: blanked, keeping its lines, so the parser counts lines as the file does.
	const body = source.replace(frontmatterPattern, (block) => block.replace(/[^\n]/g, ''));
	try {
		mdxToMdast(body);
		return undefined;
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		const [, line, column, reason] = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(text) ?? [];
		return {
			file,
			line: Number(line ?? 1),
			...(column === undefined ? {} : { column: Number(column) }),
			message: `the MDX cannot be read here: ${(reason ?? text).replace(/\.?$/, '.')}`,
			fix: fixFor(reason ?? text),
		};
	}
}

const fixFor = (reason: string): string => {
	if (/closing brace for `\{`/.test(reason))
		return 'A { in the text starts an expression: close it with }, or write \\{ to show a brace.';
	const unclosed = /closing tag for `<(\w+)>`/.exec(reason)?.[1];
	if (unclosed) return `Close the <${unclosed}> with </${unclosed}> (or write it as <${unclosed} … />).`;
	if (/Unexpected closing tag/.test(reason)) return 'Remove the closing tag, or open it before.';
	return 'In MDX, tags must be closed and a { or < in the text written \\{ or \\<.';
};
