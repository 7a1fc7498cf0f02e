import csv from '~content/data/synergy-top-three-share.csv?raw';
import meta from '~content/data/synergy-top-three-share.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'synergy-top-three-share',
	csv,
	meta,
	columns: {
		quarter: { type: 'string' },
		date: { type: 'date' },
		share: { type: 'number', optional: true },
	},
});
