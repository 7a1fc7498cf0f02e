import csv from '~content/data/canalys-china-market.csv?raw';
import meta from '~content/data/canalys-china-market.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'canalys-china-market',
	csv,
	meta,
	columns: {
		quarter: { type: 'string' },
		date: { type: 'date' },
		size: { type: 'number', optional: true },
		growth: { type: 'number', optional: true },
		confidence: { type: 'string', optional: true, values: ['confirmed', 'one source', 'derived'] },
	},
});
