import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { clientCodeBytes, detailsHtmlGrowth, pageBytes } from '../bench/page-bytes.ts';

/** What the chart details (issue 13) cost every reader of the story: code and HTML. */
describe('the chart details', () => {
	it('code (src/client/details.ts) is under 2 KB, minified and brotli-compressed', async () => {
		const bytes = await clientCodeBytes(['details.ts']);
		expect(bytes).toBeGreaterThan(500);
		expect(bytes).toBeLessThan(2_000);
	});

	it('leave the story’s JS under 7 KB brotli in all', () => {
		expect(pageBytes(inject('siteDir'), '/', '/').js).toBeLessThan(7_000);
	});

	it('grow the story page’s HTML by at most 15% (brotli)', () => {
		const { growth, rawShare } = detailsHtmlGrowth(readFileSync(join(inject('siteDir'), 'index.html'), 'utf8'));
		expect(rawShare).toBeGreaterThan(0.05); // the details are there to measure
		expect(growth).toBeLessThan(0.15);
	});
});
