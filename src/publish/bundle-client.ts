import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** Browser entry points that are served as standalone scripts rather than through Astro's bundle. */
export type ClientEntry = 'embed-frame' | 'embed-loader';

const cache = new Map<ClientEntry, Promise<string>>();

/**
 * Bundles one src/client/ module into a small self-contained classic script (an IIFE, minified),
 * for what Astro's hashed module scripts cannot do: a stable URL (/embed.js) that host pages link
 * to, and a script inlined in embed pages (a sandboxed iframe has an opaque origin, so it could not
 * load a module script from our host without CORS headers).
 */
export function bundleClient(entry: ClientEntry): Promise<string> {
	let bundled = cache.get(entry);
	if (!bundled) {
		bundled = bundle(entry);
		cache.set(entry, bundled);
	}
	return bundled;
}

async function bundle(entry: ClientEntry): Promise<string> {
	// The build runs from the project root (npm scripts); src/ is always this project's (astro.config.mjs).
	const file = resolve(process.cwd(), 'src/client', `${entry}.ts`);
	if (!existsSync(file)) throw new Error(`Cannot find ${file}: run the build from the project root.`);
	const result = await build({
		entryPoints: [file],
		bundle: true,
		minify: true,
		format: 'iife',
		target: 'es2020',
		platform: 'browser',
		write: false,
		legalComments: 'none',
		logLevel: 'silent',
	});
	const [output] = result.outputFiles;
	if (!output) throw new Error(`esbuild produced nothing for ${file}.`);
	return output.text.trim();
}
