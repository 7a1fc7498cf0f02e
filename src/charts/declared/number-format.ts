import type { FormatSpec } from './vocabulary.ts';

/** Returns the formatter of a declaration's `format`: 38.9 → "US$38.9 bn", null → "no figure". */
export function numberFormat(format: FormatSpec = {}): (value: number | null) => string {
	return (value) => {
		if (value === null || !Number.isFinite(value)) return 'no figure';
		const digits = format.decimals === undefined ? String(value) : value.toFixed(format.decimals);
		return `${format.prefix ?? ''}${digits}${format.suffix ?? ''}${format.unit ? ` ${format.unit}` : ''}`;
	};
}

/** Marks after a value whose confidence column says it is less certain (the story's convention). */
export const confidenceMark = (confidence: unknown): string =>
	confidence === 'one source' ? '*' : confidence === 'derived' ? '†' : '';
