import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
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
 * Pages that the tests of one file share, one per set of context options, opened the first time a test
 * asks for it and closed after the file. A story page costs its load (some 2 s of CPU, most of a short
 * test's); a test that takes a shared page puts it where it needs it first (scrolls to its step and waits
 * for it), and a test that changes what the page is (its storage, its step figures, its viewport) opens
 * its own.
 */
export function sharedPages<T extends { close(): Promise<void> }>(
	open: (options: BrowserContextOptions) => Promise<T>,
): (options: BrowserContextOptions) => Promise<T> {
	const opened = new Map<string, Promise<T>>();
	afterAll(async () => {
		await Promise.allSettled([...opened.values()].map(async (page) => (await page).close()));
	});
	return (options) => {
		const key = JSON.stringify(options);
		let page = opened.get(key);
		if (!page) opened.set(key, (page = open(options)));
		return page;
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
