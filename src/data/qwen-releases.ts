import csv from '~content/data/qwen-releases.csv?raw';
import meta from '~content/data/qwen-releases.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'qwen-releases',
	csv,
	meta,
	columns: {
		date: { type: 'date' },
		/** The date as the story writes it; "about …" when only the approximate day is known. */
		when: { type: 'string' },
		model: { type: 'string' },
		confidence: { type: 'string', values: ['confirmed', 'one source'] },
	},
});
