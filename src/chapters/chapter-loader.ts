import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext, ParseDataOptions } from 'astro/loaders';
import { plural, ProblemsError } from '../problems/problem.ts';
import { checkFrontmatter } from './frontmatter.ts';

/**
 * Wraps a loader so that a chapter whose frontmatter is not valid YAML, or fails the schema, fails the
 * build with `file:line: what to fix` for each problem (Astro's own errors name the file, at line 0
 * for schema errors, and say what is wrong but not what to write).
 */
export function withFrontmatterLines(loader: Loader): Loader {
	return {
		...loader,
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			try {
				await loader.load({
					...context,
					parseData: async <TData extends Record<string, unknown>>(props: ParseDataOptions<TData>) => {
						try {
							return await context.parseData(props);
						} catch (error) {
							throw (props.filePath && (await frontmatterError(props.filePath, root))) || error;
						}
					},
				});
			} catch (error) {
				// A YAML syntax error is thrown before the data is parsed, with the file as its location.
				const file = (error as { loc?: { file?: string } }).loc?.file;
				throw (file?.endsWith('.mdx') && (await frontmatterError(file, root))) || error;
			}
		},
	};
}

async function frontmatterError(path: string, root: string): Promise<ProblemsError | undefined> {
	const file = relative(root, path);
	const { problems } = checkFrontmatter(file, await readFile(path, 'utf8'));
	if (problems.length === 0) return undefined;
	return new ProblemsError(
		problems,
		'Fix each line above between the two --- lines at the top of the chapter. npm run check lists the same problems without a build.',
		`The frontmatter of ${file} has ${plural(problems.length, 'problem')}:`,
	);
}
