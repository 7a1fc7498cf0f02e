import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

// Code charts read datasets by name, typed from the columns declared in content/data/<name>.json
// (`dataset('qwen-releases').rows`: `date` a Date, `confidence` 'confirmed' | 'one source'). The JSON
// is the one place a column's type is written; these types are generated from it into .astro/, as
// Astro does for content collections, so nothing generated is committed or goes stale.

/** Returns the TypeScript declaration of the columns of each dataset: `{ name: columns as JSON }`. */
export function datasetTypes(columnsByName: ReadonlyMap<string, unknown>): string {
	const entries = [...columnsByName]
		.toSorted(([a], [b]) => a.localeCompare(b))
		.map(([name, columns]) => `\t\t${JSON.stringify(name)}: ${columnsType(columns)};`);
	return [
		'// Generated from content/data/*.json by src/data/dataset-types.ts: edit the JSON files instead.',
		'declare global {',
		'\tinterface StoryDatasetColumns {',
		...entries,
		'\t}',
		'}',
		'export {};',
		'',
	].join('\n');
}

// Only what the row types need (type, optional, values), each as a literal type; anything malformed
// is left out here: the build reports it with its line.
function columnsType(columns: unknown): string {
	if (typeof columns !== 'object' || columns === null) return '{}';
	const fields = Object.entries(columns).map(([column, spec]) => {
		const { type, optional, values } = (spec ?? {}) as Record<string, unknown>;
		const parts = [
			`readonly type: ${JSON.stringify(['string', 'number', 'date'].includes(type as string) ? type : 'string')}`,
		];
		if (optional === true) parts.push('readonly optional: true');
		if (Array.isArray(values) && values.every((v) => typeof v === 'string')) {
			parts.push(`readonly values: readonly [${values.map((v) => JSON.stringify(v)).join(', ')}]`);
		}
		return `${JSON.stringify(column)}: { ${parts.join('; ')} }`;
	});
	return `{ ${fields.join('; ')} }`;
}

/** Reads the declared columns of every dataset in a content folder (`<content>/data/*.json`). */
export function readDeclaredColumns(contentDir: string): Map<string, unknown> {
	const dir = join(contentDir, 'data');
	const columns = new Map<string, unknown>();
	let names: string[];
	try {
		names = readdirSync(dir).filter((name) => name.endsWith('.json'));
	} catch {
		return columns;
	}
	for (const name of names) {
		try {
			columns.set(
				name.slice(0, -'.json'.length),
				(JSON.parse(readFileSync(join(dir, name), 'utf8')) as { columns?: unknown }).columns,
			);
		} catch {
			// Not valid JSON: the build and npm run check say where.
		}
	}
	return columns;
}

/** The Astro integration that writes the dataset types (astro.config.mjs lists it). */
export const datasetTypesIntegration = (contentDir: string): AstroIntegration => ({
	name: 'story-dataset-types',
	hooks: {
		'astro:config:done': ({ injectTypes }) => {
			injectTypes({ filename: 'datasets.d.ts', content: datasetTypes(readDeclaredColumns(contentDir)) });
		},
	},
});
