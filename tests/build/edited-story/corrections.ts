import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { embedUrls } from '../../../src/publish/embed-urls.ts';
import { page } from '../../helpers/built-site.ts';
import type { StoryFixture } from '../../helpers/story-fixture.ts';

/**
 * An editor corrects a chapter, naming the chart the correction concerns, and a CSV value changes
 * under a figure the text computes: the correction shows at the end of the chapter and on the chart's
 * embed pages, sets the chapter's "Updated" date, and the computed figure follows the data.
 * The copy is published under a base path and a public address, which the last tests check.
 */
const publicSite = 'https://news.example.org';
const base = '/projects/cloud/';
const text = 'An earlier version gave the growth for April–June 2024 as 5%; it was 6%.';

/** The edits, and the build's settings: the public address and base path. */
export function editCorrections(fixture: StoryFixture): Record<string, string> {
	fixture.edit('chapters/growth-stalls.mdx', (t) =>
		t.replace(
			'draft: false\n',
			`draft: false\ncorrections:\n  - date: 2026-12-03\n    text: ${text}\n    charts: [cloud-revenue-growth]\n`,
		),
	);
	// The Sum in the-cloud-race.mdx adds Amazon, Microsoft and Google: 33 + 23 + 11, now 34 + 23 + 11.
	fixture.edit('data/synergy-vendor-share-q4-2022.csv', (t) => t.replace('Amazon,33', 'Amazon,34'));
	return { SITE_URL: publicSite, BASE_PATH: base };
}

const correctionText = (html: Document) =>
	[...html.querySelectorAll('.correction')].map((p) => p.textContent.replace(/\s+/g, ' ').trim());

/** What the edits must show in the built copy (in `dist`). */
export function correctionTests(dist: string): void {
	describe('a correction', () => {
		it('shows at the end of the chapter, dated, and sets its "Updated" date', () => {
			const chapter = page(dist, 'growth-stalls/');
			expect(correctionText(chapter)).toEqual([`Correction 3 December 2026: ${text}`]);
			expect(chapter.querySelector('.chapter-body > .corrections:last-child')).not.toBeNull();
			expect(chapter.querySelector('.chapter-meta time[datetime="2026-12-03"]')?.textContent).toBe('3 December 2026');
		});

		it('shows on the embed pages of the chart it names, and on no other', () => {
			expect(correctionText(page(dist, 'embed/cloud-revenue-growth/promise-kept/'))).toEqual([
				`Correction 3 December 2026: ${text}`,
			]);
			expect(correctionText(page(dist, 'embed/cloud-revenue/restated/'))).toEqual([]);
		});
	});

	describe('a figure computed from the data', () => {
		it('follows the CSV: the text gives the new sum', () => {
			const step = page(dist, 'the-cloud-race/').querySelector('#the-big-three .step-text');
			expect(step?.textContent.replace(/\s+/g, ' ')).toContain('together took 68% of worldwide spending');
		});
	});

	describe('under a base path and a public address', () => {
		const out = dist;
		const absolute = `${publicSite}${base}`;
		const states = charts.flatMap((chart) => chart.stateNames.map((state) => ({ chart, state })));

		it('makes embed codes, oEmbed and og:image absolute with the base, and page links local with the base', () => {
			const { chart, state } = states[0]!;
			const embed = page(out, embedUrls.embed(chart.id, state));
			expect(embed.querySelector('link[type="application/json+oembed"]')?.getAttribute('href')).toBe(
				`${absolute}${embedUrls.oembed(chart.id, state)}`,
			);
			expect(embed.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
				`${absolute}${embedUrls.png(chart.id, state)}`,
			);
			const links = [...embed.querySelectorAll('.embed-credit a')].map((a) => a.getAttribute('href'));
			expect(links[0]).toBe(`${base}${embedUrls.csv(chart.id, state)}`);
			expect(links[1]).toMatch(new RegExp(`^${base}#`));

			const json = JSON.parse(readFileSync(join(out, embedUrls.oembed(chart.id, state)), 'utf8')) as Record<
				string,
				string
			>;
			expect(json.html).toContain(`src="${absolute}${embedUrls.embed(chart.id, state)}"`);
			expect(json.thumbnail_url).toBe(`${absolute}${embedUrls.png(chart.id, state)}`);
			expect(json.provider_url).toBe(absolute);

			const gallery = page(out, embedUrls.galleryChart(chart.id));
			const codes = [...gallery.querySelectorAll('pre code')].map((c) => c.textContent).join('\n');
			expect(codes).toContain(`<script async src="${absolute}embed.js"></script>`);
			expect(codes).not.toContain('localhost');
			const download = gallery.querySelector('.downloads a')?.getAttribute('href');
			expect(download?.startsWith(`${base}charts/`)).toBe(true);
			expect(existsSync(join(out, 'embed.js'))).toBe(true);
			expect(readFileSync(join(out, embedUrls.svg(chart.id, state)), 'utf8')).toContain(absolute);
		});
	});
}
