import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import astroConfig from '../../astro.config.mjs';

/** The project folder: where src/ is (the code is always this project's, see astro.config.mjs). */
export const projectDir = fileURLToPath(new URL('../../', import.meta.url));

/** Where paths in messages are relative to: the story's root (a fixture's in tests), as in the build. */
export const storyRoot = process.env.STORY_ROOT ?? process.cwd();

/** The content folder the story is read from: the `~content` alias of the Astro config. */
export const contentDir: string = (astroConfig.vite?.resolve?.alias as Record<string, string>)['~content']!;

/** Returns a path as messages show it: relative to the story root, e.g. `content/chapters/x.mdx`. */
export const shown = (path: string): string => relative(storyRoot, path);

/** Lists the files in a content subfolder with an extension, sorted, as absolute paths. */
export function contentFiles(folder: string, extension: string): string[] {
	try {
		return readdirSync(join(contentDir, folder))
			.filter((name) => name.endsWith(extension))
			.toSorted()
			.map((name) => join(contentDir, folder, name));
	} catch {
		return [];
	}
}

/** Loads project modules (datasets, charts) the way the build does, CSV and JSON imports included. */
export interface StoryModules {
	/** Imports a module by its path in the project, e.g. `src/charts/index.ts`. */
	load<T>(path: string): Promise<T>;
	close(): Promise<void>;
}

/**
 * Starts Vite without a server or a watcher, with the Astro config's alias, so that command-line
 * tools read the chart registry exactly as the site does, in well under a second.
 */
export async function openStoryModules(): Promise<StoryModules> {
	const server: ViteDevServer = await createServer({
		configFile: false,
		root: projectDir,
		logLevel: 'silent',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		optimizeDeps: { noDiscovery: true, include: [] },
		resolve: astroConfig.vite?.resolve,
	});
	return {
		load: async <T>(path: string) => (await server.ssrLoadModule(`/${path}`)) as T,
		close: () => server.close(),
	};
}
