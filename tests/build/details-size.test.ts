import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';
import { pageBytes } from '../bench/page-bytes.ts';

/** What the chart details (issue 13) cost every reader of the story: code and HTML. */
describe('the chart details', () => {
	it('code (src/client/details.ts) is under 2 KB, minified and brotli-compressed', async () => {
		const { outputFiles } = await build({
			entryPoints: ['src/client/details.ts'],
			bundle: true,
			minify: true,
			format: 'esm',
			write: false,
		});
		const bytes = brotliCompressSync(outputFiles[0]!.contents).length;
		expect(bytes).toBeGreaterThan(500);
		expect(bytes).toBeLessThan(2_000);
	});

	it('leave the story’s JS under 7 KB brotli in all', () => {
		expect(pageBytes(inject('siteDir'), '/', '/').js).toBeLessThan(7_000);
	});

	it('grow the story page’s HTML by at most 15% (brotli)', () => {
		const html = readFileSync(join(inject('siteDir'), 'index.html'), 'utf8');
		// The page as it was without details: no element map, no point lists, no tab stop on the charts.
		const without = html
			.replace(/ data-points="[^"]*"/g, '')
			.replace(/<div class="figure-points visually-hidden">[\s\S]*?<\/ul><\/div>/g, '')
			.replace(/(<div class="figure-chart")[^>]*>/g, '$1>');
		expect(without.length).toBeLessThan(html.length * 0.95); // the details are there to measure
		const growth = brotliCompressSync(html).length / brotliCompressSync(without).length - 1;
		expect(growth).toBeLessThan(0.15);
	});
});
