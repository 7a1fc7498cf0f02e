import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const content = fileURLToPath(new URL('./content', import.meta.url));

// The files that read the built site: the site builds in its own process from the run's start
// (build-once.ts), and each of these files waits for it before it loads (site-ready.ts).
const builtSite = { globalSetup: ['tests/helpers/build-once.ts'], setupFiles: ['tests/helpers/site-ready.ts'] };

/**
 * Vitest's order (by project name, then the largest file first) with, in the second stage, the static
 * checks first, then the build files (a few fixture builds each, all CPU), then the browser files (which
 * wait on pages, so they share the cores best): one long task started first shares the cores with the
 * rest; started last it runs alone.
 */
class Sequencer extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const ranks: Record<string, number> = { static: 0, build: 1 };
		const rank = (spec: TestSpecification) => ranks[spec.project.name] ?? 2;
		return sorted.toSorted(
			(a, b) => a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || rank(a) - rank(b),
		);
	}
}

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
		// One more worker than cores: a browser test spends much of its time waiting for the page (an animation,
		// a load), time another file's worker uses. No test asserts on time (budgets are `npm run bench`'s).
		maxWorkers: '150%',
		// Two stages, one after the other (sequence.groupOrder): files that need no site while it builds;
		// then the files that read it, and the static checks.
		sequence: { sequencer: Sequencer },
		// A test's timeout guards against a hang, not against slowness: Vitest's 5 s failed a chart's first
		// drawing (9 s) on a machine other programs kept busy, beside the site's build.
		testTimeout: 60_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'charts', include: ['tests/charts/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					...builtSite,
					sequence: { groupOrder: 1 },
					testTimeout: 180_000,
					hookTimeout: 300_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					...builtSite,
					sequence: { groupOrder: 1 },
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
			{
				// npm run test:static's checks (tests/static/): after the site's build, which writes the .astro/
				// types that `astro check` writes too.
				extends: true,
				test: {
					name: 'static',
					include: ['tests/static/**/*.test.ts'],
					...builtSite,
					sequence: { groupOrder: 1 },
					testTimeout: 300_000,
				},
			},
		],
	},
});
