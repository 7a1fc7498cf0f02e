import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site-browser.ts';
import { StoryPage } from './story-page.ts';

/** Share addresses (/s/<step>/) as a reader who follows a shared link meets them. */
const built = useBuiltSite();

describe('a step’s share address', () => {
	it.each([
		['the first scrolly section', 'the-big-three', 'world-cloud-share/big-three'],
		['another chart in that section', 'big-three-steady', 'big-three-share/two-thirds'],
	])('lands on the step, in its state, without JavaScript needed (%s)', async (_name, id, shows) => {
		const context = await built.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${built.url}/s/${id}/`);
		await page.waitForURL(`${built.url}/#${id}`);
		const story = new StoryPage(page);
		await story.waitForShown(shows);
		// The step is on screen, where the hash put it.
		const top = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top);
		expect(top).toBeGreaterThanOrEqual(-1);
		expect(top).toBeLessThan(800);
		await context.close();
	});

	it('has a visible link to the step, for browsers that do not follow the refresh', async () => {
		const context = await built.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		// Keep the page: stop the refresh by opening the HTML without following it.
		const response = await page.request.get(`${built.url}/s/the-big-three/`);
		await page.setContent(await response.text());
		const link = page.getByRole('link', { name: /Go to this step/ });
		expect(await link.getAttribute('href')).toBe('/#the-big-three');
		await context.close();
	});
});

describe('“Link to this step”', () => {
	it('copies the share address', async () => {
		const context = await built.browser.newContext({ viewport: { width: 1280, height: 800 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: built.url });
		const page = await context.newPage();
		await page.goto(`${built.url}/#the-big-three`);
		const link = page.locator('#the-big-three a.step-link');
		await link.click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${built.url}/s/the-big-three/`);
		expect(await link.textContent()).toBe('Link copied');
		expect(page.url()).toBe(`${built.url}/#the-big-three`);
		await context.close();
	});
});
