import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The result of one build: exit code (0 or 1) and what it printed, or the error it stopped with. */
export interface BuildResult {
	readonly code: number;
	readonly output: string;
}

/**
 * What a build is pointed at, as astro.config.mjs reads it: STORY_ROOT, STORY_CONTENT_DIR,
 * STORY_OUT_DIR, STORY_CACHE_DIR, SITE_URL, BASE_PATH (see tests/helpers/story-fixture.ts).
 */
export type BuildEnv = Readonly<Record<string, string>>;

const configFile = fileURLToPath(new URL('../../astro.config.mjs', import.meta.url));

// Vitest copies its own import.meta.env into process.env (BASE_URL "/", MODE "test", DEV "1" …); a
// build would take them over the config's (BASE_PATH was ignored, drafts were built), and Astro keeps
// NODE_ENV "test" instead of "production". And `astro dev` started with VITEST=true answers every page
// with a 404.
const vitestEnv = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST\w*)$/;

/** Returns this process's environment without what Vitest adds, for starting Astro in a child process. */
export const inherited = (): Record<string, string | undefined> =>
	Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestEnv.test(key)));

// The build's settings are environment variables (read when astro.config.mjs, src/content.config.ts and
// the pages load), so this process runs one build at a time; test files build in parallel in their own
// worker processes.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds the site in this process with Astro's `build()` (what `astro build` runs, without starting
 * Node and loading Astro and Vite again for each build), pointed at `env`. Never throws: a failed
 * build gives code 1 and Astro's error (message, hint, location, cause) as its output.
 */
export function astroBuild(env: BuildEnv): Promise<BuildResult> {
	const result = queue.then(() => buildHere(env));
	queue = result.catch(() => undefined);
	return result;
}

async function buildHere(env: BuildEnv): Promise<BuildResult> {
	const saved = { ...process.env };
	for (const key of Object.keys(process.env)) if (vitestEnv.test(key)) delete process.env[key];
	Object.assign(process.env, env, { FORCE_COLOR: '0', NO_COLOR: '1' });
	// Astro's logger writes to stdout and stderr: keep what it says for the result, not the test log.
	const printed: string[] = [];
	const { stdout, stderr } = process;
	const writes = [stdout.write.bind(stdout), stderr.write.bind(stderr)] as const;
	const keep = ((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)) as typeof stdout.write;
	stdout.write = keep;
	stderr.write = keep;
	try {
		const { build } = await import('astro');
		// Astro joins configFile to the working directory; an inline `root` would override the config's (STORY_ROOT).
		await build({ configFile: relative(process.cwd(), configFile), logLevel: 'warn' });
		return { code: 0, output: printed.join('') };
	} catch (error) {
		return { code: 1, output: `${printed.join('')}${describeError(error)}` };
	} finally {
		stdout.write = writes[0];
		stderr.write = writes[1];
		for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
		Object.assign(process.env, saved);
	}
}

/** Astro's error the way `astro build` prints it (core/messages/runtime.js formatErrorMessage), without colours. */
function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const { hint, loc } = error as Error & { hint?: string; loc?: { file?: string; line?: number; column?: number } };
	const lines = [`[${error.name}] ${error.message}`];
	if (hint) lines.push('  Hint:', hint.replace(/^/gm, '    '));
	if (loc?.file) lines.push('  Location:', `    ${loc.file}:${loc.line ?? 0}:${loc.column ?? 0}`);
	// The stack's first lines repeat the message: keep only its frames.
	const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
	if (frames?.length) lines.push('  Stack trace:', ...frames);
	if (error.cause)
		lines.push('  Caused by:', `  ${error.cause instanceof Error ? error.cause.message : JSON.stringify(error.cause)}`);
	return lines.join('\n');
}

/**
 * Runs `astro build` in a child process, as `npm run build` does (the bench times this; the tests'
 * build of the site runs beside the first test files, tests/helpers/build-once.ts).
 */
export function astroBuildProcess(env: BuildEnv, signal?: AbortSignal): Promise<BuildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
			env: { ...inherited(), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
			signal,
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}
