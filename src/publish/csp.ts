/**
 * The page's Content-Security-Policy <meta>: hashes for the inline code Astro does not see, and its
 * place in <head>. Astro renders the meta where it renders its own head content, just before
 * </head>; a meta policy governs only what follows it, so after the build the meta is moved up to
 * follow <meta charset> (which must stay within the first 1024 bytes, and the policy is longer than
 * that). The build test (tests/build/csp.test.ts) checks every built page against this.
 */
import { createHash } from 'node:crypto';

/** The CSP source for a script or style body: `sha256-<base64>`, as Astro writes its own. */
export const cspHash = (code: string): `sha256-${string}` =>
	`sha256-${createHash('sha256').update(code).digest('base64')}`;

const cspMeta = /<meta http-equiv="content-security-policy"[^>]*>/i;
const charsetMeta = /<meta charset="[^"]*">/i;

/**
 * Returns a built page with its CSP <meta> moved to right after <meta charset> (or to the top of
 * <head> when there is none); a page without a policy is returned as it is.
 */
export function cspMetaFirst(html: string): string {
	const meta = cspMeta.exec(html)?.[0];
	if (!meta) return html;
	const rest = html.replace(meta, '');
	const charset = charsetMeta.exec(rest);
	if (charset) {
		const at = charset.index + charset[0].length;
		return rest.slice(0, at) + meta + rest.slice(at);
	}
	return rest.replace(/<head>/i, (head) => head + meta);
}
