/** Date helpers shared by the charts: labels, quarter positions and year ticks (all UTC). */

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = 864e5;

/** "28 Mar". */
export const dayMonth = (date: Date): string => `${date.getUTCDate()} ${months[date.getUTCMonth()]}`;

/** "28 Mar 2023", the way the prose writes dates. */
export const fullDate = (date: Date): string => `${dayMonth(date)} ${date.getUTCFullYear()}`;

/** "Mar 2023". */
export const monthYear = (date: Date): string => `${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

/** "2023". */
export const year = (date: Date): string => String(date.getUTCFullYear());

/** The middle of the quarter that starts on `date`: where a quarter's point sits on a time axis. */
export const midQuarter = (date: Date): Date => new Date(date.getTime() + 45 * day);

/** The day after the quarter that starts on `date` ends. */
export const quarterEnd = (date: Date): Date => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 1));

/** UTC date from year, month (1–12) and day. */
export const utc = (y: number, m = 1, d = 1): Date => new Date(Date.UTC(y, m - 1, d));

/** Every 1 January strictly inside a domain: a few year ticks, legible at 360 px. */
export function yearTicks([start, end]: readonly [Date, Date]): Date[] {
	const ticks: Date[] = [];
	for (let y = start.getUTCFullYear() + 1; utc(y) < end; y++) ticks.push(utc(y));
	return ticks;
}

/** True when a dataset's `when` text marks an approximate day ("about 24 Nov 2023"). */
export const isCirca = (when: string): boolean => when.startsWith('about ');
