import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import { create } from 'fontkitten';
import subsetFont from 'subset-font';

/**
 * Web font subsetting after the build: the site is static, so the characters its pages can show are
 * known once they are built. Every woff2 that Astro's `fonts` config copied into the output is cut down
 * to those characters (HarfBuzz's hb-subset, through `subset-font`), its weight axis to the range its
 * @font-face declares (the `weight` of the variant in astro.config.mjs), and its layout features to
 * those the text shaper applies by default plus the numeral styles the CSS asks for. The file then gets
 * a name from its new content (a cached old subset is never served for a new one), and the pages that
 * point at it, with their CSP hashes of the inline styles that changed, are rewritten.
 *
 * The PNG and SVG downloads do not come through here: they keep their bundled TTF (src/render/fonts.ts).
 */

/** OpenType features kept: what HarfBuzz and browsers turn on by themselves, and tabular numerals. */
export const keptFeatures = [
	...['rvrn', 'ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'calt', 'clig', 'rlig', 'rclt', 'curs', 'dist'],
	'tnum', // font-variant-numeric: tabular-nums (tables and figure notes)
];

const hiddenElements = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The characters a built page can show in a web font: its text (not scripts or styles), the attributes
 * a browser draws (alt of a missing image, placeholder, a button's value) and the strings of CSS
 * `content`. Text the client scripts write comes from the page itself or from their string literals,
 * which `scriptText` adds.
 */
export function pageText(html: string): string {
	const { document } = parseHTML(html);
	const parts: string[] = [document.title];
	const walk = (node: Node): void => {
		for (const child of node.childNodes) {
			if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
			else if (child.nodeType === 1 && !hiddenElements.has((child as Element).tagName)) walk(child);
		}
	};
	if (document.body) walk(document.body);
	for (const el of document.querySelectorAll('[alt], [placeholder], input[value], button[value]')) {
		for (const name of ['alt', 'placeholder', 'value']) parts.push(el.getAttribute(name) ?? '');
	}
	for (const style of document.querySelectorAll('style')) parts.push(cssContentText(style.textContent ?? ''));
	return parts.join('');
}

/** The strings of the `content` declarations in a stylesheet. */
export const cssContentText = (css: string): string =>
	[...css.matchAll(/content:\s*((?:"[^"]*"|'[^']*'|[^;}"'])+)/g)]
		.flatMap(([, value]) => [...value!.matchAll(/"([^"]*)"|'([^']*)'/g)].map(([, a, b]) => a ?? b ?? ''))
		.join('')
		.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));

/** The characters in the string literals of a (minified) script: what it may write into the page. */
export const scriptText = (js: string): string =>
	[...js.matchAll(/"((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)'|`((?:\\.|[^`\\])*)`/g)]
		.map(([, a, b, c]) => a ?? b ?? c ?? '')
		.join('');

/** A font's character set for a text: each character once, sorted (so the subset is reproducible). */
export const characterSet = (text: string): string =>
	[...new Set(text.replace(/[\t\n\r\f]/g, ' '))].toSorted((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');

/** One web font file a page loads: where its @font-face points, and the weights it declares. */
export interface FontFace {
	readonly url: string;
	readonly weight: readonly [number, number];
}

/** The @font-face rules of a page's inline styles that load a woff2 file. */
export function fontFaces(html: string): FontFace[] {
	return [...html.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, rule]) => {
		const url = /src:\s*url\("?([^")]+\.woff2)"?\)/.exec(rule!)?.[1];
		if (!url) return [];
		const [low = 400, high = low] = (/font-weight:\s*([\d.]+)(?:\s+([\d.]+))?/.exec(rule!) ?? [])
			.slice(1)
			.filter(Boolean)
			.map(Number);
		return [{ url, weight: [low, high] as const }];
	});
}

/** Subsets one woff2 to a character set and a weight range; returns the new woff2. */
export async function subsetWoff2(
	font: Buffer,
	characters: string,
	weight: readonly [number, number],
): Promise<Buffer> {
	return subsetFont(font, characters, {
		targetFormat: 'woff2',
		keepFeatures: keptFeatures,
		// A static font has no wght axis; HarfBuzz would refuse to instance it.
		...(isVariable(font) ? { variationAxes: { wght: { min: weight[0], max: weight[1] } } } : {}),
	});
}

const isVariable = (font: Buffer): boolean => {
	const read = create(font);
	return !read.isCollection && 'wght' in read.variationAxes;
};

const cspHash = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const styleBodies = (html: string): string[] =>
	[...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);

const listFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));

/** What the subsetting did, for the build log and the tests. */
export interface SubsetReport {
	readonly characters: string;
	readonly files: { readonly from: string; readonly to: string; readonly before: number; readonly after: number }[];
}

/**
 * Subsets every web font the built pages in `outDir` load (see the module comment) and rewrites those
 * pages. `base` is the site's base path, which starts the fonts' URLs.
 */
export async function subsetBuiltFonts(outDir: string, base: string): Promise<SubsetReport> {
	const files = listFiles(outDir);
	const pages = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
	const faces = new Map<string, FontFace>();
	let text = '';
	for (const page of pages) {
		const found = fontFaces(page.html);
		if (!found.length) continue;
		for (const face of found) faces.set(face.url, face);
		text += pageText(page.html);
	}
	if (!faces.size) return { characters: '', files: [] };
	for (const file of files.filter((f) => f.endsWith('.js'))) text += scriptText(readFileSync(file, 'utf8'));
	const characters = characterSet(text);

	const prefix = base.endsWith('/') ? base : `${base}/`;
	const renamed = new Map<string, string>();
	const report: SubsetReport['files'][number][] = [];
	for (const face of faces.values()) {
		if (!face.url.startsWith(prefix)) continue; // not a file of ours
		const path = join(outDir, face.url.slice(prefix.length));
		const original = readFileSync(path);
		const subset = await subsetWoff2(original, characters, face.weight);
		const name = `${createHash('sha256').update(subset).digest('hex').slice(0, 16)}.woff2`;
		const url = face.url.replace(/[^/]+$/, name);
		rmSync(path);
		writeFileSync(join(path, '..', name), subset);
		renamed.set(face.url, url);
		report.push({ from: relative(outDir, path), to: name, before: original.length, after: subset.length });
	}

	for (const page of pages) {
		let html = page.html;
		for (const [from, to] of renamed) html = html.replaceAll(from, to);
		if (html === page.html) continue;
		// The CSP lists a hash of each inline style: a style whose URL changed needs its new hash.
		const before = styleBodies(page.html);
		const after = styleBodies(html);
		before.forEach((body, i) => {
			if (body !== after[i]) html = html.replaceAll(`'${cspHash(body)}'`, `'${cspHash(after[i]!)}'`);
		});
		writeFileSync(page.file, html);
	}
	return { characters, files: report };
}

/** The Astro integration: subsets the fonts once the pages are written (`astro build` only). */
export function fontSubsetting(): AstroIntegration {
	let base = '/';
	return {
		name: 'font-subsetting',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { characters, files } = await subsetBuiltFonts(fileURLToPath(dir), base);
				for (const f of files) {
					logger.info(`${f.from} -> ${f.to}: ${f.before} -> ${f.after} bytes (${[...characters].length} characters)`);
				}
			},
		},
	};
}
