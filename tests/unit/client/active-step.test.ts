import { describe, expect, it } from 'vitest';
import { activeStepIndex } from '../../../src/client/active-step.ts';

describe('activeStepIndex(stepTops, triggerY)', () => {
	it('is the last step whose top has passed the trigger line', () => {
		expect(activeStepIndex([-900, -100, 300, 1200], 400)).toBe(2);
	});

	it('is the first step before any step reaches the line, so the chart is never blank', () => {
		expect(activeStepIndex([600, 1500], 400)).toBe(0);
	});

	it('is the last step after a jump past the end, without visiting the steps between', () => {
		expect(activeStepIndex([-5000, -4000, -3000, -2000], 400)).toBe(3);
	});
});
