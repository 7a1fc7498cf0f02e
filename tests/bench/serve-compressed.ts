import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { contentTypes as types } from '../helpers/static-server.ts';

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.csv']);

/** Returns the brotli size of a text, at the quality a CDN uses for static files. */
export const brotliSize = (data: string | Buffer): number =>
	brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Serves a built site with brotli or gzip, as a CDN would; returns its URL and a close function. */
export async function serveCompressed(root: string): Promise<{ url: string; close: () => Promise<void> }> {
	const cache = new Map<string, { br: Buffer; gz: Buffer }>();
	const server = createServer((request, response) => {
		let file = join(root, normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end('Not found');
		const ext = extname(file);
		const headers: Record<string, string> = {
			'content-type': types[ext] ?? 'application/octet-stream',
			'cache-control': 'max-age=3600',
		};
		const accept = String(request.headers['accept-encoding'] ?? '');
		if (!compressible.has(ext) || !/\b(br|gzip)\b/.test(accept))
			return void response.writeHead(200, headers).end(readFileSync(file));
		let packed = cache.get(file);
		if (!packed) {
			const raw = readFileSync(file);
			packed = { br: brotliCompressSync(raw), gz: gzipSync(raw) };
			cache.set(file, packed);
		}
		const useBrotli = /\bbr\b/.test(accept);
		response.writeHead(200, { ...headers, 'content-encoding': useBrotli ? 'br' : 'gzip', vary: 'accept-encoding' });
		response.end(useBrotli ? packed.br : packed.gz);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
