import * as Plot from '@observablehq/plot';
import regionsData from '../data/alibaba-cloud-regions.ts';
import { detailedLand, worldLand } from '../data/world-land.ts';
import { defineChart, type ChartState, type DataTable } from './define-chart.ts';
import { listJoin } from './shared/format.ts';
import { boxPath, compactPath, mapLayout, place, type MapLayout, type MapPanel } from './shared/geo.ts';
import { color, isNarrow } from './shared/theme.ts';

type Region = (typeof regionsData.rows)[number];

/** How a place is drawn at one moment of the story. */
type Mark = 'launched' | 'unconfirmed' | 'planned' | 'closed';

/** A moment of the story: what the map shows as of a date. */
interface Moment {
	readonly label: string;
	/** The map shows what was launched, announced or closed by this date. */
	readonly asOf: Date;
	/** In words, for the text alternative: "by the end of 2015". */
	readonly when: string;
	/** A plan whose extra capacity in existing places is ringed. */
	readonly rings?: {
		readonly column: 'may_2024_plan' | 'sep_2025_plan';
		readonly value: string;
		readonly legend: string;
	};
	/** Label the ringed places too (when they are the news of the step). */
	readonly labelRings?: boolean;
}

const moments = {
	'first-regions': { label: 'First regions, 2014–15', asOf: utc(2015, 12, 31), when: 'by the end of 2015' },
	'wave-2016': { label: 'The 2016 wave', asOf: utc(2016, 12, 31), when: 'by the end of 2016' },
	asia: { label: 'Asia and London, 2017–22', asOf: utc(2022, 12, 31), when: 'by the end of 2022' },
	'plan-2024': {
		label: 'The May 2024 plan',
		asOf: utc(2024, 5, 31),
		when: 'in May 2024',
		rings: { column: 'may_2024_plan', value: 'more data centres', legend: 'more data centres planned' },
		labelRings: true,
	},
	'closures-2024': { label: 'Sydney and Mumbai closed, 2024', asOf: utc(2024, 10, 1), when: 'in October 2024' },
	'mexico-live': { label: 'Mexico live, February 2025', asOf: utc(2025, 2, 28), when: 'in February 2025' },
	'plan-2025': {
		label: 'The September 2025 plan',
		asOf: utc(2025, 9, 30),
		when: 'in September 2025',
		rings: { column: 'sep_2025_plan', value: 'more capacity', legend: 'more capacity planned' },
	},
} as const satisfies Record<string, Moment>;

type MomentName = keyof typeof moments;
const momentNames = Object.keys(moments) as MomentName[];

