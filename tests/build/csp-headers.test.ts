import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../helpers/host-headers.ts';
import { sitePages } from '../helpers/site-pages.ts';
import { serveStatic } from '../helpers/static-server.ts';

const siteDir = inject('siteDir');
// The copy in the build is what a host reads.
const rules = parseHeadersFile(readFileSync(join(siteDir, '_headers'), 'utf8'));

describe('the _headers file gives every page its security headers', () => {
	it.each(sitePages(siteDir))('%s', (path) => {
		const headers = headersFor(rules, path);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
		const policy = headers['content-security-policy'] ?? '';
		// One rule only: two would be joined by a comma into two policies, both enforced.
		expect(policy).not.toContain(',');
		expect(policy).toContain(path.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'self'");
		// The hashes of each page's inline code are in its <meta> policy; a header naming these
		// directives without them would block that code.
		expect(policy).not.toMatch(/(^|;)\s*(default-src|script-src|script-src-elem|style-src|style-src-elem)\s/);
		expect(policy).toMatch(/object-src 'none'/);
	});

	it('reads rules the way the hosts do', () => {
		const parsed = parseHeadersFile('# c\n/*\n  A: 1\n/:page/\n  B: 2\n/embed/*\n  A: 3\n');
		expect(headersFor(parsed, '/')).toEqual({ a: '1' });
		expect(headersFor(parsed, '/x/')).toEqual({ a: '1', b: '2' });
		expect(headersFor(parsed, '/embed/x/y/')).toEqual({ a: '1, 3' });
		expect(() => parseHeadersFile('  A: 1\n')).toThrow(/_headers:1/);
	});

	// An embed in sandbox="allow-scripts" has an opaque origin: its web font is a CORS request.
	it('the test server sends a built font file with CORS, as the hosts do', async () => {
		const font = readdirSync(join(siteDir, '_astro', 'fonts')).find((file) => file.endsWith('.woff2'));
		expect(font).toBeDefined();
		const server = await serveStatic(siteDir);
		try {
			const response = await fetch(`${server.url}/_astro/fonts/${font}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			const page = await fetch(`${server.url}/`);
			expect(page.headers.get('access-control-allow-origin')).toBeNull();
		} finally {
			await server.close();
		}
	});
});
