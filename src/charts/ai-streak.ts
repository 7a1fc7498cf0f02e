import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart, type DataTable } from './define-chart.ts';
import { listJoin, ordinal } from './shared/format.ts';
import { midQuarter, quarterEnd, utc, year, yearTicks } from './shared/dates.ts';
import { chartHeight, color, fontSize, paper } from './shared/theme.ts';

const streak = dataset('alibaba-ai-streak');

type Quarter = (typeof streak.rows)[number];

const domain: [Date, Date] = [utc(2023, 7), utc(2026, 4)];
const keyMargin = 44;
const keys = { derived: 'dashed: counted, not reported', 'one source': '* single source' } as const;
const mark = (q: Quarter) => (q.confidence === 'one source' ? '*' : '');

/** Columns that climb by one each quarter: a counter of the streak, not a measure of revenue. */
function plot(rows: readonly Quarter[], width: number, shownFrom: number, shownTo: number): Plot.PlotOptions {
	const shown = rows.filter((q) => q.streak >= shownFrom && q.streak <= shownTo);
	const key = (['derived', 'one source'] as const)
		.filter((c) => shown.some((q) => q.confidence === c))
		.map((c) => keys[c])
		.join('; ');
	return {
		height: chartHeight(width, { narrow: 260, wide: 300 }),
		marginLeft: 12,
		marginRight: 12,
		marginTop: 24,
		marginBottom: keyMargin,
		x: { type: 'utc', domain, ticks: yearTicks(domain), tickFormat: year, label: null },
		y: { domain: [0, 12], axis: null },
		marks: [
			Plot.rectY(
				shown.filter((q) => q.confidence !== 'derived'),
				{
					x1: 'date',
					x2: (q: Quarter) => quarterEnd(q.date),
					y: 'streak',
					inset: 2,
					fill: (q: Quarter) => (q.confidence === 'confirmed' ? color.alibaba : paper),
					stroke: color.alibaba,
					strokeWidth: 2,
				},
			),
			// Derived quarters: hollow, with a dashed outline (Plot's dash pattern is a constant, hence two marks).
			Plot.rectY(
				shown.filter((q) => q.confidence === 'derived'),
				{
					x1: 'date',
					x2: (q: Quarter) => quarterEnd(q.date),
					y: 'streak',
					inset: 2,
					fill: paper,
					stroke: color.alibaba,
					strokeWidth: 2,
					strokeDasharray: '3,3',
				},
			),
			Plot.text(shown, {
				x: (q: Quarter) => midQuarter(q.date),
				y: 'streak',
				text: (q: Quarter) => `${q.streak}${mark(q)}`,
				dy: -9,
				fontSize,
				fontWeight: 'bold',
				fill: color.ink,
			}),
			Plot.ruleY([0], { stroke: color.ink }),
			Plot.text(key ? [key] : [], { frameAnchor: 'bottom-right', dy: keyMargin - 8, fontSize, fill: color.ink }),
		],
	};
}

/** The quarters a state shows, in the dataset's own columns. */
const streakTable = (rows: readonly Quarter[]): DataTable => ({
	columns: [
		{ key: 'quarter', label: 'Quarter' },
		{ key: 'streak', label: 'Quarters in a row' },
		{ key: 'confidence', label: 'Confidence' },
	],
	rows: rows.map(({ quarter, streak: n, confidence }) => ({ quarter, streak: n, confidence })),
});

const byStreak = (rows: readonly Quarter[], n: number): Quarter => {
	const row = rows.find((q) => q.streak === n);
	if (!row) throw new Error(`The AI streak data has no quarter ${n}.`);
	return row;
};

function state(label: string, from: number, to: number) {
	return {
		label,
		plot: ({ streak: rows }: { streak: readonly Quarter[] }, width: number) => plot(rows, width, from, to),
		alt: ({ streak: rows }: { streak: readonly Quarter[] }) => {
			const shown = rows.filter((q) => q.streak >= from && q.streak <= to);
			const last = byStreak(rows, to);
			const derived = shown.filter((q) => q.confidence === 'derived').map((q) => q.quarter);
			const single = shown.filter((q) => q.confidence === 'one source').map((q) => q.quarter);
			const what = "consecutive quarters of triple-digit growth in Alibaba's AI-related product revenue";
			return [
				from === to
					? `One column for ${last.quarter}: the ${ordinal(last.streak)} of ${what}.`
					: `Columns counting ${what}, rising by one a quarter from ${byStreak(rows, from).quarter} to the ${ordinal(last.streak)} quarter in a row, ${last.quarter}.`,
				derived.length > 0 ? `Counted back or between reported quarters, not reported: ${listJoin(derived)}.` : '',
				single.length > 0 ? `From a single source: ${listJoin(single)}.` : '',
			]
				.filter(Boolean)
				.join(' ');
		},
		table: ({ streak: rows }: { streak: readonly Quarter[] }) =>
			streakTable(rows.filter((q) => q.streak >= from && q.streak <= to)),
	};
}

export default defineChart({
	id: 'ai-streak',
	title: 'Quarter after quarter of triple-digit AI growth',
	subtitle: 'Consecutive quarters in which Alibaba’s AI-related product revenue at least doubled',
	datasets: { streak },
	table: ({ streak: rows }) => streakTable(rows),
	states: {
		'fifth-quarter': state('The fifth quarter in a row', 5, 5),
		'counted-back': state('Counted back to July–September 2023', 1, 5),
		'ninth-quarter': state('Nine quarters by September 2025', 1, 9),
		'eleventh-quarter': state('Eleven quarters by March 2026', 1, 11),
	},
});
