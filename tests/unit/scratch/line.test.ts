import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
it('line', () => {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const chart = charts.find((c) => c.id === 'china-cloud-market')!;
	const o = chart.plot('growth', 720);
	const line = (o.marks as any[]).find((m) => m.ariaLabel === 'line');
	console.log(Object.keys(line.channels), line.channels.y, line.channels.stroke);
	const svg = Plot.plot({ ...o, document, marks: [line] });
	console.log(svg.outerHTML.slice(0, 1500));
});
