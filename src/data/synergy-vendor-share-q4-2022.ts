import csv from '~content/data/synergy-vendor-share-q4-2022.csv?raw';
import meta from '~content/data/synergy-vendor-share-q4-2022.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'synergy-vendor-share-q4-2022',
	csv,
	meta,
	columns: {
		vendor: { type: 'string' },
		share: { type: 'number' },
	},
});
