import { describe, expect, it } from 'vitest';
import { transitionCodeBytes } from '../bench/transition-cost.ts';

// The chart transitions ship to every reader of the story: they must stay small.
describe('the chart transition code (src/client/transition*.ts)', () => {
	it('is under 4 KB, minified and brotli-compressed', async () => {
		const bytes = await transitionCodeBytes();
		expect(bytes).toBeGreaterThan(500);
		expect(bytes).toBeLessThan(4_000);
	});
});
