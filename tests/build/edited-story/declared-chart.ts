import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../../helpers/built-site.ts';
import { chapterMdx, type StoryFixture } from '../../helpers/story-fixture.ts';
import { mapText, timelineText } from '../../charts/declared-fixtures.ts';

/**
 * An editor declares a chart in content/charts/ and uses it in a chapter, touching nothing else:
 * the build draws it on the story, the chapter page, its embed pages, the gallery and downloads.
 * The charts use datasets the story has; beside a bar chart, the two marks drawn alone (an event
 * timeline and points on the map).
 */
const chart = `title: China’s cloud spending, 2024 in focus
subtitle: Mainland China cloud infrastructure services spending per quarter, US$ bn
dataset: canalys-china-market
table: { quarter: Quarter, size: 'Spending, US$ bn' }
format: { prefix: US$, unit: bn }
marks:
  - mark: bar
    x: quarter
    y: size
states:
  by-quarter:
    label: Spending by quarter
  year-2024:
    label: 2024 highlighted
    highlight: { date: { from: 2024-01-01, to: 2024-12-31 } }
  latest:
    label: The latest quarter labelled
    highlight: last
    labels: highlighted
`;
// The marks drawn alone: an event timeline and points on the world map (tests/charts/declared-fixtures.ts).
const solo = {
	'qwen-by-release': ['all', 'qwen-72b', 'only-2024'],
	'cloud-abroad': ['everywhere', 'america', 'europe'],
};
const chapter = chapterMdx(
	{ title: 'Spending in 2024', order: 99, dek: 'A chapter whose chart is declared in content/charts.' },
	`Opening text.

<Scrolly chart="china-spending-2024">
  <Step id="spending-quarters" state="by-quarter">Spending by quarter.</Step>
  <Step id="spending-2024" state="year-2024">2024 highlighted.</Step>
  <Step id="spending-latest" state="latest">The latest quarter.</Step>
</Scrolly>

<Scrolly chart="qwen-by-release">
  <Step id="qwen-every-release" state="all">Every release.</Step>
  <Step id="qwen-largest" state="qwen-72b">The largest model.</Step>
  <Step id="qwen-2024" state="only-2024">The 2024 releases.</Step>
</Scrolly>

<Chart chart="cloud-abroad" state="everywhere" />
`,
);

/** The edits: three charts declared, and a chapter that uses them. */
export function editDeclaredChart(fixture: StoryFixture): void {
	fixture.write('charts/china-spending-2024.yaml', chart);
	fixture.write('charts/qwen-by-release.yaml', timelineText);
	fixture.write('charts/cloud-abroad.yaml', mapText);
	fixture.write('chapters/spending-in-2024.mdx', chapter);
}

/** What the edits must show in the built copy (in `dist`). */
export function declaredChartTests(dist: string): void {
	describe('a chart declared in content/charts', () => {
		it('is drawn in the story and on its chapter page, one state per step', () => {
			for (const path of ['', 'spending-in-2024/']) {
				const steps = [...page(dist, path).querySelectorAll('.step[data-chart="china-spending-2024"]')];
				expect(
					steps.map((s) => s.getAttribute('data-state')),
					path,
				).toEqual(['by-quarter', 'year-2024', 'latest']);
				for (const step of steps) expect(step.querySelector('figure svg'), path).not.toBeNull();
			}
		});

		it('highlights 2024 in its state, and says so in the text alternative', () => {
			const figure = page(dist, 'spending-in-2024/').querySelector('figure[data-state="year-2024"]')!;
			expect(figure.querySelectorAll('svg [fill="var(--c-alibaba)"]').length).toBe(6); // three quarters, two widths
			expect(figure.textContent).toContain('Q1 2024, Q2 2024 and Q3 2024 are highlighted');
		});

		it('has an embed page, an oEmbed record, downloads and a gallery entry for every state', () => {
			for (const state of ['by-quarter', 'year-2024', 'latest']) {
				expect(page(dist, `embed/china-spending-2024/${state}/`).querySelector('figure svg'), state).not.toBeNull();
				for (const file of [
					`charts/china-spending-2024/${state}.svg`,
					`charts/china-spending-2024/${state}.png`,
					`charts/china-spending-2024/${state}.csv`,
					`oembed/china-spending-2024/${state}.json`,
				])
					expect(existsSync(join(dist, file)), file).toBe(true);
				// The gallery's grid links each state to the chart's own page, where its codes are.
				expect(
					page(dist, 'charts/').querySelector(`a[href$="/charts/china-spending-2024/#china-spending-2024--${state}"]`),
					state,
				).not.toBeNull();
				expect(
					page(dist, 'charts/china-spending-2024/').querySelector(`#china-spending-2024--${state}`),
					state,
				).not.toBeNull();
			}
			expect(readFileSync(join(dist, 'charts/china-spending-2024/latest.csv'), 'utf8')).toMatch(
				/^quarter,size\nQ3 2021,7.2\n/,
			);
		});

		it('draws a declared timeline and map on the story, their embed pages and the gallery', () => {
			const story = page(dist, '');
			expect(
				[...story.querySelectorAll('.step[data-chart="qwen-by-release"]')].map((s) => s.getAttribute('data-state')),
			).toEqual(solo['qwen-by-release']);
			expect(story.querySelector('figure[data-chart="qwen-by-release"][data-state="qwen-72b"]')?.textContent).toContain(
				'The largest open model yet',
			);
			expect(story.querySelector('figure[data-chart="cloud-abroad"][data-state="everywhere"] svg')).not.toBeNull();
			for (const [id, states] of Object.entries(solo)) {
				for (const state of states) {
					const embed = page(dist, `embed/${id}/${state}/`).querySelector('figure svg');
					expect(embed, `${id}/${state}`).not.toBeNull();
					expect(
						page(dist, 'charts/').querySelector(`a[href$="/charts/${id}/#${id}--${state}"]`),
						`${id}/${state}`,
					).not.toBeNull();
				}
			}
			// The map's places and its legend; the timeline's events.
			const mapSvg = page(dist, 'embed/cloud-abroad/everywhere/').querySelector('figure svg')!;
			expect(mapSvg.querySelectorAll('[data-key="place"] circle').length).toBeGreaterThan(10);
			expect(mapSvg.textContent).toContain('partner region');
			expect(page(dist, 'embed/qwen-by-release/qwen-72b/').querySelector('figure svg')!.textContent).toContain(
				'Qwen-72B',
			);
		});
	});
}
