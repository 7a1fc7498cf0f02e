import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/define-dataset.ts';
import { problemsOf } from '../../../src/problems/problem.ts';

/** The values an arbitrary generates. */
type Value<A> = A extends fc.Arbitrary<infer T> ? T : never;
/**
 * Property: for any CSV an editor could save, the dataset check (parseCsv, what `npm run check`
 * and the build run on every content/data/*.csv) either reports a problem at a real line of the
 * file (the line of the broken record, for the mistakes we make on purpose) or reads exactly the
 * rows that were meant. fast-check shrinks a failing case and prints it, with its seed.
 */
const columns = {
	name: { type: 'string' },
	kind: { type: 'string', values: ['cloud', 'model'] },
	value: { type: 'number', optional: true },
	date: { type: 'date' },
	note: { type: 'string', optional: true },
	// Declared like every column (an undeclared one is an error), but no chart reads it.
	extra: { type: 'string' },
} as const;
const file = 'content/data/test.csv';
type Meant = { name: string; kind: string; value: number | null; date: Date; note: string | null };

// Text as editors write it: commas, quotes, line breaks, accents and other scripts, never padded
// (cells are trimmed) and never U+FFFD (what a wrong encoding leaves).
const text = fc
	.string({
		unit: fc.oneof(
			fc.constantFrom(',', '"', '\n', ' ', 'é', '—', '中', '\r\n'),
			fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
		),
		minLength: 1,
	})
	.map((s) => s.replaceAll('\uFFFD', '').replaceAll('\r', '').trim())
	.filter((s) => s !== '');
