import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, nginxHeadersFor, nginxLocation, parseHeadersFile } from '../../helpers/host-headers.ts';

// The README shows nginx the headers public/_headers gives Netlify and Cloudflare Pages, for a site
// built with a BASE_PATH: the two must say the same.
const snippet = /```nginx\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1] ?? '';
const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
// Cache lifetimes are the host's business; the snippet shows the security and CORS headers.
const shown = (headers: Record<string, string>) =>
	Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'cache-control'));

describe("the README's nginx snippet", () => {
	const base = nginxLocation(snippet) ?? '';

	it('is written for a base path, and every pattern starts with it', () => {
		expect(base).toMatch(/^\/.+\/$/);
		for (const [, pattern] of snippet.matchAll(/~\^(\S+)/g)) expect(pattern).toMatch(new RegExp(`^${base}`));
	});

	it.each(['/', '/the-cloud-race/', '/charts/ai-streak/', '/s/price-cuts/', '/embed/ai-streak/counted-back/'])(
		'sends the headers of public/_headers for the page %s under the base path',
		(path) => {
			expect(nginxHeadersFor(snippet, `${base}${path.slice(1)}`)).toEqual(shown(headersFor(rules, path)));
		},
	);

	it.each(['/_astro/fonts/4754989908504c4a.woff2', '/_astro/page.DFgwc4r3.js', '/favicon.png'])(
		'sends CORS for the web fonts only: %s',
		(path) => {
			const nginx = nginxHeadersFor(snippet, `${base}${path.slice(1)}`);
			expect(nginx['access-control-allow-origin']).toBe(headersFor(rules, path)['access-control-allow-origin']);
			expect(nginx['x-content-type-options']).toBe('nosniff');
		},
	);
});