function utc(year: number, month: number, day: number): Date {
	return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Virginia's launch year is not confirmed, so it is not dated: it appears from May 2024, when
 * Alibaba Cloud counted 16 regions outside mainland China (Virginia among them).
 */
const undatedShownFrom = utc(2024, 5, 1);

/** Launch periods, each with its colour (a ramp in tokens.css, light and dark). */
const periods = [
	{ label: '2014–15', from: 2014, to: 2015, fill: 'var(--c-year-1)' },
	{ label: '2016', from: 2016, to: 2016, fill: 'var(--c-year-2)' },
	{ label: '2017–18', from: 2017, to: 2018, fill: 'var(--c-year-3)' },
	{ label: '2021–22', from: 2021, to: 2022, fill: 'var(--c-year-4)' },
	{ label: '2025', from: 2025, to: 2025, fill: 'var(--c-year-5)' },
] as const;

const periodOf = (year: number) => {
	const period = periods.find((p) => year >= p.from && year <= p.to);
	if (!period) throw new Error(`content/data/alibaba-cloud-regions.csv: no colour for launch year ${year}.`);
	return period;
};

/** Returns how a place is drawn at a moment, or null if it is not on the map yet. */
function markAt(r: Region, asOf: Date): Mark | null {
	if (r.closed_after && r.closed_after < asOf) return 'closed';
	if (r.year !== null && r.status !== 'planned' && r.year <= asOf.getUTCFullYear()) return 'launched';
	if (r.year === null && r.status !== 'planned') return asOf >= undatedShownFrom ? 'unconfirmed' : null;
	if (r.announced && r.announced <= asOf) return 'planned';
	return null;
}

interface Shown {
	readonly row: Region;
	readonly mark: Mark;
	readonly ringed: boolean;
	readonly labelled: boolean;
}

/** The places on the map at a moment, with what changed since the moment before labelled. */
function shownAt(rows: readonly Region[], name: MomentName): Shown[] {
	const moment: Moment = moments[name];
	const index = momentNames.indexOf(name);
	const before = index > 0 ? moments[momentNames[index - 1]!].asOf : null;
	return rows.flatMap((row) => {
		const mark = markAt(row, moment.asOf);
		if (mark === null) return [];
		const ringed = moment.rings !== undefined && mark === 'launched' && row[moment.rings.column] === moment.rings.value;
		const changed = before === null || markAt(row, before) !== mark;
		return [{ row, mark, ringed, labelled: changed || (ringed && moment.labelRings === true) }];
	});
}

// Label placement is presentation, not data: which side of its point each name goes.
type Side = 'right' | 'left' | 'above' | 'below';
const labelSide: Readonly<Record<string, Side>> = {
	'silicon-valley': 'right',
	virginia: 'right',
	mexico: 'below',
	brazil: 'right',
	dubai: 'above',
	riyadh: 'left',
	mumbai: 'below',
	tokyo: 'above',
	seoul: 'left',
	sydney: 'left',
	london: 'left',
	france: 'below',
	netherlands: 'above',
	frankfurt: 'right',
	'hong-kong': 'right',
	singapore: 'below',
	'kuala-lumpur': 'left',
	jakarta: 'right',
	bangkok: 'right',
	manila: 'above',
};

const insets = [
	{
		id: 'europe',
		title: 'Europe',
		box: [
			[-6, 46.5],
			[13, 55],
		],
	},
	{
		id: 'southeast-asia',
		title: 'South-east Asia',
		box: [
			[97, -9],
			[124, 24],
		],
	},
] as const;

const layouts = new Map<number, { layout: MapLayout; land: string[]; outlines: string[] }>();

/** The map's panels and land paths for a width (computed once per width). */
function mapFor(width: number) {
	let entry = layouts.get(width);
	if (!entry) {
		const layout = mapLayout(width, {
			world: [
				[-130, -40],
				[160, 58],
			],
			insets,
			insetHeight: isNarrow(width) ? 140 : 160,
			gap: 8,
		});
		const simplify = { tolerance: 1, minArea: 8 };
		entry = {
			layout,
			land: [
				compactPath(worldLand, layout.world.projection, simplify),
				...layout.insets.map((panel) => compactPath(detailedLand, panel.projection, simplify)),
			],
			outlines: layout.insets.map((panel) => boxPath(panel.box, layout.world.projection)),
		};
		layouts.set(width, entry);
	}
	return entry;
}

/** A mark drawing fixed SVG paths (land, outlines) in pixel space. */
const paths =
	(ds: readonly string[], attributes: Readonly<Record<string, string>>): Plot.RenderFunction =>
	(_index, _scales, _values, _dimensions, context) => {
		const ns = 'http://www.w3.org/2000/svg';
		const g = context.document.createElementNS(ns, 'g');
		for (const [name, value] of Object.entries(attributes)) g.setAttribute(name, value);
		for (const d of ds) {
			const path = context.document.createElementNS(ns, 'path');
			path.setAttribute('d', d);
			g.append(path);
		}
		return g;
	};

interface Point {
	readonly x: number;
	readonly y: number;
	readonly shown: Shown;
}

interface LegendItem {
	readonly label: string;
	readonly kind: Mark | 'ring';
	readonly fill?: string;
}

function legendItems(shown: readonly Shown[], moment: Moment): LegendItem[] {
	const years = new Set(shown.filter((s) => s.mark === 'launched').map((s) => periodOf(s.row.year!).label));
	const items: LegendItem[] = periods
		.filter((p) => years.has(p.label))
		.map((p) => ({ label: p.label, kind: 'launched', fill: p.fill }));
	const has = (mark: Mark) => shown.some((s) => s.mark === mark);
	if (has('unconfirmed')) items.push({ label: 'year not confirmed', kind: 'unconfirmed' });
	if (has('planned')) items.push({ label: 'planned', kind: 'planned' });
	if (has('closed')) items.push({ label: 'closed', kind: 'closed' });
	if (moment.rings && shown.some((s) => s.ringed)) items.push({ label: moment.rings.legend, kind: 'ring' });
	return items;
}

/** Lays legend items out in rows under the map; widths are estimated from the text length. */
function layoutLegend(items: readonly LegendItem[], width: number, top: number) {
	const placed: { x: number; y: number; item: LegendItem }[] = [];
	let x = 0;
	let y = top;
	for (const item of items) {
		const w = 18 + item.label.length * 6.4 + 14;
		if (x > 0 && x + w > width) [x, y] = [0, y + 20];
		placed.push({ x: x + 6, y, item });
		x += w;
	}
	return { placed, bottom: y + 10 };
}

function markOptions(kind: Mark | 'ring', r: number, fill?: string): Plot.DotOptions {
	switch (kind) {
		case 'launched':
			return { r, fill, stroke: 'var(--bg)', strokeWidth: 1 };
		case 'unconfirmed':
			return { r, fill: 'var(--ink-soft)', stroke: 'var(--bg)', strokeWidth: 1 };
		case 'planned':
			return { r: r - 0.5, fill: 'var(--bg)', stroke: color.ink, strokeWidth: 1.75 };
		case 'closed':
			return { r: r + 0.5, symbol: 'times', stroke: 'var(--ink-soft)', strokeWidth: 2.25 };
		case 'ring':
			return { r: r + 3.5, fill: 'none', stroke: color.ink, strokeWidth: 1.25, strokeDasharray: '2,2' };
	}
}

function drawMap(rows: readonly Region[], name: MomentName, width: number): Plot.PlotOptions {
	const moment: Moment = moments[name];
	const { layout, land, outlines } = mapFor(width);
	const r = isNarrow(width) ? 4 : 5;
	const shown = shownAt(rows, name);
	const points: Point[] = shown.map((s) => {
		const { x, y } = place(layout, [s.row.lon, s.row.lat]);
		return { x, y, shown: s };
	});
	const panels: MapPanel[] = [layout.world, ...layout.insets];
	const legend = layoutLegend(legendItems(shown, moment), width, layout.bottom + 18);
	const labelled = points.filter((p) => p.shown.labelled);
	const labelAt = (p: Point) => {
		const text = labelText(p.shown);
		const gap = p.shown.ringed ? r + 7 : r + 3;
		const side = fitSide(labelSide[p.shown.row.key] ?? 'right', p.x, gap + textWidth(text), width);
		const [dx, dy] = { right: [gap, 0], left: [-gap, 0], above: [0, -gap - 6], below: [0, gap + 7] }[side];
		const half = textWidth(text) / 2;
		const x = side === 'above' || side === 'below' ? Math.min(Math.max(p.x, half + 2), width - half - 2) : p.x + dx!;
		return { x, y: p.y + dy!, side, text, key: p.shown.row.key };
	};
	const labels = labelled.map(labelAt);
	const labelMark = (anchor: 'start' | 'end' | 'middle', sides: readonly Side[]) =>
		Plot.text(
			labels.filter((l) => sides.includes(l.side)),
			{
				x: 'x',
				y: 'y',
				text: 'text',
				textAnchor: anchor,
				fontSize: 12,
				fill: color.ink,
				stroke: 'var(--bg)',
				strokeWidth: 3,
				paintOrder: 'stroke',
				// Transitions between moments match labels and places by region, not by position.
				channels: { key: 'key' },
			},
		);
	const region = { x: 'x', y: 'y', channels: { key: (p: Point) => p.shown.row.key } };
	const byKind = (kind: Mark) => points.filter((p) => p.shown.mark === kind);
	return {
		height: Math.round(legend.bottom),
		margin: 0,
		x: { type: 'identity', axis: null },
		y: { type: 'identity', axis: null },
		marks: [
			paths(land, { fill: 'var(--c-land)' }),
			Plot.rect(panels, {
				x1: 'x',
				y1: 'y',
				x2: (p: MapPanel) => p.x + p.width,
				y2: (p: MapPanel) => p.y + p.height,
				fill: 'none',
				stroke: 'var(--rule)',
			}),
			paths(outlines, { fill: 'none', stroke: 'var(--ink-soft)', 'stroke-width': '1' }),
			Plot.text(layout.insets, {
				x: (p: MapPanel) => p.x + 6,
				y: (p: MapPanel) => p.y + 12,
				text: 'title',
				textAnchor: 'start',
				fontSize: 11,
				fill: 'var(--ink-soft)',
				stroke: 'var(--bg)',
				strokeWidth: 3,
				paintOrder: 'stroke',
			}),
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
			labelMark('start', ['right']),
			labelMark('end', ['left']),
			labelMark('middle', ['above', 'below']),
			// The legend, drawn in the same pixel space.
			legend.placed.map(({ x, y, item }) =>
				Plot.dot([{ x: x + 6, y }], {
					x: 'x',
					y: 'y',
					...markOptions(item.kind, item.kind === 'ring' ? 2.5 : 4, item.fill),
					ariaLabel: `legend ${item.label}`,
				}),
			),
			Plot.text(legend.placed, {
				x: (d: { x: number }) => d.x + 16,
				y: 'y',
				text: (d: { item: LegendItem }) => d.item.label,
				textAnchor: 'start',
				fontSize: 12,
				fill: 'var(--ink-soft)',
				channels: { key: (d: { item: LegendItem }) => d.item.label },
			}),
		],
	};
}

/** Estimated width of a map label in pixels (12 px text). */
const textWidth = (text: string) => text.length * 6.6;

/** Flips a label to the other side of its point when it would run out of the SVG. */
function fitSide(side: Side, x: number, reach: number, width: number): Side {
	if (side === 'right' && x + reach > width - 2) return 'left';
	if (side === 'left' && x - reach < 2) return 'right';
	return side;
}

function labelText({ row, mark }: Shown): string {
	if (mark === 'closed') return `${row.label} (closed)`;
	if (mark === 'planned') return `${row.label} (planned)`;
	if (mark === 'unconfirmed') return `${row.label} (year?)`;
	return row.label;
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
