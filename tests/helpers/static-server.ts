import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile } from './host-headers.ts';

/** Content types of the files a built site serves, by extension (this server and the bench’s compressed one). */
export const contentTypes: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webp': 'image/webp',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
};

/** A running static server for a built site. */
export interface StaticServer {
	readonly url: string;
	close(): Promise<void>;
}

/**
 * Serves a folder on a free local port, the way a static host would (dir/ → dir/index.html), with
 * the headers its `_headers` file sets (public/_headers: the security headers Netlify and
 * Cloudflare Pages send).
 */
export async function serveStatic(root: string): Promise<StaticServer> {
	const headersFile = join(root, '_headers');
	const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
	const server: Server = createServer((request, response) => {
		const pathname = new URL(request.url ?? '/', 'http://x').pathname;
		let path: string;
		try {
			path = normalize(decodeURIComponent(pathname));
		} catch {
			response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request'); // malformed %-escapes
			return;
		}
		let file = join(root, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		// Hosts read _headers and never serve it.
		if (!file.startsWith(root) || !existsSync(file) || file === headersFile) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		response.writeHead(200, {
			...headersFor(rules, pathname),
			'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
		});
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
