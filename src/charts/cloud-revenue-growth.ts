import * as Plot from '@observablehq/plot';
import { defineChart } from './define-chart.ts';
import { listJoin } from './format.ts';
import { utc, yearTicks, year } from './shared/dates.ts';
import * as r from './shared/revenue.ts';
import { chartHeight, color, fontSize } from './theme.ts';

type Quarter = r.Quarter;

interface View {
	readonly label: string;
	/** The last quarter shown (its first day). */
	readonly until: Date;
	/** The quarters whose values are written beside their points: from, to (first days). */
	readonly focus: readonly [Date, Date];
	/** The later view (chapter 6) draws to mid-2026 on a taller scale. */
	readonly later?: boolean;
	/** Draws the 10% line: double-digit growth. */
	readonly threshold?: boolean;
	/** Writes "no confirmed figure" over the gaps inside the focus. */
	readonly gapNote?: boolean;
	/** Names the quarter in the label of the last focus point. */
	readonly nameLast?: boolean;
}

const tenPercent = 10;
const known = (rows: readonly Quarter[]) => rows.filter((q) => q.growth !== null);
const inFocus = (v: View) => (q: Quarter) => q.date >= v.focus[0] && q.date <= v.focus[1];

function plot(rows: readonly Quarter[], width: number, v: View): Plot.PlotOptions {
	const shown = r.through(rows, v.until);
	const domain: [Date, Date] = [utc(2022), v.later ? utc(2026, 7) : utc(2025)];
	// Headroom above the highest point keeps its label clear of the segment labels along the top.
	const y: [number, number] = v.later ? [-5, 45] : [-5, 15];
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
			ticks: v.later ? [0, 10, 20, 30, 40] : [0, 10],
			tickFormat: (d: number) => `${d}%`,
			label: null,
			grid: true,
		},
		marks: [
			r.gapBands(gaps, y),
			r.gapNote(v.gapNote ? gaps.filter(inFocus(v)) : [], y, domain),
			Plot.ruleY([0], { stroke: color.ink }),
			v.threshold ? Plot.ruleY([tenPercent], { stroke: color.ink, strokeDasharray: '2,3' }) : null,
			Plot.text(v.threshold ? ['double digits'] : [], {
				x: domain[1],
				y: tenPercent,
				dy: -8,
				textAnchor: 'end',
				fontSize,
				fill: color.ink,
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
				fill: (q: Quarter) => (hollow(q) ? 'var(--bg-card, white)' : r.segmentColor(q)),
			}),
			Plot.text(focus, {
				x: (q: Quarter) => r.midQuarter(q.date),
				y: 'growth',
				text: (q: Quarter) => `${v.nameLast && q === focus.at(-1) ? `${q.quarter} ` : ''}${r.signed(q.growth ?? 0)}`,
				// The named last quarter is labelled on its left, the others above their points.
				textAnchor: v.nameLast ? 'end' : 'middle',
				dx: v.nameLast ? -9 : 0,
				dy: v.nameLast ? 0 : -13,
				fontSize,
				fontWeight: 'bold',
				fill: color.ink,
			}),
			r.singleSourceKey(known(shown).some(hollow)),
		],
	};
}

const describeGrowth = (rows: readonly Quarter[]) =>
	listJoin(known(rows).map((q) => r.describe(q, r.signed(q.growth ?? 0), q.growth_confidence)));

function state(v: View) {
	return {
		label: v.label,
		plot: ({ revenue }: { revenue: readonly Quarter[] }, width: number) => plot(revenue, width, v),
		alt: ({ revenue }: { revenue: readonly Quarter[] }) => {
			const shown = r.through(revenue, v.until);
			const [old, current] = [shown.filter((q) => !r.isNewSegment(q)), shown.filter(r.isNewSegment)];
			const gaps = shown.filter((q) => q.growth === null).map((q) => q.quarter);
			return [
				`Growth of Alibaba's cloud revenue year on year, by quarter, through ${r.lastQuarter(shown)}.`,
				`Old "Cloud" segment: ${describeGrowth(old)}.`,
				current.length > 0
					? `After a break for the new Cloud Intelligence Group segment: ${describeGrowth(current)}.`
					: '',
				gaps.length > 0 ? `No confirmed figure, left as gaps: ${listJoin(gaps)}.` : '',
				v.threshold ? `A line marks ${tenPercent}% growth, the start of double digits.` : '',
			]
				.filter(Boolean)
				.join(' ');
		},
	};
}

export default defineChart({
	id: 'cloud-revenue-growth',
	title: 'Alibaba’s cloud growth stalled, then returned',
	subtitle: 'Cloud revenue growth year on year, by quarter, %',
	datasets: { revenue: r.revenue },
	table: ({ revenue }) => ({
		columns: [
			{ key: 'quarter', label: 'Quarter' },
			{ key: 'segment', label: 'Segment' },
			{ key: 'growth', label: 'Growth, % year on year' },
			{ key: 'confidence', label: 'Confidence' },
		],
		rows: revenue.map((q) => ({
			quarter: q.quarter,
			segment: q.segment,
			growth: q.growth,
			confidence: q.growth_confidence,
		})),
	}),
	states: {
		'old-segment': state({ label: 'The old segment slows', until: utc(2023), focus: [utc(2022), utc(2023)] }),
		'segment-break': state({
			label: 'The break: a new segment',
			until: utc(2023, 7),
			focus: [utc(2023, 4), utc(2023, 7)],
		}),
		'missing-quarters': state({
			label: 'Two quarters without a figure',
			until: utc(2024),
			focus: [utc(2023, 10), utc(2024)],
			gapNote: true,
		}),
		'short-of-double-digits': state({
			label: 'Still short of double digits',
			until: utc(2024, 7),
			focus: [utc(2024, 4), utc(2024, 7)],
			threshold: true,
		}),
		'promise-kept': state({
			label: 'Double digits reached',
			until: utc(2025),
			focus: [utc(2024, 10), utc(2025)],
			later: true,
			threshold: true,
		}),
		're-acceleration': state({
			label: 'Growth accelerates in 2025',
			until: utc(2025, 7),
			focus: [utc(2025, 4), utc(2025, 7)],
			later: true,
			threshold: true,
		}),
		'mar-2026': state({
			label: 'The March 2026 quarter',
			until: utc(2026),
			focus: [utc(2025, 10), utc(2026)],
			later: true,
			threshold: true,
			gapNote: true,
			nameLast: true,
		}),
	},
});
