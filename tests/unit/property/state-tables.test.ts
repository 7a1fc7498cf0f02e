import { describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { declarationFiles } from '../../../src/charts/declared/load-declared.ts';
import { checkDeclaration } from '../../../src/charts/declared/validate-declaration.ts';
import { datasets } from '../../../src/data/index.ts';
import { declaredRows, rawCsv, tableMismatches } from './state-tables.ts';

/**
 * Each state's table (the CSV download and the figure's <table>, both made from chart.table) has
 * exactly the rows and values of the dataset CSV the state declares: for a declared chart, the rows
 * its `only` keeps (all when none); for a chart written in TypeScript, rows of the CSV, each once,
 * in the CSV's order, with the CSV's values.
 */
const declarations = new Map(
	declarationFiles().map(({ file, text }) => {
		const { checked } = checkDeclaration(file, text, datasets);
		if (!checked) throw new Error(`${file} does not pass its check`);
		return [checked.id, checked] as const;
	}),
);

describe('each state’s table equals the CSV rows it declares', () => {
	it('covers every declared chart', () => {
		expect(declarations.size).toBeGreaterThan(0);
		for (const id of declarations.keys()) expect(charts.map((c) => c.id)).toContain(id);
	});

	for (const chart of charts) {
		it(`${chart.id}: every state`, () => {
			const checked = declarations.get(chart.id);
			const problems = chart.stateNames.flatMap((state) => {
				if (!checked) return tableMismatches(chart, state);
				const raw = rawCsv(checked.dataset);
				const expected = declaredRows(checked.declaration, state, raw);
				return tableMismatches(chart, state, { raw, expected, format: checked.declaration.format });
			});
			expect(problems).toEqual([]);
		});
	}
});
