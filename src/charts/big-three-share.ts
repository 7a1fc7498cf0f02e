import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { listJoin, percent } from './shared/format.ts';
import { chartHeight, color, fontSize } from './shared/theme.ts';

const topThree = dataset('synergy-top-three-share');

type Quarter = (typeof topThree.rows)[number];
type Focus = 'ends' | 'all' | 'latest';

/** Two thirds of the market: the reference the story's prose uses ("nearly two-thirds"). */
const twoThirds = 200 / 3;
const known = (rows: readonly Quarter[]) => rows.filter((q) => q.share !== null);
const latest = (rows: readonly Quarter[]): Quarter => {
	const last = known(rows).at(-1);
	if (!last) throw new Error('The top-three share data has no quarter with a value.');
	return last;
};
const labelled = (rows: readonly Quarter[], focus: Focus): Quarter[] => {
	const k = known(rows);
	if (focus === 'all') return k;
	if (focus === 'latest') return [latest(rows)];
	return [k[0], k.at(-1)].filter((q): q is Quarter => q !== undefined);
};

function plot(rows: readonly Quarter[], width: number, focus: Focus): Plot.PlotOptions {
	const last = latest(rows);
	return {
		height: chartHeight(width, { narrow: 280, wide: 320 }),
		marginLeft: 40,
		marginRight: 8,
		marginBottom: 40,
		x: {
			domain: rows.map((q) => q.quarter),
			label: null,
			tickSize: 0,
			padding: 0.3,
			// "Q4 2022" on two lines, so six quarters fit a phone.
			tickFormat: (q: string) => q.replace(' ', '\n'),
		},
		y: { domain: [0, 100], ticks: [0, 50, 100], tickFormat: (d: number) => `${d}%`, label: null, grid: true },
		marks: [
			Plot.barY(known(rows), {
				x: 'quarter',
				y: 'share',
				fill: (q: Quarter) => (focus === 'latest' && q === last ? color.ink : color.muted),
				fillOpacity: (q: Quarter) => (focus === 'latest' && q !== last ? 0.5 : 1),
			}),
			Plot.text(
				rows.filter((q) => q.share === null),
				{ x: 'quarter', y: 0, text: () => 'no\nfigure', lineAnchor: 'bottom', dy: -6, fontSize, fill: color.ink },
			),
			Plot.text(labelled(rows, focus), {
				x: 'quarter',
				y: 'share',
				text: (q: Quarter) => percent(q.share ?? 0),
				dy: -9,
				fontSize,
				fontWeight: 'bold',
				fill: color.ink,
			}),
			Plot.ruleY([twoThirds], { stroke: color.ink, strokeDasharray: '2,3' }),
			// The line's label sits in the empty column of a missing quarter when there is one.
			Plot.text(['two-\nthirds'], {
				x: () => (rows.find((q) => q.share === null) ?? rows[0])?.quarter,
				y: twoThirds,
				dy: 6,
				lineAnchor: 'top',
				fontSize,
				fill: color.ink,
			}),
			Plot.ruleY([0], { stroke: color.ink }),
		],
	};
}

const list = (rows: readonly Quarter[]) => listJoin(known(rows).map((q) => `${q.quarter} ${percent(q.share ?? 0)}`));
const gaps = (rows: readonly Quarter[]) => rows.filter((q) => q.share === null).map((q) => q.quarter);

export default defineChart({
	id: 'big-three-share',
	title: 'Two-thirds of the market, quarter after quarter',
	subtitle: 'Combined worldwide share of Amazon, Microsoft and Google, %',
	datasets: { share: topThree },
	table: ({ share }) => ({
		columns: [
			{ key: 'quarter', label: 'Quarter' },
			{ key: 'share', label: 'Top three combined, %' },
		],
		rows: share.map(({ quarter, share: value }) => ({ quarter, share: value })),
	}),
	states: {
		'two-thirds': {
			label: 'About two-thirds every quarter',
			plot: ({ share }, width) => plot(share, width, 'ends'),
			alt: ({ share }) => {
				const k = known(share);
				return `Column chart of the big three's combined share of the worldwide cloud market, from ${k[0]?.quarter} to ${latest(share).quarter}: every column stands near the two-thirds line. ${listJoin(gaps(share))} has no figure and is left blank.`;
			},
		},
		'every-quarter': {
			label: 'The share in each quarter',
			plot: ({ share }, width) => plot(share, width, 'all'),
			alt: ({ share }) =>
				`The big three's combined worldwide share by quarter: ${list(share)}. ${listJoin(gaps(share))} has no figure.`,
		},
		'latest-quarter': {
			label: 'The latest quarter before the Paris summit',
			plot: ({ share }, width) => plot(share, width, 'latest'),
			alt: ({ share }) => {
				const last = latest(share);
				return `${last.quarter} is highlighted: the big three held ${percent(last.share ?? 0)} of the worldwide market between them.`;
			},
		},
	},
});
