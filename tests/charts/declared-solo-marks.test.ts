import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileChart } from '../../src/charts/declared/compile-chart.ts';
import { checkDeclaration, checkedOrThrow } from '../../src/charts/declared/validate-declaration.ts';
import type { Chart } from '../../src/charts/define-chart.ts';
import type { Dataset } from '../../src/data/define-dataset.ts';
import { datasets } from '../../src/data/index.ts';
import { recordedDetails } from '../../src/render/details-collect.ts';
import { renderSvg } from '../../src/render/render-svg.ts';
import { widths } from '../../src/render/widths.ts';
import { mapText, timelineText } from './declared-fixtures.ts';
import { textBoxes } from './text-boxes.ts';

// The event timeline and points on the world map, declared: drawn by the code charts' own drawing
// (src/charts/shared/timeline.ts, src/charts/shared/regions-map/), with states as on any mark.

const file = 'content/charts/test-solo.yaml';
const problems = (text: string, sets: readonly Dataset[] = datasets): string[] =>
	checkDeclaration(file, text, sets).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
const compile = (text: string, id = 'test-solo'): Chart =>
	compileChart(checkedOrThrow(`content/charts/${id}.yaml`, text, datasets));
const svgOf = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg')!;
const group = (svg: string, key: string) => svgOf(svg).querySelector(`svg > g[data-key="${key}"]`);

describe('a declared timeline', () => {
	const chart = compile(timelineText);

	it('tells its story: the highlighted event in bold and in colour, earlier ones labelled, later ones dots', () => {
		const svg = renderSvg(chart, 'qwen-72b', 720);
		expect(group(svg, 'text~2')!.textContent).toBe('Qwen-72B'); // the bold labels
		expect(group(svg, 'text~3')!.textContent).toBe('Qwen-7BQwen-14B');
		expect(group(svg, 'dot')!.children).toHaveLength(6); // the events still to come
		expect(group(svg, 'dot~2')!.querySelector('[data-key="Qwen-72B"]')!.getAttribute('fill')).toBe('var(--c-alibaba)');
		expect(svg).toContain('The largest open model yet');
	});

	it('keys each event by its words, so a transition moves each event’s own dot and label', () => {
		const keys = (state: string) =>
			[...group(renderSvg(chart, state, 360), 'dot~2')!.children].map((el) => el.getAttribute('data-key'));
		expect(keys('all').slice(0, 3)).toEqual(['Qwen-7B', 'Qwen-14B', 'Qwen-72B']);
		expect(keys('qwen-72b')).toEqual(['Qwen-7B', 'Qwen-14B', 'Qwen-72B']);
	});

	it('writes its text alternative and table from the data, for the rows it shows', () => {
		expect(chart.alt('qwen-72b')).toBe(
			'Timeline of Alibaba’s Qwen models, by release date from Aug 2023 to Sep 2025, 3 of 9 events shown. Highlighted: Qwen-72B (30 Nov 2023). Note: The largest open model yet',
		);
		expect(chart.alt('all')).toMatch(
			/, 9 of 9 events shown\. Events: Qwen-7B \(3 Aug 2023\), .* and Qwen3-Max \(24 Sep 2025\)\. Events marked with an asterisk come from a single source\.$/,
		);
		expect(chart.table('only-2024').rows.map((r) => r['model'])).toEqual(['Qwen1.5', 'Qwen2', 'Qwen2.5']);
	});

	it('gives the details of each event: a dot is its row of the table', () => {
		renderSvg(chart, 'all', 720);
		const details = recordedDetails('test-solo/all/720')!;
		expect(details.map).toMatch(/(^|;)dot~2=0,1,2,3,4,5,6,7,8(;|$)/);
	});

	it.each(widths)('keeps every label inside at %d px', (width) => {
		for (const state of chart.stateNames) {
			const { boxes, height } = textBoxes(renderSvg(chart, state, width));
			for (const box of boxes) {
				expect(box.right, `${state}: ${box.text}`).toBeLessThanOrEqual(width + 0.5);
				expect(box.bottom, `${state}: ${box.text}`).toBeLessThanOrEqual(height + 0.5);
			}
		}
	});
});

