import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { chartHeight, color, fontSize, isNarrow } from './shared/theme.ts';

const footprint = dataset('alibaba-cloud-footprint');

type Count = (typeof footprint.rows)[number];
type Measure = 'regions' | 'zones';

// Single-source values are marked * and derived ones †, in the chart itself (the note explains).
const mark = (d: Count): string => (d.confidence === 'one source' ? '*' : d.confidence === 'derived' ? '†' : '');
const month = (date: Date) => date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

const measures = {
	regions: { label: 'Regions', domain: [0, 35], unit: 'regions' },
	zones: { label: 'Availability zones', domain: [0, 105], unit: 'availability zones' },
} as const;

const ticks = (narrow: boolean) =>
	(narrow
		? ['2024-07', '2025-01', '2025-07']
		: ['2024-04', '2024-07', '2024-10', '2025-01', '2025-04', '2025-07', '2025-10']
	).map((m) => new Date(`${m}-01T00:00:00Z`));

interface Annotation {
	readonly at: (d: Count) => boolean;
	readonly text: string;
}

function line(
	rows: readonly Count[],
	width: number,
	measure: Measure,
	highlight: (d: Count) => boolean,
	note?: Annotation,
) {
	const { domain } = measures[measure];
	const narrow = isNarrow(width);
	const latest = rows.at(-1);
	// The last two reports are a month apart: the last label goes to the right of its point.
	const above = rows.filter((d) => d !== latest);
	const textOptions = {
		x: 'date',
		y: measure,
		text: (d: Count) => `${d[measure]}${mark(d)}`,
		fontSize,
		fill: color.ink,
		stroke: 'var(--bg)',
		strokeWidth: 3,
		paintOrder: 'stroke',
	} as const;
	return {
		height: chartHeight(width, { narrow: 260, wide: 340 }),
		marginLeft: 36,
		marginRight: narrow ? 34 : 40,
		marginTop: 24,
		x: {
			type: 'utc' as const,
			domain: [new Date('2024-04-01'), new Date('2025-10-31')],
			label: null,
			ticks: ticks(narrow),
			tickFormat: (d: Date) => month(d),
		},
		y: { domain: [...domain], label: measures[measure].label, grid: true, ticks: 5 },
		marks: [
			Plot.ruleY([0]),
			Plot.line(rows, { x: 'date', y: measure, stroke: color.alibaba, strokeWidth: 2.5 }),
			Plot.dot(rows, {
				x: 'date',
				y: measure,
				r: (d: Count) => (highlight(d) ? 6.5 : 4),
				fill: (d: Count) => (d.confidence === 'derived' ? 'var(--bg)' : color.alibaba),
				stroke: color.alibaba,
				strokeWidth: 2,
			}),
			// Highlighted values are bold: one mark per weight (font weight is not a channel in Plot).
			[400, 700].map((fontWeight) => [
				Plot.text(
					above.filter((d) => highlight(d) === (fontWeight === 700)),
					{ ...textOptions, fontWeight, dy: -13 },
				),
				Plot.text(latest && highlight(latest) === (fontWeight === 700) ? [latest] : [], {
					...textOptions,
					fontWeight,
					dx: 9,
					textAnchor: 'start',
				}),
			]),
			Plot.text(note ? rows.filter(note.at) : [], {
				x: 'date',
				y: measure,
				text: () => note?.text ?? '',
				dy: 26,
				lineWidth: narrow ? 9 : 14,
				fontSize,
				fill: color.ink,
				stroke: 'var(--bg)',
				strokeWidth: 3,
				paintOrder: 'stroke',
			}),
		],
	};
}

const first = (rows: readonly Count[]): Count => rows[0]!;
const last = (rows: readonly Count[]): Count => rows.at(-1)!;
const derived = (rows: readonly Count[]): Count | undefined => rows.find((r) => r.confidence === 'derived');
const values = (rows: readonly Count[], measure: Measure) =>
	rows
		.map(
			(r) =>
				`${r[measure]} (${r.as_of}${r.confidence === 'one source' ? ', single source' : r.confidence === 'derived' ? ', derived' : ''})`,
		)
		.join(', ');

export default defineChart({
	id: 'cloud-regions-count',
	title: 'More capacity, not more places',
	subtitle: 'Alibaba Cloud regions and availability zones worldwide, May 2024 to October 2025',
	datasets: { counts: footprint },
	table: ({ counts }) => ({
		columns: [
			{ key: 'as_of', label: 'As of' },
			{ key: 'regions', label: 'Regions' },
			{ key: 'zones', label: 'Availability zones' },
			{ key: 'confidence', label: 'Confidence' },
		],
		rows: counts.map(({ as_of, regions, zones, confidence }) => ({ as_of, regions, zones, confidence })),
	}),
	states: {
		regions: {
			label: 'Regions',
			plot: ({ counts }, width) => line(counts, width, 'regions', () => false),
			alt: ({ counts }) =>
				`Line chart of the number of Alibaba Cloud regions worldwide: ${values(counts, 'regions')}. The count moved between ${Math.min(
					...counts.map((r) => r.regions),
				)} and ${Math.max(...counts.map((r) => r.regions))}.`,
		},
		closures: {
			label: 'After the 2024 closures',
			plot: ({ counts }, width) =>
				line(counts, width, 'regions', (d) => d.confidence === 'derived', {
					at: (d) => d.confidence === 'derived',
					text: 'Sydney and Mumbai closed',
				}),
			alt: ({ counts }) => {
				const after = derived(counts);
				return `The regions line with the count after the Sydney and Mumbai closures highlighted: from ${first(counts).regions} in ${
					first(counts).as_of
				} to ${after?.regions ?? 'an unknown number'} (derived), then ${counts.find((r) => r.date > (after?.date ?? r.date))?.regions} once Mexico went live.`;
			},
		},
		zones: {
			label: 'Availability zones',
			plot: ({ counts }, width) => line(counts, width, 'zones', (d) => d === last(counts)),
			alt: ({ counts }) =>
				`Line chart of Alibaba Cloud availability zones worldwide: ${values(counts, 'zones')}. The latest count, ${last(counts).zones} in ${month(
					last(counts).date,
				)}, is highlighted.`,
		},
	},
});
