import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild } from './astro-build.ts';

/** Where the test build of the site goes; shared by the build and browser projects. */
export const siteDir = resolve('tests/.tmp/site');

// Vitest runs this once per project in the same process: build once per run, not per project.
const marker = resolve(siteDir, '.built-by');

/** Builds the site once for the whole test run, then tells the tests where it is. */
export default async function setup(project: TestProject): Promise<void> {
	const runId = String(process.pid);
	if (!(existsSync(marker) && readFileSync(marker, 'utf8') === runId)) {
		const { code, output } = await astroBuild({ STORY_OUT_DIR: siteDir, STORY_CACHE_DIR: resolve('tests/.tmp/cache') });
		if (code !== 0) throw new Error(`The site did not build:\n${output}`);
		mkdirSync(siteDir, { recursive: true });
		writeFileSync(marker, runId);
	}
	project.provide('siteDir', siteDir);
}

declare module 'vitest' {
	export interface ProvidedContext {
		siteDir: string;
	}
}
