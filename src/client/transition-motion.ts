/**
 * Whether chart changes animate: the reader's choice (the "Animate" toggle in every scrolly
 * section's controls, kept in localStorage) or, until they choose, their system's
 * `prefers-reduced-motion` setting. It also decides smooth or instant scrolling to a step.
 */
const key = 'story-motion';
const reduce = matchMedia('(prefers-reduced-motion: reduce)');
// The choice made on this page, for when storage is blocked (private mode, sandboxed frames).
let choice: string | null = null;

function saved(): string | null {
	try {
		return localStorage.getItem(key) ?? choice;
	} catch {
		return choice;
	}
}

/** True when chart changes should animate. */
export const motionOn = (): boolean => (saved() ?? (reduce.matches ? 'off' : 'on')) === 'on';

const sync = (): void => {
	for (const button of document.querySelectorAll('.scrolly-motion'))
		button.setAttribute('aria-pressed', String(motionOn()));
};

/** Wires a toggle button (`aria-pressed`); every toggle on the page shows the same choice. */
export function wireMotionToggle(button: HTMLElement): void {
	sync();
	reduce.addEventListener('change', sync);
	button.addEventListener('click', () => {
		choice = motionOn() ? 'off' : 'on';
		try {
			localStorage.setItem(key, choice);
		} catch {
			// Not stored: the choice lasts while the page is open.
		}
		sync();
	});
}
