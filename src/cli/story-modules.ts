import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';

/** The project folder: where src/ is (the code is always this project's, see astro.config.mjs). */
export const projectDir = fileURLToPath(new URL('../../', import.meta.url));

/** Where a story is: the folder paths in messages are relative to, and its content folder. */
export interface StoryFolders {
	readonly root: string;
	readonly content: string;
}

/** A story's folders: its content is `<root>/content` unless said otherwise. */
export const storyFolders = (root: string, content = join(root, 'content')): StoryFolders => ({ root, content });

/**
 * The folders a command reads, from the environment the build reads too (STORY_ROOT,
 * STORY_CONTENT_DIR: a fixture's in tests, see astro.config.mjs): this project's story otherwise.
 * Only commands' entry points call this; everything else takes the folders as an argument.
 */
export const foldersFromEnvironment = (env: NodeJS.ProcessEnv = process.env): StoryFolders =>
	storyFolders(env.STORY_ROOT ?? process.cwd(), env.STORY_CONTENT_DIR ?? join(projectDir, 'content'));

/** What an editor's command prints, and its exit code. */
export interface CommandResult {
	readonly code: number;
	readonly output: string;
}

/**
 * Runs an editor's command from the command line: its arguments, the story's folders and base path
 * from the environment (as the build reads them); prints the output to stdout, or stderr on failure.
 */
export async function runCommand(
	command: (args: readonly string[], folders: StoryFolders, base?: string) => Promise<CommandResult>,
): Promise<void> {
	const { code, output } = await command(process.argv.slice(2), foldersFromEnvironment(), process.env.BASE_PATH);
	if (code === 0) console.log(output);
	else console.error(output);
	process.exitCode = code;
}

/** Returns a path as messages show it: relative to the story root, e.g. `content/chapters/x.mdx`. */
export const shown = (folders: StoryFolders, path: string): string => relative(folders.root, path);

/** Lists the files in a content subfolder with an extension, sorted, as absolute paths. */
export function contentFiles(folders: StoryFolders, folder: string, extension: string): string[] {
	const dir = join(folders.content, folder);
	try {
		return readdirSync(dir)
			.filter((name) => name.endsWith(extension))
			.toSorted()
			.map((name) => join(dir, name));
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

// The world maps' land (world-atlas, half a megabyte of JSON) is read as one string: Vite makes a
// module of every value of a JSON file, which takes seconds per module graph, for the same object.
const packaged = '\0packaged-json:';
const packagedJson: Plugin = {
	name: 'packaged-json',
	enforce: 'pre',
	// The id does not end in .json, or Vite's JSON plugin would take the module for JSON text.
	resolveId: (source) => (/^world-atlas\/.*\.json$/.test(source) ? `${packaged}${source}.js` : undefined),
	load(id) {
		if (!id.startsWith(packaged)) return undefined;
		const file = createRequire(import.meta.url).resolve(id.slice(packaged.length, -'.js'.length));
		const text = readFileSync(file, 'utf8');
		return `export default JSON.parse(${JSON.stringify(text)});`;
	},
};

// One Vite for every story a process loads (the checks' tests load some thirty): the code's modules are
// transformed once, and only what reads the story's content is loaded again for each story. Its modules
// are those that import `~content` (resolved below to the story being loaded) and the content files; a
// story is loaded once the one before it is closed, so each sees its own content alone.
let vite: Promise<ViteDevServer> | undefined;
let turn: Promise<void> = Promise.resolve();
let contentDir = '';
const readers = new Set<string>();
const contentDirs = new Set<string>();
const withoutQuery = (id: string) => id.replace(/\?.*$/, '');

const storyContent: Plugin = {
	name: 'story-content',
	enforce: 'pre',
	// Returned as a path, not resolved further: `import.meta.glob('~content/data/*.csv')` resolves its
	// pattern here too.
	resolveId(source, importer) {
		if (source !== '~content' && !source.startsWith('~content/')) return undefined;
		if (importer) readers.add(withoutQuery(importer));
		return `${contentDir}${source.slice('~content'.length)}`;
	},
};

const startVite = () =>
	createServer({
		configFile: false,
		root: projectDir,
		logLevel: 'silent',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		optimizeDeps: { noDiscovery: true, include: [] },
		plugins: [storyContent, packagedJson],
	});

/**
 * Starts Vite (once a process: it has no server or watcher, and the process can end with it open), with
 * `~content` pointing at the story's content as the Astro config's alias does, so that command-line tools
 * read the chart registry exactly as the site does. Stories load one at a time: this waits until the
 * story opened before is closed.
 */
export async function openStoryModules(folders: StoryFolders): Promise<StoryModules> {
	const before = turn;
	let release = () => {};
	turn = new Promise((resolve) => (release = resolve));
	await before;
	let server: ViteDevServer;
	try {
		server = await (vite ??= startVite());
	} catch (error) {
		vite = undefined;
		release();
		throw error;
	}
	contentDir = folders.content;
	contentDirs.add(folders.content);
	// What read another story's content (or this one's, which may have changed since) loads again.
	const fromContent = (id: string) => [...contentDirs].some((dir) => id.startsWith(`${dir}/`));
	for (const [id, module] of server.moduleGraph.idToModuleMap)
		if (readers.has(withoutQuery(id)) || fromContent(id)) server.moduleGraph.invalidateModule(module);
	return {
		load: async <T>(path: string) => (await server.ssrLoadModule(`/${path}`)) as T,
		close: () => {
			release();
			return Promise.resolve();
		},
	};
}
