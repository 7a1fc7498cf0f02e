import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumArgs } from '../../src/cli/chromium.ts';

/** Lighthouse figures for one page and preset: category scores (0-100) and the three web vitals. */
export interface LighthouseFigures {
	readonly performance: number;
	readonly accessibility: number;
	readonly bestPractices: number;
	readonly seo: number;
	readonly lcp: number;
	readonly tbt: number;
	readonly cls: number;
}

const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs Lighthouse `runs` times on a URL with the mobile or desktop preset and returns the medians. */
export async function lighthouseMedian(
	url: string,
	preset: 'mobile' | 'desktop',
	runs = 3,
): Promise<LighthouseFigures> {
	const results: LighthouseFigures[] = [];
	for (let i = 0; i < runs; i++) {
		const chrome = await launch({
			chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			chromeFlags: chromiumArgs,
		});
		try {
			const result = await lighthouse(
				url,
				{ port: chrome.port, output: 'json', logLevel: 'error' },
				preset === 'desktop' ? desktopConfig : undefined,
			);
			if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
			const { categories, audits } = result.lhr;
			const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
			// Name what cost points, so a missed budget says where to look.
			for (const id of ['accessibility', 'best-practices', 'seo']) {
				const failed = categories[id]?.auditRefs
					.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
					.map((ref) => ref.id);
				if (failed?.length) console.warn(`Lighthouse ${preset} ${id}: ${failed.join(', ')}`);
			}
			results.push({
				performance: score('performance'),
				accessibility: score('accessibility'),
				bestPractices: score('best-practices'),
				seo: score('seo'),
				lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
				tbt: audits['total-blocking-time']?.numericValue ?? NaN,
				cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
			});
		} finally {
			chrome.kill();
		}
	}
	const pick = (key: keyof LighthouseFigures) => median(results.map((r) => r[key]));
	return {
		performance: pick('performance'),
		accessibility: pick('accessibility'),
		bestPractices: pick('bestPractices'),
		seo: pick('seo'),
		lcp: pick('lcp'),
		tbt: pick('tbt'),
		cls: pick('cls'),
	};
}
