// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, fontProviders } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cspMetaFirst } from './src/publish/csp.ts';
import { datasetTypesIntegration } from './src/data/dataset-types.ts';
import { fontSubsetting } from './src/render/font-subset.ts';

/** @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Tests build fixture stories (tests/build/): another content folder, and a root of their own so that
// parallel builds do not share Astro's working files; the code (src/, public/) is always this project's.
const contentDir = process.env.STORY_CONTENT_DIR ?? here('./content');

/**
 * Moves each built page's CSP <meta> up to follow <meta charset>: Astro writes it at the end of
 * <head>, and a meta policy does not govern the scripts and styles before it (src/publish/csp.ts).
 * @returns {import('astro').AstroIntegration}
 */
const cspFirst = () => ({
	name: 'csp-meta-first',
	hooks: {
		'astro:build:done': async ({ dir }) => {
			const root = fileURLToPath(dir);
			const entries = await readdir(root, { recursive: true });
			for (const file of entries.filter((entry) => entry.endsWith('.html')).map((entry) => join(root, entry))) {
				const html = await readFile(file, 'utf8');
				const moved = cspMetaFirst(html);
				if (moved !== html) await writeFile(file, moved);
			}
		},
	},
});

export default defineConfig({
	// The public URL makes embed codes, canonical and og:image URLs absolute.
	site: process.env.SITE_URL ?? 'http://localhost:4321',
	base: process.env.BASE_PATH ?? '/',
	trailingSlash: 'ignore',
	root: process.env.STORY_ROOT ?? here('.'),
	srcDir: here('./src'),
	publicDir: here('./public'),
	outDir: process.env.STORY_OUT_DIR ?? here('./dist'),
	cacheDir: process.env.STORY_CACHE_DIR ?? here('./node_modules/.astro'),
	// The dataset types code charts read are generated from content/data/*.json (src/data/dataset-types.ts).
	// After the pages are written, fontSubsetting cuts the web fonts down to what they show (and updates
	// the CSP hashes of the styles it rewrites); then cspFirst moves each page's CSP meta up.
	integrations: [mdx(), datasetTypesIntegration(contentDir), fontSubsetting(), cspFirst()],
	// Self-hosted type (served from our origin, variable weight): Inter for headings, labels and charts;
	// Source Serif 4 for reading. Astro adds metric-matched fallbacks; after the build the files are
	// subset to the characters the pages show and their weight axis to the `weight` range given here
	// (src/render/font-subset.ts): a weight the CSS asks for outside it would be clamped.
	// display 'optional': a font that is not there by first paint waits for the next page, so text never
	// reflows under the reader (no layout shift) and the scroll positions of steps stay put.
	fonts: [
		{
			name: 'Inter',
			cssVariable: '--font-inter',
			provider: fontProviders.local(),
			fallbacks: ['system-ui', 'sans-serif'],
			display: 'optional',
			options: {
				variants: [
					{
						src: [here('./node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2')],
						weight: '400 800',
						style: 'normal',
					},
				],
			},
		},
		{
			name: 'Source Serif 4',
			cssVariable: '--font-source-serif',
			provider: fontProviders.local(),
			fallbacks: ['Georgia', 'serif'],
			display: 'optional',
			options: {
				variants: [
					{
						src: [
							here('./node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2'),
						],
						weight: '400 700',
						style: 'normal',
					},
				],
			},
		},
	],
	// Chapters are prose, not code: no syntax highlighting (Shiki's inline styles would break the CSP).
	markdown: { syntaxHighlight: false },
	devToolbar: { enabled: false },
	// Small stylesheets go into the page, the larger shared ones stay files ('auto'). Inlining them all
	// ('always') made the first paint earlier in one bench run, but the story then missed its step ->
	// chart budget (the stage changed a frame late under reduced motion, tests/browser/scrolly.test.ts).
	build: { inlineStylesheets: 'auto' },
	// A strict Content-Security-Policy as a <meta> tag, first in <head> (cspFirst above): Astro hashes
	// its scripts and styles; our inline scripts and styles add their own hash
	// (src/components/InlineScript.astro, InlineStyle.astro). No 'unsafe-inline' anywhere.
	// frame-ancestors cannot be set from a meta tag: public/_headers sends it (and these) as headers.
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
		},
	},
	vite: {
		resolve: { alias: { '~content': contentDir } },
		plugins: [
			// Scrollama draws its trigger lines only with `setup({ debug: true })`, which the story never
			// passes: its debug module (and the id it names the lines with) is left out of the bundle. So are
			// its messages about misuse of its own API (a missing callback, an offset outside 0..1), which the
			// scroll engine's fixed setup cannot trigger (src/client/story-scrolly.ts parses the offset):
			// some 150 B of a 7 KB budget.
			{
				name: 'scrollama-no-debug',
				enforce: 'pre',
				load(id) {
					if (id.endsWith('/scrollama/src/debug.js')) return 'export const update = () => {};';
					if (id.endsWith('/scrollama/src/generateId.js')) return "export default () => '';";
					if (id.endsWith('/scrollama/src/err.js')) return 'export default () => {};';
				},
				transform(code, id) {
					if (/\/scrollama\/src\/(?:entry|parseOffset)\.js$/.test(id))
						return code.replace(/\berr\("[^"]*"\)/g, 'err()');
				},
			},
			// The layout imports the page's modules after the first paint (issue 17). Vite wraps each dynamic
			// import in a helper that preloads the imported module's own imports: 0.85 KB of brotli on a 7 KB
			// budget, for a gain of nothing here (the chunks are few and small, and load in parallel anyway).
			// Astro sets build.modulePreload itself, so it is set per environment, and the helper is a no-op.
			{
				name: 'no-module-preload',
				enforce: 'pre',
				configEnvironment(name, config) {
					if (name === 'client') config.build = { ...config.build, modulePreload: false };
				},
				load(id) {
					if (id === '\0vite/preload-helper.js') return 'export const __vitePreload = (load) => load();';
				},
			},
		],
		build: {
			rolldownOptions: {
				// Astro marks each chapter's propagated-assets module with a "use astro:head-inject"
				// directive that nothing reads any more, and Rolldown warns that bundling drops it: one
				// warning per chapter on every build (withastro/astro#18087). Dropping it is harmless;
				// every other warning is shown.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
});
