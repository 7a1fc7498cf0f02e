import fc from 'fast-check';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { maxHeight, minHeight } from '../../src/client/embed-protocol.ts';
import { serveHost, type HostServer } from '../helpers/host-server.ts';
import { pageTypes } from '../helpers/site-pages.ts';
import { pageSettled, useBuiltSite } from '../helpers/built-site-browser.ts';
import { StoryPage } from './story-page.ts';

const siteDir = inject('siteDir');
const types = pageTypes(siteDir);
const site = useBuiltSite();

/** What every frame of a test page collected: policy violations and exceptions (init script, all frames). */
interface Collected {
	violations: string[];
	errors: string[];
}
const collected = (frame: Page | Frame): Promise<Collected> =>
	frame.evaluate(() => (window as unknown as { collected: Collected }).collected);

/** A fresh context whose every frame records CSP violations and uncaught errors from before its first script. */
async function context(options: Parameters<typeof site.browser.newContext>[0] = {}): Promise<BrowserContext> {
	const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
	await ctx.addInitScript(() => {
		const collected = { violations: [] as string[], errors: [] as string[] };
		(window as unknown as { collected: typeof collected }).collected = collected;
		document.addEventListener('securitypolicyviolation', (e) =>
			collected.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
		);
		addEventListener('error', (e) => collected.errors.push(String(e.message)));
		addEventListener('unhandledrejection', (e) => collected.errors.push(String(e.reason)));
	});
	return ctx;
}

/** Console errors and page errors of a page, whichever frame they come from. */
function consoleErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	return errors;
}

// A host page on another origin (tests/helpers/host-server.ts).
let host: HostServer;
beforeAll(async () => {
	host = await serveHost();
});
afterAll(() => host?.close());
let pageCount = 0;
function hostPage(_ctx: BrowserContext, body: string): string {
	const path = `/article-${++pageCount}`;
	host.pages.set(
		path,
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`,
	);
	return `${host.url}${path}`;
}
const embedPath = types.embed!;
const embedFrame = (page: Page, path = embedPath): Frame =>
	page.frames().find((f) => f.url().startsWith(`${site.url}${path}`))!;
const iframeHeights = (page: Page) =>
	page.$$eval('iframe', (frames) => frames.map((f) => Math.round(f.getBoundingClientRect().height)));

/** Injects an inline script and an inline event handler the way an XSS would: both must be blocked. */
async function injectXss(frame: Page | Frame): Promise<{ ran: string[]; violations: string[] }> {
	await frame.evaluate(() => {
		const w = window as unknown as { ran: string[] };
		w.ran = [];
		const script = document.createElement('script');
		script.textContent = 'window.ran.push("inline script")';
		document.body.append(script);
		const img = document.createElement('img');
		img.setAttribute('onerror', 'window.ran.push("inline handler")');
		img.src = 'data:,not-an-image';
		document.body.append(img);
		const button = document.createElement('button');
		button.setAttribute('onclick', 'window.ran.push("click handler")');
		document.body.append(button);
		button.click();
	});
	await frame.waitForFunction(
		() => (window as unknown as { collected: Collected }).collected.violations.length >= 3,
		undefined,
		{ timeout: 5000 },
	);
	const { violations } = await collected(frame);
	const ran = await frame.evaluate(() => (window as unknown as { ran: string[] }).ran);
	return { ran, violations };
}

describe('the Content-Security-Policy and headers, in a browser', () => {
	it.each(Object.entries(types))('%s page: sent with the _headers headers, no violation', async (_type, path) => {
		const ctx = await context({ viewport: { width: 390, height: 844 } });
		const page = await ctx.newPage();
		const errors = consoleErrors(page);
		const response = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
		const headers = response!.headers();
		expect(headers['content-security-policy']).toContain(
			path.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'self'",
		);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy']).toBeTruthy();
		const policy = await page.$eval('meta[http-equiv="content-security-policy"]', (m) => m.getAttribute('content'));
		expect(policy).toMatch(/script-src 'self'/);
		expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
		await page.mouse.wheel(0, 3000);
		await page.waitForTimeout(300);
		expect(await collected(page)).toEqual({ violations: [], errors: [] });
		expect(errors).toEqual([]);
		await ctx.close();
	});

	it('story page: an injected inline script and handler are blocked; theme and scroll engine still work', async () => {
		const ctx = await context();
		await ctx.addInitScript(() => {
			if (location.protocol === 'http:') localStorage.setItem('theme', 'dark');
		});
		const page = await ctx.newPage();
		await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
		// The theme script (inline, hashed) ran before paint.
		expect(
			await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.className]),
		).toEqual(['dark', 'js']);
		const { ran, violations } = await injectXss(page);
		expect(ran).toEqual([]);
		expect(violations).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^script-src-elem inline/),
				expect.stringMatching(/^script-src-attr inline/),
			]),
		);
		// The scroll engine still turns the chart.
		const story = new StoryPage(page);
		const [, second] = await story.steps();
		await page.locator(`#${second!.id}`).scrollIntoViewIfNeeded();
		await page.mouse.wheel(0, 200);
		await story.waitForShown(second!.shows);
		await ctx.close();
	});

	it('embed page: an injected inline script and handler are blocked; its height messages still size the iframe', async () => {
		const ctx = await context();
		const page = await ctx.newPage();
		const errors = consoleErrors(page);
		await page.goto(
			hostPage(
				ctx,
				`<div data-story-embed="${site.url}${embedPath}"></div><script src="${site.url}/embed.js"></script>`,
			),
		);
		await page.waitForFunction(() => (document.querySelector('iframe')?.getAttribute('height') ?? '500') !== '500');
		const frame = embedFrame(page);
		const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
		expect(await iframeHeights(page)).toEqual([content]);
		const { ran, violations } = await injectXss(frame);
		expect(ran).toEqual([]);
		expect(violations).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^script-src-elem inline/),
				expect.stringMatching(/^script-src-attr inline/),
			]),
		);
		expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
		await ctx.close();
	});

	it('frame-ancestors: a story page cannot be framed by another site, an embed can', async () => {
		const ctx = await context();
		const page = await ctx.newPage();
		await page.goto(
			hostPage(
				ctx,
				`<iframe src="${site.url}/" title="story"></iframe><iframe src="${site.url}${embedPath}" title="embed"></iframe>`,
			),
			{ waitUntil: 'networkidle' },
		);
		// A refused frame shows the browser's error page instead.
		const shown = await Promise.all(
			page
				.frames()
				.slice(1)
				.map((f) => f.evaluate(() => Boolean(document.querySelector('.masthead-title, .figure-title')))),
		);
		expect(shown).toEqual([false, true]);
		await ctx.close();
	});
});

