import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/define-dataset.ts';
import { parseDatasetMeta } from '../../../src/data/dataset-meta.ts';

const columns = {
	vendor: { type: 'string' },
	share: { type: 'number' },
	date: { type: 'date', optional: true },
	confidence: { type: 'string', optional: true, values: ['confirmed', 'one source'] },
} as const;
const file = 'content/data/example.csv';
const parse = (text: string) => parseCsv(text, columns, file);
const header = 'vendor,share,date,confidence\n';

describe('parseCsv(text, columns, file)', () => {
	it('returns typed rows, with empty optional cells as null and dates in UTC', () => {
		const rows = parse('vendor,share,date,confidence\nAlibaba,38.9,2023-10-01,confirmed\n"Huawei, Inc.",18.6,,\n');
		expect(rows).toEqual([
			{ vendor: 'Alibaba', share: 38.9, date: new Date('2023-10-01T00:00:00Z'), confidence: 'confirmed' },
			{ vendor: 'Huawei, Inc.', share: 18.6, date: null, confidence: null },
		]);
	});

	it('names the file, line and column of a value that is not a number', () => {
		expect(() => parse(`${header}Alibaba,39%,,\n`)).toThrowErrorMatchingInlineSnapshot(
			`[AstroUserError: content/data/example.csv:2: column "share": expected a number, got "39%".]`,
		);
	});

	it('names a missing column and lists the columns the header has', () => {
		const text = 'vendor,shares,date,confidence\nAlibaba,39,,\n';
		// One matcher for message and hint: it fails when nothing is thrown, unlike a check in a catch.
		expect(() => parse(text)).toThrow(
			expect.objectContaining({
				message: 'content/data/example.csv:1: missing column "share".',
				hint: 'The header row has: vendor, shares, date, confidence. Add the missing column, or write its name the same in the header and in "columns" of content/data/example.json.',
			}),
		);
	});

	it('rejects an empty required cell, a bad date and a value outside the allowed list', () => {
		expect(() => parse(`${header}Alibaba,,,\n`)).toThrow('content/data/example.csv:2: column "share" is empty.');
		expect(() => parse(`${header}Alibaba,39,2023-13-01,\n`)).toThrow(
			'content/data/example.csv:2: column "date": expected a date, got "2023-13-01".',
		);
		expect(() => parse(`${header}Alibaba,39,,probably\n`)).toThrow(
			'content/data/example.csv:2: column "confidence": "probably" is not an allowed value.',
		);
	});

	it('rejects a row that lost its last value, with the count found and the count expected', () => {
		// Before, the missing value became an empty cell: the figure silently turned into a gap.
		expect(() => parse(`${header}Alibaba,38.9,2023-10-01\n`)).toThrow(
			expect.objectContaining({
				message:
					'content/data/example.csv:2: the row has 3 values, the header has 4 columns (vendor, share, date, confidence).',
				hint: 'Write one value per column, separated by commas: leave a cell empty (two commas in a row, or a comma at the end) for a gap in an optional column, and put a value that contains a comma in double quotes.',
			}),
		);
	});

	it('rejects a row with a value too many (an unquoted comma), and lists every such row', () => {
		expect(() => parse(`${header}Alibaba,38.9,,confirmed\nHuawei, Inc.,18.6,,\nTencent,15,,,\n`)).toThrow(
			[
				'content/data/example.csv:3: the row has 5 values, the header has 4 columns (vendor, share, date, confidence).',
				'content/data/example.csv:4: the row has 5 values, the header has 4 columns',
			].join(
				' Write one value per column, separated by commas: leave a cell empty (two commas in a row, or a comma at the end) for a gap in an optional column, and put a value that contains a comma in double quotes.\n',
			),
		);
	});

	it('rejects a column the header has and the metadata does not declare', () => {
		expect(() => parse('vendor,share,date,confidence,rank\nAlibaba,39,,,1\n')).toThrow(
			expect.objectContaining({
				message: 'content/data/example.csv:1: column "rank" is not declared.',
				hint: 'Add it to "columns" in content/data/example.json, e.g. "rank": { "type": "string" } (or "number", "date").',
			}),
		);
	});

	it('rejects an empty file and a file without rows', () => {
		expect(() => parse('')).toThrow('content/data/example.csv:1: the file is empty.');
		expect(() => parse(header)).toThrow('content/data/example.csv:2: the file has a header but no rows.');
	});
});

describe('parseDatasetMeta(json, file)', () => {
	const valid = {
		title: 'Share',
		unit: '%',
		measurer: 'Canalys',
		sources: [{ publisher: 'Canalys', title: 'Release', date: '2023-11' }],
		columns: { vendor: { type: 'string' }, share: { type: 'number', optional: true } },
	};

	it('accepts a complete record and defaults notes to none', () => {
		const meta = parseDatasetMeta(JSON.stringify(valid), 'content/data/x.json');
		expect(meta.notes).toEqual([]);
		expect(meta.columns).toEqual(valid.columns);
	});

	it('names the line of a column declaration that is wrong, and what to write', () => {
		const json = JSON.stringify({ ...valid, columns: { vendor: { type: 'text' }, share: {} } }, null, '\t');
		expect(() => parseDatasetMeta(json, 'content/data/x.json')).toThrow(
			[
				'content/data/x.json:14: "type" must be string, number or date, not "text" (did you mean "string"?), e.g. "share": { "type": "number" }.',
				'content/data/x.json:16: "type" is missing: add the column\'s type, string, number or date, e.g. "share": { "type": "number" }.',
			].join('\n'),
		);
		expect(() => parseDatasetMeta(JSON.stringify({ ...valid, columns: {} }), 'content/data/x.json')).toThrow(
			'content/data/x.json:1: "columns" is empty: declare each of the CSV\'s columns, e.g. "vendor": { "type": "string" }.',
		);
	});

	it('rejects a dataset without a source, naming the file', () => {
		expect(() =>
			parseDatasetMeta(JSON.stringify({ ...valid, sources: [] }), 'content/data/x.json'),
		).toThrowErrorMatchingInlineSnapshot(
			`[AstroUserError: content/data/x.json:1: "sources" is empty: a dataset needs at least one source, with publisher, title and date.]`,
		);
	});

	it('rejects a source date that is not a date', () => {
		expect(() =>
			parseDatasetMeta(
				JSON.stringify({ ...valid, sources: [{ publisher: 'Canalys', title: 'R', date: 'May 2024' }] }),
				'x.json',
			),
		).toThrow(/x.json:1: "date" must be written YYYY-MM-DD, YYYY-MM or YYYY/);
	});
});
