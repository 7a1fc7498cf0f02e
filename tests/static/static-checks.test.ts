import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { inherited } from '../helpers/astro-build.ts';

/**
 * `npm run test:static`'s checks, one test each, so that `npm test` is one Vitest run: they share the
 * cores with the build and browser files (sequence.groupOrder 1, after the site's build has written
 * .astro/, which `astro check` regenerates) instead of running after them. The commands stay in
 * package.json.
 */
function runScript(script: string): Promise<{ code: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', script], {
			env: { ...inherited(), FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

describe('static checks', () => {
	it.each(['test:types', 'test:lint', 'test:format'])('npm run %s passes', async (script) => {
		const { code, output } = await runScript(script);
		expect(code, output).toBe(0);
	});
});
