import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { isCirca, utc } from './shared/dates.ts';
import { byDate, eventTable, timeline, timelineAlt, type TimelineEvent } from './shared/timeline.ts';

const releases = dataset('qwen-releases');

type Row = (typeof releases.rows)[number];

const domain: readonly [Date, Date] = [utc(2023, 7), utc(2025, 10, 31)];
const toEvent = (r: Row): TimelineEvent => ({
	date: r.date,
	label: r.model,
	circa: isCirca(r.when),
	singleSource: r.confidence === 'one source',
});

function state(label: string, from: Date, to: Date = from) {
	const status = byDate(from, to);
	return {
		label,
		plot: ({ releases: rows }: { releases: readonly Row[] }, width: number) =>
			timeline(rows.map(toEvent), { width, domain, status }),
		alt: ({ releases: rows }: { releases: readonly Row[] }) =>
			timelineAlt('Qwen model releases', rows.map(toEvent), domain, status),
	};
}

export default defineChart({
	id: 'qwen-releases',
	title: 'Qwen, release after release',
	subtitle: 'Alibaba’s Qwen models, by release date',
	datasets: { releases },
	table: ({ releases: rows }) => eventTable(rows, 'model', 'Model'),
	states: {
		'first-open-models': state('The first open models, 7B and 14B', utc(2023, 8, 3), utc(2023, 9, 25)),
		'qwen-72b': state('Qwen-72B', utc(2023, 11, 30)),
		'steady-cadence': state('A new series every few months in 2024', utc(2024, 2, 5), utc(2024, 9, 19)),
		'after-deepseek': state('Qwen2.5-Max after DeepSeek', utc(2025, 1, 29)),
		qwen3: state('Qwen3 and Qwen3-Max', utc(2025, 4, 29), utc(2025, 9, 24)),
	},
});
