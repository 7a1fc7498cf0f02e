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
			env: { ...astroEnvironment('production'), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

/**
 * Returns the environment for running Astro from a test, without what Vitest adds: it copies its
 * import.meta.env into process.env (NODE_ENV=test, DEV=1 …), so an inheriting build would be a dev
 * build, drafts and preview tools included; and `astro dev` under VITEST=true answers every page 404.
 */
export function astroEnvironment(nodeEnv: 'production' | 'development'): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: nodeEnv };
	for (const key of Object.keys(env)) if (/^(MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST\w*)$/.test(key)) delete env[key];
	return env;
}
