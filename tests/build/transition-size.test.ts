import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The chart transitions ship to every reader of the story: they must stay small. Bundled and
// minified the way the site build does it (esbuild comes with Astro), then brotli-compressed.
describe('the chart transition code', () => {
	it('is under 4 KB compressed (src/client/transition*.ts)', async () => {
		const { outputFiles } = await build({
			stdin: {
				contents: "export * from './transition.ts'; export * from './transition-motion.ts';",
				resolveDir: 'src/client',
				loader: 'ts',
			},
			bundle: true,
			minify: true,
			format: 'esm',
			write: false,
		});
		const bytes = brotliCompressSync(outputFiles[0]!.contents).length;
		expect(bytes).toBeGreaterThan(500);
		expect(bytes).toBeLessThan(4_000);
	});
});
