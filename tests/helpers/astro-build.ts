import { spawn } from 'node:child_process';

/** The result of one `astro build`: exit code and everything it printed. */
export interface BuildResult {
	readonly code: number;
	readonly output: string;
}

/** Runs `astro build` in a child process with the given environment (content dir, out dir). */
export function astroBuild(env: Record<string, string>): Promise<BuildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
			env: { ...buildEnvironment(), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

// Vitest copies its import.meta.env into process.env (NODE_ENV=test, MODE=test, DEV=1 …); a build that
// inherited them would be a dev build, with drafts and the preview tools in it.
function buildEnvironment(): NodeJS.ProcessEnv {
	const env = { ...process.env, NODE_ENV: 'production' };
	for (const key of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']) delete env[key];
	return env;
}
