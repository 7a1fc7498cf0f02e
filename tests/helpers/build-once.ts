import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuildProcess } from './astro-build.ts';

/** Where the test build of the site goes; shared by the build, browser and static projects. */
export const siteDir = resolve('tests/.tmp/site');

/** What the build wrote when it ended: this run's id, its exit code and what it printed. */
export const siteStatusFile = resolve('tests/.tmp/site-build.json');
export interface SiteStatus {
	readonly run: string;
	readonly code: number;
	readonly output: string;
}

// Vitest runs every project's global setup before the first test file. Awaiting the build here kept
// both cores but one idle for its length; instead it starts in its own process (the build's settings
// are environment variables, which a build in Vitest's process would change under the test workers),
// the files that need no site (unit, charts: sequence.groupOrder 0) run meanwhile, and the files that
// read it wait for it in tests/helpers/site-ready.ts. Vitest calls this once per project in one
// process: the first call starts the build, the others share it.
const started = Symbol.for('story-tests.site-build');
type Global = typeof globalThis & { [started]?: { run: string; stop: () => void } };

/** Starts the site's test build once for the whole run, and tells the tests where it goes. */
export default function setup(project: TestProject): () => void {
	const global = globalThis as Global;
	if (!global[started]) {
		const run = `${process.pid}-${Date.now()}`;
		const reused = reusedSite();
		if (reused) {
			global[started] = { run, stop: () => undefined };
			writeFileSync(siteStatusFile, JSON.stringify({ ...reused, run }));
			project.provide('siteDir', siteDir);
			project.provide('siteRun', run);
			return () => undefined;
		}
		rmSync(siteStatusFile, { force: true });
		mkdirSync(resolve(siteStatusFile, '..'), { recursive: true });
		const controller = new AbortController();
		global[started] = { run, stop: () => controller.abort() };
		// Written whole, then renamed: a test file never reads half of it.
		const done = (status: SiteStatus) => {
			writeFileSync(`${siteStatusFile}.part`, JSON.stringify(status));
			renameSync(`${siteStatusFile}.part`, siteStatusFile);
		};
		void astroBuildProcess(
			{ STORY_OUT_DIR: siteDir, STORY_CACHE_DIR: resolve('tests/.tmp/cache') },
			controller.signal,
		).then(
			({ code, output }) => done({ run, code, output }),
			(error: unknown) => done({ run, code: 1, output: String(error) }),
		);
	}
	project.provide('siteDir', siteDir);
	project.provide('siteRun', global[started].run);
	// A run stopped before the build ends stops the build too.
	return () => global[started]?.stop();
}

/**
 * REUSE_TEST_SITE=1 (for timing or re-running one test file by hand, never in CI): the site an earlier
 * run built without error in tests/.tmp/site is used as it is, instead of building it again. Whoever sets
 * it has to know that site is from the current code.
 */
function reusedSite(): SiteStatus | undefined {
	if (process.env.REUSE_TEST_SITE !== '1') return undefined;
	if (process.env.CI) throw new Error('REUSE_TEST_SITE is for runs by hand: CI always builds the site.');
	if (!existsSync(siteStatusFile) || !existsSync(siteDir)) return undefined;
	const status = JSON.parse(readFileSync(siteStatusFile, 'utf8')) as SiteStatus;
	return status.code === 0 ? status : undefined;
}

declare module 'vitest' {
	export interface ProvidedContext {
		siteDir: string;
		siteRun: string;
	}
}
