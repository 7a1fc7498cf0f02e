import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const content = fileURLToPath(new URL('./content', import.meta.url));

// The files that read the built site: the site builds in its own process from the run's start
// (build-once.ts), and each of these files waits for it before it loads (site-ready.ts).
const builtSite = { globalSetup: ['tests/helpers/build-once.ts'], setupFiles: ['tests/helpers/site-ready.ts'] };

/**
 * The files of the second stage that take longest, longest first (measured in full runs: the JSON report's
 * per-file times). A clean clone has no Vitest cache of durations, so Vitest's order would be by file size,
 * which puts the axe and transition files (short files, long runs) last, where each runs alone on the cores.
 * The fixture builds (edited-story, one-chapter) are short files whose build, in beforeAll, the report does
 * not count: by size they ran last, alone, some 40 s each.
 */
const longestFirst = [
	'browser/transitions',
	'browser/security',
	'browser/scrolly',
	'static/lint',
	'browser/accessibility',
	'build/edited-story',
	'build/one-chapter',
	'static/types',
	'build/editor-dev',
	'build/errors',
	'browser/details',
	'build/embeds',
	'browser/embeds',
	'browser/embed-heights',
	'build/html-validity',
	'browser/fonts',
	'static/format',
];

/**
 * Vitest's order (by project name, then the largest file first) with, in the second stage, the longest
 * files first, whatever their project: the browser files, which wait on pages (animations, loads), share
 * the cores with the static checks and the fixture builds, which are all CPU, and the last files to start
 * are short ones. (Browser files last, after the builds, made the longest of them run alone at the end.)
 */
class Sequencer extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const rank = (spec: TestSpecification) => {
			const index = longestFirst.findIndex((name) => spec.moduleId.endsWith(`/tests/${name}.test.ts`));
			return index < 0 ? longestFirst.length : index;
		};
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
		// A number: Vitest caps a percentage at the number of cores ('150%' gave 2 workers here, not 3).
		maxWorkers: Math.max(2, availableParallelism() + 1),
		// Two stages, one after the other (sequence.groupOrder): files that need no site while it builds;
		// then the files that read it, and the static checks.
		sequence: { sequencer: Sequencer },
		// A test's timeout guards against a hang, not against slowness: Vitest's 5 s failed a chart's first
		// drawing (9 s) on a machine other programs kept busy, beside the site's build.
		testTimeout: 60_000,
		// expect.poll waits for what a page shows after input; its 1 s default was too short for a page
		// on a machine at load 19 (a tooltip after a mouse move). Waiting longer changes only how a failure ends.
		expect: { poll: { timeout: 10_000 } },
		projects: [
			// Unit and chart files share their workers' modules (isolate: false): each file importing Plot,
			// linkedom and the chart registry afresh cost 55 CPU s for both projects, shared 34. None of them
			// mocks, stubs or sets the environment, and they pass in any file order (checked with
			// --sequence.shuffle.files). The build files stay isolated: their in-process builds set the environment.
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
			{ extends: true, test: { name: 'charts', include: ['tests/charts/**/*.test.ts'], isolate: false } },
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
				// npm run test:static's checks (tests/static/, one file each): after the site's build, which writes
				// the .astro/ types that `astro check` writes too.
				extends: true,
				test: {
					name: 'static',
					include: ['tests/static/**/*.test.ts'],
					...builtSite,
					sequence: { groupOrder: 1 },
					// Each check is one command of about 25 s on a quiet machine; on a loaded one, lint took over 300 s.
					testTimeout: 600_000,
				},
			},
		],
	},
});