/*
 * Hostile messages, as JSON texts: the page parses them with a reviver that turns the markers
 * below into what JSON cannot carry (NaN, infinities, -0, undefined, big strings); raw JSON
 * texts carry `__proto__` as an own key, the way a parsed message would.
 */
const numbers = fc.oneof(
	fc.double(),
	fc.integer({ min: -1e9, max: 1e9 }),
	fc.constantFrom(
		'§NaN',
		'§Infinity',
		'§-Infinity',
		'§-0',
		'§undefined',
		0,
		-1,
		1,
		149,
		5001,
		1e308,
		Number.MAX_SAFE_INTEGER,
	),
);
const heights = fc.oneof(
	numbers,
	fc.string(),
	fc.constantFrom('640', '640px', ' 300 ', '1e9', 'NaN', '-10', '0x200', null, true, [], {}, [300], { valueOf: 300 }),
	fc.integer({ min: 1, max: 200_000 }).map((n) => `§big:${n}`),
);
const messages = fc.oneof(
	heights.map((height) => ({ type: 'story-embed:height', height })),
	heights.map((height) => ({ sentinel: 'amp', type: 'embed-size', height })),
	heights.map((height) => JSON.stringify({ context: 'iframe.resize', height, src: 'x' })),
	fc
		.tuple(fc.constantFrom('height', 'width', 'navigateTo', 'scrollToChildPos', 'parentPositionInfo'), fc.string())
		.map(([type, value]) =>
			['pym', 'chart-1', type, type === 'navigateTo' ? 'javascript:alert(1)' : value].join('xPYMx'),
		),
	heights.map((value) => ({ message: 'height', value, secret: 'abc' })),
	fc.constantFrom(
		{ type: 'story-embed:ping' },
		{ message: 'ready', secret: 'abc' },
		{ type: 'story-embed:navigate', url: 'javascript:alert(1)' },
		'§raw:{"__proto__":{"type":"story-embed:height","height":4321}}',
		'§raw:{"type":"story-embed:height","__proto__":{"height":4321}}',
		'§raw:{"constructor":{"prototype":{"height":4321}},"type":"story-embed:height"}',
		'§raw:{"type":"story-embed:height","height":{"__proto__":{"valueOf":null}}}',
	),
	fc.anything(),
);
// Deterministic: the same 1,200 messages every run (a failure is replayable).
const hostile = fc.sample(messages, { numRuns: 1200, seed: 16 }).map((m) => JSON.stringify(m) ?? '"§undefined"');

