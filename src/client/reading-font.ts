/**
 * The web faces at no cost to the first view. The reading face's (Source Serif 4) @font-face is
 * `display: optional`, and on a first visit it is never there by first paint (it is not preloaded), so
 * the reader sees its metric-matched fallback for the whole visit whether it is downloaded or not. So on
 * a first visit the page does not ask for it (StoryLayout takes it out of the serif stack while the
 * <html> lacks the class below); once the reader scrolls, the file is fetched into the HTTP cache and
 * a flag is stored, and the next page's before-paint script sets the class: the face is back in the
 * stack, comes from the cache within the optional font's first 100 ms, and shows from first paint.
 * Inter goes the same way on pages whose first view has no chart (`<html data-chart-font>`), with one
 * difference: the charts' labels were laid out with its metrics, so once the first scroll has fetched it
 * the charts take it, under a family of their own that swaps in when it arrives (StoryLayout's CSS).
 * Readers without JavaScript get the faces as before (the rules need the `js` class).
 */

/** The localStorage key of the flag and the class it puts on <html> (StoryLayout's before-paint script). */
export const readingFontKey = 'reading-font';

/** The class that gives the charts Inter on a first visit, and the family they take it under. */
export const chartFontClass = 'chart-font';
export const chartFontFamily = 'Inter charts';

/**
 * On the first scroll, fetches the reading face named by `<html data-reading-font>` (and Inter, with
 * `data-chart-font`, which the charts then show) and stores the flag.
 */
export function warmReadingFont(root: HTMLElement = document.documentElement): void {
	const url = root.dataset.readingFont;
	if (!url || root.classList.contains(readingFontKey)) return;
	const fetchFace = (): void => {
		// Not added to document.fonts: it only fills the cache, nothing on this page is drawn with it.
		const loads: Promise<unknown>[] = [new FontFace(readingFontKey, `url("${url}")`).load()];
		if (root.dataset.chartFont) loads.push(document.fonts.load(`1em "${chartFontFamily}"`));
		Promise.all(loads).then(
			/*
			 * The class lays out every chart drawn again (50-80 ms of a slow phone's main thread): once Inter is
			 * there (in its face at once, not in the fallback and then again) and at idle, not in the frame of
			 * the scroll that changes the step. The class does nothing where no rule needs it (a chart at first view).
			 */
			() =>
				(self.requestIdleCallback ?? setTimeout)(() => {
					root.classList.add(chartFontClass);
					try {
						localStorage.setItem(readingFontKey, '1');
					} catch {
						// Storage refused: the next page shows the fallback, as this one does.
					}
				}),
			() => {},
		);
	};
	addEventListener('scroll', fetchFace, { once: true, passive: true });
}
