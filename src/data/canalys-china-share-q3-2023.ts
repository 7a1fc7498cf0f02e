import csv from '~content/data/canalys-china-share-q3-2023.csv?raw';
import meta from '~content/data/canalys-china-share-q3-2023.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'canalys-china-share-q3-2023',
	csv,
	meta,
	columns: {
		vendor: { type: 'string' },
		share: { type: 'number' },
		confidence: { type: 'string', values: ['confirmed', 'one source', 'derived'] },
	},
});
