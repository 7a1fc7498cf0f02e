import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../src/cli/chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** The browser and the served site a browser test file works with. */
export interface BuiltSite {
	readonly browser: Browser;
	/** The origin the built site is served at, e.g. http://127.0.0.1:41234 */
	readonly url: string;
}

/** Launches Chromium and serves the built site (tests/.tmp/site) for one test file; closes both after it. */
export function useBuiltSite(): BuiltSite {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	beforeAll(async () => {
		[browser, server] = await Promise.all([launchChromium(), serveStatic(inject('siteDir'))]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	return {
		get browser() {
			if (!browser) throw new Error('The browser starts in beforeAll: use it inside a test.');
			return browser;
		},
		get url() {
			if (!server) throw new Error('The site is served from beforeAll: use it inside a test.');
			return server.url;
		},
	};
}

/**
 * Waits until a loaded page is as a reader sees it once its scripts have run: the layout imports the
 * page's modules after the first paint, and the scroll engine then sets its sections up one a task.
 */
export async function pageSettled(page: Page): Promise<void> {
	await page.waitForFunction(() => document.readyState === 'complete');
	await scrollyReady(page);
}

/**
 * Waits until the scroll engine has set up every scrolly section on the page (src/client/story-scrolly.ts):
 * it shows a section's step controls once it has wired them, last.
 */
export async function scrollyReady(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLElement>('story-scrolly .scrolly-controls')].every((c) => !c.hidden),
	);
}

/** Waits until this step is active and its section's stage shows the step's state, at rest (no transition). */
export async function stepAtRest(page: Page, id: string): Promise<void> {
	await page.waitForFunction((id) => {
		const step = document.getElementById(id)!;
		const stage = step.closest('story-scrolly')!.querySelector<HTMLElement>('.scrolly-figure')!;
		return (
			step.classList.contains('is-active') &&
			stage.dataset.state === step.dataset.state &&
			stage.querySelector('figure')?.getAttribute('data-state') === step.dataset.state &&
			!stage.hasAttribute('data-transition')
		);
	}, id);
}
