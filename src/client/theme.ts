/** Light or dark: the two themes a reader can pin. */
export type Theme = 'light' | 'dark';

/** Where a pinned theme is kept between visits. */
export const themeKey = 'theme';

/** Reads a stored theme; anything else (nothing stored, junk) means "follow the system". */
export const parseTheme = (value: string | null | undefined): Theme | null =>
	value === 'light' || value === 'dark' ? value : null;

/** The theme in effect: the pinned one, else the system's. */
export const effectiveTheme = (pinned: Theme | null, systemDark: boolean): Theme =>
	pinned ?? (systemDark ? 'dark' : 'light');

/** The theme a press of the toggle switches to. */
export const toggled = (theme: Theme): Theme => (theme === 'dark' ? 'light' : 'dark');
