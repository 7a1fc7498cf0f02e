import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext, ParseDataOptions } from 'astro/loaders';
import { plural, ProblemsError } from '../problems/problem.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { mdxSyntaxProblem } from './mdx-syntax.ts';

/**
 * Wraps a loader so that a chapter whose frontmatter is not valid YAML, or fails the schema, fails the
 * build with `file:line: what to fix` for each problem (Astro's own errors name the file, at line 0
 * for schema errors, and say what is wrong but not what to write); and so that one the MDX parser cannot
 * read fails before anything is compiled, with the message `npm run check` prints.
 */
export function withChapterProblems(loader: Loader): Loader {
	return {
		...loader,
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			try {
				await loader.load({
					...context,
					parseData: async <TData extends Record<string, unknown>>(props: ParseDataOptions<TData>) => {
						let data: TData;
						try {
							data = await context.parseData(props);
						} catch (error) {
							throw (props.filePath && (await chapterError(props.filePath, root))) || error;
						}
						const error = props.filePath?.endsWith('.mdx') && (await chapterError(props.filePath, root));
						if (error) throw error;
						return data;
					},
				});
			} catch (error) {
				// A YAML syntax error is thrown before the data is parsed, with the file as its location.
				const file = (error as { loc?: { file?: string } }).loc?.file;
				throw (file?.endsWith('.mdx') && (await chapterError(file, root))) || error;
			}
		},
	};
}

/** The chapter's frontmatter problems and what the MDX parser cannot read, as one error; none if it has none. */
async function chapterError(path: string, root: string): Promise<ProblemsError | undefined> {
	const file = relative(root, path);
	const source = await readFile(path, 'utf8');
	const syntax = mdxSyntaxProblem(file, source);
	const problems = [...checkFrontmatter(file, source).problems, ...(syntax ? [syntax] : [])];
	if (problems.length === 0) return undefined;
	return new ProblemsError(
		problems,
		'Fix each line above. npm run check lists the same problems without a build.',
		`${file} has ${plural(problems.length, 'problem')}:`,
	);
}
