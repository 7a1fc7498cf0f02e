import { describe, expect, it } from 'vitest';
import { effectiveTheme, parseTheme, toggled } from '../../../src/client/theme.ts';

describe('the theme toggle logic', () => {
	it('follows the system until a theme is pinned', () => {
		expect(effectiveTheme(null, true)).toBe('dark');
		expect(effectiveTheme(null, false)).toBe('light');
		expect(effectiveTheme('light', true)).toBe('light');
		expect(effectiveTheme('dark', false)).toBe('dark');
	});

	it('reads only "light" or "dark" from storage', () => {
		expect(parseTheme('dark')).toBe('dark');
		expect(parseTheme('light')).toBe('light');
		expect(parseTheme('auto')).toBeNull();
		expect(parseTheme(null)).toBeNull();
	});

	it('switches to the other theme', () => {
		expect(toggled('light')).toBe('dark');
		expect(toggled('dark')).toBe('light');
	});
});
