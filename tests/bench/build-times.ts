import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { astroBuildProcess } from '../helpers/astro-build.ts';

/** Times one `astro build` process (what `npm run build` costs) with the given environment; throws with the output if it fails. */
export async function timeBuild(env: Record<string, string>): Promise<number> {
	const start = performance.now();
	const { code, output } = await astroBuildProcess(env);
	if (code !== 0) throw new Error(`The build failed:\n${output}`);
	return (performance.now() - start) / 1000;
}

/**
 * Writes a copy of the story with every chapter repeated `factor` times (step ids and order made
 * unique), to measure how build time grows with the number of chapters and chart states.
 */
export function multiplyStory(factor: number, root = resolve('tests/.tmp/bench-story')): string {
	rmSync(root, { recursive: true, force: true });
	cpSync('content', join(root, 'content'), { recursive: true });
	const chapters = join(root, 'content/chapters');
	for (const file of readdirSync(chapters).filter((f) => f.endsWith('.mdx'))) {
		const source = readFileSync(join(chapters, file), 'utf8');
		for (let copy = 1; copy < factor; copy++) {
			const text = source
				.replace(/^order:\s*(\d+)/m, (_, order: string) => `order: ${Number(order) + copy * 100}`)
				.replace(/^title:\s*(.+)$/m, (_, title: string) => `title: ${title} (copy ${copy})`)
				.replace(/(<Step\b[^>]*\bid=")([^"]+)"/g, `$1$2-copy-${copy}"`);
			writeFileSync(join(chapters, file.replace(/\.mdx$/, `-copy-${copy}.mdx`)), text);
		}
	}
	return root;
}
