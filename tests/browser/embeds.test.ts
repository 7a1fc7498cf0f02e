import type { Browser, BrowserContextOptions, ElementHandle, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPalettes } from '../../src/render/palette.ts';
import { pickEmbedWidth } from '../../src/publish/embed-size.ts';
import { page as builtPage } from '../helpers/built-site.ts';
import { launchChromium } from '../../src/cli/chromium.ts';
import { serveHost, type HostServer } from '../helpers/host-server.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/**
 * Journalists' pages, played by a host server on another origin (another local port) than the
 * site's. The embed codes are the ones the gallery hands out, with the test build's public
 * address (http://localhost:4321/) replaced by the site server's.
 */
let browser: Browser;
let site: StaticServer;
let host: HostServer;

beforeAll(async () => {
	[browser, site, host] = await Promise.all([launchChromium(), serveStatic(inject('siteDir')), serveHost()]);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	await host?.close();
});

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const desktop = { viewport: { width: 1280, height: 800 } };
const built = 'http://localhost:4321';
const rgb = (hex: string) => {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	return `rgb(${r}, ${g}, ${b})`;
};
const atSite = (code: string) => code.replaceAll(`${built}/`, `${site.url}/`);

/** The four embed codes the gallery's chart page shows for a chart state, pointing at the test site. */
function codes(chart: string, state: string) {
	const entry = builtPage(inject('siteDir'), `charts/${chart}/`).getElementById(`${chart}--${state}`)!;
	const [responsive, iframe, url, amp] = [...entry.querySelectorAll('pre code')].map((c) =>
		atSite(c.textContent ?? ''),
	);
	return { responsive: responsive!, iframe: iframe!, url: url!, amp: amp! };
}

/** The responsive code as a CMS that strips scripts leaves it. */
const stripScripts = (code: string) => code.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

/** Publishes a host page (an article column around the given HTML) and returns its URL. */
function hostPage(name: string, body: string, head = ''): string {
	host.pages.set(
		`/${name}`,
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title><link rel="icon" href="data:,">${head}</head>` +
			`<body style="margin:0;font-family:serif"><main style="max-width:720px;margin:0 auto;padding:0 16px"><h1>A newsroom article</h1><p>Text before the chart.</p>${body}<p>Text after the chart.</p></main></body></html>`,
	);
	return `${host.url}/${name}`;
}

async function open(url: string, options: BrowserContextOptions = desktop, before?: (page: Page) => void) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	before?.(page);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
	await page.goto(url);
	return { page, errors, close: () => context.close() };
}

/** The n-th iframe on the host page, once its document has loaded. */
async function frameAt(page: Page, n: number): Promise<{ element: ElementHandle<HTMLIFrameElement>; frame: Frame }> {
	const element = (await page.waitForSelector(`iframe >> nth=${n}`, {
		state: 'attached',
	})) as ElementHandle<HTMLIFrameElement>;
	await element.scrollIntoViewIfNeeded();
	const frame = (await element.contentFrame())!;
	await frame.waitForLoadState('load');
	await frame.waitForSelector('figure.figure');
	return { element, frame };
}

const contentHeight = (frame: Frame) =>
	frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const frameHeight = (element: ElementHandle<HTMLIFrameElement>) =>
	element.evaluate((iframe) => Math.round(iframe.getBoundingClientRect().height));

/**
 * Waits until the iframe is exactly as tall as the embed's content. How soon is not asserted here (a
 * busy machine delays any page): the loader sizes it on the embed's first message, no timer involved.
 */
async function expectFits(element: ElementHandle<HTMLIFrameElement>, frame: Frame) {
	await expect
		.poll(async () => (await frameHeight(element)) - (await contentHeight(frame)), { timeout: 10_000, interval: 25 })
		.toBe(0);
}

/** The chart width the embed shows (the visible SVG), and the width its container offers. */
const shownWidth = (frame: Frame) =>
	frame.evaluate(() => {
		const visible = [...document.querySelectorAll<HTMLElement>('.figure-svg')].filter((el) => el.offsetParent);
		return {
			shown: visible.map((el) => Number(el.dataset.width)),
			container: document.querySelector('.figure-chart')!.getBoundingClientRect().width,
		};
	});

describe('tier 1, the plain iframe', () => {
	it('shows the whole figure at its default height in an article column, with no script', async () => {
		const { iframe } = codes('world-cloud-share', 'alibaba');
		const { page, errors, close } = await open(hostPage('plain', iframe));
		const { element, frame } = await frameAt(page, 0);
		const height = await frameHeight(element);
		const content = await contentHeight(frame);
		expect(content).toBeLessThanOrEqual(height);
		expect(height - content).toBeLessThan(80);
		const { shown, container } = await shownWidth(frame);
		expect(shown).toEqual([pickEmbedWidth(container)]);
		expect(await frame.locator('.embed-credit').isVisible()).toBe(true);
		expect(errors).toEqual([]);
		await close();
	});
});

describe.each([
	['phone', phone, desktop],
	['desktop', desktop, phone],
] as const)('tier 2, responsive with the loader, on a %s', (_name, device, other) => {
	it('sizes each iframe to its content once loaded, and again after the page is resized', async () => {
		const a = codes('world-cloud-share', 'big-three').responsive;
		const b = codes('china-cloud-market', 'latest').responsive;
		// Two charts, one script: the second code's script tag is the same file, loaded once.
		const { page, errors, close } = await open(hostPage(`responsive-${_name}`, `${a}<p>Between.</p>${b}`), device);
		for (const n of [0, 1]) {
			const { element, frame } = await frameAt(page, n);
			await expectFits(element, frame);
			const { shown, container } = await shownWidth(frame);
			expect(shown).toEqual([pickEmbedWidth(container)]);
		}
		await page.setViewportSize(other.viewport);
		for (const n of [0, 1]) {
			const { element, frame } = await frameAt(page, n);
			await expectFits(element, frame);
			const { shown, container } = await shownWidth(frame);
			expect(shown).toEqual([pickEmbedWidth(container)]);
		}
		expect(await page.locator('iframe').count()).toBe(2);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('the loader', () => {
	it('follows the content when a reader opens the data table', async () => {
		const { page, close } = await open(hostPage('table', codes('china-cloud-share', 'rivals').responsive));
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		const before = await frameHeight(element);
		await frame.locator('.figure-data summary').click();
		await expectFits(element, frame);
		expect(await frameHeight(element)).toBeGreaterThan(before);
		await close();
	});

	it('accepts Pym’s data-pym-src markup', async () => {
		const { url } = codes('china-cloud-share', 'leaders');
		const loader = `${site.url}/embed.js`;
		const { page, close } = await open(
			hostPage('pym', `<div id="graphic" data-pym-src="${url}"></div><script src="${loader}"></script>`),
		);
		const { element, frame } = await frameAt(page, 0);
		expect(new URL(frame.url()).searchParams.get('childId')).toBe('graphic');
		await expectFits(element, frame);
		await close();
	});

	it('resizes a plain iframe of ours too, when the page also has the script', async () => {
		const { iframe } = codes('china-cloud-market', 'growth');
		const { page, close } = await open(
			hostPage('plain-with-loader', `${iframe}<script async src="${site.url}/embed.js"></script>`),
			phone,
		);
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		await close();
	});

	it('ignores bad heights, messages from other origins or frames, and requests to navigate', async () => {
		const impostor = `${host.url}/impostor`;
		host.pages.set(
			'/impostor',
			`<!doctype html><title>impostor</title><script>parent.postMessage({ type: 'story-embed:height', height: 777 }, '*');</script>`,
		);
		const other = `<iframe id="other" src="${host.url}/impostor" title="Not ours"></iframe>`;
		const { page, close } = await open(hostPage('attacks', `${codes('world-cloud-share', 'market').responsive}`));
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		const fitted = await frameHeight(element);
		// Our listener is added after the loader's, so by the time it sees a message the loader has handled it.
		await page.evaluate(() => {
			const w = window as unknown as { seen: unknown[] };
			w.seen = [];
			addEventListener('message', (event) => w.seen.push(event.data));
		});
		const seen = (what: string) =>
			page.waitForFunction(
				(w) => (window as unknown as { seen: unknown[] }).seen.some((m) => JSON.stringify(m) === w),
				what,
			);

		// From our iframe, on our origin, but not a valid height (or asking to navigate). Messages from
		// one frame arrive in order: once the last is seen, the loader has handled them all.
		const bad = ['640', '640px', -10, 0, null, Number.POSITIVE_INFINITY, Number.NaN, { height: 640 }];
		const last = { message: 'link', value: 'https://example.com/' };
		await frame.evaluate(
			({ heights, last }) => {
				for (const height of heights) parent.postMessage({ type: 'story-embed:height', height }, '*');
				parent.postMessage('pymxPYMxgraphicxPYMxnavigateToxPYMxhttps://example.com/', '*');
				parent.postMessage(last, '*');
			},
			{ heights: bad, last },
		);
		await seen(JSON.stringify(last));
		expect(await frameHeight(element)).toBe(fitted);
		expect(page.url()).toBe(`${host.url}/attacks`);
		// The same frame with a valid height is obeyed: the loader was listening all along.
		await frame.evaluate(() => parent.postMessage({ type: 'story-embed:height', height: 432 }, '*'));
		await expect.poll(() => frameHeight(element)).toBe(432);
		await frame.evaluate(() => parent.postMessage({ type: 'story-embed:height', height: 400 }, '*'));
		await expect.poll(() => frameHeight(element)).toBe(400);
		const resized = 400;

		// A valid message from another frame of the page (another origin than the site's).
		await page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), other);
		await page.waitForFunction(() =>
			(window as unknown as { seen: { height?: number }[] }).seen.some((m) => m?.height === 777),
		);
		expect(await frameHeight(element)).toBe(resized);

		// A valid message from our iframe's window, once it shows a page of another origin.
		await frame.evaluate((url) => location.assign(url), impostor);
		await page.waitForFunction(
			() => (window as unknown as { seen: { height?: number }[] }).seen.filter((m) => m?.height === 777).length >= 2,
		);
		expect(await frameHeight(element)).toBe(resized);
		expect(page.url()).toBe(`${host.url}/attacks`);
		await close();
	});

	it('clamps heights it accepts', async () => {
		const { page, close } = await open(hostPage('clamp', codes('world-cloud-share', 'market').responsive));
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		await frame.evaluate(() => parent.postMessage({ type: 'story-embed:height', height: 1e9 }, '*'));
		await expect.poll(() => frameHeight(element)).toBe(5000);
		await frame.evaluate(() => parent.postMessage({ type: 'story-embed:height', height: 2 }, '*'));
		await expect.poll(() => frameHeight(element)).toBe(150);
		await close();
	});

	it('adopts the responsive code’s iframe: resizes it, never replaces or reloads it', async () => {
		const { responsive } = codes('china-cloud-share', 'alibaba');
		const loads: string[] = [];
		const { page, close } = await open(hostPage('adopt', responsive), desktop, (p) =>
			p.on('framenavigated', (f) => f !== p.mainFrame() && loads.push(f.url())),
		);
		await page.evaluate(() => ((document.querySelector('iframe') as HTMLIFrameElement & { mark?: 1 }).mark = 1));
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		expect(await element.evaluate((f: HTMLIFrameElement & { mark?: 1 }) => f.mark)).toBe(1);
		expect(await page.locator('iframe').count()).toBe(1);
		expect(loads).toHaveLength(1);
		await close();
	});

	it.each([
		['the script stripped', false],
		['JavaScript off', true],
	] as const)('shows the whole chart at its default height with %s', async (_name, noJs) => {
		const { responsive, iframe } = codes('china-cloud-share', 'alibaba');
		const stripped = stripScripts(responsive).trim();
		expect(stripped).toBe(iframe);
		const { page, errors, close } = await open(hostPage(`stripped-${noJs}`, noJs ? responsive : stripped), {
			...desktop,
			javaScriptEnabled: !noJs,
		});
		const element = (await page.waitForSelector('iframe')) as ElementHandle<HTMLIFrameElement>;
		const frame = (await element.contentFrame())!;
		await frame.waitForSelector('.embed-credit');
		const height = await frameHeight(element);
		expect(height).toBe(Number(/height="(\d+)"/.exec(iframe)![1]));
		if (!noJs) {
			await frame.evaluate(() => document.fonts.ready);
			const content = await contentHeight(frame);
			expect(content).toBeLessThanOrEqual(height);
			expect(height - content).toBeLessThanOrEqual(24);
		}
		expect(await frame.locator('.embed-credit').isVisible()).toBe(true);
		expect(errors).toEqual([]);
		await close();
	});

	it('keeps today’s placeholder codes working (the div and its script)', async () => {
		const { url } = codes('china-cloud-market', 'latest');
		const placeholder = `<div data-story-embed="${url}" data-title="Chart" data-height="500"><noscript>PNG</noscript></div><script async src="${site.url}/embed.js"></script>`;
		const { page, close } = await open(hostPage('placeholder', placeholder));
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		await close();
	});
});

describe('AMP', () => {
	it('resizes an amp-iframe through the embed page’s embed-size message', async () => {
		const { amp } = codes('world-cloud-share', 'market');
		expect(amp).toMatch(/^<amp-iframe [^>]*resizable/);
		// amp-iframe's side, as AMP documents it: an iframe with the code's sandbox and src + #amp=1, and a
		// listener that takes {sentinel: 'amp', type: 'embed-size', height} from that iframe only.
		const src = /src="([^"]+)"/.exec(amp)![1]!;
		const sandbox = /sandbox="([^"]+)"/.exec(amp)![1]!;
		const height = /height="(\d+)"/.exec(amp)![1]!;
		const runtime = `<script>window.amp = { sizes: [], ready: 0 };
			addEventListener('message', (e) => {
				const f = document.querySelector('iframe'); const d = e.data;
				if (e.source !== f.contentWindow || !d || d.sentinel !== 'amp') return;
				if (d.type === 'embed-ready') amp.ready += 1;
				if (d.type === 'embed-size' && d.height >= 100) { amp.sizes.push(d.height); f.style.height = d.height + 'px'; }
			});</script>`;
		const frameCode = `<iframe src="${src}#amp=1" sandbox="${sandbox}" height="${height}" style="width:100%;border:0" scrolling="no"></iframe>`;
		const { page, errors, close } = await open(hostPage('amp', frameCode, runtime), phone);
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		const got = await page.evaluate(() => (window as unknown as { amp: { sizes: number[]; ready: number } }).amp);
		expect(got.sizes.at(-1)).toBe(await contentHeight(frame));
		expect(got.ready).toBe(1);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('the loader and colour schemes', () => {
	it.each([
		['a light page, for a reader whose system is dark', 'background:#ffffff', 'dark', 'light'],
		[
			'a dark page that does not declare color-scheme, for a reader whose system is light',
			'background:#121212',
			'light',
			'dark',
		],
		['a page that supports both schemes, for a reader whose system is dark', 'color-scheme:light dark', 'dark', 'dark'],
		[
			'a page that supports both schemes, for a reader whose system is light',
			'color-scheme:light dark',
			'light',
			'light',
		],
	] as const)('matches %s', async (_name, style, system, expected) => {
		const { responsive } = codes('world-cloud-share', 'alibaba');
		const html = `<div style="${style};padding:8px">${responsive}</div>`;
		const { page, close } = await open(hostPage(`scheme-${expected}-${system}`, html), {
			...desktop,
			colorScheme: system,
		});
		const { frame } = await frameAt(page, 0);
		const { light, dark } = readPalettes();
		const palette = expected === 'dark' ? dark : light;
		const alibaba = await frame.evaluate(() =>
			getComputedStyle(document.documentElement).getPropertyValue('--c-alibaba').trim(),
		);
		expect(alibaba).toBe(palette['--c-alibaba']);
		await close();
	});
});

describe('tier 3, the URL, through oEmbed discovery as WordPress does it', () => {
	it('finds the oEmbed JSON, and its iframe works and is resized inside WordPress’ sandbox', async () => {
		const { url } = codes('china-cloud-market', 'size');
		// What WordPress does with a pasted URL: read the page's <head>, fetch the oEmbed JSON it links to.
		const head = await (await fetch(url)).text();
		const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(head)?.[1];
		const oembed = (await (await fetch(atSite(href!))).json()) as { html: string; height: number; type: string };
		expect(oembed.type).toBe('rich');
		// …then sandbox the iframe, give it a secret, and resize it with wp-embed.js' rules (source, secret, 200–1000).
		const secret = 'Ab12Cd34Ef';
		const iframe = atSite(oembed.html)
			.replace(
				'<iframe ',
				`<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" data-secret="${secret}" `,
			)
			.replace(/src="([^"]+)"/, `src="$1#?secret=${secret}"`);
		const wpEmbed = `<script>addEventListener('message', (e) => {
			const d = e.data; if (!d || d.message !== 'height' || /[^a-zA-Z0-9]/.test(d.secret)) return;
			for (const f of document.querySelectorAll('iframe[data-secret="' + d.secret + '"]')) {
				if (e.source !== f.contentWindow) continue;
				f.height = Math.min(1000, Math.max(200, parseInt(d.value, 10)));
				f.dataset.resized = 'by wp-embed';
			}
		});</script>`;
		const requests: string[] = [];
		const { page, errors, close } = await open(hostPage('wordpress', iframe, wpEmbed), desktop, (p) =>
			p.on('request', (request) => requests.push(request.url())),
		);
		const { element, frame } = await frameAt(page, 0);
		await expectFits(element, frame);
		expect(await element.getAttribute('data-resized')).toBe('by wp-embed');
		// Its links could not open in that sandbox: they show their addresses instead.
		expect(await frame.locator('.embed-credit a, .figure-source a').count()).toBe(0);
		expect(await frame.locator('.embed-credit .embed-address').allTextContents()).toEqual([
			expect.stringMatching(/^Get the data: 127\.0\.0\.1:\d+\/charts\/china-cloud-market\/size\.csv$/),
			expect.stringMatching(/^(See it in the story|More charts from the story): 127\.0\.0\.1:\d+\/\S*$/),
		]);
		// Inside the sandbox the document has an opaque origin: it fetches nothing but the charts' font,
		// a CORS request that public/_headers answers, so the embed is drawn in the Inter it was sized for.
		expect(requests.filter((r) => r.startsWith(site.url))).toEqual([
			`${site.url}/embed/china-cloud-market/size/`,
			expect.stringMatching(/\/_astro\/fonts\/\w+\.woff2$/),
		]);
		expect(
			await frame.evaluate(() =>
				[...document.fonts].some((f) => f.family.includes('Inter embed') && f.status === 'loaded'),
			),
		).toBe(true);
		expect(errors).toEqual([]);
		await close();
	});
});

