// subset-font ships no types: the part of its API this project uses (src/render/font-subset.ts).
declare module 'subset-font' {
	interface Options {
		targetFormat?: 'sfnt' | 'woff' | 'woff2';
		keepFeatures?: string[];
		variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
	}
	export default function subsetFont(font: Buffer, text: string, options?: Options): Promise<Buffer>;
}
