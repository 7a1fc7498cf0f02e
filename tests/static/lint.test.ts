import { describe, expect, it } from 'vitest';
import { runScript } from './npm-script.ts';

describe('static checks', () => {
	it('npm run test:lint passes', async () => {
		const { code, output } = await runScript('test:lint');
		expect(code, output).toBe(0);
	});
});
