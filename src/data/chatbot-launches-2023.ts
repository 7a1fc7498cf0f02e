import csv from '~content/data/chatbot-launches-2023.csv?raw';
import meta from '~content/data/chatbot-launches-2023.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'chatbot-launches-2023',
	csv,
	meta,
	columns: {
		date: { type: 'date' },
		/** The date as the story writes it (the data table shows it). */
		when: { type: 'string' },
		/** A short label, drawn on the chart. */
		event: { type: 'string' },
		/** Alibaba's own launch, a Chinese rival's, the rules, or context from abroad. */
		kind: { type: 'string', values: ['alibaba', 'rival', 'rules', 'context'] },
		confidence: { type: 'string', values: ['confirmed', 'one source'] },
	},
});
