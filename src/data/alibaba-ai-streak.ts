import csv from '~content/data/alibaba-ai-streak.csv?raw';
import meta from '~content/data/alibaba-ai-streak.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'alibaba-ai-streak',
	csv,
	meta,
	columns: {
		quarter: { type: 'string' },
		/** First day of the quarter. */
		date: { type: 'date' },
		/** Which consecutive quarter of triple-digit AI-product growth this is. */
		streak: { type: 'number' },
		confidence: { type: 'string', values: ['confirmed', 'one source', 'derived'] },
	},
});
