import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, page } from '../helpers/built-site.ts';
import { sitePages } from '../helpers/site-pages.ts';

const siteDir = inject('siteDir');
const origin = 'http://site.test';
const idsCache = new Map<string, Set<string>>();

const idsOf = (path: string): Set<string> => {
	let ids = idsCache.get(path);
	if (!ids) {
		ids = new Set([...page(siteDir, path).querySelectorAll('[id]')].map((el) => el.id));
		idsCache.set(path, ids);
	}
	return ids;
};

/** Returns the built file a site path resolves to, the way a static host does, or null. */
function fileFor(pathname: string): string | null {
	const file = join(siteDir, decodeURIComponent(pathname));
	if (existsSync(file) && statSync(file).isFile()) return file;
	if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
	return null;
}

describe('links and resources', () => {
	it.each(sitePages(siteDir))('%s: every internal link and fragment resolves', (path) => {
		const doc = page(siteDir, path);
		const broken: string[] = [];
		for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src], iframe[src], source[src]')) {
			const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
			const url = new URL(raw, `${origin}${path}`);
			if (url.origin !== origin) continue;
			const target = url.pathname === path || url.pathname === '' ? path : url.pathname;
			if (!fileFor(target)) broken.push(`${raw} (no file)`);
			else if (url.hash && target.endsWith('/') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
				broken.push(`${raw} (no element with that id)`);
			}
		}
		expect(broken).toEqual([]);
	});

	it.each(sitePages(siteDir))('%s: loads nothing from another host', (path) => {
		const doc = page(siteDir, path);
		const external = [
			...doc.querySelectorAll('link[href]:not([rel~="canonical"]), script[src], img[src], iframe[src], source[src]'),
		]
			.filter((el) => !['canonical', 'alternate'].some((rel) => el.getAttribute('rel')?.split(' ').includes(rel)))
			.map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
			.filter((url) => /^(https?:)?\/\//.test(url) && new URL(url, origin).origin !== origin);
		expect(external).toEqual([]);
	});

	it('CSS and JS files reference no other host', () => {
		const assets = listFiles(siteDir).filter((f) => /\.(css|js)$/.test(f));
		for (const asset of assets) {
			const text = readFileSync(join(siteDir, asset), 'utf8');
			expect(text.match(/url\((['"]?)https?:\/\//g) ?? [], asset).toEqual([]);
			expect(text.match(/@import\s+(url\()?['"]?https?:/g) ?? [], asset).toEqual([]);
		}
	});
});
