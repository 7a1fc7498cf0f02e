/**
 * The charts' shared visual language. Colours are CSS custom properties (defined in
 * src/styles/tokens.css) so light and dark themes reach the pre-rendered SVG without a re-render.
 */
export const color = {
	alibaba: 'var(--c-alibaba)',
	amazon: 'var(--c-amazon)',
	microsoft: 'var(--c-microsoft)',
	google: 'var(--c-google)',
	/** Everything not under discussion. */
	muted: 'var(--c-muted)',
	/** A second series or a rival not among the big three. */
	accent: 'var(--c-accent)',
	ink: 'currentColor',
} as const;

/** Returns a provider's colour: Alibaba is always orange, the big three always their own hue. */
export function providerColor(name: string): string {
	switch (name.toLowerCase()) {
		case 'alibaba':
			return color.alibaba;
		case 'amazon':
		case 'aws':
			return color.amazon;
		case 'microsoft':
			return color.microsoft;
		case 'google':
			return color.google;
		default:
			return color.muted;
	}
}

/** The big three of the worldwide market, in their usual order. */
export const bigThree = ['Amazon', 'Microsoft', 'Google'] as const;

/** True when a chart is drawn for a phone-width column: fewer ticks, shorter labels. */
export const isNarrow = (width: number): boolean => width < 500;

/** Font size for text drawn by marks, in SVG pixels (charts are shown at about 1:1). */
export const fontSize = 13;

/** Returns a chart height for a width: one height per width so the sticky chart never jumps. */
export function chartHeight(width: number, { narrow = 340, wide = 420 } = {}): number {
	return isNarrow(width) ? narrow : wide;
}
/**
 * The card colour, for the inside of hollow marks (single-source or derived values). A palette
 * variable without fallback, so standalone SVG and PNG exports can resolve it from tokens.css.
 */
export const paper = 'var(--bg-card)';

/**
 * Estimated width in pixels of a line of 12 px chart text, from its length: enough to keep labels
 * inside the chart. (Measuring with the font's metrics would move every published label.)
 */
export const estimatedWidth = (text: string, perCharacter = 6.6): number => text.length * perCharacter;
