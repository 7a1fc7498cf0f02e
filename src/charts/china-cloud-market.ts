import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { chartHeight, color, fontSize, isNarrow } from './shared/theme.ts';

const chinaMarket = dataset('canalys-china-market');

type Quarter = (typeof chinaMarket.rows)[number];

const known = (rows: readonly Quarter[]) => rows.filter((r) => r.size !== null);
const latest = (rows: readonly Quarter[]): Quarter => {
	const last = known(rows).at(-1);
	if (!last) throw new Error('The China market data has no quarter with a value.');
	return last;
};
const money = (value: number | null): string => (value === null ? 'no figure' : `US$${value} bn`);

function frame(width: number) {
	return {
		height: chartHeight(width, { narrow: 300, wide: 380 }),
		marginLeft: 36,
		marginRight: 16,
		x: {
			type: 'utc' as const,
			domain: [new Date('2021-05-01'), new Date('2024-10-31')],
			label: null,
			ticks: isNarrow(width) ? 4 : 4,
		},
	};
}

function sizeBars(rows: readonly Quarter[], width: number, highlightLatest: boolean) {
	const last = latest(rows);
	return {
		...frame(width),
		y: { domain: [0, 12], label: 'US$ bn', grid: true, ticks: 4 },
		marks: [
			Plot.rectY(known(rows), {
				x: 'date',
				interval: '3 months',
				y: 'size',
				fill: (d: Quarter) => (highlightLatest && d === last ? color.alibaba : color.muted),
				inset: 2,
			}),
			Plot.text(highlightLatest ? [last] : [], {
				x: (d: Quarter) => new Date(d.date.getTime() + 45 * 864e5),
				y: 'size',
				text: (d: Quarter) => money(d.size),
				dy: -10,
				textAnchor: 'end',
				fontSize,
			}),
			Plot.ruleY([0]),
		],
	};
}

export default defineChart({
	id: 'china-cloud-market',
	title: 'China’s cloud market keeps growing',
	subtitle: 'Mainland China cloud infrastructure services spending per quarter, US$ bn',
	datasets: { market: chinaMarket },
	table: ({ market }) => ({
		columns: [
			{ key: 'quarter', label: 'Quarter' },
			{ key: 'size', label: 'Spending, US$ bn' },
			{ key: 'growth', label: 'Growth, % year on year' },
			{ key: 'confidence', label: 'Confidence' },
		],
		rows: market.map(({ quarter, size, growth, confidence }) => ({ quarter, size, growth, confidence })),
	}),
	states: {
		size: {
			label: 'Spending by quarter',
			plot: ({ market }, width) => sizeBars(market, width, false),
			alt: ({ market }) => {
				const rows = known(market);
				const first = rows[0];
				const last = latest(market);
				return `Column chart of quarterly cloud spending in mainland China, from ${money(first?.size ?? null)} in ${
					first?.quarter
				} to ${money(last.size)} in ${last.quarter}; ${market.length - rows.length} quarters have no published figure and are left blank.`;
			},
		},
		growth: {
			label: 'Growth year on year',
			plot: ({ market }, width) => ({
				...frame(width),
				y: { domain: [0, 45], label: '% year on year', grid: true, ticks: 4 },
				marks: [
					Plot.lineY(market, { x: 'date', y: 'growth', stroke: color.accent, strokeWidth: 2.5 }),
					Plot.dot(market, { x: 'date', y: 'growth', fill: color.accent, r: 3.5 }),
					Plot.ruleY([0]),
				],
			}),
			alt: ({ market }) =>
				`Line chart of year-on-year growth of China's cloud market: ${known(market)
					.map((r) => `${r.quarter} +${r.growth}%`)
					.join(', ')}. The line breaks where quarters have no figure.`,
		},
		latest: {
			label: 'The latest quarter highlighted',
			plot: ({ market }, width) => sizeBars(market, width, true),
			alt: ({ market }) => {
				const last = latest(market);
				return `The latest quarter, ${last.quarter}, is highlighted: ${money(last.size)}, up ${last.growth}% on a year earlier.`;
			},
		},
	},
});
