// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, fontProviders } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fontSubsetting } from './src/render/font-subset.ts';

/** @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Tests build fixture stories (tests/build/): another content folder, and a root of their own so that
// parallel builds do not share Astro's working files; the code (src/, public/) is always this project's.
const contentDir = process.env.STORY_CONTENT_DIR ?? here('./content');

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
	// fontSubsetting runs after the pages are written: it cuts the web fonts down to what they show.
	integrations: [mdx(), fontSubsetting()],
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
	// The stylesheet goes into each page (about 3 KB compressed, hashed for the CSP by Astro): no
	// render-blocking request before the first paint. Measured against the linked file (bench, one run):
	// Lighthouse mobile FCP and LCP earlier with it inline.
	build: { inlineStylesheets: 'always' },
	// A strict Content-Security-Policy as a <meta> tag: Astro hashes its scripts and styles; inline
	// scripts add their own hash (src/components/InlineScript.astro). No 'unsafe-inline' anywhere.
	// (frame-ancestors cannot be set from a meta tag: embed pages stay frameable by design.)
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
	},
});
