/**
 * Returns the index of the active step: the last step whose top has passed the trigger line.
 * Before the first step, the first step is active, so the chart is never blank. A pure function of
 * the layout: a fast scroll, an anchor jump or a reload gives the same answer as a slow scroll.
 */
export function activeStepIndex(stepTops: readonly number[], triggerY: number): number {
	let active = 0;
	stepTops.forEach((top, i) => {
		if (top <= triggerY) active = i;
	});
	return active;
}

/** Returns where the trigger line sits, in pixels from the top of the viewport. */
export const triggerLine = (viewportHeight: number, ratio: number): number => Math.round(viewportHeight * ratio);

/** Reads the trigger ratio from CSS (`--trigger`, 0 to 1), so the layout decides where steps turn. */
export function parseTrigger(value: string): number {
	const ratio = Number.parseFloat(value);
	return Number.isFinite(ratio) && ratio > 0 && ratio < 1 ? ratio : 0.5;
}
