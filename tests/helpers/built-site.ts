import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** Returns the parsed DOM of a built page, e.g. `page(siteDir, 'the-cloud-race/')`. */
export function page(siteDir: string, path: string): Document {
	const file = join(siteDir, path.endsWith('.html') ? path : join(path, 'index.html'));
	return parseHTML(readFileSync(file, 'utf8')).document;
}

/** Lists every file under a folder, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
	return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
	);
}
