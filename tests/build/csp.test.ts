import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { cspHash } from '../../src/publish/csp.ts';
import { sitePages } from '../helpers/site-pages.ts';

const siteDir = inject('siteDir');

/** A policy as directive name → sources, e.g. `script-src` → [`'self'`, `'sha256-…'`]. */
function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name && !directives.has(name)) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/** The sources that govern inline <script> or <style> elements, with the CSP fallbacks. */
const elementSources = (policy: Map<string, string[]>, kind: 'script' | 'style'): string[] =>
	policy.get(`${kind}-src-elem`) ?? policy.get(`${kind}-src`) ?? policy.get('default-src') ?? [];

/** Every way a built page's head and inline code fall outside its meta policy. */
function cspProblems(html: string): string[] {
	const { document } = parseHTML(html);
	const problems: string[] = [];
	const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
		(m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
	);
	if (metas.length !== 1) return [`${metas.length} CSP <meta> elements, not 1`];
	const meta = metas[0]!;
	if (meta.parentElement !== document.head) problems.push('the CSP <meta> is not in <head>');
	// Only <meta charset> may come before it: it must be within the first 1024 bytes, and the policy is longer.
	const before: string[] = [];
	for (let el = meta.previousElementSibling; el; el = el.previousElementSibling)
		if (!(el.localName === 'meta' && el.hasAttribute('charset'))) before.push(el.outerHTML.slice(0, 80));
	if (before.length > 0) problems.push(`before the CSP <meta>: ${before.join(', ')}`);

	const policy = parsePolicy(meta.getAttribute('content') ?? '');
	for (const [name, sources] of policy)
		if (sources.some((s) => /^'unsafe-(inline|eval|hashes)'$/.test(s)))
			problems.push(`${name} allows ${sources.join(' ')}`);
	for (const kind of ['script', 'style'] as const) {
		const allowed = new Set(elementSources(policy, kind));
		for (const el of document.querySelectorAll(kind)) {
			if (kind === 'script' && el.hasAttribute('src')) continue;
			const code = el.textContent ?? '';
			if (!allowed.has(`'${cspHash(code)}'`)) problems.push(`inline <${kind}> not in the policy: ${code.slice(0, 80)}`);
		}
	}
	// Attributes the policy blocks (no 'unsafe-hashes'): event handlers, style="", javascript: URLs.
	for (const el of document.querySelectorAll('*')) {
		for (const attr of el.attributes) {
			if (/^on/i.test(attr.name)) problems.push(`<${el.localName} ${attr.name}>: inline event handler`);
			if (attr.name === 'style') problems.push(`<${el.localName} style>: inline style attribute`);
			if (/^\s*javascript:/i.test(attr.value)) problems.push(`<${el.localName} ${attr.name}>: javascript: URL`);
		}
	}
	return problems;
}

describe('the Content-Security-Policy governs every built page', () => {
	it.each(sitePages(siteDir))('%s', (path) => {
		const html = readFileSync(join(siteDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
		expect(cspProblems(html)).toEqual([]);
	});

	it('catches what it is meant to catch', () => {
		const policy = `script-src 'self' '${cspHash('ok()')}'; style-src 'self'`;
		const page = (head: string, body = '') =>
			`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
		const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;
		expect(cspProblems(page(`${meta}<script>ok()</script>`))).toEqual([]);
		expect(cspProblems(page(`<script>ok()</script>${meta}`))).toEqual([expect.stringMatching(/^before the CSP/)]);
		expect(cspProblems(page(`${meta}<script>evil()</script>`))).toEqual([
			expect.stringMatching(/not in the policy: evil/),
		]);
		expect(cspProblems(page(`${meta}<style>p{}</style>`))).toEqual([
			expect.stringMatching(/<style> not in the policy/),
		]);
		expect(cspProblems(page(meta, '<img src=x onerror="x()">'))).toEqual([expect.stringMatching(/onerror/)]);
		expect(cspProblems(page(''))).toEqual(['0 CSP <meta> elements, not 1']);
	});
});
