/** Pure helpers of the chart transitions: timing, string interpolation and easing. */

/** How long a change of chart state takes to animate, in milliseconds. */
export const duration = 450;
/** The most one frame advances an animation, in milliseconds: after a stall it slows down rather than jumps. */
export const maxStep = 50;

const number = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Returns how many decimals a number is written with: "12.50" → 2. */
export const decimals = (value: string): number => /\.(\d+)/.exec(value)?.[1]?.length ?? 0;

/**
 * Returns a function from progress (0 to 1) to a string between `a` and `b`, when the two differ
 * only in their numbers ("translate(80,24)" → "translate(96,40)", "rgb(143, 138, 128)" →
 * "rgb(217, 72, 15)", "5%" → "33%"); null when they differ in anything else. At 1 it returns `b`
 * exactly; in between, numbers are rounded to `digits` decimals.
 */
export function interpolate(a: string, b: string, digits = 2): ((t: number) => string) | null {
	if (a.replace(number, '#') !== b.replace(number, '#')) return null;
	const from = (a.match(number) ?? []).map(Number);
	const by = (b.match(number) ?? []).map((x, i) => Number(x) - from[i]!);
	const parts = b.split(number);
	const scale = 10 ** digits;
	// Called once per frame for every attribute that moves: nothing but the string it returns is made.
	return (t) => {
		if (t >= 1) return b;
		let out = parts[0]!;
		for (let i = 0; i < by.length; i++) out += Math.round((from[i]! + by[i]! * t) * scale) / scale + parts[i + 1]!;
		return out;
	};
}

/** Cubic ease in and out: slow start, slow end. */
export const ease = (t: number): number => (t < 0.5 ? 4 * t * t * t : 1 - (2 - 2 * t) ** 3 / 2);

/** Maps overall progress to the progress of a part that runs from `start` to `end` (0 before, 1 after). */
export const within = (t: number, start: number, end: number): number =>
	Math.min(1, Math.max(0, (t - start) / (end - start)));
