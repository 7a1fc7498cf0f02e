import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, type Font } from 'fontkitten';

/**
 * The TTF files of the charts' font (Inter, from @expo-google-fonts/inter) for rendering PNG with
 * resvg, which reads only TrueType/OpenType (a woff is silently ignored), and for measuring text.
 */
const files = {
	regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
	bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
} as const;

export type Weight = keyof typeof files;

function resolvePackageFile(specifier: string): string {
	// From this module when run from source; from the project root when bundled into the build output.
	for (const from of [import.meta.url, join(process.cwd(), 'package.json')]) {
		try {
			return createRequire(from).resolve(specifier);
		} catch {
			// try the next place
		}
	}
	throw new Error(`Cannot find ${specifier}: run npm install.`);
}

/** The absolute paths of the font files, regular first. */
export const fontFiles = (): string[] => Object.values(files).map(resolvePackageFile);

const fonts = new Map<Weight, Font>();
const font = (weight: Weight): Font => {
	let loaded = fonts.get(weight);
	if (!loaded) {
		const file = create(readFileSync(resolvePackageFile(files[weight])));
		if (file.isCollection) throw new Error(`${files[weight]} is a font collection, not one font.`);
		loaded = file;
		fonts.set(weight, loaded);
	}
	return loaded;
};

/** Returns the advance width of a line of text in pixels (no kerning: a slight overestimate). */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
	const f = font(weight);
	const units = f.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
	return (units / f.unitsPerEm) * size;
}

/**
 * Breaks text into lines no wider than `maxWidth`, at spaces (a word longer than a line gets its own).
 * `indent` is taken from the first line (room for a label drawn before it).
 */
export function wrapText(
	text: string,
	maxWidth: number,
	size: number,
	weight: Weight = 'regular',
	indent = 0,
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		const room = lines.length === 0 ? maxWidth - indent : maxWidth;
		if (line && textWidth(candidate, size, weight) > room) {
			lines.push(line);
			line = word;
		} else {
			line = candidate;
		}
	}
	if (line) lines.push(line);
	return lines;
}
