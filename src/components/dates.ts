/** Date formats shown to readers (UTC, British English: "26 November 2026"). */

/** A machine-readable day for <time datetime>. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A day in words: "26 November 2026". */
export const longDate = (date: Date): string =>
	date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
