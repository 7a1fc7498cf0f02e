// Declared charts the story does not have, for the tests of what they draw: a dataset of a measure
// by quarter and series, and declarations of the marks that take a series (and a long note).
import { compileChart } from '../../src/charts/declared/compile-chart.ts';
import { checkedOrThrow } from '../../src/charts/declared/validate-declaration.ts';
import type { Chart } from '../../src/charts/define-chart.ts';
import type { Dataset } from '../../src/data/define-dataset.ts';
import { datasets } from '../../src/data/index.ts';

export const quarters = ['Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024'];
export const vendors = ['Alibaba', 'Tencent', 'Huawei'];
export const values: Record<string, number[]> = {
	Alibaba: [10, 12, 9, 14],
	// Close to Alibaba's: labels of neighbouring bars sit at about the same height.
	Tencent: [9, 11, 9, 13],
	Huawei: [4, 6, 5, 3],
};
export const sales = {
	name: 'test-sales',
	file: 'content/data/test-sales.csv',
	meta: { title: 'Test sales', unit: 'US$ bn', measurer: 'Nobody', sources: [], notes: [] },
	columns: {
		quarter: { type: 'string' },
		date: { type: 'date' },
		vendor: { type: 'string' },
		revenue: { type: 'number' },
	},
	rows: quarters.flatMap((quarter, q) =>
		vendors.map((vendor) => ({
			quarter,
			date: new Date(Date.UTC(2024, q * 3, 1)),
			vendor,
			revenue: values[vendor]![q]!,
		})),
	),
} as unknown as Dataset;

/** A chart of test-sales with these marks (YAML lines) and these states (default: one, `all`). */
export const declareSales = (marks: string, id: string, states = '  all:\n    label: All\n', head = ''): Chart =>
	compileChart(
		checkedOrThrow(
			`content/charts/${id}.yaml`,
			`title: Test\nsubtitle: Revenue, US$ bn\ndataset: test-sales\n${head}marks:\n${marks}states:\n${states}`,
			[...datasets, sales],
		),
	);

/** A declared timeline of the Qwen releases: every one, one highlighted with a note, one year only. */
export const timelineText = `title: Qwen, release after release
subtitle: Alibaba’s Qwen models, by release date
dataset: qwen-releases
marks:
  - mark: timeline
    y: date
    text: model
    when: when
    confidence: confidence
states:
  all:
    label: Every release
  qwen-72b:
    label: Qwen-72B
    highlight: { model: Qwen-72B }
    note: { at: { model: Qwen-72B }, text: The largest open model yet }
  only-2024:
    label: The 2024 releases
    only: { date: { from: 2024-01-01, to: 2024-12-31 } }
    labels: all
`;

/** A declared map of Alibaba Cloud's places outside China, a colour per kind. */
export const mapText = `title: Where Alibaba Cloud is
subtitle: Alibaba Cloud regions outside mainland China
dataset: alibaba-cloud-regions
table:
  label: Place
  country: Country
marks:
  - mark: map
    x: lon
    y: lat
    text: label
    key: key
    series: kind
states:
  everywhere:
    label: Every place
  america:
    label: The American regions
    highlight: { country: [United States, Mexico] }
    labels: highlighted
    note: { at: { key: mexico }, text: Live in 2025 }
  europe:
    label: Europe only
    only: { country: [United Kingdom, Germany, France, Netherlands] }
    labels: all
`;

/** Series charts and notes that the legibility test measures beside the story's declared charts. */
export const fixtureCharts = (): Chart[] => [
	declareSales(
		'  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n    arrange: grouped\n    labels: all\n',
		'test-grouped',
		'  all:\n    label: All\n  alibaba:\n    label: Alibaba\n    highlight: { vendor: Alibaba }\n    labels: highlighted\n',
		'format: { prefix: US$, unit: bn }\n',
	),
	declareSales('  - mark: bar\n    x: quarter\n    y: revenue\n    series: vendor\n    labels: all\n', 'test-stacked'),
	declareSales(
		'  - mark: line\n    x: date\n    y: revenue\n    series: vendor\n',
		'test-lines',
		'  all:\n    label: All\n  note:\n    label: A note\n    note: { at: { quarter: Q3 2024 }, text: "Tencent’s best quarter of the year, by a long way" }\n',
	),
	declareSales('  - mark: area\n    x: date\n    y: revenue\n    series: vendor\n', 'test-areas'),
	// Zoomed along time: what falls outside is left out, not drawn over the axis or past the edge.
	declareSales(
		'  - mark: line\n    x: date\n    y: revenue\n    series: vendor\n    labels: all\n',
		'test-lines-zoomed',
		'  zoomed:\n    label: The middle quarters\n    zoom: { x: [2024-04-01, 2024-07-01] }\n',
	),
	noteAtLastColumn(),
	declareSales(
		'  - mark: bar\n    direction: horizontal\n    x: revenue\n    y: quarter\n    series: vendor\n    arrange: grouped\n    labels: all\n',
		'test-grouped-across',
		undefined,
		'format: { prefix: US$, unit: bn }\n',
	),
	declareSales(
		'  - mark: bar\n    direction: horizontal\n    x: revenue\n    y: quarter\n    series: vendor\n    labels: all\n',
		'test-stacked-across',
	),
	compileChart(
		checkedOrThrow(
			'content/charts/test-timeline-note.yaml',
			timelineText.replace(
				/states:[\s\S]*/,
				`states:
  long-note:
    label: A long note
    highlight: { model: Qwen-72B }
    labels: all
    note:
      at: { model: Qwen-72B }
      text: The largest open model of its day, released with a chat version and a licence that let companies use it
`,
			),
			datasets,
		),
	),
];

/**
 * The brief of issue 12 as an editor declares it: columns by quarter, the latest one highlighted and
 * labelled, with a note at it (the tallest column, at the chart's right edge).
 */
export const noteAtLastColumn = (): Chart =>
	compileChart(
		checkedOrThrow(
			'content/charts/test-note-last.yaml',
			`title: China’s cloud market
subtitle: Mainland China cloud infrastructure services spending per quarter, US$ bn
dataset: canalys-china-market
format: { prefix: US$, unit: bn }
marks:
  - mark: bar
    x: quarter
    y: size
    key: quarter
states:
  latest:
    label: The latest quarter
    highlight: last
    labels: last
    note: { at: { quarter: Q3 2024 }, text: Up 11% on a year earlier }
`,
			datasets,
		),
	);
