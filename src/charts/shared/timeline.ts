import * as Plot from '@observablehq/plot';
import { color, fontSize, paper } from './theme.ts';
import { listJoin } from './format.ts';
import { dayMonth, fullDate, monthYear, yearTicks } from './dates.ts';
import type { DataTable } from '../define-chart.ts';

/** One event on a timeline. */
export interface TimelineEvent {
	readonly date: Date;
	/** Short text drawn beside the date. */
	readonly label: string;
	/** Only the approximate day is known: the date reads "~24 Nov". */
	readonly circa?: boolean;
	/** From a single source: the label carries an asterisk and the chart a key. */
	readonly singleSource?: boolean;
}

/** How a state shows an event: still to come (a small dot, no label), already told (past), or the focus (current). */
export type EventStatus = 'hidden' | 'past' | 'current';

export interface TimelineOptions<E extends TimelineEvent> {
	readonly width: number;
	/** The time span drawn, top to bottom; events outside it are left out. */
	readonly domain: readonly [Date, Date];
	readonly status: (event: E) => EventStatus;
	/** The dot colour of a current event (default: Alibaba's). */
	readonly focusColor?: (event: E) => string;
	/** Pixels per event row (default 34). */
	readonly rowHeight?: number;
	/**
	 * Names each event for transitions (a key channel on every mark): an event keeps its dot and
	 * label from state to state. Without it, elements are matched by their place in each mark's rows.
	 */
	readonly key?: (event: E) => string;
	/** A note written under one event's label: on one line, or as `wrap` breaks it. */
	readonly note?: { readonly event: E; readonly text: string };
	/**
	 * Breaks a note into lines no wider than `width` pixels (at 12 px). The rows after the note move
	 * down to make room for its lines; without it the note is one line.
	 */
	readonly wrap?: (text: string, width: number) => string[];
}

const noteSize = 12;
const noteLine = 14;

/** The spine sits at x = 0 and labels start this many pixels to its right. */
const spine = 0;
const labelAt = 30;
/** Room for the date column: "~29 Jan 2025" when any date carries its year, "~24 Nov" otherwise. */
const dateWidth = (withYear: boolean): number => (withYear ? 92 : 60);

/**
 * A vertical timeline: each event is a dot at its true date on a time axis (earliest at the top),
 * linked to a label in an evenly spaced row, so events days apart stay readable. Rows are assigned
 * from every event in the domain, so labels keep their place from state to state.
 */
export function timeline<E extends TimelineEvent>(events: readonly E[], options: TimelineOptions<E>): Plot.PlotOptions {
	const { width, domain, status, focusColor = () => color.alibaba, rowHeight = 34, key: keyOf, note, wrap } = options;
	const [start, end] = domain;
	const inDomain = events.filter((e) => e.date >= start && e.date <= end).toSorted((a, b) => +a.date - +b.date);
	// The spine has no axis: a year label beside it would sit level with another event's label.
	// Instead the first event, and each event in a new year, carries its year in its date.
	const margin = { top: 12, bottom: 24, left: 12, right: 8 };
	const span = +end - +start;
	const spansYears = yearTicks(domain).length > 0;
	const noteAt = note ? inDomain.indexOf(note.event) : -1;
	const noteLines =
		note && wrap ? wrap(note.text, width - margin.left - margin.right - labelAt - 4 - dateWidth(spansYears)) : [];
	// Room for a note's lines after the first (which fits between two rows).
	const extra = noteAt >= 0 ? Math.max(0, noteLines.length - 1) * noteLine : 0;
	const rowsHeight = inDomain.length * rowHeight + extra;
	const height = margin.top + margin.bottom + rowsHeight;
	const slotOf = (i: number) =>
		extra === 0 ? (i + 0.5) / inDomain.length : ((i + 0.5) * rowHeight + (i > noteAt ? extra : 0)) / rowsHeight;
	const rows = inDomain.map((event, i) => ({
		event,
		date: `${event.circa ? '~' : ''}${
			spansYears && (i === 0 || inDomain[i - 1]?.date.getUTCFullYear() !== event.date.getUTCFullYear())
				? fullDate(event.date)
				: dayMonth(event.date)
		}`,
		status: status(event),
		slot: new Date(+start + slotOf(i) * span),
	}));
	const shown = rows.filter((r) => r.status !== 'hidden');
	type Placed = (typeof rows)[number];
	const mark = (r: Placed) => (r.event.singleSource ? '*' : '');
	const key = shown.some((r) => r.event.singleSource) ? ['* single source'] : [];
	const keyed = keyOf ? { channels: { key: (r: Placed) => keyOf(r.event) } } : {};
	return {
		height,
		marginTop: margin.top,
		marginBottom: margin.bottom,
		marginLeft: margin.left,
		marginRight: margin.right,
		// One x unit per pixel, so the labels' offsets are exact at every width.
		x: { domain: [spine, width - margin.left - margin.right], axis: null },
		y: {
			type: 'utc',
			domain: [start, end],
			reverse: true,
			label: null,
			axis: null,
		},
		marks: [
			Plot.ruleX([spine], { y1: start, y2: end, stroke: color.muted }),
			Plot.link(shown, {
				x1: spine,
				y1: (r: Placed) => r.event.date,
				x2: labelAt,
				y2: (r: Placed) => r.slot,
				curve: 'bump-x',
				stroke: color.muted,
				...keyed,
			}),
			// Events still to come: small hollow dots on the spine, without labels.
			Plot.dot(
				rows.filter((r: Placed) => r.status === 'hidden'),
				{ x: spine, y: (r: Placed) => r.event.date, r: 2.5, fill: paper, stroke: color.muted, ...keyed },
			),
			Plot.dot(shown, {
				x: spine,
				y: (r: Placed) => r.event.date,
				r: 5,
				fill: (r: Placed) => (r.status === 'current' ? focusColor(r.event) : color.muted),
				stroke: paper,
				...keyed,
			}),
			Plot.text(shown, {
				x: labelAt,
				y: (r: Placed) => r.slot,
				text: (r: Placed) => r.date,
				textAnchor: 'start',
				dx: 4,
				fontSize,
				fill: color.ink,
				fillOpacity: (r: Placed) => (r.status === 'current' ? 1 : 0.75),
				...keyed,
			}),
			// Plot's fontWeight is a constant, so current and past labels are two marks.
			...(['current', 'past'] as const).map((status) =>
				Plot.text(
					shown.filter((r: Placed) => r.status === status),
					{
						x: labelAt,
						y: (r: Placed) => r.slot,
						text: (r: Placed) => `${r.event.label}${mark(r)}`,
						textAnchor: 'start',
						dx: 4 + dateWidth(spansYears),
						fontSize,
						fontWeight: status === 'current' ? 'bold' : 'normal',
						fill: color.ink,
						fillOpacity: status === 'current' ? 1 : 0.75,
						...keyed,
					},
				),
			),
			Plot.text(key, { frameAnchor: 'bottom-right', dy: margin.bottom - 4, fontSize, fill: color.ink }),
			...(note
				? [
						Plot.text(
							shown.filter((r) => r.event === note.event),
							{
								x: labelAt,
								y: (r: Placed) => r.slot,
								text: () => (noteLines.length ? noteLines.join('\n') : note.text),
								textAnchor: 'start',
								lineHeight: noteLine / noteSize,
								dx: 4 + dateWidth(spansYears),
								// The first line under the label; the lines after it in the room made above.
								dy: 15 + (Math.max(1, noteLines.length) - 1) * (noteLine / 2),
								fontSize: noteSize,
								ariaLabel: 'note',
								fontStyle: 'italic',
								fill: color.ink,
							},
						),
					]
				: []),
		],
	};
}

