import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A host page's server: the HTML a test puts at a path, served on another origin than the site's. */
export interface HostServer {
	readonly url: string;
	readonly pages: Map<string, string>;
	close(): Promise<void>;
}

/**
 * Serves the pages a test writes into `pages` on localhost (the site is on 127.0.0.1), so the host is
 * another origin even apart from the port. Not a routed fake host: Chromium would treat that as a
 * public site and refuse it loopback frames.
 */
export async function serveHost(): Promise<HostServer> {
	const pages = new Map<string, string>();
	const server: Server = createServer((request, response) => {
		const html = pages.get(new URL(request.url ?? '/', 'http://x').pathname);
		response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'Not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://localhost:${port}`,
		pages,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