describe('a declared map', () => {
	const chart = compile(mapText, 'test-map');
	const places = (svg: string) => [...group(svg, 'place')!.children];

	it('draws a point per place, coloured by series with a legend', () => {
		const svg = renderSvg(chart, 'everywhere', 720);
		const regions = datasets.find((d) => d.name === 'alibaba-cloud-regions')!;
		expect(places(svg)).toHaveLength(regions.rows.length);
		expect(new Set(places(svg).map((p) => p.getAttribute('fill'))).size).toBeGreaterThan(1);
		// The legend: a symbol and a name per series value.
		for (const kind of ['region', 'partner region', 'data centre']) expect(svg).toContain(`>${kind}</text>`);
		expect(renderSvg(chart, 'america', 720)).not.toMatch(/>region<\/text>/);
	}, 30_000); // the first map drawn reads the world's land

	it('highlights rows: the highlighted places in colour and on top, the rest muted, labels and a note', () => {
		const svg = renderSvg(chart, 'america', 720);
		const fills = places(svg).map((p) => [p.getAttribute('data-key'), p.getAttribute('fill')]);
		expect(fills.filter(([, fill]) => fill === 'var(--c-alibaba)').map(([key]) => key)).toEqual([
			'silicon-valley',
			'virginia',
			'mexico',
		]);
		expect(fills.slice(-3).every(([, fill]) => fill === 'var(--c-alibaba)')).toBe(true);
		expect(fills.slice(0, -3).every(([, fill]) => fill === 'var(--c-muted)')).toBe(true);
		expect(svg).toContain('>Silicon Valley<');
		expect(svg).not.toContain('>Singapore<');
		expect(svg).toContain('Live in 2025');
		expect(chart.alt('america')).toBe(
			'Map of Alibaba Cloud regions outside mainland China. Silicon Valley, Virginia and Mexico are highlighted: Silicon Valley region, Virginia region and Mexico region. Note: Live in 2025',
		);
	});

	it('shows only some rows, in its table too, and keys places by their key column', () => {
		const svg = renderSvg(chart, 'europe', 360);
		expect(places(svg).map((p) => p.getAttribute('data-key'))).toEqual([
			'frankfurt',
			'london',
			'france',
			'netherlands',
		]);
		expect(chart.table('europe').rows.map((r) => r['label'])).toEqual(['Frankfurt', 'London', 'France', 'Netherlands']);
		const details = recordedDetails('test-map/europe/360')!;
		expect(details.map).toMatch(/(^|;)place=0,1,2,3(;|$)/);
	});

	it('keeps its height from state to state (the sticky chart does not jump)', () => {
		for (const width of widths) {
			const heights = chart.stateNames.map((s) => svgOf(renderSvg(chart, s, width)).getAttribute('height'));
			expect(new Set(heights).size).toBe(1);
		}
	});
});

describe('mistakes in a timeline or a map', () => {
	it('passes when right', () => {
		expect(problems(timelineText)).toEqual([]);
		expect(problems(mapText)).toEqual([]);
	});

	it('names an unknown column with the closest', () => {
		expect(problems(timelineText.replace('text: model', 'text: models'))).toEqual([
			`${file}:7:11: unknown column "models" for "text" of the timeline: did you mean "model"? The columns of qwen-releases are: date, when, model, confidence.`,
		]);
	});

	it('refuses a date column that is not dates', () => {
		expect(problems(timelineText.replace('y: date', 'y: when'))).toEqual([
			`${file}:6:8: column "when" is text, but "y" of a timeline needs dates: use a date column (date).`,
		]);
	});

	it('refuses a latitude out of range, naming the row and the fix', () => {
		const regions = datasets.find((d) => d.name === 'alibaba-cloud-regions')!;
		const broken = { ...regions, rows: regions.rows.map((r, i) => (i === 2 ? { ...r, lat: 103.82 } : r)) } as Dataset;
		expect(problems(mapText, [broken])).toEqual([
			`${file}:10:8: latitude 103.82 in row 3 (under the header) of content/data/alibaba-cloud-regions.csv is out of range: a latitude runs from -90 to 90. Fix the CSV, or swap x and y if the columns are the other way round (x is the longitude).`,
		]);
	});

	it('refuses keys the mark does not take, other marks beside it, and rules', () => {
		expect(problems(mapText.replace('    series: kind', '    direction: horizontal'))).toEqual([
			`${file}:13:5: "direction" is not for a map: remove it. A map takes: mark, x, y, text, key, series, labels, colour, states.`,
		]);
		expect(problems(timelineText.replace('states:\n', '  - mark: rule\n    y: 5\nstates:\n'))).toEqual([
			`${file}:10:11: a timeline is drawn alone: remove this rule, or draw it in a chart of its own.`,
		]);
		expect(problems(mapText.replace('    labels: all', '    zoom: { y: [0, 50] }'))).toEqual([
			`${file}:25:5: a map always shows the world: remove zoom, or show only some places with only.`,
		]);
	});
});
