import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { pageTypes } from '../helpers/site-pages.ts';
import { useBuiltSite } from '../helpers/built-site-browser.ts';

// WCAG 2.2 AA, as DESIGN.md asks. Plot's per-group aria-labels are removed at render time
// (src/render/render-svg.ts): each chart is one role="img" with a description and a data table.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const siteDir = inject('siteDir');

const site = useBuiltSite();

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const cases = Object.entries(pageTypes(siteDir)).flatMap(([type, path]) =>
	(['light', 'dark'] as const).flatMap((scheme) =>
		(['phone', 'desktop'] as const).map((device) => [type, scheme, device, path] as const),
	),
);

describe('accessibility (axe-core, WCAG 2.2 AA) and third-party requests', () => {
	it.each(cases)(
		'%s page, %s theme, %s: no violations, no request to another host',
		async (_t, scheme, device, path) => {
			const context = await site.browser.newContext({ colorScheme: scheme, viewport: viewports[device] });
			const page = await context.newPage();
			const foreign: string[] = [];
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== site.url) foreign.push(request.url());
			});
			await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
			const { violations, passes } = await new AxeBuilder({ page }).withTags(tags).analyze();
			expect(passes.length).toBeGreaterThan(10);
			expect(
				violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`),
			).toEqual([]);
			expect(foreign).toEqual([]);
			await context.close();
		},
	);
});
