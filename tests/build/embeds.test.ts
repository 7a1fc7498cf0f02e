import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, inflateSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { charts } from '../../src/charts/index.ts';
import { parseCsv, type Columns } from '../../src/data/define-dataset.ts';
import { embedDefaultWidth } from '../../src/publish/embed-size.ts';
import { embedWidths, thumbnailWidths } from '../../src/render/widths.ts';
import { embedUrls } from '../../src/publish/embed-urls.ts';
import { readPalettes } from '../../src/render/palette.ts';
import { pngScale } from '../../src/render/render-png.ts';
import { page } from '../helpers/built-site.ts';

const siteDir = inject('siteDir');
// The test build's public address (astro.config.mjs: SITE_URL, default) and base path (BASE_PATH, default).
const site = 'http://localhost:4321/';
const states = charts.flatMap((chart) => chart.stateNames.map((state) => ({ chart, state })));
const read = (path: string) => readFileSync(join(siteDir, path));
// Each page and PNG is parsed once and shared by the tests that read it (about 50 states, eight tests each).
const pages = new Map<string, Document>();
const built = (path: string) => pages.get(path) ?? pages.set(path, page(siteDir, path)).get(path)!;
const story = built('');

const pngs = new Map<string, { width: number; height: number }>();
/** `decodePng` of a built file, once per file. */
const png = (path: string) => pngs.get(path) ?? pngs.set(path, decodePng(read(path))).get(path)!;

