import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { brotliSize } from '../bench/serve-compressed.ts';
import { useBuiltSite } from '../helpers/built-site-browser.ts';

const site = useBuiltSite();

// The web fonts are cut to the weights their @font-face declares (astro.config.mjs, src/render/font-subset.ts):
// a weight the page asks for outside that range would be drawn at the nearest one the file has.
describe('the weights the pages draw their text in', () => {
	for (const path of ['/', '/the-cloud-race/']) {
		it(`are all in the web fonts served, on ${path}`, async () => {
			const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
			// A returning reader's page, with the reading face in the stack (src/client/reading-font.ts).
			await page.addInitScript(() => localStorage.setItem('reading-font', '1'));
			await page.goto(`${site.url}${path}`);
			const { faces, used } = await page.evaluate(() => {
				const faces = [...document.fonts].map((f) => ({ family: f.family.replace(/^"|"$/g, ''), weight: f.weight }));
				const used = new Map<string, Set<string>>();
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				while (walker.nextNode()) {
					const el = walker.currentNode.parentElement;
					if (!el || !walker.currentNode.nodeValue?.trim()) continue;
					const style = getComputedStyle(el);
					const family = style.fontFamily.split(',')[0]!.trim().replace(/^"|"$/g, '');
					used.set(family, (used.get(family) ?? new Set()).add(style.fontWeight));
				}
				return { faces, used: [...used].map(([family, weights]) => ({ family, weights: [...weights] })) };
			});
			await page.close();
			const webFonts = used.filter((u) => faces.some((f) => f.family === u.family));
			expect(webFonts.length).toBe(2);
			for (const { family, weights } of webFonts) {
				const [low, high = low] = faces
					.find((f) => f.family === family)!
					.weight.split(' ')
					.map(Number);
				const outside = weights.map(Number).filter((w) => w < low! || w > high!);
				expect(outside, `${family} (${low}-${high})`).toEqual([]);
			}
		});
	}
});

// src/client/reading-font.ts: a first visit never shows the reading face ('optional', not preloaded), so
// it does not download it either; a scroll fetches it into the cache, and the next page draws with it.
// The same for Inter where the first view has no chart, except that the charts show it after that scroll.
describe('the reading face (Source Serif 4) and Inter', () => {
	it('are not downloaded by a first visit, are cached on the first scroll and shown by the next page', async () => {
		const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const fonts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'font') fonts.push(new URL(r.url()).pathname);
		});
		const familyOf = (selector: string) =>
			page.evaluate((s) => getComputedStyle(document.querySelector(s)!).fontFamily, selector);
		await page.goto(`${site.url}/`, { waitUntil: 'load' });
		const [reading, inter] = await page.evaluate(() => [
			document.documentElement.dataset.readingFont!,
			document.documentElement.dataset.chartFont!,
		]);
		expect(reading).toMatch(/\/_astro\/fonts\/[0-9a-f]{16}\.woff2$/);
		expect(inter).toMatch(/\/_astro\/fonts\/[0-9a-f]{16}\.woff2$/);
		await page.waitForTimeout(500);
		// Inter too: the story's first view has no chart (StoryLayout's chartAtFirstView).
		expect(fonts).toEqual([]);
		expect(await familyOf('.masthead-dek')).toMatch(/^"Source Serif 4-[0-9a-f]+ fallback: /);
		expect(await familyOf('.site-header')).toMatch(/^"Inter-[0-9a-f]+ fallback: /);

		await page.mouse.wheel(0, 600);
		await expect.poll(() => page.evaluate(() => localStorage.getItem('reading-font')), { timeout: 10_000 }).toBe('1');
		expect(fonts).toContain(reading);
		expect(fonts).toContain(inter);
		// The charts take Inter on this page already: their labels were laid out with its metrics.
		expect(await familyOf('.scrolly-figure svg.plot')).toMatch(/^"Inter charts"/);
		expect(await page.evaluate(() => document.fonts.check('12px "Inter charts"'))).toBe(true);

		fonts.length = 0;
		await page.goto(`${site.url}/the-cloud-race/`, { waitUntil: 'load' });
		expect(await familyOf('.chapter-body p')).toMatch(/^"Source Serif 4-[0-9a-f]+"/);
		await page.evaluate(() => document.fonts.ready);
		const drawn = await page.evaluate(() =>
			[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
		);
		expect(drawn.some((f) => /^"?Source Serif 4-[0-9a-f]+"?$/.test(f))).toBe(true);
		await context.close();
	});

	it('leaves the first view of the story under 60 KiB brotli (issue 17; 76 KiB with Inter, 93 with both)', async () => {
		const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
		const paths: string[] = [];
		page.on('requestfinished', (r) => paths.push(new URL(r.url()).pathname));
		await page.goto(`${site.url}/`, { waitUntil: 'load' });
		await page.waitForTimeout(500);
		await page.close();
		const file = (path: string) => join(inject('siteDir'), path.endsWith('/') ? `${path}index.html` : path);
		// Fonts and PNGs are sent as they are; text as a CDN compresses it (the bench's Lighthouse figure).
		const bytes = paths.map((p) =>
			/\.(woff2|png)$/.test(p) ? readFileSync(file(p)).length : brotliSize(readFileSync(file(p))),
		);
		expect(bytes.reduce((a, b) => a + b, 0) / 1024, paths.join(' ')).toBeLessThan(60);
	});

	it('are in the stack of a page without JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}/`);
		const familyOf = (selector: string) =>
			page.evaluate((s) => getComputedStyle(document.querySelector(s)!).fontFamily, selector);
		expect(await familyOf('.masthead-dek')).toMatch(/^"Source Serif 4-[0-9a-f]+"/);
		expect(await familyOf('.site-header')).toMatch(/^"?Inter-[0-9a-f]+"?,/);
		await context.close();
	});
});
