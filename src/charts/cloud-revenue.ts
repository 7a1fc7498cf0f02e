import * as Plot from '@observablehq/plot';
import { defineChart } from './define-chart.ts';
import { quarterEnd, utc, year, yearTicks } from './shared/dates.ts';
import * as r from './shared/revenue.ts';
import { chartHeight, color, fontSize, paper } from './shared/theme.ts';

type Quarter = r.Quarter;

/** Options of a state: the later view (chapter 6, drawn to 2026), and the note over gaps in focus. */
type Flag = 'later' | 'gap-note';

interface View {
	/** Quarters whose values are written on their bars (first days); the second is also the last shown. */
	readonly focus: readonly [Date, Date];
	readonly flags: readonly Flag[];
}

const y: [number, number] = [0, 45];
const revenueLabel = 'Revenue, RMB bn';
/** The last two quarters of the old segment: one confirmed figure and a gap before it. */
const start = utc(2022, 7);
const bn = (value: number): string => `${Math.round(value * 10) / 10}`;
const known = (rows: readonly Quarter[]) => rows.filter((q) => q.revenue !== null);
const hollow = (q: Quarter) => q.revenue_confidence === 'one source';
const inFocus = (v: View) => (q: Quarter) => q.date >= v.focus[0] && q.date <= v.focus[1];

function plot(rows: readonly Quarter[], width: number, v: View): Plot.PlotOptions {
	const shown = r.through(rows, v.focus[1]).filter((q) => q.date >= start);
	const domain: [Date, Date] = [start, v.flags.includes('later') ? utc(2026) : utc(2024, 10)];
	const margin = { left: 40, right: 12 };
	const gaps = shown.filter((q) => q.revenue === null);
	return {
		height: chartHeight(width, { narrow: 300, wide: 360 }),
		marginLeft: margin.left,
		marginRight: margin.right,
		marginBottom: r.keyMargin,
		x: { type: 'utc', domain, ticks: yearTicks(domain), tickFormat: year, label: null },
		y: { domain: y, ticks: [0, 20, 40], label: null, grid: true },
		marks: [
			r.gapBands(gaps, y),
			Plot.rectY(known(shown), {
				x1: 'date',
				x2: (q: Quarter) => quarterEnd(q.date),
				y: 'revenue',
				inset: 2,
				stroke: r.segmentColor,
				strokeWidth: 2,
				fill: (q: Quarter) => (hollow(q) ? paper : r.segmentColor(q)),
			}),
			Plot.text(known(shown).filter(inFocus(v)), {
				x: (q: Quarter) => r.midQuarter(q.date),
				y: 'revenue',
				text: (q: Quarter) => bn(q.revenue ?? 0),
				dy: -9,
				fontSize,
				fontWeight: 'bold',
				fill: color.ink,
			}),
			Plot.ruleY([0], { stroke: color.ink }),
			r.gapNote(v.flags.includes('gap-note') ? gaps.filter(inFocus(v)) : [], y, domain, 'top'),
			...r.segmentLabels(rows, y, true, r.roomBeforeBreak(rows, domain, width - margin.left - margin.right)),
			r.singleSourceKey(known(shown).some(hollow)),
		],
	};
}

function state(label: string, focus: View['focus'], ...flags: Flag[]) {
	return {
		label,
		plot: ({ revenue }: { revenue: readonly Quarter[] }, width: number) => plot(revenue, width, { focus, flags }),
		alt: ({ revenue }: { revenue: readonly Quarter[] }) =>
			r.seriesAlt(
				"Column chart of Alibaba's cloud revenue by quarter",
				r.through(revenue, focus[1]).filter((q) => q.date >= start),
				(q) => (q.revenue === null ? null : `RMB ${bn(q.revenue)} bn`),
				(q) => q.revenue_confidence,
			),
		table: ({ revenue }: { revenue: readonly Quarter[] }) =>
			r.quarterTable(
				r.through(revenue, focus[1]).filter((q) => q.date >= start),
				'revenue',
				revenueLabel,
			),
	};
}

export default defineChart({
	id: 'cloud-revenue',
	title: 'Cloud revenue, quarter by quarter',
	subtitle: 'Alibaba cloud revenue per quarter, RMB bn',
	datasets: { revenue: r.revenue },
	table: ({ revenue }) =>
		r.quarterTable(
			revenue.filter((q) => q.date >= start),
			'revenue',
			revenueLabel,
		),
	states: {
		restated: state('The restated segment', [utc(2023), utc(2023, 7)]),
		'flat-year': state('A flat year', [utc(2023, 10), utc(2024, 7)], 'gap-note'),
		'growing-again': state('Growing again by September 2025', [utc(2024, 10), utc(2025, 7)], 'later'),
	},
});
