import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { chartsReference, formattedReference, referencePath } from '../../../src/cli/charts-reference.ts';

describe('content/CHARTS.md, the editors’ reference of charts and states', () => {
	it('is up to date with the chart registry (npm run charts:reference rewrites it)', async () => {
		const current = readFileSync(referencePath, 'utf8');
		expect(
			current === (await formattedReference(charts)),
			'content/CHARTS.md is stale: run npm run charts:reference',
		).toBe(true);
	});

	it('lists every chart with its title, subtitle, sources, and each state with its label and alt text', () => {
		const reference = chartsReference(charts);
		for (const chart of charts) {
			const section = reference.slice(reference.indexOf(`## ${chart.id}\n`));
			expect(section).toContain(chart.subtitle);
			for (const source of chart.datasets.flatMap((d) => d.meta.sources)) expect(section).toContain(source.publisher);
			for (const state of chart.stateNames) {
				expect(section).toContain(`- \`${state}\``);
				expect(section).toContain(chart.label(state));
			}
		}
	});
});