/** Rebuilds the hostile messages inside a page (run there, so it must be self-contained). */
const revive = (texts: string[]): unknown[] => {
	const marker = (value: unknown): unknown => {
		if (typeof value !== 'string' || !value.startsWith('§')) return value;
		if (value.startsWith('§big:')) return 'x'.repeat(Number(value.slice(5)));
		const named: Record<string, unknown> = {
			NaN: NaN,
			Infinity: Infinity,
			'-Infinity': -Infinity,
			'-0': -0,
			undefined,
		};
		return value.slice(1) in named ? named[value.slice(1)] : value;
	};
	return texts.map((text) => {
		const value: unknown = JSON.parse(text);
		if (typeof value === 'string' && value.startsWith('§raw:')) return JSON.parse(value.slice(5)) as unknown;
		return JSON.parse(text, (_key, v: unknown) => marker(v)) as unknown;
	});
};

describe('hostile messages', () => {
	it(`the loader and the embed pages take ${hostile.length} hostile messages from each side: heights stay clamped, nothing navigates, nothing throws`, async () => {
		expect(hostile.length).toBeGreaterThanOrEqual(1000);
		const ctx = await context();
		const page = await ctx.newPage();
		const errors = consoleErrors(page);
		const navigations: string[] = [];
		const url = hostPage(
			ctx,
			`<div data-story-embed="${site.url}${embedPath}"></div>` +
				`<iframe id="impostor" title="other site" height="300" srcdoc="<p>another origin</p>"></iframe>` +
				`<script src="${site.url}/embed.js"></script>`,
		);
		await page.goto(url);
		await page.waitForFunction(
			() => (document.querySelector('iframe[src]')?.getAttribute('height') ?? '500') !== '500',
		);
		page.on('framenavigated', (f) => navigations.push(f.url()));
		const frame = embedFrame(page);
		const frameUrl = frame.url();
		const settled = await iframeHeights(page);

		// Every height the loader gives our iframe, from now on.
		await page.evaluate(() => {
			const iframe = document.querySelector('iframe[src]')!;
			const set: string[] = [];
			(window as unknown as { heightsSet: string[] }).heightsSet = set;
			new MutationObserver(() => set.push(iframe.getAttribute('height') ?? '')).observe(iframe, { attributes: true });
		});
		const send = `(${revive.toString()})`;

		// 1. From the wrong windows: the host page itself and another origin's iframe. Nothing changes.
		await page.evaluate(
			({ texts, send }) => {
				const all = (eval(send) as (t: string[]) => unknown[])(texts);
				const impostor = document.querySelector<HTMLIFrameElement>('#impostor')!.contentWindow!;
				for (const message of all) {
					window.postMessage(message, '*');
					impostor.postMessage(message, '*');
				}
			},
			{ texts: hostile, send },
		);
		const impostor = page.frames().find((f) => f !== page.mainFrame() && f !== frame)!;
		await impostor.evaluate(
			({ texts, send }) => {
				for (const message of (eval(send) as (t: string[]) => unknown[])(texts)) parent.postMessage(message, '*');
			},
			{ texts: hostile, send },
		);
		await page.waitForTimeout(300);
		expect(await iframeHeights(page)).toEqual(settled);

		// 2. From our iframe, to the loader: whatever it says, the height stays within the clamps.
		await frame.evaluate(
			({ texts, send }) => {
				for (const message of (eval(send) as (t: string[]) => unknown[])(texts)) parent.postMessage(message, '*');
				parent.postMessage({ type: 'story-embed:height', height: 432 }, '*');
			},
			{ texts: hostile, send },
		);
		await page.waitForFunction(() => document.querySelector('iframe[src]')?.getAttribute('height') === '432');
		const set = await page.evaluate(() => (window as unknown as { heightsSet: string[] }).heightsSet.map(Number));
		expect(set.filter((h) => !(h >= minHeight && h <= maxHeight))).toEqual([]);

		// 3. From the host page into the embed: it answers at most with its height, and nothing breaks.
		await page.evaluate(
			({ texts, send }) => {
				const embed = document.querySelector<HTMLIFrameElement>('iframe[src]')!.contentWindow!;
				for (const message of (eval(send) as (t: string[]) => unknown[])(texts)) embed.postMessage(message, '*');
			},
			{ texts: hostile, send },
		);
		await page.waitForTimeout(500);
		for (const h of await iframeHeights(page)) expect(h).toBeGreaterThanOrEqual(minHeight);
		expect(navigations).toEqual([]);
		expect(page.url()).toBe(url);
		expect(frame.url()).toBe(frameUrl);
		expect(await collected(page)).toEqual({ violations: [], errors: [] });
		expect(await collected(frame)).toEqual({ violations: [], errors: [] });
		expect(errors).toEqual([]);
		await ctx.close();
	});
});

