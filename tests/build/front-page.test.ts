import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { headingIds, methodologyFile } from '../../src/chapters/heading-ids.ts';
import { datasets } from '../../src/data/index.ts';
import { site } from '../../src/site.ts';
import { listFiles, page } from '../helpers/built-site.ts';

const siteDir = inject('siteDir');
const front = page(siteDir, '');
const chapterIds = [...front.querySelectorAll('section.chapter')].map((s) => s.id);
const meta = (doc: Document, key: string) =>
	doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the front page', () => {
	it('has a headline, dek, byline and publication date', () => {
		const masthead = front.querySelector('.masthead')!;
		expect(text(masthead.querySelector('h1'))).toBe(site.title);
		expect(text(masthead.querySelector('.masthead-dek'))).toBe(site.description);
		expect(text(masthead.querySelector('.masthead-byline'))).toMatch(/^By \S.*Published \d{1,2} \w+ \d{4}/);
		expect(masthead.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('lists every chapter in a navigation whose links land on the chapters', () => {
		const links = [...front.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
		expect(links).toEqual(chapterIds.map((id) => `#${id}`));
		for (const id of chapterIds) expect(front.getElementById(id)?.tagName).toBe('SECTION');
	});

	it('lists the sources of every dataset, grouped, with their links', () => {
		const sources = front.querySelector('#sources')!;
		expect(sources.querySelectorAll('h3').length).toBeGreaterThan(1);
		for (const dataset of datasets) {
			const entry = sources.querySelector(`[data-dataset="${dataset.name}"]`);
			expect(entry, dataset.name).not.toBeNull();
			expect(text(entry)).toContain(dataset.meta.title);
			for (const source of dataset.meta.sources) {
				expect(text(entry)).toContain(source.title);
				if (source.url) expect(entry!.querySelector(`a[href="${source.url}"]`), source.url).not.toBeNull();
			}
		}
	});

	it('explains how the story was made', () => {
		const methodology = text(front.querySelector('#methodology'));
		expect(front.querySelector('#methodology h2')?.textContent).toBe('How we made this');
		for (const point of [
			/Synergy Research Group measures worldwide/,
			/Canalys measures cloud infrastructure services in mainland China/,
			/restated the year before/,
			/single report/,
			/approximate city centres/,
			/when the site is built/,
		])
			expect(methodology).toMatch(point);
	});

	// The story check compares these ids with the chapters' and steps' (src/chapters/validate-story.ts).
	it("gives the methodology note's headings the ids the story check expects", () => {
		const built = [...front.querySelectorAll('#methodology :is(h1, h2, h3, h4, h5, h6)[id]')]
			.map((h) => h.id)
			.filter((id) => id !== 'methodology-title');
		const note = readFileSync(join('content', 'methodology.mdx'), 'utf8');
		expect(headingIds(methodologyFile, note).map((h) => h.id)).toEqual(built);
		expect(built.length).toBeGreaterThan(0);
	});

	it('credits who made it', () => {
		expect(front.querySelectorAll('#credits dt')).toHaveLength(site.credits.length);
	});
});

describe('every page', () => {
	const pages = [
		{ path: '', doc: front },
		...chapterIds.map((id) => ({ path: `${id}/`, doc: page(siteDir, `${id}/`) })),
	];

	it('links its chapter navigation to pages that exist, marking the current chapter', () => {
		for (const id of chapterIds) {
			const doc = page(siteDir, `${id}/`);
			const links = [...doc.querySelectorAll('nav.toc a')];
			expect(links.map((a) => a.getAttribute('href'))).toEqual(chapterIds.map((c) => `/${c}/`));
			for (const a of links) expect(existsSync(join(siteDir, a.getAttribute('href')!, 'index.html'))).toBe(true);
			expect(doc.querySelector('nav.toc a[aria-current="page"]')?.getAttribute('href')).toBe(`/${id}/`);
			for (const a of doc.querySelectorAll('.chapter-pager a, .chapter-end-links a')) {
				const href = a.getAttribute('href')!.split('#')[0]!;
				expect(existsSync(join(siteDir, href, 'index.html')), href).toBe(true);
			}
		}
	});

	it('has a title, description and a 1200x630 social card', () => {
		for (const { path, doc } of pages) {
			expect(meta(doc, 'og:title'), path).toBe(doc.title);
			expect(meta(doc, 'og:description')).toBe(meta(doc, 'description'));
			expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
			const image = new URL(meta(doc, 'og:image'));
			expect(image.protocol).toMatch(/^https?:$/);
			expect(existsSync(join(siteDir, image.pathname)), `${path}: ${image}`).toBe(true);
			expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')]).toEqual(['1200', '630']);
			expect(meta(doc, 'twitter:image')).toBe(image.href);
			expect(meta(doc, 'og:image:alt').length).toBeGreaterThan(20);
		}
	});

	it('shares the story’s card from the front page and its own card from each chapter', () => {
		expect(new URL(meta(front, 'og:image')).pathname).toBe('/s/cards/story.png');
		for (const id of chapterIds) {
			expect(new URL(meta(page(siteDir, `${id}/`), 'og:image')).pathname).toBe(`/s/cards/${id}.png`);
		}
	});

	it('serves its fonts itself, without preloads, and pins the theme before the body is drawn', () => {
		const files = listFiles(siteDir);
		for (const { doc } of pages) {
			// Only the charts' face is preloaded (a preloaded 'optional' font holds the first paint: issue 17).
			const preloads = [...doc.querySelectorAll('link[rel="preload"][as="font"]')].map((l) => l.getAttribute('href')!);
			expect(preloads).toHaveLength(1);
			const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n');
			const fonts = [...css.matchAll(/url\("?([^")]+\.woff2)"?\)/g)].map((m) => m[1]!);
			expect(fonts.length).toBeGreaterThanOrEqual(2);
			for (const href of [...preloads, ...fonts]) {
				expect(href).toMatch(/^\/[^/].*\.woff2$/);
				expect(files).toContain(href.slice(1));
			}
			const external = [...doc.querySelectorAll('link[href], script[src]')]
				.map((el) => el.getAttribute('href') ?? el.getAttribute('src')!)
				.filter((url) => /^(https?:)?\/\//.test(url) && !url.startsWith(new URL(meta(doc, 'og:url')).origin));
			expect(external).toEqual([]);
			const themeScript = [...doc.head.querySelectorAll('script:not([src])')].find((s) =>
				s.textContent?.includes('localStorage'),
			);
			expect(themeScript?.textContent).toMatch(/dataset\.theme/);
			expect(doc.querySelector('.reading-progress')?.getAttribute('aria-hidden')).toBe('true');
		}
	});
});
