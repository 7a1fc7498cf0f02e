import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import { embedHeight, embedSizedWidths } from '../../src/publish/embed-size.ts';
import { launchChromium } from '../../src/cli/chromium.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/**
 * The plain iframe's default height (src/publish/embed-size.ts, a model of the embed page's layout)
 * against the embed page's real height at that width, for every chart state: never short (that
 * would cut off the source or credit line), and at most 24 px tall.
 */
let browser: Browser;
let site: StaticServer;
let host: { url: string; close(): Promise<void> };

beforeAll(async () => {
	[browser, site] = await Promise.all([launchChromium(), serveStatic(inject('siteDir'))]);
	// Another origin than the site's, as on a newsroom's page: an empty page the test writes frames into.
	const server: Server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end('<!doctype html><html lang="en"><title>host</title><body style="margin:0"></body></html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	host = { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	await host?.close();
});

const states = charts.flatMap((chart) => chart.stateNames.map((state) => ({ chart, state })));

describe.each(embedSizedWidths)('the default height of a %d px iframe', (width) => {
	it('is the embed page’s real height, within 24 px and never short, for every chart state', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(host.url);
		const misses: string[] = [];
		const report: string[] = [];
		for (const { chart, state } of states) {
			const src = `${site.url}/embed/${chart.id}/${state}/`;
			// A frame much taller than the page: its document is as high as its content, no more.
			await page.evaluate(
				({ src, width }) => {
					document.body.innerHTML = `<iframe src="${src}" width="${width}" height="4000" style="border:0;display:block" scrolling="no"></iframe>`;
				},
				{ src, width },
			);
			const frame = await (await page.waitForSelector('iframe')).contentFrame();
			if (!frame) throw new Error(`${src}: no frame`);
			await frame.waitForLoadState('load');
			const measured = await frame.evaluate(async () => {
				await document.fonts.ready;
				return {
					height: document.documentElement.getBoundingClientRect().height,
					inter: [...document.fonts].some((f) => f.family.includes('Inter embed') && f.status === 'loaded'),
					inStory: document.querySelector('.embed-credit')?.textContent?.includes('See it in the story') ?? false,
				};
			});
			expect(measured.inter, `${src}: the embed page sets its text in the bundled Inter`).toBe(true);
			const expected = embedHeight(chart, state, width, measured.inStory);
			const over = expected - measured.height;
			report.push(`${chart.id}/${state}: ${expected} for ${measured.height.toFixed(1)} (${over.toFixed(1)})`);
			if (over < 0 || over > 24) misses.push(report.at(-1)!);
		}
		if (process.env.EMBED_HEIGHTS_REPORT) console.log(report.join('\n'));
		expect(misses).toEqual([]);
		await context.close();
	});
});
