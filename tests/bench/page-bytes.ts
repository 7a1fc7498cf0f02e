import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { brotliSize } from './serve-compressed.ts';

/** Compressed bytes a page costs a reader: its HTML, and the JS and CSS it loads. */
export interface PageBytes {
	readonly html: number;
	readonly js: number;
	readonly css: number;
}

const fileOf = (siteDir: string, path: string): string =>
	path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);

// Follows the imports between bundled chunks, static and dynamic (the layout imports the page's modules
// after the first paint, and a reader gets them all the same), so shared chunks are counted once per page.
function collectScripts(siteDir: string, path: string, seen: Set<string>): void {
	if (seen.has(path) || !existsSync(fileOf(siteDir, path))) return;
	seen.add(path);
	const code = readFileSync(fileOf(siteDir, path), 'utf8');
	for (const [, spec] of code.matchAll(/(?:import|from)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) {
		if (spec!.startsWith('.') || spec!.startsWith('/')) {
			collectScripts(siteDir, spec!.startsWith('/') ? spec! : posix.join(dirname(path), spec!), seen);
		}
	}
}

/** Measures the brotli-compressed HTML, JS and CSS of one built page (a site path like `/`). */
export function pageBytes(siteDir: string, base: string, path: string): PageBytes {
	const html = readFileSync(fileOf(siteDir, path), 'utf8');
	const { document } = parseHTML(html);
	const local = (url: string) => (url.startsWith(base) ? `/${url.slice(base.length)}` : url);
	const scripts = new Set<string>();
	for (const el of document.querySelectorAll('script[src], link[rel="modulepreload"]')) {
		collectScripts(siteDir, local(el.getAttribute('src') ?? el.getAttribute('href') ?? ''), scripts);
	}
	const inlineJs = [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n');
	const js = [...scripts].map((p) => readFileSync(fileOf(siteDir, p), 'utf8')).join('\n') + inlineJs;
	const css = [
		...[...document.querySelectorAll('link[rel="stylesheet"]')].map((l) =>
			readFileSync(fileOf(siteDir, local(l.getAttribute('href') ?? '')), 'utf8'),
		),
		...[...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
	].join('\n');
	return { html: brotliSize(html), js: js ? brotliSize(js) : 0, css: css ? brotliSize(css) : 0 };
}

/** The brotli size of modules of src/client/ bundled together and minified, as a page ships them. */
export async function clientCodeBytes(modules: readonly string[]): Promise<number> {
	const { outputFiles } = await build({
		stdin: {
			contents: modules.map((m) => `export * from './${m}';`).join('\n'),
			resolveDir: new URL('../../src/client/', import.meta.url).pathname,
			loader: 'ts',
		},
		bundle: true,
		minify: true,
		format: 'esm',
		write: false,
	});
	return brotliSize(Buffer.from(outputFiles[0]!.contents));
}

/**
 * How much the chart details (issue 13) add to a page's brotli HTML, as a fraction: the page beside
 * itself without them (no element maps, no point lists, no tab stop on the charts). Also returns the
 * share of the raw HTML they take, so a caller can tell that there were details to measure.
 */
export function detailsHtmlGrowth(html: string): { growth: number; rawShare: number } {
	const without = html
		.replace(/ data-points="[^"]*"/g, '')
		.replace(/<div class="figure-points visually-hidden">[\s\S]*?<\/ul><\/div>/g, '')
		.replace(/(<div class="figure-chart")[^>]*>/g, '$1>');
	return { growth: brotliSize(html) / brotliSize(without) - 1, rawShare: 1 - without.length / html.length };
}
