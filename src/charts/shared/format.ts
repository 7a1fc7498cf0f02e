/** Small helpers shared by charts' text alternatives and labels. */

/** Formats a percentage: 38.9 → "38.9%". */
export const percent = (value: number): string => `${value}%`;

/** Returns "first", "second" … for small ranks, "12th" beyond. */
export function ordinal(rank: number): string {
	const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
	return words[rank - 1] ?? `${rank}th`;
}

/** Joins names as prose: "a, b and c". */
export function listJoin(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Returns the row matching a predicate; throws naming what was expected when the data lacks it. */
export function findRow<T>(rows: readonly T[], predicate: (row: T) => boolean, what: string): T {
	const row = rows.find(predicate);
	if (row === undefined) throw new Error(`The data has no row for ${what}.`);
	return row;
}
