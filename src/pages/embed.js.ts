/**
 * /embed.js: the parent loader host pages include (src/client/embed-loader.ts), at a stable,
 * unhashed address so embed codes keep working across builds.
 */
import type { APIRoute } from 'astro';
import { bundleClient } from '../publish/bundle-client.ts';

export const GET: APIRoute = async () =>
	new Response(`${await bundleClient('embed-loader')}\n`, {
		headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
	});
