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
	readonly fcp: number;
	readonly lcp: number;
	readonly tbt: number;
	readonly cls: number;
	/** Bytes transferred while the page loads (Lighthouse's total byte weight: every request). */
	readonly transfer: number;
}

const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs Lighthouse `runs` times on a URL with the mobile or desktop preset and returns the medians. */
export async function lighthouseMedian(
	url: string,
	preset: 'mobile' | 'desktop',
	runs = 3,
): Promise<LighthouseFigures> {
	return (await lighthouseSideBySide([url], preset, runs))[0]!;
}

/**
 * Medians for several pages measured side by side: each run measures every page in turn, so a busy
 * moment of a shared machine falls on all of them rather than on one (compare their ratios).
 */
export async function lighthouseSideBySide(
	urls: readonly string[],
	preset: 'mobile' | 'desktop',
	runs = 3,
): Promise<LighthouseFigures[]> {
	const results = urls.map((): LighthouseFigures[] => []);
	// Lighthouse simulates the network from the server's observed response time: the first request of a
	// page has serveCompressed brotli it (seconds for the story), which would inflate the first run's figures.
	for (const url of urls) await fetch(url, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
	for (let i = 0; i < runs; i++) {
		for (const [n, url] of urls.entries()) results[n]!.push(await lighthouseOnce(url, preset));
	}
	return results.map((figures) => {
		const pick = (key: keyof LighthouseFigures) => median(figures.map((r) => r[key]));
		return {
			performance: pick('performance'),
			accessibility: pick('accessibility'),
			bestPractices: pick('bestPractices'),
			seo: pick('seo'),
			fcp: pick('fcp'),
			lcp: pick('lcp'),
			tbt: pick('tbt'),
			cls: pick('cls'),
			transfer: pick('transfer'),
		};
	});
}

async function lighthouseOnce(url: string, preset: 'mobile' | 'desktop'): Promise<LighthouseFigures> {
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
		const value = (id: string) => audits[id]?.numericValue ?? NaN;
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo'),
			fcp: value('first-contentful-paint'),
			lcp: value('largest-contentful-paint'),
			tbt: value('total-blocking-time'),
			cls: value('cumulative-layout-shift'),
			transfer: value('total-byte-weight'),
		};
	} finally {
		chrome.kill();
	}
}
