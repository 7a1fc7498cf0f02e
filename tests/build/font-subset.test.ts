import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkitten';
import { describe, expect, inject, it } from 'vitest';
import { fontFaces, pageText } from '../../src/render/font-subset.ts';
import { listFiles } from '../helpers/built-site.ts';

const siteDir = inject('siteDir');
const pages = listFiles(siteDir)
	.filter((f) => f.endsWith('.html'))
	.map((path) => ({ path, html: readFileSync(join(siteDir, path), 'utf8') }))
	.filter((p) => fontFaces(p.html).length > 0);
const fontFile = (url: string) => readFileSync(join(siteDir, url.slice(url.indexOf('_astro/'))));
// The files the subsets are cut from (astro.config.mjs): a character they never had is not lost.
const originals = [
	'node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
	'node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
].map((file) => create(readFileSync(file)));
const originalOf = (font: { familyName: string }) => {
	const found = originals.find((o) => !o.isCollection && o.familyName === font.familyName);
	if (!found || found.isCollection) throw new Error(`No original for ${font.familyName}`);
	return found;
};

describe('the subset web fonts (src/render/font-subset.ts)', () => {
	it('are loaded by the story and its chapters', () => {
		expect(pages.map((p) => p.path)).toContain('index.html');
		expect(pages.length).toBeGreaterThan(1);
	});

	it('draw every character of every page that loads them', () => {
		for (const { path, html } of pages) {
			const text = new Set(pageText(html).replace(/\s/g, ''));
			for (const face of fontFaces(html)) {
				const font = create(fontFile(face.url));
				if (font.isCollection) throw new Error(`${face.url} is a collection`);
				const original = originalOf(font);
				const missing = [...text].filter(
					(c) => original.hasGlyphForCodePoint(c.codePointAt(0)!) && !font.hasGlyphForCodePoint(c.codePointAt(0)!),
				);
				expect(missing.join(''), `${path}: ${face.url}`).toBe('');
			}
		}
	});

	it('carry only the weights their @font-face declares, and are small', () => {
		for (const face of fontFaces(pages[0]!.html)) {
			const bytes = fontFile(face.url);
			const font = create(bytes);
			if (font.isCollection) throw new Error(`${face.url} is a collection`);
			const { min, max } = font.variationAxes.wght ?? { min: NaN, max: NaN };
			expect([min, max], face.url).toEqual(face.weight);
			// The full latin files were 47 and 50 KiB.
			expect(bytes.length, face.url).toBeLessThan(24 * 1024);
			// Named for their content, so a cached subset of an older build is never reused.
			expect(face.url).toMatch(/\/[0-9a-f]{16}\.woff2$/);
		}
	});
});
