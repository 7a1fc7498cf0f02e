import tokens from '../styles/tokens.css?raw';

/** The site's colour custom properties for one theme, e.g. `{ '--bg': '#fbfaf7', … }`. */
export type Palette = Readonly<Record<string, string>>;

/**
 * Reads the light and dark palettes from src/styles/tokens.css, the one place colours are defined:
 * light is the first `:root` block, dark the `:root` block inside `prefers-color-scheme: dark`.
 */
export function readPalettes(css: string = tokens): { light: Palette; dark: Palette } {
	const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
	const darkMedia = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(withoutComments);
	const lightBlock = /(?:^|\})\s*:root\s*\{([^}]*)\}/.exec(withoutComments);
	if (!lightBlock?.[1] || !darkMedia?.[1]) {
		throw new Error('src/styles/tokens.css: expected a :root block and a :root block for prefers-color-scheme: dark.');
	}
	return { light: colours(lightBlock[1]), dark: colours(darkMedia[1]) };
}

function colours(block: string): Palette {
	const entries = [...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)]
		.map(([, name, value]) => [name!, value!.trim()] as const)
		.filter(([, value]) => /^#[0-9a-f]{3,8}$/i.test(value));
	return Object.fromEntries(entries);
}

/** Replaces `var(--name)` with the palette's value, and `currentColor` with the ink colour. */
export function resolveColours(markup: string, palette: Palette): string {
	const ink = palette['--ink'] ?? '#000000';
	return markup
		.replace(/var\((--[\w-]+)\)/g, (match, name: string) => palette[name] ?? match)
		.replace(/currentColor/g, ink);
}

/**
 * CSS that forces one theme whatever the reader's system prefers, for `?theme=light|dark`
 * (the page sets `data-theme` on `<html>`). Generated from tokens.css so the palette is defined once.
 */
export function themeOverrideCss(): string {
	const { light, dark } = readPalettes();
	const block = (theme: 'light' | 'dark', palette: Palette) =>
		`:root[data-theme=${theme}]{color-scheme:${theme};${Object.entries(palette)
			.map(([name, value]) => `${name}:${value}`)
			.join(';')}}`;
	return block('light', light) + block('dark', dark);
}
