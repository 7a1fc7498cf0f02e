import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext, ParseDataOptions } from 'astro/loaders';
import { checkFrontmatter } from './frontmatter.ts';

/**
 * Wraps a loader so that a chapter whose frontmatter fails the schema fails the build with
 * `file:line: what to fix` for each field (Astro's own error names the file at line 0).
 */
export function withFrontmatterLines(loader: Loader): Loader {
	return {
		...loader,
		load: (context: LoaderContext) =>
			loader.load({
				...context,
				parseData: async <TData extends Record<string, unknown>>(props: ParseDataOptions<TData>) => {
					try {
						return await context.parseData(props);
					} catch (error) {
						if (!props.filePath) throw error;
						const file = relative(fileURLToPath(context.config.root), props.filePath);
						const { problems } = checkFrontmatter(file, await readFile(props.filePath, 'utf8'));
						if (problems.length === 0) throw error;
						throw new AstroError(
							`The frontmatter of ${file} has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems
								.map((p) => `${p.file}:${p.line}: ${p.message}`)
								.join('\n')}`,
							'Fix each line above between the two --- lines at the top of the chapter. npm run check lists the same problems without a build.',
						);
					}
				},
			}),
	};
}
