// The one exception to "charts stay pure": a declared chart lays itself out from measured text, with
// the same Inter metrics the PNGs are drawn with (reading the font file is all it does).
// eslint-disable-next-line no-restricted-imports
import { textWidth, wrapText } from '../../render/fonts.ts';
import { fontSize, isNarrow } from '../shared/theme.ts';

/**
 * Axis ticks that stay legible at every width with no editor work: at the phone width labels are
 * abbreviated ("Q2 ’23"), and any axis thins its ticks until no two labels overlap, measured with
 * the charts' font (Inter's metrics, src/render/fonts.ts).
 */

/** The least room between two tick labels, in pixels. */
export const tickGap = 8;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023" → "’23" at the end of a label: a category label shortened for the phone. */
export const shortYear = (label: string): string => label.replace(/\b(?:19|20)(\d\d)$/, '’$1');

/** The width of a tick label, widest line first (labels may break onto two lines). */
export const labelWidth = (label: string, weight: 'regular' | 'bold' = 'regular'): number =>
	Math.max(...label.split('\n').map((line) => textWidth(line, fontSize, weight)));

/** Breaks text of the charts' size into lines no wider than `width` pixels. */
export const wrapLine = (text: string, width: number): string[] => wrapText(text, width, fontSize);

/** Breaks a note (12 px text) into lines no wider than `width` pixels. */
export const wrapNote = (text: string, width: number): string[] => wrapText(text, width, 12);

/** Keeps every k-th item (from the first) for the smallest k at which `fits(k)`; at least one. */
function thin<T>(items: readonly T[], fits: (kept: readonly T[], step: number) => boolean): T[] {
	for (let step = 1; step <= items.length; step++) {
		const kept = items.filter((_, i) => i % step === 0);
		if (fits(kept, step)) return kept;
	}
	return items.slice(0, 1);
}

/** Ticks and their labels for a category (band) axis of `n` bands spaced `spacing` pixels apart. */
export function bandTicks(
	domain: readonly string[],
	spacing: number,
	width: number,
): { ticks: string[]; format: (value: string) => string } {
	const narrow = isNarrow(width);
	const shorten = (label: string) => (narrow ? shortYear(label) : label);
	const widest = Math.max(0, ...domain.map((d) => labelWidth(shorten(d))));
	// Two lines ("Q4\n’22") when one is too wide but each word fits.
	const twoLines = widest + tickGap > spacing && domain.every((d) => d.includes(' '));
	const format = (value: string) => {
		const label = shorten(value);
		return twoLines && labelWidth(label.replace(' ', '\n')) + tickGap <= spacing ? label.replace(' ', '\n') : label;
	};
	const ticks = thin(
		domain,
		(kept, step) => Math.max(...kept.map((d) => labelWidth(format(d)))) + tickGap <= spacing * step,
	);
	return { ticks, format };
}

type TimeUnit = 'year' | 'quarter' | 'month';

/** The unit of a date series: the smallest gap between two dates, rounded to a calendar unit. */
export function timeUnitOf(dates: readonly Date[]): TimeUnit {
	const times = [...new Set(dates.map((d) => d.getTime()))].toSorted((a, b) => a - b);
	const gap = Math.min(...times.slice(1).map((t, i) => t - times[i]!));
	const days = gap / 864e5;
	if (!Number.isFinite(days) || days > 200) return 'year';
	if (days > 60) return 'quarter';
	return 'month';
}

/** The number of months in a unit. */
export const unitMonths = (unit: TimeUnit): number => ({ year: 12, quarter: 3, month: 1 })[unit];

const yy = (date: Date) => `’${String(date.getUTCFullYear()).slice(2)}`;
const labelFor =
	(unit: TimeUnit, narrow: boolean) =>
	(date: Date): string => {
		const year = narrow && unit !== 'year' ? yy(date) : String(date.getUTCFullYear());
		if (unit === 'year') return year;
		if (unit === 'quarter') return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${year}`;
		return `${months[date.getUTCMonth()]} ${year}`;
	};

/**
 * Ticks for a time axis: years when the span is long, else quarters or months, thinned so the
 * labels do not overlap in `pixels` of axis. Returns the tick dates and their format.
 */
export function timeTicks(
	domain: readonly [Date, Date],
	dataUnit: TimeUnit,
	pixels: number,
	width: number,
): { ticks: Date[]; format: (date: Date) => string } {
	const [start, end] = domain;
	const span = end.getTime() - start.getTime();
	const years = span / (365.25 * 864e5);
	const unit: TimeUnit = dataUnit === 'year' || years > 2.5 ? 'year' : dataUnit;
	const step = unitMonths(unit);
	const all: Date[] = [];
	const first = new Date(Date.UTC(start.getUTCFullYear(), Math.ceil(start.getUTCMonth() / step) * step, 1));
	for (let d = first; d <= end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))) {
		if (d >= start) all.push(d);
	}
	const format = labelFor(unit, isNarrow(width));
	const px = (date: Date) => ((date.getTime() - start.getTime()) / span) * pixels;
	const ticks = thin(all, (kept) =>
		kept.every((d, i) => {
			const next = kept[i + 1];
			return !next || px(next) - px(d) >= (labelWidth(format(d)) + labelWidth(format(next))) / 2 + tickGap;
		}),
	);
	return { ticks, format };
}

/** Nice round ticks (1, 2 or 5 × 10ⁿ, as d3 picks them) from `from` to `to`, about `count` of them. */
export function niceTicks(from: number, to: number, count: number): number[] {
	const raw = (to - from) / Math.max(1, count);
	const power = 10 ** Math.floor(Math.log10(raw));
	const error = raw / power;
	const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
	const ticks: number[] = [];
	for (let v = Math.ceil(from / step) * step; v <= to + step * 1e-9; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
	return ticks;
}

/** Shortens a category label to fit `room` pixels, ending it with "…". */
export function fitLabel(label: string, room: number): string {
	if (labelWidth(label) <= room) return label;
	let cut = label;
	while (cut.length > 1 && labelWidth(`${cut}…`) > room) cut = cut.slice(0, -1);
	return `${cut.trimEnd()}…`;
}