const row: fc.Arbitrary<Meant> = fc.record({
	name: text,
	kind: fc.constantFrom('cloud', 'model'),
	value: fc.option(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
		nil: null,
	}),
	date: fc
		.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
		.map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
	note: fc.option(text, { nil: null }),
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const needsQuotes = (cell: string) => /[",\n\r]/.test(cell) || cell.startsWith('"');
const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
const numberText = (n: number) => (Object.is(n, -0) ? '0' : String(n));

/** What an editor's mistake does to the file, and which line the check must then name. */
type Mistake =
	| { kind: 'none' }
	| {
			kind: 'extra-cell' | 'missing-cell' | 'not-a-number' | 'not-a-date' | 'empty-required' | 'bad-value' | 'garbled';
			row: number;
	  }
	| { kind: 'unquoted'; row: number }
	| { kind: 'duplicate-header' | 'misspelt-header' };

const cases = fc
	.record({
		rows: fc.array(row, { minLength: 1, maxLength: 6 }),
		order: fc.shuffledSubarray(['name', 'kind', 'value', 'date', 'note', 'extra'], { minLength: 6, maxLength: 6 }),
		bom: fc.boolean(),
		crlf: fc.boolean(),
		blankAfter: fc.option(fc.nat(6), { nil: undefined }),
		quoteAll: fc.boolean(),
		mistake: fc.oneof(
			{ weight: 3, arbitrary: fc.constant<Mistake>({ kind: 'none' }) },
			fc.record({
				kind: fc.constantFrom(
					'extra-cell',
					'missing-cell',
					'not-a-number',
					'not-a-date',
					'empty-required',
					'bad-value',
					'garbled',
					'unquoted',
				),
				row: fc.nat(5),
			}) as fc.Arbitrary<Mistake>,
			fc.constantFrom<Mistake>({ kind: 'duplicate-header' }, { kind: 'misspelt-header' }),
		),
	})
	.map((c) => ({
		...c,
		mistake: 'row' in c.mistake ? { ...c.mistake, row: c.mistake.row % c.rows.length } : c.mistake,
	}));

/** Writes the CSV (and says on which line each record starts). */
function write({ rows, order, bom, crlf, blankAfter, quoteAll, mistake }: Value<typeof cases>) {
	const eol = crlf ? '\r\n' : '\n';
	const header = order.map((name) => {
		if (mistake.kind === 'duplicate-header' && name === 'extra') return 'note';
		if (mistake.kind === 'misspelt-header' && name === 'value') return 'valeu';
		return name;
	});
	const records = [header.join(',')];
	const starts = [1];
	let line = 1 + (records[0]!.match(/\n/g)?.length ?? 0);
	rows.forEach((meant, i) => {
		const broken = 'row' in mistake && mistake.row === i ? mistake.kind : undefined;
		let cells = order.map((name): string => {
			if (name === 'extra') return 'ignored';
			const value = meant[name as keyof Meant];
			if (broken === 'not-a-number' && name === 'value') return ['12%', '1,234', 'n/a', '3 bn', '0x10'][i % 5]!;
			if (broken === 'not-a-date' && name === 'date') return ['2024-02-30', '2024/01/05', 'Q3 2023', '2024-13'][i % 4]!;
			if (broken === 'empty-required' && name === 'date') return '';
			if (broken === 'bad-value' && name === 'kind') return 'Cloud';
			if (broken === 'garbled' && name === 'name') return `Quer\uFFFDtaro ${String(value)}`;
			if (value === null) return '';
			if (value instanceof Date) return iso(value);
			if (typeof value === 'number') return numberText(value);
			if (broken === 'unquoted') return value;
			return quoteAll || needsQuotes(value) ? quote(value) : value;
		});
		if (broken === 'extra-cell') cells = [...cells, 'surplus'];
		if (broken === 'missing-cell') cells = cells.slice(0, -1);
		line++;
		starts.push(line);
		const record = cells.join(',');
		records.push(record);
		line += record.split('\n').length - 1;
		if (blankAfter === i) {
			records.push('');
			line++;
		}
	});
	return { csv: (bom ? '\uFEFF' : '') + records.join(eol) + eol, starts };
}

const sameRows = (actual: readonly Record<string, unknown>[], meant: readonly Meant[]) =>
	actual.length === meant.length &&
	actual.every((row, i) =>
		Object.entries(meant[i]!).every(([key, value]) => {
			const got = row[key];
			if (value instanceof Date) return got instanceof Date && got.getTime() === value.getTime();
			return Object.is(got, value) || (typeof value === 'number' && got === value);
		}),
	);

describe('property: a CSV either fails the check at a real line, or reads exactly as meant', () => {
	it('300 generated CSVs with and without an editor’s mistake', () => {
		fc.assert(
			fc.property(cases, (c) => {
				const { csv, starts } = write(c);
				const lineCount = csv.split('\n').length;
				let rows: readonly Record<string, unknown>[] | undefined;
				let lines: number[] = [];
				try {
					rows = parseCsv(csv, columns, file);
				} catch (error) {
					const problems = problemsOf(error);
					if (!problems) throw error; // not a reported problem: a crash
					lines = problems.map((p) => p.line);
					expect(problems.every((p) => p.file === file && p.line >= 1 && p.line <= lineCount)).toBe(true);
				}
				const { mistake } = c;
				if (mistake.kind === 'none') {
					expect(lines).toEqual([]);
					expect(rows && sameRows(rows, c.rows)).toBe(true);
				} else if (mistake.kind === 'unquoted') {
					// An unquoted comma or quote may or may not break the record: never silently.
					if (rows) expect(sameRows(rows, c.rows)).toBe(true);
				} else if (mistake.kind === 'duplicate-header' || mistake.kind === 'misspelt-header') {
					expect(lines).toEqual([1]);
				} else if (mistake.kind === 'garbled') {
					// Named where the character is: a line of that record (a quoted cell may span lines).
					const [first, next] = [starts[mistake.row + 1]!, starts[mistake.row + 2] ?? lineCount];
					expect(lines.length === 1 && lines[0]! >= first && lines[0]! <= next).toBe(true);
				} else if ('row' in mistake) {
					expect(lines).toEqual([starts[mistake.row + 1]]);
				}
			}),
			{ numRuns: 300, seed: Number(process.env.FC_SEED ?? 1616) },
		);
	});
});