/** Decodes a PNG far enough to prove it is whole: signature, size, and pixel data of the right length. */
function decodePng(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	const width = bytes.readUInt32BE(16);
	const height = bytes.readUInt32BE(20);
	const [bitDepth, colourType] = [bytes[24], bytes[25]];
	const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType!]!;
	const chunks: Buffer[] = [];
	for (let at = 8; at < bytes.length;) {
		const length = bytes.readUInt32BE(at);
		const type = bytes.toString('latin1', at + 4, at + 8);
		if (type === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	const pixels = inflateSync(Buffer.concat(chunks));
	expect(pixels.length).toBe(height * (1 + (width * channels * bitDepth!) / 8));
	return { width, height };
}

describe.each(states)('the embed of $chart.id / $state', ({ chart, state }) => {
	const path = embedUrls.embed(chart.id, state);
	const embed = built(path);
	const html = read(join(path, 'index.html')).toString();

	it('is only the figure: title, chart at every embed width, text alternative, table, source, credit, links', () => {
		const figure = embed.querySelector(`main figure.figure[data-chart="${chart.id}"][data-state="${state}"]`)!;
		expect(figure).not.toBeNull();
		expect(figure.querySelector('.figure-title')?.textContent).toBe(chart.title);
		const widths = [...figure.querySelectorAll('.figure-svg')].map((el) => Number(el.getAttribute('data-width')));
		expect(widths).toEqual([...embedWidths]);
		expect(figure.querySelectorAll('svg.plot')).toHaveLength(embedWidths.length);
		expect(embed.getElementById('embed-desc')?.textContent).toBe(chart.alt(state));
		expect(figure.querySelectorAll('table tbody tr')).toHaveLength(chart.table(state).rows.length);
		expect(figure.querySelector('.figure-source')?.textContent).toMatch(/Source/);
		expect(figure.querySelector('.embed-credit')?.textContent).toMatch(/Chart: /);
		const data = figure.querySelector('.embed-credit a[download]')?.getAttribute('href');
		expect(data).toBe(`/${embedUrls.csv(chart.id, state)}`);
		expect(embed.querySelector('nav, header, footer, .site-header')).toBeNull();
	});

	it('links back to the first story step that shows this state, or to the gallery when none does', () => {
		const links = [...embed.querySelectorAll('.embed-credit a')].map((a) => a.getAttribute('href')!);
		const back = links.find((href) => !href.endsWith('.csv'))!;
		const step = [...story.querySelectorAll(`.step[data-chart="${chart.id}"][data-state="${state}"]`)][0];
		if (step) expect(back).toBe(`/#${step.id}`);
		else expect(back).toBe(`/${embedUrls.galleryEntry(chart.id, state)}`);
		if (!step) expect(built(embedUrls.galleryChart(chart.id)).getElementById(`${chart.id}--${state}`)).not.toBeNull();
	});

	it('carries no scroll runtime and no external script: one small inline script', () => {
		expect(embed.querySelectorAll('script[src]')).toHaveLength(0);
		expect(embed.querySelector('story-scrolly')).toBeNull();
		const scripts = [...embed.querySelectorAll('script')].map((s) => s.textContent ?? '');
		expect(scripts).toHaveLength(1);
		expect(scripts[0]).not.toMatch(/scrollama|IntersectionObserver|observablehq/);
		// The frame script (heights, theme, links in sandboxes) and the details on demand (details-size.test.ts
		// holds their budget).
		expect(scripts[0]!.length).toBeLessThan(7000);
		// Everything it needs is in the HTML: no fetch at run time (a sandboxed iframe could not make one).
		expect(html).not.toMatch(/fetch\(|XMLHttpRequest|import\(/);
		// A map draws coastlines at each embed width (land is most of its bytes): it gets twice the budget.
		const drawsLand = html.includes('fill="var(--c-land)"');
		// Details on demand (#13) carry a mark-to-row map per embed width: the budget grew with them.
		expect(brotliCompressSync(html).length).toBeLessThan(drawsLand ? 20_000 : 10_000);
	});

	it('declares light and dark, and has the theme overrides for ?theme=', () => {
		expect(embed.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
		const css = [...embed.querySelectorAll('style')].map((s) => s.textContent).join('\n');
		const { light, dark } = readPalettes();
		expect(css).toContain(`:root[data-theme=dark]{color-scheme:dark;`);
		expect(css).toContain(`--c-alibaba:${dark['--c-alibaba']}`);
		expect(css).toContain(`--c-alibaba:${light['--c-alibaba']}`);
	});

	it('has oEmbed discovery early in <head>, og:image pointing at its PNG', () => {
		const oembed = `${site}${embedUrls.oembed(chart.id, state)}`;
		const link = embed.querySelector('head link[rel="alternate"][type="application/json+oembed"]');
		expect(link?.getAttribute('href')).toBe(oembed);
		// Early: right after the charset and the Content-Security-Policy, which must come first.
		const csp = html.toLowerCase().indexOf('http-equiv="content-security-policy"');
		const discovery = html.indexOf('application/json+oembed');
		expect(csp).toBeGreaterThan(0);
		expect(discovery).toBeGreaterThan(csp);
		expect(discovery).toBeLessThan(html.indexOf('<title>'));
		const pngUrl = `${site}${embedUrls.png(chart.id, state)}`;
		expect(embed.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(pngUrl);
		const { width, height } = png(embedUrls.png(chart.id, state));
		expect(embed.querySelector('meta[property="og:image:width"]')?.getAttribute('content')).toBe(String(width));
		expect(embed.querySelector('meta[property="og:image:height"]')?.getAttribute('content')).toBe(String(height));
	});

	it('has an oEmbed JSON: valid, type rich, an iframe of this embed, and the PNG as thumbnail', () => {
		const json = JSON.parse(read(embedUrls.oembed(chart.id, state)).toString()) as Record<string, unknown>;
		expect(json).toMatchObject({
			version: '1.0',
			type: 'rich',
			provider_name: expect.any(String) as unknown,
			provider_url: site,
			title: `${chart.title}: ${chart.label(state)}`,
			width: embedDefaultWidth,
			thumbnail_url: `${site}${embedUrls.png(chart.id, state)}`,
		});
		const iframe = embed.createElement('div');
		iframe.innerHTML = json.html as string;
		const frame = iframe.querySelector('iframe')!;
		expect(frame.getAttribute('src')).toBe(`${site}${path}`);
		expect(frame.getAttribute('title')).toBe(json.title);
		expect(frame.getAttribute('height')).toBe(String(json.height));
		expect(json.height).toBeGreaterThan(300);
		const thumbnail = png(embedUrls.png(chart.id, state));
		expect([json.thumbnail_width, json.thumbnail_height]).toEqual([thumbnail.width, thumbnail.height]);
	});

	it('has a PNG at twice the size of its SVG download, which is self-contained', () => {
		const svg = read(embedUrls.svg(chart.id, state)).toString();
		const [, width, height] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
		expect(png(embedUrls.png(chart.id, state))).toEqual({
			width: Number(width) * pngScale,
			height: Number(height) * pngScale,
		});
		// No CSS variables or currentColor left: it must look the same opened alone or in a layout program.
		expect(svg).not.toMatch(/var\(--|currentColor/);
		expect(svg).toContain('<style>svg.plot{');
		expect(svg).toContain(`<title id="title">${chart.title.replace('&', '&amp;')}`);
		expect(svg).toContain(`fill="${readPalettes().light['--ink']}"`);
		// Well-formed enough for resvg (a strict XML parser) to read it at the declared size (parsing needs no
		// fonts: loading the system's took most of this test's time).
		expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBe(Number(width));
	});

	it('has a CSV of exactly the rows the state shows, in the dataset’s own columns and values', () => {
		const table = chart.table(state);
		const csv = read(embedUrls.csv(chart.id, state)).toString();
		const source = chart.datasets.find((d) => table.columns.every((c) => c.key in d.columns));
		expect(source, 'a dataset with every column of the table').toBeDefined();
		const columns = Object.fromEntries(table.columns.map((c) => [c.key, source!.columns[c.key]!])) as Columns;
		const rows = parseCsv(csv, columns, 'download.csv');
		expect(csv.split('\n')[0]).toBe(table.columns.map((c) => c.key).join(','));
		expect(rows).toEqual(table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, row[c.key]]))));
		for (const row of rows) {
			const match = source!.rows.find((r) => table.columns.every((c) => r[c.key] === row[c.key]));
			expect(match, JSON.stringify(row)).toBeDefined();
		}
	});
});

describe('the gallery, /charts/', () => {
	const gallery = built('charts/');

	it('opens on a grid of every chart’s thumbnail, each linking to the chart’s page and to each of its states', () => {
		const cards = [...gallery.querySelectorAll('.gallery-card')];
		expect(cards).toHaveLength(charts.length);
		charts.forEach((chart, i) => {
			const card = cards[i]!;
			expect(card.querySelector('a.gallery-card-link')?.getAttribute('href')).toBe(
				`/${embedUrls.galleryChart(chart.id)}`,
			);
			const states = [...card.querySelectorAll('.gallery-card-states a')].map((a) => a.getAttribute('href'));
			expect(states).toEqual(chart.stateNames.map((state) => `/${embedUrls.galleryEntry(chart.id, state)}`));
		});
		// No figures to lay out on the first page: only images, lazily below the first row.
		expect(gallery.querySelectorAll('main figure, main svg')).toHaveLength(0);
		const loading = [...gallery.querySelectorAll('.gallery-card img')].map((img) => img.getAttribute('loading'));
		expect(loading).toEqual(charts.map((_, i) => (i < 3 ? 'eager' : 'lazy')));
	});

	it('shows thumbnails rendered at the size the grid shows them, small, and sized so nothing shifts', async () => {
		const [small, large] = thumbnailWidths;
		for (const [i, img] of [...gallery.querySelectorAll('.gallery-card img')].entries()) {
			const chart = charts[i]!;
			// The thumbnail files, never a full share card.
			expect(img.getAttribute('src')).toBe(`/${embedUrls.thumbnail(chart.id, small)}`);
			const srcset = img.getAttribute('srcset')!.split(', ');
			expect(srcset).toEqual(thumbnailWidths.map((w) => `/${embedUrls.thumbnail(chart.id, w)} ${w}w`));
			expect(img.getAttribute('sizes')).toMatch(/\b360px$/);
			for (const [n, width] of thumbnailWidths.entries()) {
				const bytes = read(srcset[n]!.split(' ')[0]!);
				// Decodes whole, as WebP, at the width it is listed at and the card's proportions.
				const { info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
				const meta = await sharp(bytes).metadata();
				expect(meta.format).toBe('webp');
				expect([info.width, info.height]).toEqual([width, Math.round((width * 630) / 1200)]);
				// A full 1200x630 card is about 46 kB; its 720 px thumbnail about a quarter of that.
				expect(bytes.length, srcset[n]).toBeLessThan(width === large ? 20_000 : 8_000);
			}
			// Width and height as the smallest file's: the browser reserves the box before it loads.
			expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual([
				String(small),
				String(Math.round((small * 630) / 1200)),
			]);
		}
	});

	it('has a page per chart with every state, its four embed codes and its downloads, all of which exist', () => {
		for (const { chart, state } of states) {
			const chartPage = built(embedUrls.galleryChart(chart.id));
			const entry = chartPage.getElementById(`${chart.id}--${state}`)!;
			expect(entry, `${chart.id}--${state}`).not.toBeNull();
			// The first state's figure is in the page; the others' previews are their embeds, loaded lazily.
			if (state === chart.defaultState) {
				expect(entry.querySelector(`figure[data-chart="${chart.id}"][data-state="${state}"]`)).not.toBeNull();
			} else {
				expect(entry.querySelector('figure')).toBeNull();
				const preview = entry.querySelector('.gallery-preview iframe')!;
				expect(preview.getAttribute('src')).toBe(`/${embedUrls.embed(chart.id, state)}`);
				expect(preview.getAttribute('loading')).toBe('lazy');
				expect(Number(preview.getAttribute('height'))).toBeGreaterThan(100);
			}
			const codes = [...entry.querySelectorAll('pre code')].map((c) => c.textContent ?? '');
			expect(codes).toHaveLength(4);
			const [responsive, iframe, url, amp] = codes as [string, string, string, string];
			const embed = `${site}${embedUrls.embed(chart.id, state)}`;
			// Responsive: the plain iframe first (what is left where a CMS strips scripts), then the loader.
			expect(responsive).toBe(`${iframe}\n<script async src="${site}embed.js"></script>`);
			expect(iframe).toMatch(new RegExp(`^<iframe src="${embed}" title="[^"]+" width="100%" height="\\d+"`));
			expect(url).toBe(embed);
			expect(amp).toMatch(
				new RegExp(
					`^<amp-iframe src="${embed}" title="[^"]+" layout="fixed-height" height="\\d+" resizable sandbox="allow-scripts allow-same-origin[^"]*"`,
				),
			);
			expect(amp).toContain(`<amp-img src="${site}${embedUrls.png(chart.id, state)}"`);
			expect(amp).toMatch(/ placeholder><\/amp-img>/);
			expect(amp).toMatch(/<button overflow type="button">[^<]+<\/button>/);
			expect(entry.querySelectorAll('button[data-copy]')).toHaveLength(4);
			const downloads = [...entry.querySelectorAll('.downloads a')].map((a) => a.getAttribute('href')!);
			expect(downloads).toEqual(['svg', 'png', 'csv'].map((ext) => `/charts/${chart.id}/${state}.${ext}`));
			for (const href of downloads) expect(existsSync(join(siteDir, href))).toBe(true);
		}
	});

	it('lays out only the first state of a chart’s page at load: the others, and their embeds, wait until they near the screen', () => {
		for (const chart of charts) {
			const chartPage = page(siteDir, embedUrls.galleryChart(chart.id));
			const css = [
				...[...chartPage.querySelectorAll('style')].map((style) => style.textContent ?? ''),
				...[...chartPage.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
					read(link.getAttribute('href')!).toString(),
				),
			].join('\n');
			// Each state after the first is skipped (content-visibility) with a height to stand in for it.
			expect(css).toMatch(/\.gallery-state\+\.gallery-state\{[^}]*content-visibility:auto/);
			expect(css).toMatch(/\.gallery-state\+\.gallery-state\{[^}]*contain-intrinsic-block-size:auto \d+px/);
			const entries = [...chartPage.querySelectorAll('.gallery-chart > *')];
			expect(entries.map((e) => e.className)).toEqual(chart.stateNames.map(() => 'gallery-state'));
			// One figure to lay out at load; the loader sizes the other states' previews.
			expect(chartPage.querySelectorAll('main figure')).toHaveLength(1);
			expect(chartPage.querySelector(`script[src="/${embedUrls.loader()}"]`)).not.toBeNull();
		}
	});

	it('has copy buttons that point at their code', () => {
		for (const chart of charts) {
			const chartPage = built(embedUrls.galleryChart(chart.id));
			for (const button of chartPage.querySelectorAll('button[data-copy]')) {
				expect(chartPage.getElementById(button.getAttribute('data-copy')!)?.tagName).toBe('CODE');
			}
		}
	});
});

describe('share pages, /s/<step>/', () => {
	const steps = [...story.querySelectorAll('.step')].map((step) => ({
		id: step.id,
		chart: step.getAttribute('data-chart')!,
		state: step.getAttribute('data-state')!,
	}));
	const meta = (doc: Document, key: string) =>
		doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

	it('exist for every step, with their own card, description and a way to the step', () => {
		expect(steps.length).toBeGreaterThan(10);
		const descriptions = new Set<string>();
		for (const { id, chart, state } of steps) {
			const share = built(`s/${id}/`);
			expect(meta(share, 'og:title')).toContain(charts.find((c) => c.id === chart)!.title);
			const description = meta(share, 'og:description')!;
			expect(description.length, id).toBeGreaterThan(20);
			expect(description.length, id).toBeLessThanOrEqual(200);
			expect(description).not.toMatch(/[<>*{}]/);
			descriptions.add(description);
			expect(meta(share, 'og:image')).toBe(`${site}charts/${chart}/${state}.card.png`);
			expect([meta(share, 'og:image:width'), meta(share, 'og:image:height')]).toEqual(['1200', '630']);
			expect(meta(share, 'og:url')).toBe(`${site}s/${id}/`);
			expect(meta(share, 'twitter:card')).toBe('summary_large_image');
			expect(share.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(site);
			expect(share.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=/#${id}`);
			expect(share.querySelector(`main a[href="/#${id}"]`)).not.toBeNull();
			expect(share.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
		}
		// The step's own words, not one description for all, with its figures as they read in the story.
		expect(descriptions.size).toBe(steps.length);
		const bigThree = story.querySelector('#the-big-three .step-text')!.textContent.replace(/\s+/g, ' ').trim();
		expect(meta(built('s/the-big-three/'), 'og:description')).toBe(bigThree);
	});

	it('have cards that decode as 1200x630 PNGs, and the story and every chapter have one too', () => {
		const cards = new Set(steps.map(({ chart, state }) => `charts/${chart}/${state}.card.png`));
		for (const card of cards) expect(png(card), card).toEqual({ width: 1200, height: 630 });
		const pages = ['', ...[...story.querySelectorAll('section.chapter')].map((s) => `${s.id}/`)];
		for (const path of pages) {
			const image = meta(built(path), 'og:image')!;
			expect(image).toBe(`${site}s/cards/${path.replace(/\/$/, '') || 'story'}.png`);
			expect(png(image.slice(site.length)), image).toEqual({ width: 1200, height: 630 });
		}
	});

	it('are what “Link to this step” points at', () => {
		for (const { id } of steps) {
			expect(story.querySelector(`#${id} a.step-link`)?.getAttribute('href')).toBe(`/s/${id}/`);
		}
	});
});

describe('/embed.js', () => {
	it('is a small, stable, unhashed classic script without Plot or d3', () => {
		const code = read('embed.js').toString();
		expect(code.length).toBeLessThan(4_000);
		expect(brotliCompressSync(code).length).toBeLessThan(1_500);
		expect(code).not.toMatch(/^import |^export |observablehq|scaleLinear/m);
		expect(code).toContain('story-embed:height');
	});
});

// Embed codes, oEmbed and links under a base path and a public address: tests/build/corrections.test.ts,
// whose copy of the story is built that way (one build for both).
