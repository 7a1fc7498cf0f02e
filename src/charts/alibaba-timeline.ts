import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { isCirca, utc } from './shared/dates.ts';
import { eventTable, timeline, timelineAlt, type EventStatus, type TimelineEvent } from './shared/timeline.ts';

const events = dataset('alibaba-events');

type Row = (typeof events.rows)[number];
type Phase = Row['phase'];
type Event = TimelineEvent & { readonly phase: Phase };

const order: readonly Phase[] = [
	'prelude',
	'reorganisation',
	'succession',
	'cancellation',
	'overhaul',
	'paris',
	'after',
];
/** The difficult year itself: from the reorganisation to the price cuts. */
const difficultYear: readonly Phase[] = ['reorganisation', 'succession', 'cancellation', 'overhaul'];
const story: readonly [Date, Date] = [utc(2022, 12), utc(2024, 6, 30)];
const later: readonly [Date, Date] = [utc(2022, 12), utc(2025, 12, 31)];

const toEvent = (r: Row): Event => ({
	date: r.date,
	label: r.event,
	circa: isCirca(r.when),
	singleSource: r.confidence === 'one source',
	phase: r.phase,
});

/** Phases before the focus are told (past), the focus is current, later phases are not shown yet. */
const upTo =
	(focus: readonly Phase[]) =>
	(e: Event): EventStatus => {
		if (focus.includes(e.phase)) return 'current';
		const last = Math.max(...focus.map((p) => order.indexOf(p)));
		return order.indexOf(e.phase) < last ? 'past' : 'hidden';
	};

function phaseState(label: string, focus: readonly Phase[], domain = story) {
	return {
		label,
		plot: ({ events: rows }: { events: readonly Row[] }, width: number) =>
			timeline(rows.map(toEvent), { width, domain, status: upTo(focus) }),
		alt: ({ events: rows }: { events: readonly Row[] }) =>
			timelineAlt('Alibaba events', rows.map(toEvent), domain, upTo(focus)),
		table: ({ events: rows }: { events: readonly Row[] }) => eventTable(rows, 'event', 'Event', domain),
	};
}

export default defineChart({
	id: 'alibaba-timeline',
	title: 'Alibaba’s cloud business, event by event',
	subtitle: 'Restructuring, leadership and strategy, by date',
	datasets: { events },
	table: ({ events: rows }) => eventTable(rows, 'event', 'Event'),
	states: {
		'zhang-takes-charge': phaseState('Daniel Zhang takes over the cloud unit', ['prelude']),
		'break-up-plan': phaseState('Six groups and a spin-off plan', ['reorganisation']),
		'new-leaders': phaseState('New leaders at the top and in cloud', ['succession']),
		'spin-off-cancelled': phaseState('The spin-off is cancelled', ['cancellation']),
		regroup: phaseState('New cloud managers and price cuts', ['overhaul']),
		'difficult-year': phaseState('The whole difficult year', difficultYear),
		'lvmh-deal': phaseState('The LVMH deal in May 2024', ['paris']),
		'ai-spending': phaseState('The AI spending plan and its sequel', ['after'], later),
	},
});
