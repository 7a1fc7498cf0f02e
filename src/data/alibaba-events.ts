import csv from '~content/data/alibaba-events.csv?raw';
import meta from '~content/data/alibaba-events.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'alibaba-events',
	csv,
	meta,
	columns: {
		/** A stable name for the event, used by charts to pick it. */
		id: { type: 'string' },
		date: { type: 'date' },
		/** The date as the story writes it; "about …" when only the approximate day is known. */
		when: { type: 'string' },
		/** A short label, drawn on the chart. */
		event: { type: 'string' },
		/** The phase of the story the event belongs to; chart states highlight one phase each. */
		phase: {
			type: 'string',
			values: ['prelude', 'reorganisation', 'succession', 'cancellation', 'overhaul', 'paris', 'after'],
		},
		confidence: { type: 'string', values: ['confirmed', 'one source'] },
	},
});
