import { describe, expect, it } from 'vitest';
import type { Chart } from '../../../src/charts/define-chart.ts';
import { charts } from '../../../src/charts/index.ts';
import type { Dataset } from '../../../src/data/define-dataset.ts';
import {
	credit,
	embedLinks,
	figureFoot,
	notesText,
	pageTitle,
	sourceDate,
	sourceParts,
	sourcesText,
	sourceText,
	stateTitle,
	type Source,
} from '../../../src/publish/figure-words.ts';
import { chartsReference } from '../../../src/cli/charts-reference.ts';
import { standaloneSvg } from '../../../src/publish/standalone-svg.ts';
import { site } from '../../../src/site.ts';

const dataset = (sources: Source[], notes: string[] = []) => ({ meta: { sources, notes } }) as unknown as Dataset;
const chart = (title: string, label: string) => ({ title, label: () => label }) as unknown as Chart;

const canalys: Source = {
	publisher: 'Canalys',
	title: 'China cloud, Q3 2023',
	date: '2023-11',
	url: 'https://canalys.com/x',
};
const reuters: Source = { publisher: 'Reuters', title: 'Alibaba scraps cloud spin-off', date: '2023-11-16' };

describe('stateTitle and pageTitle', () => {
	it('joins the chart title and the state label', () => {
		expect(stateTitle(chart('Cloud revenue', '2023'), 'any')).toBe('Cloud revenue: 2023');
	});

	it('keeps a short title whole in <title>', () => {
		expect(pageTitle(chart('Cloud revenue', '2023'), 'any')).toBe('Cloud revenue: 2023');
	});

	it('leads a long <title> with the state label, and clips it at a word within the limit', () => {
		const long = chart('Who leads the cloud market in mainland China, quarter by quarter', 'Alibaba’s share falls');
		expect(pageTitle(long, 'any')).toBe('Alibaba’s share falls · Who leads the cloud market in mainland…');
		expect(pageTitle(long, 'any', 40)).toBe('Alibaba’s share falls · Who leads the…');
		expect(pageTitle(long, 'any', 40).length).toBeLessThanOrEqual(40);
	});
});

describe('figureFoot', () => {
	it('lists every source of every dataset, and each note once, in order', () => {
		const foot = figureFoot([dataset([canalys], ['A.', 'B.']), dataset([reuters], ['B.', 'C.'])]);
		expect(foot.sources).toEqual([canalys, reuters]);
		expect(foot.notes).toEqual(['A.', 'B.', 'C.']);
		expect(notesText(foot.notes)).toBe('A. B. C.');
	});

	it('says "Source" for one source and "Sources" for more', () => {
		expect(figureFoot([dataset([canalys])]).sourceLabel).toBe('Source');
		expect(figureFoot([dataset([canalys]), dataset([reuters])]).sourceLabel).toBe('Sources');
	});
});

const results: Source = {
	publisher: 'Alibaba Group',
	title: 'Alibaba results, Jul–Sep 2023',
	date: '2023',
	described: true,
};

describe('sources', () => {
	it('reads "Publisher, “Headline” (date)", with the date in words as precisely as it is known', () => {
		expect(sourceText(canalys)).toBe('Canalys, “China cloud, Q3 2023” (Nov 2023)');
		expect(sourcesText([canalys, reuters])).toBe(
			'Canalys, “China cloud, Q3 2023” (Nov 2023); Reuters, “Alibaba scraps cloud spin-off” (16 Nov 2023)',
		);
		expect(sourceDate(results)).toBe('2023');
	});

	it('shows our description of a document in square brackets, not as its headline', () => {
		expect(sourceText(results)).toBe('Alibaba Group, [Alibaba results, Jul–Sep 2023] (2023)');
		expect(sourceText({ ...results, described: false })).toBe('Alibaba Group, “Alibaba results, Jul–Sep 2023” (2023)');
	});

	it('gives pages the parts around a linked title, the same words as the plain text', () => {
		const parts = sourceParts(canalys);
		expect(parts).toEqual({
			before: 'Canalys, “',
			title: 'China cloud, Q3 2023',
			url: 'https://canalys.com/x',
			after: '” (Nov 2023)',
		});
		expect(`${parts.before}${parts.title}${parts.after}`).toBe(sourceText(canalys));
		expect(sourceParts(reuters).url).toBeUndefined();
		expect(sourceParts(results)).toMatchObject({ before: 'Alibaba Group, [', after: '] (2023)' });
	});

	it('formats the charts reference with the same words', () => {
		const reference = chartsReference(charts);
		const described = charts.flatMap((c) => c.datasets.flatMap((d) => d.meta.sources)).find((s) => s.described)!;
		expect(reference).toContain(`${described.publisher}, \\[`);
		expect(reference).not.toMatch(/\(\d{4}-\d{2}/);
	});
});

describe('credit and links', () => {
	it('names the publisher from the site', () => {
		expect(credit()).toBe(`Chart: ${site.publisher}`);
		// Another story's publisher: the credit follows it (nothing writes the name by hand).
		const editable = site as { publisher: string };
		const publisher = editable.publisher;
		try {
			editable.publisher = 'Another Desk';
			expect(credit()).toBe('Chart: Another Desk');
		} finally {
			editable.publisher = publisher;
		}
	});

	it('says where the story link goes', () => {
		expect(embedLinks.story(true)).toBe('See it in the story');
		expect(embedLinks.story(false)).toBe('More charts from the story');
	});
});

describe('the standalone SVG', () => {
	const first = charts[0]!;
	const { svg } = standaloneSvg(first, first.defaultState, 'https://example.org/');

	it('is titled with the state title', () => {
		expect(svg).toContain(`<title id="title">${stateTitle(first, first.defaultState)}</title>`);
	});

	it('prints the credit', () => {
		expect(svg).toContain(`${credit().replace('&', '&amp;')} · https://example.org/`);
	});
});
