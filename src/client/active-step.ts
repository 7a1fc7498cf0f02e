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
export const triggerLine = (viewportHeight: number): number => Math.round(viewportHeight * 0.5);
