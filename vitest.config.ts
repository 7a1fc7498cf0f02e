import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const content = fileURLToPath(new URL('./content', import.meta.url));

// Browser test files with assertions on time: frames, main-thread CPU, "within a second of load".
const timing = ['tests/browser/transitions.test.ts', 'tests/browser/scrolly.test.ts', 'tests/browser/embeds.test.ts'];

export default defineConfig({
	resolve: { alias: { '~content': content } },
	test: {
		environment: 'node',
		// Build-time modules read the palette from tokens.css with `?raw`; Vitest empties CSS it does not process.
		css: { include: [/src\/styles\/tokens\.css/] },
		// The JSON report is what .ci/run counts; the default reporter is for people.
		reporters: ['default', 'json'],
		outputFile: { json: '.vitest-report.json' },
		// Vitest's default is one worker fewer than the cores: on a 2-core machine, one file at a time.
		// Test files are the unit of parallelism; builds run in their file's worker (tests/helpers/astro-build.ts).
		maxWorkers: '100%',
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
					exclude: timing,
					globalSetup: ['tests/helpers/build-once.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
			{
				// Browser tests that measure time (frames, CPU per frame, "within a second"): one file at a
				// time, and Vitest runs this serial group apart, after every other file, so nothing else
				// competes for the CPU while they measure.
				extends: true,
				test: {
					name: 'timing',
					include: timing,
					globalSetup: ['tests/helpers/build-once.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
