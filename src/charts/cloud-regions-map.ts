import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart, type ChartState, type DataTable } from './define-chart.ts';
import { listJoin } from './shared/format.ts';
import { place } from './shared/geo.ts';
import { layoutLegend, legendItems, legendMarks, markOptions } from './shared/regions-map/legend.ts';
import { labelMarks, placeLabel, type Point } from './shared/regions-map/labels.ts';
import { mapBase, pixelSpace } from './shared/regions-map/layout.ts';
import {
	moments,
	periodOf,
	shownAt,
	type Mark,
	type Moment,
	type MomentName,
	type Region,
	type Shown,
} from './shared/regions-map/moments.ts';
import { isNarrow } from './shared/theme.ts';

const regionsData = dataset('alibaba-cloud-regions');

function drawMap(rows: readonly Region[], name: MomentName, width: number): Plot.PlotOptions {
	const moment: Moment = moments[name];
	const { layout, marks: base } = mapBase(width);
	const r = isNarrow(width) ? 4 : 5;
	const shown = shownAt(rows, name);
	const points: Point[] = shown.map((s) => {
		const { x, y } = place(layout, [s.row.lon, s.row.lat]);
		return { x, y, shown: s };
	});
	const legend = layoutLegend(legendItems(shown, moment), width, layout.bottom + 18);
	const labelled = points.filter((p) => p.shown.labelled);
	const labels = labelled.map((p) => placeLabel(p, r, width));
	const region = { x: 'x', y: 'y', channels: { key: (p: Point) => p.shown.row.key } };
	const byKind = (kind: Mark) => points.filter((p) => p.shown.mark === kind);
	return {
		height: Math.round(legend.bottom),
		...pixelSpace,
		marks: [
			...base,
			Plot.dot(
				points.filter((p) => p.shown.ringed),
				{ ...region, ...markOptions('ring', r) },
			),
			Plot.dot(byKind('closed'), { ...region, ...markOptions('closed', r) }),
			Plot.dot(byKind('unconfirmed'), { ...region, ...markOptions('unconfirmed', r) }),
			Plot.dot(byKind('planned'), { ...region, ...markOptions('planned', r) }),
			Plot.dot(byKind('launched'), {
				...region,
				...markOptions('launched', r),
				fill: (p: Point) => periodOf(p.shown.row.year!).fill,
			}),
			...labelMarks(labels),
			// The legend, drawn in the same pixel space.
			...legendMarks(legend.placed),
		],
	};
}

// Tables (and CSV downloads) use the dataset's own columns and values; which columns depends on the moment.
type Column = 'region' | 'country' | 'year' | 'launched' | 'status' | 'may_2024_plan' | 'sep_2025_plan' | 'confidence';
const columnLabels: Readonly<Record<Column, string>> = {
	region: 'Region or data centre',
	country: 'Country',
	year: 'Launch year',
	launched: 'Launched',
	status: 'Status in late 2025',
	may_2024_plan: 'May 2024 plan',
	sep_2025_plan: 'September 2025 plan',
	confidence: 'Launch date sourcing',
};
const columnsAt: Readonly<Record<MomentName, readonly Column[]>> = {
	'first-regions': ['region', 'country', 'year', 'launched', 'confidence'],
	'wave-2016': ['region', 'country', 'year', 'launched', 'confidence'],
	asia: ['region', 'country', 'year', 'launched', 'confidence'],
	'plan-2024': ['region', 'country', 'year', 'launched', 'may_2024_plan', 'confidence'],
	'closures-2024': ['region', 'country', 'year', 'launched', 'status', 'confidence'],
	'mexico-live': ['region', 'country', 'year', 'launched', 'status', 'confidence'],
	'plan-2025': ['region', 'country', 'year', 'launched', 'status', 'sep_2025_plan', 'confidence'],
};

function table(rows: readonly Region[], columns: readonly Column[]): DataTable {
	return {
		columns: columns.map((key) => ({ key, label: columnLabels[key] })),
		rows: rows.map((row) => Object.fromEntries(columns.map((key) => [key, row[key]]))),
	};
}

/** The places on the map at a moment, in the dataset's own terms. */
const tableAt = (rows: readonly Region[], name: MomentName): DataTable =>
	table(
		shownAt(rows, name).map((s) => s.row),
		columnsAt[name],
	);

const names = (shown: readonly Shown[]) => listJoin(shown.map((s) => s.row.label));

/** The text alternative: what is on the map at a moment, and what changed, from the data. */
function altAt(rows: readonly Region[], name: MomentName): string {
	const moment: Moment = moments[name];
	const shown = shownAt(rows, name);
	const live = shown.filter((s) => s.mark === 'launched' || s.mark === 'unconfirmed');
	const parts = [
		`Map of Alibaba Cloud’s regions outside mainland China ${moment.when}, coloured by launch year: ${live.length} ${
			live.length === 1 ? 'region' : 'regions'
		} (${listJoin(live.map((s) => (s.row.year === null ? `${s.row.label}, year not confirmed` : `${s.row.label} ${s.row.year}`)))}).`,
	];
	const changedTo = (mark: Mark) => shown.filter((s) => s.labelled && s.mark === mark && !s.ringed);
	const closed = shown.filter((s) => s.mark === 'closed');
	const planned = shown.filter((s) => s.mark === 'planned');
	const ringed = shown.filter((s) => s.ringed);
	if (changedTo('launched').length > 0 && name !== 'first-regions') parts.push(`New: ${names(changedTo('launched'))}.`);
	if (closed.length > 0) parts.push(`Closed: ${names(closed)}.`);
	if (planned.length > 0) parts.push(`Planned: ${names(planned)}.`);
	if (ringed.length > 0 && moment.rings) parts.push(`Marked with rings, ${moment.rings.legend}: ${names(ringed)}.`);
	return parts.join(' ');
}

type Data = { readonly regions: readonly Region[] };

const stateFor = (name: MomentName): ChartState<Data> => ({
	label: moments[name].label,
	plot: ({ regions }, width) => drawMap(regions, name, width),
	alt: ({ regions }) => altAt(regions, name),
	table: ({ regions }) => tableAt(regions, name),
});

export default defineChart({
	id: 'cloud-regions-map',
	title: 'Alibaba Cloud’s regions abroad, year by year',
	subtitle: 'Cloud regions outside mainland China by launch year; planned and closed sites marked',
	datasets: { regions: regionsData },
	table: ({ regions }) => table(regions, ['region', 'country', 'year', 'launched', 'status', 'confidence']),
	states: {
		'first-regions': stateFor('first-regions'),
		'wave-2016': stateFor('wave-2016'),
		asia: stateFor('asia'),
		'plan-2024': stateFor('plan-2024'),
		'closures-2024': stateFor('closures-2024'),
		'mexico-live': stateFor('mexico-live'),
		'plan-2025': stateFor('plan-2025'),
	},
});
