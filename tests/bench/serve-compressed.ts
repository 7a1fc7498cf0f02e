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

/**
 * The rules of a static host's `_headers` file (public/_headers): a path pattern (`*` matches any
 * characters) on its own line, then indented `Name: value` lines. Returns the headers for a path.
 */
export function headersRules(text: string): (path: string) => Record<string, string> {
	const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const escaped = line
				.trim()
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replaceAll('*', '.*');
			rules.push({ pattern: new RegExp(`^${escaped}$`), headers: {} });
		} else if (rules.length) {
			const [name, ...value] = line.trim().split(':');
			rules.at(-1)!.headers[name!.trim().toLowerCase()] = value.join(':').trim();
		}
	}
	return (path) =>
		rules
			.filter((r) => r.pattern.test(path))
			.reduce<Record<string, string>>((all, r) => ({ ...all, ...r.headers }), {});
}

/**
 * Serves a built site with brotli or gzip, as a CDN would, with the headers of its `_headers` file
 * (so the cache lifetimes are the ones readers get); returns its URL and a close function.
 */
export async function serveCompressed(root: string): Promise<{ url: string; close: () => Promise<void> }> {
	const cache = new Map<string, { br: Buffer; gz: Buffer }>();
	const rulesFile = join(root, '_headers');
	const rulesFor = headersRules(existsSync(rulesFile) ? readFileSync(rulesFile, 'utf8') : '');
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		let file = join(root, normalize(path));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end('Not found');
		const ext = extname(file);
		const headers: Record<string, string> = {
			'content-type': types[ext] ?? 'application/octet-stream',
			...rulesFor(path),
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
