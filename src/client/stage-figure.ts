/**
 * Returns a copy of a step's figure for the sticky stage, with every id suffixed (the step's own
 * figure stays in the page for print and for readers without JavaScript) and references updated.
 */
export function cloneForStage(figure: Element, suffix: string): Element {
	const copy = figure.cloneNode(true) as Element;
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
