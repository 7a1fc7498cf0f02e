import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
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

// Follows static imports between bundled chunks, so shared chunks are counted once per page.
function collectScripts(siteDir: string, path: string, seen: Set<string>): void {
	if (seen.has(path) || !existsSync(fileOf(siteDir, path))) return;
	seen.add(path);
	const code = readFileSync(fileOf(siteDir, path), 'utf8');
	for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
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
