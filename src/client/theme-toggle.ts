import { effectiveTheme, parseTheme, themeKey, toggled } from './theme.ts';

/**
 * The theme toggle: a button that pins the light or dark theme and remembers it. The pinned theme is
 * applied before first paint by an inline script in the layout (no flash); this only wires the button.
 */
const root = document.documentElement;
const system = matchMedia('(prefers-color-scheme: dark)');
const current = () => effectiveTheme(parseTheme(root.dataset.theme), system.matches);

function reflect(button: HTMLButtonElement): void {
	button.setAttribute('aria-pressed', String(current() === 'dark'));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
	button.hidden = false;
	reflect(button);
	button.addEventListener('click', () => {
		const next = toggled(current());
		root.dataset.theme = next;
		try {
			localStorage.setItem(themeKey, next);
		} catch {
			// Storage may be blocked (private mode, sandboxed frame): the choice lasts for this page.
		}
		reflect(button);
	});
	system.addEventListener('change', () => reflect(button));
}
