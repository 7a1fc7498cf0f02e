import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Frame, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { page as builtPage } from '../helpers/built-site.ts';
import { stepAtRest, useBuiltSite } from '../helpers/built-site-browser.ts';

/** Chart details (src/client/details.ts) on the built site: pointer, touch, keyboard, embeds. */
const site = useBuiltSite();
const desktop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
// A scrolly section whose steps show one bar chart in three states (china-cloud-share).
const section = 'story-scrolly:has(#china-at-home)';
const stageChart = `${section} .scrolly-figure figure:not(.is-leaving) .figure-chart`;

async function open(options: BrowserContextOptions, step = 'china-at-home', path = '/'): Promise<Page> {
	const context = await site.browser.newContext(options);
	const page = await context.newPage();
	await page.goto(`${site.url}${path}#${step}`);
	await stepAtRest(page, step);
	return page;
}

/** The centre of the bar drawing a row of the stage's chart, where the reader sees it. */
async function barCentre(page: Page, index: number): Promise<{ x: number; y: number }> {
	return page.$eval(
		stageChart,
		(box, i) => {
			const svg = [...box.querySelectorAll('.figure-svg')].find((el) => (el as HTMLElement).offsetWidth > 0)!;
			const r = svg.querySelectorAll('[data-key="bar"] > *')[i]!.getBoundingClientRect();
			return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
		},
		index,
	);
}

const tip = (page: Page | Frame) =>
	page.$eval('.details-tip', (el) => ((el as HTMLElement).hidden ? '' : (el as HTMLElement).innerText));
const announced = (page: Page) =>
	page.$eval('[aria-live="polite"].visually-hidden', (el) => el.textContent ?? '').catch(() => '');

// The built state's table, as the step figure (not the stage's copy) holds it.
const table = (step: string) =>
	[...builtPage(inject('siteDir'), '/').querySelectorAll(`#${step} table tbody tr`)].map((tr) =>
		[...tr.children].map((c) => c.textContent.trim()),
	);

describe('chart details', () => {
	it('hovering a bar shows its value, labelled as the table labels it; leaving hides it', async () => {
		const page = await open(desktop);
		const { x, y } = await barCentre(page, 0);
		await page.mouse.move(x, y);
		await expect.poll(() => tip(page)).toBe('Alibaba\nShare, %: 39\nConfidence: confirmed');
		const next = await barCentre(page, 1);
		await page.mouse.move(next.x, next.y); // the next bar: its own details
		await expect.poll(() => tip(page)).toMatch(/^Huawei\nShare, %: 19/);
		await page.mouse.move(next.x, next.y + 22); // in the gap below it: the nearest bar
		await expect.poll(() => tip(page)).toMatch(/^Huawei/);
		await page.mouse.move(5, 5);
		await expect.poll(() => tip(page)).toBe('');
		await page.context().close();
	});

	it('a tap on a phone shows the details, inside the viewport; a tap elsewhere hides them', async () => {
		const page = await open(phone);
		const { x, y } = await barCentre(page, 1);
		await page.touchscreen.tap(x, y);
		await expect.poll(() => tip(page)).toMatch(/^Huawei\nShare, %: 19/);
		const r = await page.$eval('.details-tip', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
		expect(r.left).toBeGreaterThanOrEqual(0);
		expect(r.right).toBeLessThanOrEqual(390);
		expect(r.top).toBeGreaterThanOrEqual(0);
		await page.screenshot({ path: 'tests/.tmp/details-390.png' });
		await page.touchscreen.tap(200, 835);
		await expect.poll(() => tip(page)).toBe('');
		await page.context().close();
	});

	it('the keyboard visits every point in order, announces each, and never changes the step', async () => {
		const page = await open(desktop);
		const active = () => page.$eval(`${section} .step.is-active`, (el) => el.id);
		await page.$eval(stageChart, (el) => (el as HTMLElement).focus());
		expect(await active()).toBe('china-at-home');
		const rows = table('china-at-home');
		const heard: string[] = [];
		for (let i = 0; i < rows.length; i++) {
			await page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
			await expect.poll(() => announced(page)).toContain(`Point ${i + 1} of ${rows.length}`);
			heard.push(await announced(page));
		}
		// Each announcement is a sentence naming the point and its values, in the table's order.
		heard.forEach((sentence, i) => {
			expect(sentence).toContain(rows[i]![0]);
			expect(sentence).toContain(`Share, %: ${rows[i]![1]}.`);
		});
		await page.keyboard.press('ArrowRight'); // past the last point: stays on it
		expect(await announced(page)).toBe(heard.at(-1));
		await page.keyboard.press('Escape');
		await expect.poll(() => tip(page)).toBe('');
		expect(await active()).toBe('china-at-home');
		await page.screenshot({ path: 'tests/.tmp/details-1280.png' });
		await page.context().close();
	});

	it('after a state change, focus and details are the new state’s', async () => {
		const page = await open(desktop);
		await page.$eval(stageChart, (el) => (el as HTMLElement).focus());
		await page.keyboard.press('End');
		await expect.poll(() => tip(page)).toMatch(/^Others/);
		await page.evaluate(() => document.getElementById('alibaba-leads-china')!.scrollIntoView({ block: 'start' }));
		await expect
			.poll(() => page.$eval(`${section} .scrolly-figure`, (el) => (el as HTMLElement).dataset.state))
			.toBe('alibaba');
		// Focus moved to the new figure, and the point is the same row in it.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.closest('figure')?.getAttribute('data-state')))
			.toBe('alibaba');
		await page.keyboard.press('Home');
		await expect.poll(() => announced(page)).toMatch(/^Alibaba\. Share, %: 39\./);
		await page.context().close();
	});

	it('an embed page on another origin, in a sandboxed iframe, shows them', async () => {
		const host = createServer((_, response) =>
			response
				.writeHead(200, { 'content-type': 'text/html' })
				.end(
					`<!doctype html><iframe sandbox="allow-scripts" style="width:700px;height:600px;border:0" src="${site.url}/embed/china-cloud-share/leaders/"></iframe>`,
				),
		);
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
		const context = await site.browser.newContext(desktop);
		const page = await context.newPage();
		await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
		const frame = await (await page.waitForSelector('iframe')).contentFrame();
		await frame!.waitForSelector('.figure-chart[tabindex]');
		const r = await frame!.evaluate(() => {
			const svgs = [...document.querySelectorAll('.figure-svg')].filter((s) => (s as HTMLElement).offsetWidth > 0);
			const box = svgs[0]!.querySelector('[data-key="bar"] > *')!.getBoundingClientRect();
			return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		});
		const offset = (await (await page.$('iframe'))!.boundingBox())!;
		await page.mouse.move(offset.x + r.x, offset.y + r.y);
		await expect.poll(() => tip(frame!)).toMatch(/^Alibaba\nShare, %: 39/);
		await context.close();
		await new Promise((resolve) => host.close(resolve));
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`axe finds no violation with a tooltip open (${scheme})`, async () => {
			const page = await open({ ...desktop, colorScheme: scheme });
			await page.$eval(stageChart, (el) => (el as HTMLElement).focus());
			await page.keyboard.press('Home');
			await expect.poll(() => tip(page)).toMatch(/^Alibaba/);
			// What the details add: the stage's figure, the tooltip, the focus ring and the live region (the
			// whole page is axe-checked in accessibility.test.ts; a whole-page run here took 20 s a theme).
			const { violations } = await new AxeBuilder({ page })
				.include(`${section} .scrolly-figure`)
				.include('.details-tip')
				.include('.details-ring')
				.include('[aria-live="polite"]')
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			await page.context().close();
		});
	}
});
