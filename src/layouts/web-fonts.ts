import { fontData } from 'astro:assets';
import { componentDataByCssVariable } from 'virtual:astro:assets/fonts/internal';

/** One web face of the fonts config (astro.config.mjs), as the page layouts need it. */
export interface WebFont {
	/** Its woff2 file (renamed after the build by src/render/font-subset.ts, which rewrites the pages). */
	readonly url: string;
	/** The weight range of its @font-face: the file is subset to it. */
	readonly weight: string;
	/** The font stack Astro gives its CSS variable without the web face: its metric-matched fallback first. */
	readonly fallbackStack: string;
}

/** Reads a web face of the fonts config by its CSS variable; throws when the config lacks it. */
export function webFont(cssVariable: '--font-inter' | '--font-source-serif'): WebFont {
	const face = fontData[cssVariable]?.[0];
	const [url, weight] = [face?.src[0]?.url, face?.weight];
	const stack = new RegExp(`${cssVariable}:([^;}]+)`).exec(componentDataByCssVariable.get(cssVariable)?.css ?? '');
	const fallbackStack = stack?.[1]?.split(',').slice(1).join(',');
	if (!url || !weight || !fallbackStack) {
		throw new Error(`No font file, weight range or stack for ${cssVariable}: see fonts in astro.config.mjs.`);
	}
	return { url, weight, fallbackStack };
}

/** An @font-face rule for a face's file under another family name, with its own font-display. */
export const fontFaceCss = (family: string, font: WebFont, display: 'swap' | 'optional'): string =>
	`@font-face{font-family:"${family}";src:url("${font.url}") format("woff2");font-display:${display};font-weight:${font.weight};font-style:normal}`;
