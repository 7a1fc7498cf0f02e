import * as Plot from '@observablehq/plot';
import { defineChart } from './define-chart.ts';
import { utc, yearTicks, year } from './shared/dates.ts';
import * as r from './shared/revenue.ts';
import { chartHeight, color, fontSize, paper } from './shared/theme.ts';

type Quarter = r.Quarter;

/**
 * Options of a state: the later view (chapter 6, to mid-2026 on a taller scale), the 10% line, the
 * "no confirmed figure" note over gaps in focus, the quarter named in the last label.
 */
type Flag = 'later' | 'threshold' | 'gap-note' | 'name-last';

interface View {
	/** The quarters whose values are labelled (first days); the second is also the last quarter shown. */
	readonly focus: readonly [Date, Date];
	readonly flags: readonly Flag[];
}

const tenPercent = 10;
const growthLabel = 'Growth, % year on year';
const known = (rows: readonly Quarter[]) => rows.filter((q) => q.growth !== null);
const inFocus = (v: View) => (q: Quarter) => q.date >= v.focus[0] && q.date <= v.focus[1];
const has = (v: View, flag: Flag) => v.flags.includes(flag);

function plot(rows: readonly Quarter[], width: number, v: View): Plot.PlotOptions {
	const shown = r.through(rows, v.focus[1]);
	const [later, threshold, nameLast] = [has(v, 'later'), has(v, 'threshold'), has(v, 'name-last')];
	const domain: [Date, Date] = [utc(2022), later ? utc(2026, 7) : utc(2025)];
	// Headroom above the highest point keeps its label clear of the segment labels along the top.
	const y: [number, number] = later ? [-5, 45] : [-5, 15];
	const focus = known(shown).filter(inFocus(v));
	const gaps = shown.filter((q) => q.growth === null);
	const hasNew = shown.some(r.isNewSegment);
	const hollow = (q: Quarter) => q.growth_confidence === 'one source';
	return {
		height: chartHeight(width, { narrow: 300, wide: 360 }),
		marginLeft: 40,
		marginRight: 12,
		marginBottom: r.keyMargin,
		x: { type: 'utc', domain, ticks: yearTicks(domain), tickFormat: year, label: null },
		y: {
			domain: y,
			ticks: later ? [0, 10, 20, 30, 40] : [0, 10],
			tickFormat: (d: number) => `${d}%`,
			label: null,
			grid: true,
		},
		marks: [
			r.gapBands(gaps, y),
			r.gapNote(has(v, 'gap-note') ? gaps.filter(inFocus(v)) : [], y, domain),
			Plot.ruleY([0], { stroke: color.ink }),
			Plot.ruleY(threshold ? [tenPercent] : [], { stroke: color.ink, strokeDasharray: '2,3' }),
			Plot.text(threshold ? ['double digits'] : [], {
				x: domain[1],
				y: tenPercent,
				dy: -8,
				textAnchor: 'end',
				fontSize,
			}),
			...r.segmentLabels(rows, y, hasNew, r.roomBeforeBreak(rows, domain, width - 52)),
			// One line per segment: the two are never joined, and gaps break the line.
			Plot.lineY(shown, {
				x: (q: Quarter) => r.midQuarter(q.date),
				y: 'growth',
				z: 'segment',
				stroke: r.segmentColor,
				strokeWidth: 2.5,
			}),
			Plot.dot(known(shown), {
				x: (q: Quarter) => r.midQuarter(q.date),
				y: 'growth',
				r: 4.5,
				stroke: r.segmentColor,
				strokeWidth: 2,
				fill: (q: Quarter) => (hollow(q) ? paper : r.segmentColor(q)),
			}),
			Plot.text(focus, {
				x: (q: Quarter) => r.midQuarter(q.date),
				y: 'growth',
				text: (q: Quarter) => `${nameLast && q === focus.at(-1) ? `${q.quarter} ` : ''}${r.signed(q.growth ?? 0)}`,
				// The named last quarter is labelled on its left, the others above their points.
				textAnchor: nameLast ? 'end' : 'middle',
				dx: nameLast ? -9 : 0,
				dy: nameLast ? 0 : -13,
				fontSize,
				fontWeight: 'bold',
				fill: color.ink,
			}),
			r.singleSourceKey(known(shown).some(hollow)),
		],
	};
}

function state(label: string, focus: View['focus'], ...flags: Flag[]) {
	const v: View = { focus, flags };
	return {
		label,
		plot: ({ revenue }: { revenue: readonly Quarter[] }, width: number) => plot(revenue, width, v),
		alt: ({ revenue }: { revenue: readonly Quarter[] }) =>
			`${r.seriesAlt(
				"Growth of Alibaba's cloud revenue year on year, by quarter",
				r.through(revenue, focus[1]),
				(q) => (q.growth === null ? null : r.signed(q.growth)),
				(q) => q.growth_confidence,
			)}${flags.includes('threshold') ? ` A line marks ${tenPercent}% growth, the start of double digits.` : ''}`,
		table: ({ revenue }: { revenue: readonly Quarter[] }) =>
			r.quarterTable(r.through(revenue, focus[1]), 'growth', growthLabel),
	};
}

export default defineChart({
	id: 'cloud-revenue-growth',
	title: 'Alibaba’s cloud growth stalled, then returned',
	subtitle: 'Cloud revenue growth year on year, by quarter, %',
	datasets: { revenue: r.revenue },
	table: ({ revenue }) => r.quarterTable(revenue, 'growth', growthLabel),
	states: {
		'old-segment': state('The old segment slows', [utc(2022), utc(2023)]),
		'segment-break': state('The break: a new segment', [utc(2023, 4), utc(2023, 7)]),
		'missing-quarters': state('Two quarters without a figure', [utc(2023, 10), utc(2024)], 'gap-note'),
		'short-of-double-digits': state('Still short of double digits', [utc(2024, 4), utc(2024, 7)], 'threshold'),
		'promise-kept': state('Double digits reached', [utc(2024, 10), utc(2025)], 'later', 'threshold'),
		're-acceleration': state('Growth accelerates in 2025', [utc(2025, 4), utc(2025, 7)], 'later', 'threshold'),
		'mar-2026': state('January–March 2026', [utc(2025, 10), utc(2026)], 'later', 'threshold', 'gap-note', 'name-last'),
	},
});
