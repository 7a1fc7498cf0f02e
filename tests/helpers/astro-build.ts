import { spawn } from 'node:child_process';

/** The result of one `astro build`: exit code and everything it printed. */
export interface BuildResult {
	readonly code: number;
	readonly output: string;
}

// Vitest copies its own import.meta.env into process.env (BASE_URL "/", MODE "test", DEV "1" …); a
// child build would inherit them and Vite would take them over the config's (BASE_PATH was ignored,
// drafts were built). And `astro dev` started with VITEST=true answers every page with a 404.
const vitestEnv = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST\w*)$/;

/** Returns this process's environment without what Vitest adds, for starting Astro in a child process. */
export const inherited = (): Record<string, string | undefined> =>
	Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestEnv.test(key)));

/** Runs `astro build` in a child process with the given environment (STORY_ROOT, STORY_CONTENT_DIR, STORY_OUT_DIR …). */
export function astroBuild(env: Record<string, string>): Promise<BuildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
			env: { ...inherited(), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}
