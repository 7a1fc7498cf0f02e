import csv from '~content/data/alibaba-cloud-regions.csv?raw';
import meta from '~content/data/alibaba-cloud-regions.json?raw';
import { defineDataset } from './define-dataset.ts';

export default defineDataset({
	name: 'alibaba-cloud-regions',
	csv,
	meta,
	columns: {
		/** A stable id for the place (not Alibaba's region id, several of which are unconfirmed). */
		key: { type: 'string' },
		/** Alibaba Cloud's name for the region. */
		region: { type: 'string' },
		/** The short name the map writes beside the point. */
		label: { type: 'string' },
		country: { type: 'string' },
		/** Approximate city centre, for placement only. */
		lat: { type: 'number' },
		lon: { type: 'number' },
		kind: { type: 'string', values: ['region', 'partner region', 'data centre'] },
		/** Launch year; empty where it is not confirmed or the place is only planned. */
		year: { type: 'number', optional: true },
		/** The launch date as precisely as reported, in words. */
		launched: { type: 'string', optional: true },
		status: { type: 'string', values: ['active', 'closed', 'planned'] },
		closed_after: { type: 'date', optional: true },
		announced: { type: 'date', optional: true },
		may_2024_plan: { type: 'string', optional: true, values: ['new region', 'more data centres'] },
		sep_2025_plan: { type: 'string', optional: true, values: ['first data centre', 'more capacity'] },
		/** How well the launch date is sourced. */
		confidence: { type: 'string', values: ['confirmed', 'one source', 'not confirmed'] },
		note: { type: 'string', optional: true },
	},
});
