/** Parts of a step's figure the sticky stage never shows: the data table stays with the step. */
const offStage = '.figure-data';

/**
 * Returns a copy of a step's figure for the sticky stage, with every id suffixed (the step's own
 * figure stays in the page for print and for readers without JavaScript) and references updated.
 * Leaving out what the stage hides keeps each step change from making garbage the browser must
 * later collect, mid-animation.
 */
export function cloneForStage(figure: Element, suffix: string): Element {
	const copy = figure.cloneNode(false) as Element;
	for (const child of figure.childNodes)
		if (!(child instanceof Element && child.matches(offStage))) copy.append(child.cloneNode(true));
	const renamed = new Map<string, string>();
	for (const el of copy.querySelectorAll('[id]')) {
		renamed.set(el.id, `${el.id}${suffix}`);
		el.id = `${el.id}${suffix}`;
	}
	for (const el of copy.querySelectorAll('[aria-labelledby], [aria-describedby], [clip-path]')) {
		for (const name of ['aria-labelledby', 'aria-describedby', 'clip-path']) {
			const value = el.getAttribute(name);
			if (value)
				el.setAttribute(
					name,
					value.replace(/[\w-]+/g, (id) => renamed.get(id) ?? id),
				);
		}
	}
	return copy;
}
