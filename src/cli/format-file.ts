import { join } from 'node:path';
import * as prettier from 'prettier';
import { projectDir } from './story-modules.ts';

/**
 * Returns a file's text as the format check (`npm run test:format`, prettier with the project's
 * settings) writes it, so that files the commands create pass that check as written.
 */
export async function formatted(text: string, path: string): Promise<string> {
	// The project's settings, also for a story kept elsewhere (a fixture's, in tests).
	const options = await prettier.resolveConfig(path, { config: join(projectDir, '.prettierrc') });
	return prettier.format(text, { ...options, filepath: path });
}
