import csv from '~content/data/alibaba-cloud-revenue.csv?raw';
import meta from '~content/data/alibaba-cloud-revenue.json?raw';
import { defineDataset } from './define-dataset.ts';

const confidence = { type: 'string', optional: true, values: ['confirmed', 'one source'] } as const;

export default defineDataset({
	name: 'alibaba-cloud-revenue',
	csv,
	meta,
	columns: {
		/** Alibaba's fiscal quarter (the fiscal year ends on 31 March), e.g. "FY24 Q2". */
		fiscal: { type: 'string' },
		/** The calendar months, e.g. "Jul–Sep 2023". */
		quarter: { type: 'string' },
		/** First day of the quarter. */
		date: { type: 'date' },
		/** The reporting segment: the old "Cloud" segment, or Cloud Intelligence Group from April 2023. */
		segment: { type: 'string', values: ['Cloud', 'Cloud Intelligence Group'] },
		/** Revenue in RMB bn; empty where no confirmed figure exists. */
		revenue: { type: 'number', optional: true },
		revenue_confidence: confidence,
		/** Growth year on year, %; empty where no confirmed figure exists. */
		growth: { type: 'number', optional: true },
		growth_confidence: confidence,
	},
});
