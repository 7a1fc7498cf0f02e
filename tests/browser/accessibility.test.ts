import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageTypes } from '../helpers/site-pages.ts';
import { pageSettled, useBuiltSite } from '../helpers/built-site-browser.ts';

// WCAG 2.2 AA, as DESIGN.md asks. Plot's per-group aria-labels are removed at render time
// (src/render/render-svg.ts): each chart is one role="img" with a description and a data table.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const siteDir = inject('siteDir');

const site = useBuiltSite();

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
// The first is checked on the page as it loads, whole; the others on the same page, switched to their
// theme (the pages follow prefers-color-scheme live) and size (CSS and the scroll engine follow resizes),
// which is where axe spends least: a fresh story page costs axe several times what a switch does.
const variants = [
	['light', 'desktop'],
	['light', 'phone'],
	['dark', 'phone'],
	['dark', 'desktop'],
] as const;
// The other themes and sizes change colours and layout, not what is on the page: on the story page (six
// chapters of the same components, the longest page by far) they are checked on all but the chapters
// after the first.
const repeated: Record<string, string> = { story: 'main > section.chapter ~ section.chapter' };

describe.each(Object.entries(pageTypes(siteDir)))(
	'accessibility (axe-core, WCAG 2.2 AA) and third-party requests: %s page',
	(type, path) => {
		let context: BrowserContext;
		let page: Page;
		const foreign: string[] = [];
		beforeAll(async () => {
			context = await site.browser.newContext({ colorScheme: 'light', viewport: viewports.desktop });
			page = await context.newPage();
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== site.url) foreign.push(request.url());
			});
		});
		afterAll(() => context?.close());

		it.each(variants)('%s theme, %s: no violations, no request to another host', async (scheme, device) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize(viewports[device]);
			const first = page.url() === 'about:blank';
			if (first) {
				await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
				await pageSettled(page);
			}
			// Two frames: the switched styles and layout are on screen (and the stage re-measured).
			else await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
			expect(await page.evaluate(() => [matchMedia('(prefers-color-scheme: dark)').matches, innerWidth])).toEqual([
				scheme === 'dark',
				viewports[device].width,
			]);
			const axe = new AxeBuilder({ page }).withTags(tags);
			if (!first && repeated[type]) axe.exclude(repeated[type]);
			const { violations, passes } = await axe.analyze();
			expect(passes.length).toBeGreaterThan(10);
			expect(
				violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`),
			).toEqual([]);
			expect(foreign).toEqual([]);
		});
	},
);
