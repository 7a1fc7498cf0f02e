// The regions map's moments: what is on the map at each step of the story, and how each place is drawn.
import type { RowOf } from '../../../data/index.ts';
import { utc } from '../dates.ts';

/** A place of the regions dataset. */
export type Region = RowOf<'alibaba-cloud-regions'>;

/** How a place is drawn at one moment of the story. */
export type Mark = 'launched' | 'unconfirmed' | 'planned' | 'closed';

/** A moment of the story: what the map shows as of a date. */
export interface Moment {
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

/** The moments of the story the map shows, one per state. */
export const moments = {
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

export type MomentName = keyof typeof moments;
const momentNames = Object.keys(moments) as MomentName[];

/**
 * Virginia's launch year is not confirmed, so it is not dated: it appears from May 2024, when
 * Alibaba Cloud counted 16 regions outside mainland China (Virginia among them).
 */
const undatedShownFrom = utc(2024, 5, 1);

/** Launch periods, each with its colour (a ramp in tokens.css, light and dark). */
export const periods = [
	{ label: '2014–15', from: 2014, to: 2015, fill: 'var(--c-year-1)' },
	{ label: '2016', from: 2016, to: 2016, fill: 'var(--c-year-2)' },
	{ label: '2017–18', from: 2017, to: 2018, fill: 'var(--c-year-3)' },
	{ label: '2021–22', from: 2021, to: 2022, fill: 'var(--c-year-4)' },
	{ label: '2025', from: 2025, to: 2025, fill: 'var(--c-year-5)' },
] as const;

export const periodOf = (year: number) => {
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

/** A place on the map at a moment: how it is drawn, ringed and labelled. */
export interface Shown {
	readonly row: Region;
	readonly mark: Mark;
	readonly ringed: boolean;
	readonly labelled: boolean;
}

/** The places on the map at a moment, with what changed since the moment before labelled. */
export function shownAt(rows: readonly Region[], name: MomentName): Shown[] {
	const moment: Moment = moments[name];
	const index = momentNames.indexOf(name);
	const before = index > 0 ? moments[momentNames[index - 1]!].asOf : null;
	return rows.flatMap((row) => {
		const mark = markAt(row, moment.asOf);
		if (mark === null) return [];
		// A place on the map whose launch year is not known (Tokyo) can still get more capacity.
		const onMap = mark === 'launched' || mark === 'unconfirmed';
		const ringed = moment.rings !== undefined && onMap && row[moment.rings.column] === moment.rings.value;
		const changed = before === null || markAt(row, before) !== mark;
		return [{ row, mark, ringed, labelled: changed || (ringed && moment.labelRings === true) }];
	});
}
