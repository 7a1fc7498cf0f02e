import csv from '~content/data/alibaba-cloud-footprint.csv?raw';
import meta from '~content/data/alibaba-cloud-footprint.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'alibaba-cloud-footprint',
	csv,
	meta,
	columns: {
		as_of: { type: 'string' },
		date: { type: 'date' },
		regions: { type: 'number' },
		zones: { type: 'number' },
		confidence: { type: 'string', values: ['confirmed', 'one source', 'derived'] },
	},
});
