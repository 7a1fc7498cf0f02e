import { describe, expect, it } from 'vitest';
import { runScript } from './npm-script.ts';

describe('static checks', () => {
	it('npm run test:types passes', async () => {
		const { code, output } = await runScript('test:types');
		expect(code, output).toBe(0);
	});
});
