import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, page } from '../helpers/built-site.ts';

/**
 * The pages' CSS, now that components carry their own styles: Astro inlines some of it and links the
 * rest, in chunks that differ from page to page. Each page stays within the budget, and every inline
 * style is allowed by the page's Content-Security-Policy (its hash is listed).
 */
const siteDir = inject('siteDir');
const htmlPages = listFiles(siteDir).filter((file) => file.endsWith('.html'));
// One page of each kind: the story, a chapter, the gallery, an embed.
const kinds = [
	'index.html',
	htmlPages.find((f) => /^[^/]+\/index\.html$/.test(f) && !f.startsWith('charts/'))!,
	'charts/index.html',
	htmlPages.find((f) => f.startsWith('embed/'))!,
];

function css(doc: Document): { inline: string[]; linked: string[] } {
	return {
		inline: [...doc.querySelectorAll('style')].map((style) => style.textContent ?? ''),
		linked: [...doc.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
			readFileSync(join(siteDir, link.getAttribute('href')!), 'utf8'),
		),
	};
}

describe('the CSS of every kind of page', () => {
	it.each(kinds)('%s: at most 15 KB, brotli-compressed', (file) => {
		const { inline, linked } = css(page(siteDir, file));
		expect(linked.length + inline.length).toBeGreaterThan(0);
		expect(brotliCompressSync([...inline, ...linked].join('\n')).length).toBeLessThan(15_000);
	});
});

describe('every page', () => {
	it('lists the hash of each of its inline styles in its CSP', () => {
		for (const file of htmlPages) {
			const doc = page(siteDir, file);
			const policy = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
			const styleSrc = /style-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? [];
			expect(styleSrc, file).not.toContain("'unsafe-inline'");
			for (const style of css(doc).inline) {
				const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
				expect(styleSrc, `${file}: ${style.slice(0, 60)}`).toContain(hash);
			}
		}
	});
});