describe('the embed page on its own', () => {
	it('speaks Pym, AMP, Embedly, WordPress and our own protocol, all with its height', async () => {
		const { url } = codes('world-cloud-share', 'alibaba');
		const iframe = `<iframe src="${url}?childId=chart-1#?secret=abc123" title="Chart" width="100%" height="300"></iframe>`;
		const recorder = `<script>window.received = []; addEventListener('message', (e) => received.push(e.data));</script>`;
		const { page, close } = await open(hostPage('protocols', iframe, recorder));
		const { frame } = await frameAt(page, 0);
		const height = await contentHeight(frame);
		await page.waitForFunction((h) => {
			const all = (window as unknown as { received: unknown[] }).received;
			return all.includes(`pymxPYMxchart-1xPYMxheightxPYMx${h}`);
		}, height);
		const received = await page.evaluate(() => (window as unknown as { received: unknown[] }).received);
		expect(received).toContainEqual({ type: 'story-embed:height', height });
		expect(received).toContainEqual({ sentinel: 'amp', type: 'embed-size', height });
		expect(received).toContainEqual({ message: 'height', value: height, secret: 'abc123' });
		const embedly = received.filter((m): m is string => typeof m === 'string' && m.startsWith('{'));
		expect(JSON.parse(embedly.at(-1)!)).toMatchObject({ context: 'iframe.resize', height });
		// Nothing but heights, and AMP's embed-ready once (amp-iframe may then hide its placeholder).
		const ready = received.filter((m) => JSON.stringify(m) === '{"sentinel":"amp","type":"embed-ready"}');
		expect(ready).toHaveLength(1);
		for (const message of received.filter((m) => !ready.includes(m))) expect(JSON.stringify(message)).toMatch(/height/);
		await close();
	});

	it('follows the reader’s colour scheme, and ?theme= overrides it', async () => {
		const { light, dark } = readPalettes();
		const { url } = codes('china-cloud-share', 'alibaba');
		const context = await browser.newContext({ ...desktop, colorScheme: 'dark' });
		const page = await context.newPage();
		const look = () =>
			page.evaluate(() => {
				const style = getComputedStyle(document.documentElement);
				return {
					alibaba: style.getPropertyValue('--c-alibaba').trim(),
					scheme: style.colorScheme,
					bg: style.backgroundColor,
				};
			});
		await page.goto(url);
		expect(await look()).toMatchObject({ alibaba: dark['--c-alibaba'], bg: rgb(dark['--bg-card']!) });
		await page.goto(`${url}?theme=light`);
		expect(await look()).toMatchObject({
			alibaba: light['--c-alibaba'],
			scheme: 'light',
			bg: rgb(light['--bg-card']!),
		});
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(`${url}?theme=dark`);
		expect(await look()).toMatchObject({ alibaba: dark['--c-alibaba'], scheme: 'dark', bg: rgb(dark['--bg-card']!) });
		await context.close();
	});
});

describe('the gallery', () => {
	it('copies an embed code with its button', async () => {
		const context = await browser.newContext(desktop);
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
		const page = await context.newPage();
		await page.goto(`${site.url}/charts/china-cloud-share/`);
		const entry = page.locator('#china-cloud-share--alibaba');
		const code = await entry.locator('pre code').nth(1).textContent();
		await entry.getByRole('button', { name: 'Copy the plain iframe code' }).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
		expect(await entry.locator('.copy-status').nth(1).textContent()).toBe('Copied');
		await context.close();
	});
});
