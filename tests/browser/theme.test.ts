import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site-browser.ts';

const site = useBuiltSite();

/** The computed fill of the first bar of the chart on screen (the sticky chart of the first section). */
const barFill = (page: Page) =>
	page.$eval('.scrolly-figure svg.plot rect[fill^="var("]', (rect) => getComputedStyle(rect).fill);
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const toggle = (page: Page) => page.locator('.theme-toggle');

async function open(context: BrowserContext) {
	const page = await context.newPage();
	await page.goto(`${site.url}/`);
	await page.waitForSelector('.scrolly-figure svg.plot', { state: 'attached' });
	return page;
}

describe('the theme toggle', () => {
	it('switches the page and the charts to the other theme, and remembers it', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
		const page = await open(context);
		expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
		const light = { bar: await barFill(page), background: await pageBackground(page) };

		await toggle(page).click();
		expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
		const dark = { bar: await barFill(page), background: await pageBackground(page) };
		expect(dark.bar).not.toBe(light.bar);
		expect(dark.background).not.toBe(light.background);

		// A new page of the same site opens in the chosen theme, pinned before the body is drawn.
		const again = await open(context);
		expect(await again.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await barFill(again)).toBe(dark.bar);
		expect(await toggle(again).getAttribute('aria-pressed')).toBe('true');

		await toggle(again).click();
		expect(await barFill(again)).toBe(light.bar);
		await context.close();
	});

	it('follows the system theme until the reader picks one', async () => {
		const light = await site.browser.newContext({ colorScheme: 'light' });
		const dark = await site.browser.newContext({ colorScheme: 'dark' });
		const [onLight, onDark] = await Promise.all([open(light), open(dark)]);
		expect(await onDark.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
		expect(await barFill(onDark)).not.toBe(await barFill(onLight));
		expect(await toggle(onDark).getAttribute('aria-pressed')).toBe('true');
		await Promise.all([light.close(), dark.close()]);
	});

	it('sets the stored theme before the first paint (the attribute is there when the body starts)', async () => {
		const context = await site.browser.newContext({ colorScheme: 'light' });
		await context.addInitScript(() => {
			localStorage.setItem('theme', 'dark');
			// Record the theme at the moment the parser creates <body>: nothing has been painted yet.
			const observer = new MutationObserver(() => {
				if (!document.body) return;
				(window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme;
				observer.disconnect();
			});
			observer.observe(document, { childList: true, subtree: true });
		});
		const page = await open(context);
		expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
		await context.close();
	});
});
