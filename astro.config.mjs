// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The content folder is swappable so that tests can build fixture stories (tests/build/).
const contentDir = process.env.STORY_CONTENT_DIR ?? fileURLToPath(new URL('./content', import.meta.url));

export default defineConfig({
	// The public URL makes embed codes, canonical and og:image URLs absolute.
	site: process.env.SITE_URL ?? 'http://localhost:4321',
	base: process.env.BASE_PATH ?? '/',
	trailingSlash: 'ignore',
	outDir: process.env.STORY_OUT_DIR ?? './dist',
	cacheDir: process.env.STORY_CACHE_DIR ?? './node_modules/.astro',
	integrations: [mdx()],
	devToolbar: { enabled: false },
	vite: {
		resolve: { alias: { '~content': contentDir } },
	},
});
