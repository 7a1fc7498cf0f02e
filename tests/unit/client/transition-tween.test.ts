import { describe, expect, it } from 'vitest';
import { decimals, ease, interpolate, within } from '../../../src/client/transition-tween.ts';

describe('interpolate(a, b, digits)', () => {
	it('moves every number of an attribute between the two values', () => {
		const between = interpolate('translate(80,24)', 'translate(100,40)')!;
		expect(between(0)).toBe('translate(80,24)');
		expect(between(0.5)).toBe('translate(90,32)');
		expect(between(0.25)).toBe('translate(85,28)');
	});

	it('works on path data and computed colours with the same structure', () => {
		expect(interpolate('M0,0L10,10', 'M10,10L30,-10')!(0.5)).toBe('M5,5L20,0');
		expect(interpolate('rgb(143, 138, 128)', 'rgb(29, 78, 137)', 0)!(0.5)).toBe('rgb(86, 108, 133)');
	});

	it('returns exactly the new value at the end, whatever the rounding on the way', () => {
		const between = interpolate('33.71', '222.51')!;
		expect(between(1 / 3)).toBe('96.64');
		expect(between(1)).toBe('222.51');
		expect(interpolate('1e-7', '.5')!(1)).toBe('.5');
	});

	it('rounds numbers on the way to the decimals asked for, so a label "5%" counts up in whole percents', () => {
		expect(interpolate('5%', '33%', decimals('33%'))!(0.5)).toBe('19%');
		expect(interpolate('US$9.5 bn', 'US$11.6 bn', decimals('11.6'))!(0.5)).toBe('US$10.6 bn');
	});

	it('refuses strings that differ in more than their numbers: those cross-fade instead', () => {
		expect(interpolate('M0,0L10,10', 'M0,0L10,10L20,5')).toBeNull();
		expect(interpolate('start', 'end')).toBeNull();
		expect(interpolate('rgb(1, 2, 3)', 'none')).toBeNull();
		expect(interpolate('2022', 'Q1 2023')).toBeNull();
	});
});

describe('timing', () => {
	it('eases in and out, from 0 to 1, through the middle at half time', () => {
		expect(ease(0)).toBe(0);
		expect(ease(0.5)).toBe(0.5);
		expect(ease(1)).toBe(1);
		expect(ease(0.1)).toBeLessThan(0.1);
		expect(ease(0.9)).toBeGreaterThan(0.9);
	});

	it('maps overall progress to the progress of a part of the transition', () => {
		expect(within(0.2, 0.35, 1)).toBe(0);
		expect(within(0.675, 0.35, 1)).toBeCloseTo(0.5);
		expect(within(0.9, 0, 0.65)).toBe(1);
	});
});
