import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { utc } from './shared/dates.ts';
import { byDate, eventTable, timeline, timelineAlt, type TimelineEvent } from './shared/timeline.ts';
import { color } from './shared/theme.ts';

const launches = dataset('chatbot-launches-2023');

type Row = (typeof launches.rows)[number];
type Event = TimelineEvent & { readonly kind: Row['kind'] };

const domain: readonly [Date, Date] = [utc(2023, 3), utc(2023, 9, 30)];
const toEvent = (r: Row): Event => ({
	date: r.date,
	label: r.event,
	singleSource: r.confidence === 'one source',
	kind: r.kind,
});
/** Alibaba in its own colour, Chinese rivals in the accent, context and rules in ink. */
const kindColor = (e: Event): string =>
	e.kind === 'alibaba' ? color.alibaba : e.kind === 'rival' ? color.accent : color.ink;

function state(label: string, from: Date, to: Date = from) {
	const status = byDate(from, to);
	return {
		label,
		plot: ({ launches: rows }: { launches: readonly Row[] }, width: number) =>
			timeline(rows.map(toEvent), { width, domain, status, focusColor: kindColor }),
		alt: ({ launches: rows }: { launches: readonly Row[] }) =>
			timelineAlt('AI chatbot launches', rows.map(toEvent), domain, status),
	};
}

export default defineChart({
	id: 'chatbot-race',
	title: 'A crowded chatbot race',
	subtitle: 'AI chatbots unveiled in China, and the rules, March to September 2023',
	datasets: { launches },
	table: ({ launches: rows }) => eventTable(rows, 'event', 'Event'),
	states: {
		'gpt-4': state('GPT-4 sets the pace', utc(2023, 3, 14)),
		'ernie-bot': state('Baidu’s Ernie Bot goes first', utc(2023, 3, 16)),
		'tongyi-qianwen': state('SenseChat and Tongyi Qianwen, a day apart', utc(2023, 4, 10), utc(2023, 4, 11)),
		'crowded-field': state('Rules in force, and Tencent’s Hunyuan', utc(2023, 8, 15), utc(2023, 9, 7)),
	},
});