/** Values for the URL: script, very long, malformed escapes, prototype names. */
const marker = 'xss1602';
const hostileValues = [
	`"><img src=x onerror=alert('${marker}')><svg onload=alert(1)>`,
	`</script><script>alert('${marker}')</script>`,
	`javascript:alert('${marker}')`,
	`${marker}${'A'.repeat(1500)}`, // five of these stay under the 16 kB a server takes in headers
	'__proto__',
	'constructor',
	`dark<${marker}>`,
];
const malformed = ['%E0%A4%A', '%', '%00', '%uFF1C', '%C0%BC'];

describe('hostile URLs change nothing but what they name, and reflect nothing', () => {
	// One context and page per page type, shared by its cases: each case is one navigation (a new document,
	// so the init script's record starts empty), and the browser's cache keeps the page's files between them.
	// What the page shows without a query is loaded first and compared against by every case.
	interface Tab {
		page: Page;
		errors: string[];
		dialogs: number;
		plain: View;
		close: () => Promise<void>;
	}
	interface View {
		html: string;
		main: string;
		theme: string | null;
	}
	const tabs = new Map<string, Promise<Tab>>();
	afterAll(async () => {
		for (const tab of tabs.values()) await (await tab).close();
	});
	const view = async (page: Page, url: string): Promise<View> => {
		await page.goto(url, { waitUntil: 'networkidle' });
		await pageSettled(page);
		return page.evaluate(() => ({
			html: document.documentElement.outerHTML,
			// What the page says: its headings, steps and figures (the gallery's details render lazily).
			main: [...document.querySelectorAll('h1, h2, h3, .step, figure')]
				.map(
					(el) =>
						`${el.localName}#${el.id}:${el.localName === 'figure' ? el.getAttribute('data-state') : el.textContent}`,
				)
				.join('\n'),
			theme: document.documentElement.dataset.theme ?? null,
		}));
	};
	const open = async (path: string): Promise<Tab> => {
		const ctx = await context();
		const page = await ctx.newPage();
		const tab = { page, errors: consoleErrors(page), dialogs: 0, close: () => ctx.close() } as Tab;
		page.on('dialog', (dialog) => {
			tab.dialogs++;
			void dialog.dismiss();
		});
		tab.plain = await view(page, `${site.url}${path}`);
		return tab;
	};
	const cases = Object.entries(types).flatMap(([type, path]) => [
		...hostileValues.map((value, i) => [type, `value ${i}`, path, value, false] as const),
		...malformed.map((raw) => [type, `malformed ${raw}`, path, raw, true] as const),
	]);

	it.each(cases)('%s page with %s', { timeout: 30_000 }, async (_type, _name, path, value, raw) => {
		if (!tabs.has(path)) tabs.set(path, open(path));
		const tab = await tabs.get(path)!;
		const encoded = raw ? value : encodeURIComponent(value);
		const query = `?step=${encoded}&theme=${encoded}&childId=${encoded}&q=${encoded}#${encoded}`;
		const hostileView = await view(tab.page, `${site.url}${path}${query}`);
		expect(tab.dialogs).toBe(0);
		expect(hostileView.html).not.toContain(marker);
		expect(hostileView.html).not.toContain('onerror=alert');
		expect(hostileView.theme).toBe(tab.plain.theme);
		expect(hostileView.main).toBe(tab.plain.main);
		expect(await collected(tab.page)).toEqual({ violations: [], errors: [] });
		expect(tab.errors).toEqual([]);
	});

	it('the embed still honours a valid ?theme= (what it names)', async () => {
		const ctx = await context();
		const page = await ctx.newPage();
		await page.goto(`${site.url}${embedPath}?theme=dark`);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await ctx.close();
	});
});
