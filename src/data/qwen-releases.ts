import csv from '~content/data/qwen-releases.csv?raw';
import meta from '~content/data/qwen-releases.json';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'qwen-releases',
	csv,
	meta,
	columns: {
		date: { type: 'date' },
		/** "about" when only the approximate day is known. */
		circa: { type: 'string', optional: true, values: ['about'] },
		model: { type: 'string' },
		confidence: { type: 'string', values: ['confirmed', 'one source'] },
	},
});
