import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const content = fileURLToPath(new URL('./content', import.meta.url));

export default defineConfig({
	resolve: { alias: { '~content': content } },
	test: {
		environment: 'node',
		// Build-time modules read the palette from tokens.css with `?raw`; Vitest empties CSS it does not process.
		css: { include: [/src\/styles\/tokens\.css/] },
		// The JSON report is what .ci/run counts; the default reporter is for people.
		reporters: ['default', 'json'],
		outputFile: { json: '.vitest-report.json' },
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'charts', include: ['tests/charts/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					globalSetup: ['tests/helpers/build-once.ts'],
					testTimeout: 180_000,
					hookTimeout: 300_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/helpers/build-once.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
