import { spawn } from 'node:child_process';
import { inherited } from '../helpers/astro-build.ts';

/**
 * Runs one of `npm run test:static`'s checks (tests/static/): one file each, so that `npm test` is one
 * Vitest run and each check takes a worker of its own beside the build and browser files (the three
 * in one file ran one after another, the longest file of the run). They run after the site's build
 * (sequence.groupOrder 1), which writes the .astro/ types that `astro check` writes too. The commands
 * stay in package.json.
 */
export function runScript(script: string): Promise<{ code: number; output: string }> {
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
