import { describe, expect, it } from 'vitest';
import { datasetTypes, readDeclaredColumns } from '../../../src/data/dataset-types.ts';

describe('datasetTypes(columns by name)', () => {
	it('declares each dataset’s columns as literal types, for the row types of code charts', () => {
		const columns = new Map<string, unknown>([
			[
				'qwen-releases',
				{
					date: { type: 'date' },
					model: { type: 'string', description: 'ignored' },
					confidence: { type: 'string', optional: true, values: ['confirmed', 'one source'] },
				},
			],
			['broken', 'not an object'],
		]);
		expect(datasetTypes(columns)).toBe(
			[
				'// Generated from content/data/*.json by src/data/dataset-types.ts: edit the JSON files instead.',
				'declare global {',
				'\tinterface StoryDatasetColumns {',
				'\t\t"broken": {};',
				'\t\t"qwen-releases": { "date": { readonly type: "date" }; "model": { readonly type: "string" }; "confidence": { readonly type: "string"; readonly optional: true; readonly values: readonly ["confirmed", "one source"] } };',
				'\t}',
				'}',
				'export {};',
				'',
			].join('\n'),
		);
	});

	it('reads the columns of every metadata file of the story', () => {
		const columns = readDeclaredColumns('content');
		expect(columns.get('canalys-china-share-q3-2023')).toMatchObject({ share: { type: 'number' } });
		expect(readDeclaredColumns('no-such-folder').size).toBe(0);
	});
});
