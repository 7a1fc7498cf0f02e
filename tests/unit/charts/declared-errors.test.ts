import { describe, expect, it } from 'vitest';
import { checkDeclaration, checkedOrThrow } from '../../../src/charts/declared/validate-declaration.ts';
import { datasets } from '../../../src/data/index.ts';

// Every mistake an editor can make in content/charts/<id>.yaml fails with file:line:column and the fix.
const file = 'content/charts/test-chart.yaml';
const good = `title: At home, Alibaba leads
subtitle: Share of the China market, %
dataset: canalys-china-share-q3-2023
format: { suffix: '%' }
marks:
  - mark: bar
    direction: horizontal
    x: share
    y: vendor
    labels: all
states:
  leaders:
    label: The top three and the rest
  alibaba:
    label: Alibaba highlighted
    highlight: { vendor: Alibaba }
`;

/** The problems of a declaration, as the build and `npm run check` print them. */
const problems = (text: string): string[] =>
	checkDeclaration(file, text, datasets).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);

describe('a chart declaration', () => {
	it('passes when it is right', () => {
		expect(problems(good)).toEqual([]);
		expect(checkedOrThrow(file, good, datasets).id).toBe('test-chart');
	});

	it('names an unknown key, the key it resembles and the valid keys (once: not also the correction as missing)', () => {
		expect(problems(good.replace('subtitle:', 'subtitel:'))).toEqual([
			`${file}:2:1: unknown key "subtitel" in the chart: did you mean "subtitle"? The keys are: title, subtitle, dataset, table, format, height, x, y, marks, states.`,
		]);
		// A key it does not resemble leaves the missing one named.
		expect(problems(good.replace('subtitle:', 'strapline:'))).toEqual([
			`${file}:1:1: "subtitle" is missing: write what is measured, with unit and period.`,
			`${file}:2:1: unknown key "strapline" in the chart: The keys are: title, subtitle, dataset, table, format, height, x, y, marks, states.`,
		]);
		expect(problems(good.replace('    highlight:', '    hilight:'))).toEqual([
			`${file}:16:5: unknown key "hilight" in "states.alibaba": did you mean "highlight"? The keys are: label, highlight, colour, only, zoom, labels, note, rule, x, y, alt.`,
		]);
		expect(problems(good.replace('    labels: all', '    color: ink'))).toEqual([
			`${file}:10:5: unknown key "color" in "marks.0": did you mean "colour"? The keys are: mark, direction, x, y, series, arrange, key, labels, text, label, at, confidence, when, gaps, colour, format, states.`,
		]);
	});

	it('names a missing title', () => {
		expect(problems(good.replace(/^title: .*\n/, ''))).toEqual([
			`${file}:1:1: "title" is missing: write the chart’s headline, e.g. "At home, Alibaba leads".`,
		]);
	});

	it('names an unknown dataset with the closest name and the list', () => {
		const [problem] = problems(good.replace('canalys-china-share-q3-2023', 'canalys-china-share-q3-2032'));
		expect(problem).toMatch(
			new RegExp(
				`^${file}:3:10: unknown dataset "canalys-china-share-q3-2032": did you mean "canalys-china-share-q3-2023"\\? The datasets are: .*synergy-vendor-share-q4-2022`,
			),
		);
	});

	it('names an unknown mark with the closest and the valid marks', () => {
		expect(problems(good.replace('mark: bar', 'mark: bars'))).toEqual([
			`${file}:6:11: unknown mark "bars": did you mean "bar"? The marks are: bar, line, area, dot, text, rule, timeline, map.`,
		]);
	});

	it('names an unknown column with the closest and the dataset’s columns', () => {
		expect(problems(good.replace('x: share', 'x: shares'))).toEqual([
			`${file}:8:8: unknown column "shares" for "x" of the bar: did you mean "share"? The columns of canalys-china-share-q3-2023 are: vendor, share, confidence.`,
		]);
	});

	it('refuses a text column on a numeric axis', () => {
		expect(problems(good.replace('x: share', 'x: confidence'))).toEqual([
			`${file}:8:8: column "confidence" is text, but "x" of a horizontal bar needs numbers: use a number column (share), or make the bars vertical.`,
		]);
	});

	it('refuses a highlight that matches no row, naming the values there are', () => {
		expect(problems(good.replace('{ vendor: Alibaba }', '{ vendor: Alibabba }'))).toEqual([
			`${file}:16:26: "states.alibaba.highlight" matches no row: no vendor is "Alibabba"; did you mean "Alibaba"? The values of vendor are: Alibaba, Huawei, Tencent, Others.`,
		]);
	});

	it('refuses a duplicate state name', () => {
		expect(problems(`${good}  leaders:\n    label: Again\n`)).toEqual([
			`${file}:17:3: duplicate state "leaders" (the first is on line 12): give each state its own name.`,
		]);
	});

	it('names an unknown state a mark is drawn in', () => {
		expect(problems(good.replace('    labels: all', '    states: [leader]'))).toEqual([
			`${file}:10:14: unknown state "leader": did you mean "leaders"? The states are: leaders, alibaba.`,
		]);
	});

	it('names a wrong choice with the valid ones', () => {
		expect(problems(good.replace('labels: all', 'labels: every'))).toEqual([
			`${file}:10:13: "marks.0.labels" cannot be "every": use one of: all, highlighted, last, ends, none.`,
		]);
	});

	it('names an unknown placeholder in a text alternative', () => {
		expect(problems(`${good}    alt: 'Alibaba has {shares}.'\n`)).toEqual([
			`${file}:17:10: unknown placeholder "{shares}" in the text alternative: did you mean "share"? A placeholder names a column: {vendor}, {share}, {confidence}.`,
		]);
	});

	it('reports a YAML syntax error where it is', () => {
		const [problem] = problems(good.replace('  alibaba:\n', '  alibaba:\n   - x\n'));
		expect(problem).toMatch(new RegExp(`^${file}:\\d+:\\d+: .+: fix the YAML syntax\\.$`));
	});

	it('throws one error listing every problem, for the build and npm run check', () => {
		expect(() =>
			checkedOrThrow(file, good.replace('mark: bar', 'mark: bars').replace('x: share', 'x: shares'), datasets),
		).toThrow(`${file}:6:11: unknown mark "bars"`);
	});
});
