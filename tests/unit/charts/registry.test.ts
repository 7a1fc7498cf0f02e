import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { datasets } from '../../../src/data/index.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const filesIn = (dir: string, ext: string) =>
	readdirSync(dir)
		.filter((f) => f.endsWith(ext))
		.map((f) => f.slice(0, -ext.length));

describe('the chart registry', () => {
	// src/charts/ holds the charts, the registry (index) and defineChart; helpers live in shared/.
	it('lists every chart file once (src/charts/*.ts and content/charts/*.yaml), with ids equal to file names', () => {
		const files = [
			...filesIn('src/charts', '.ts').filter((f) => f !== 'define-chart' && f !== 'index'),
			...filesIn('content/charts', '.yaml'),
		];
		expect(charts.map((c) => c.id).toSorted()).toEqual(files.toSorted());
	});

	it('gives every chart kebab-case state names and a non-empty text alternative per state', () => {
		for (const chart of charts) {
			for (const state of chart.stateNames) {
				expect(state).toMatch(kebab);
				const alt = chart.alt(state);
				expect(alt.length, `${chart.id}/${state}`).toBeGreaterThan(20);
				expect(alt).not.toMatch(/undefined|NaN|null|\[object/);
			}
		}
	});
});

describe('the dataset registry', () => {
	it('lists every CSV in content/data once, each with a metadata record and at least one source', () => {
		expect(datasets.map((d) => d.name).toSorted()).toEqual(filesIn('content/data', '.csv').toSorted());
		expect(filesIn('content/data', '.json').toSorted()).toEqual(filesIn('content/data', '.csv').toSorted());
		for (const dataset of datasets) expect(dataset.meta.sources.length).toBeGreaterThan(0);
	});
});