/** The rows an event dataset shares: a date, the date as written, and a confidence. */
interface EventRow {
	readonly date: Date;
	readonly when: string;
	readonly confidence: string;
}

/**
 * The data table of a timeline state: the events inside its time span, in the dataset's own columns
 * ("when" for the date as written, the label column, "confidence"), so the CSV download matches content/data/.
 */
export function eventTable<R extends EventRow>(
	rows: readonly R[],
	label: keyof R & string,
	labelTitle: string,
	domain?: readonly [Date, Date],
): DataTable {
	return {
		columns: [
			{ key: 'when', label: 'Date' },
			{ key: label, label: labelTitle },
			{ key: 'confidence', label: 'Confidence' },
		],
		rows: rows
			.filter((r) => !domain || (r.date >= domain[0] && r.date <= domain[1]))
			.map((r) => ({ when: r.when, [label]: String(r[label]), confidence: r.confidence })),
	};
}

/** A status by date: events from `from` to `to` are current, earlier ones past, later ones hidden. */
export const byDate =
	(from: Date, to: Date = from) =>
	(event: TimelineEvent): EventStatus =>
		event.date < from ? 'past' : event.date <= to ? 'current' : 'hidden';

/** A text alternative for a timeline state, from its events: what is shown and what is highlighted. */
export function timelineAlt<E extends TimelineEvent>(
	what: string,
	events: readonly E[],
	domain: readonly [Date, Date],
	status: (event: E) => EventStatus,
): string {
	const inside = events.filter((e) => e.date >= domain[0] && e.date <= domain[1]);
	const shown = inside.filter((e) => status(e) !== 'hidden');
	const current = shown.filter((e) => status(e) === 'current');
	// With nothing highlighted, the events shown are the news.
	const [heading, news] = current.length > 0 ? ['Highlighted', current] : ['Events', shown];
	return `Timeline of ${what} from ${monthYear(domain[0])} to ${monthYear(domain[1])}, ${shown.length} of ${
		inside.length
	} events shown. ${heading}: ${listJoin(eventList(news, (e) => fullDate(e.date)))}.${
		shown.some((e) => e.singleSource) ? ' Events marked with an asterisk come from a single source.' : ''
	}`;
}

/** Lists events as prose for a text alternative: "Spin-off cancelled (16 Nov 2023)". */
export const eventList = <E extends TimelineEvent>(events: readonly E[], when: (e: E) => string): string[] =>
	events.map((e) => `${e.label} (${e.circa ? 'about ' : ''}${when(e)})`);
