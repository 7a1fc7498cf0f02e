import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import { datasets } from '../../src/data/index.ts';
import { astroBuild } from '../helpers/astro-build.ts';
import { page } from '../helpers/built-site.ts';
import { chapterMdx, storyFixture } from '../helpers/story-fixture.ts';

/**
 * A new story made by changing content/ only: its own story file and methodology, and one chapter
 * that shows three charts. The front page says it once, counts one chapter and lists only the
 * sources of those charts.
 */
const fixture = storyFixture('story', 'one-chapter');
const dist = fixture.env.STORY_OUT_DIR!;
const shownCharts = ['world-cloud-share', 'china-cloud-share', 'china-cloud-market'];
const chapter = chapterMdx({ title: 'The only chapter', order: 1, dek: 'A story told in one chapter.' });
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

beforeAll(async () => {
	fixture.onlyChapter('the-only-chapter', chapter);
	fixture.edit('story.yaml', (t) =>
		t
			.replace(/^title: .*$/m, 'title: A story of one chapter')
			.replace(/^shortTitle: .*$/m, 'shortTitle: One chapter')
			.replace(/^credits:\n[\s\S]*/m, 'credits:\n  - role: Everything\n    who: Test desk\n'),
	);
	fixture.write('methodology.mdx', '### How\n\nWe made it up for a test.\n');
	const { code, output } = await astroBuild(fixture.env);
	if (code !== 0) throw new Error(`The fixture story did not build:\n${output}`);
});
afterAll(() => fixture.remove());

describe('a story of one chapter', () => {
	const front = () => page(dist, '');

	it('takes its title, credits and methodology from content/', () => {
		const doc = front();
		expect(doc.title).toBe('A story of one chapter');
		expect(text(doc.querySelector('.site-name'))).toBe('One chapter');
		expect([...doc.querySelectorAll('#credits dt')].map(text)).toEqual(['Everything']);
		expect(text(doc.querySelector('#methodology h3'))).toBe('How');
		expect(text(doc.querySelector('#methodology p'))).toBe('We made it up for a test.');
	});

	it('shows its headline once: no contents list of one, no second header for the chapter', () => {
		const doc = front();
		expect(
			[...doc.querySelectorAll('h1, h2')].map(text).filter((t) => !/^(Sources|How we made this|Credits)$/.test(t)),
		).toEqual(['A story of one chapter']);
		expect(doc.querySelector('nav.toc')).toBeNull();
		expect(doc.querySelector('.chapter-header')).toBeNull();
		expect(doc.querySelector('section.chapter#the-only-chapter .step')).not.toBeNull();
		// The chapter's own page keeps its header.
		expect(text(page(dist, 'the-only-chapter/').querySelector('h1'))).toBe('The only chapter');
	});

	it('counts one chapter, in the singular', () => {
		expect(text(front().querySelector('.masthead-kicker'))).toBe('A data story · 1 chapter');
	});

	it('lists the sources of the charts it shows only', () => {
		const used = new Set(
			charts.filter((c) => shownCharts.includes(c.id)).flatMap((c) => c.datasets.map((d) => d.name)),
		);
		const listed = [...front().querySelectorAll('#sources [data-dataset]')].map((el) =>
			el.getAttribute('data-dataset'),
		);
		// Listed in the order the charts draw them; what matters here is which.
		expect(listed.toSorted()).toEqual([...used].toSorted());
		expect(listed.length).toBeLessThan(datasets.length);
	});
});
