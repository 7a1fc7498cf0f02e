import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/built-site-browser.ts';

const site = useBuiltSite();

// The web fonts are cut to the weights their @font-face declares (astro.config.mjs, src/render/font-subset.ts):
// a weight the page asks for outside that range would be drawn at the nearest one the file has.
describe('the weights the pages draw their text in', () => {
	for (const path of ['/', '/the-cloud-race/']) {
		it(`are all in the web fonts served, on ${path}`, async () => {
			const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
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
