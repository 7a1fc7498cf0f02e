import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '../../../src/charts/declared/validate-declaration.ts';
import { datasets } from '../../../src/data/index.ts';

/**
 * The cases the property test of declarations (declarations.test.ts) found, one test each: each was
 * a declaration the check let through, or answered with an exception or at the wrong line.
 */
const file = 'content/charts/test-chart.yaml';
const good = `title: Three American companies sell most of the world’s cloud
subtitle: Share of worldwide cloud infrastructure services revenue, Q4 2022, %
dataset: synergy-vendor-share-q4-2022
table:
  vendor: Provider
  share: Share, %
format: { suffix: '%' }
x: { domain: [0, 35] }
marks:
  - { mark: bar, direction: horizontal, x: share, y: vendor, labels: all }
states:
  market:
    label: The largest providers
  alibaba:
    label: Alibaba highlighted
    highlight: { vendor: Alibaba }
`;
/** The problems of a declaration, as the build and `npm run check` print them. */
const problems = (text: string): string[] =>
	checkDeclaration(file, text, datasets).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);

describe('found by the property test of declarations', () => {
	it('a billion laughs (aliases of aliases) is reported at its first alias, not thrown', () => {
		const laughs = [
			'laughs:',
			'  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
			...['b', 'c', 'd', 'e', 'f', 'g'].map(
				(k, i) => `  ${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`,
			),
		];
		expect(problems(good + laughs.join('\n'))).toEqual([
			'19:10: aliases (*a) repeat more text than a file here may hold: write the values out: fix the YAML syntax.',
		]);
	});

	it('a state named __proto__ is reported, not dropped (it was the object’s prototype)', () => {
		expect(problems(good.replace('  market:', '  __proto__:'))).toEqual([
			'12:3: "states.__proto__" must be kebab-case, e.g. latest-quarter.',
		]);
		expect(Object.prototype).not.toHaveProperty('label');
	});

	it('a table column named __proto__ is reported as an unknown column', () => {
		expect(problems(good.replace('  share: Share, %', '  __proto__: Share, %'))).toEqual([
			'6:3: unknown column "__proto__" for the table: The columns of synergy-vendor-share-q4-2022 are: vendor, share.',
		]);
	});

	it('a text saved as Latin-1 (read as UTF-8, é becomes U+FFFD) is reported where it is', () => {
		const utf8 = Buffer.from(good.replace('The largest providers', 'Querétaro'));
		const at = utf8.indexOf(Buffer.from('é'));
		const latin1 = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe9]), utf8.subarray(at + 2)]);
		expect(problems(new TextDecoder().decode(latin1))).toEqual([
			'13:16: a character is not valid UTF-8 (shown as \uFFFD): save the file as UTF-8, then check the accented letters.',
		]);
	});

	it('an axis range written backwards, empty or of the wrong kind is reported where it is', () => {
		expect(problems(good.replace('[0, 35]', '[35, 0]'))).toEqual([
			'8:14: "x.domain" is reversed: write the smaller value first, [0, 35].',
		]);
		expect(problems(good.replace('[0, 35]', '[35, 35]'))).toEqual([
			'8:14: "x.domain" is empty: from and to are the same; write a range, e.g. [0, 45].',
		]);
		expect(
			problems(
				good.replace(
					'    label: The largest providers',
					'    label: The largest providers\n    zoom: { x: [2024-10-31, 2021-05-01] }',
				),
			),
		).toEqual(['14:16: "states.market.zoom.x" is along the values: write numbers, e.g. [0, 45].']);
		// Bars of a text column (here the providers, down the chart) have no range to zoom to: it did nothing.
		expect(
			problems(
				good.replace('    label: The largest providers', '    label: The largest providers\n    zoom: { y: [45, 0] }'),
			),
		).toEqual([
			'14:16: "states.market.zoom.y" is along "vendor", a text column, which has no range: remove it; to show some rows only, write only: { vendor: [Tencent, Oracle] }.',
		]);
	});

	it('an unclosed quote or bracket is reported where it opens, not at the end of the file or the next line', () => {
		expect(problems(good.replace('label: Alibaba highlighted', "label: 'Alibaba highlighted"))).toEqual([
			"15:12: Missing closing 'quote: fix the YAML syntax.",
		]);
		expect(problems(good.replace('label: The largest providers', 'label: "The largest providers'))).toEqual([
			'13:12: Missing closing "quote: fix the YAML syntax.',
		]);
		expect(problems(good.replace('x: { domain: [0, 35] }', 'x: { domain: [0, 35]'))).toEqual([
			'8:4: Flow map in block collection must be sufficiently indented and end with a }: fix the YAML syntax.',
		]);
	});

	it('a timeline takes dates along y, and a range along x (it has no x axis) is reported', () => {
		const timeline = `title: Qwen, release after release
subtitle: Alibaba’s Qwen models, by release date
dataset: qwen-releases
y: { domain: [2023-07-01, 2025-10-31] }
marks:
  - { mark: timeline, y: date, text: model }
states:
  all:
    label: Every release
`;
		expect(problems(timeline)).toEqual([]);
		expect(problems(timeline.replace('y: { domain', 'x: { domain'))).toEqual([
			'4:14: a timeline runs down its dates (y): remove "x.domain", or write y: { domain: [from, to] }.',
		]);
		expect(problems(timeline.replace('[2023-07-01, 2025-10-31]', '[2025-10-31, 2023-07-01]'))).toEqual([
			'4:14: "y.domain" is reversed: write the smaller value first, [2023-07-01, 2025-10-31].',
		]);
	});
});
