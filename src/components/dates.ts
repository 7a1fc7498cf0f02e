/** Date formats shown to readers (UTC, British English: "26 November 2026"). */

/** A machine-readable day for <time datetime>. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A day in words: "26 November 2026". */
export const longDate = (date: Date): string =>
	date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A source's date as precisely as it is known: "2024-05-12" → "12 May 2024", "2024-05" → "May 2024". */
export function sourceDate(value: string): string {
	const [year, month, day] = value.split('-').map(Number);
	if (month === undefined) return String(year);
	const date = new Date(Date.UTC(year!, month - 1, day ?? 1));
	return date.toLocaleDateString('en-GB', {
		...(day === undefined ? {} : { day: 'numeric' }),
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	});
}
