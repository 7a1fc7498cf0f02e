// The budget benchmark (DESIGN.md section 3): `npm run bench`. Builds the site, serves it with
// compression, measures it in headless Chromium and prints one table; exits 1 when a budget is missed.
import { resolve } from 'node:path';
import { launchChromium } from '../../src/cli/chromium.ts';
import { multiplyStory, timeBuild } from './build-times.ts';
import { lighthouseMedian } from './lighthouse-runs.ts';
import { pageBytes } from './page-bytes.ts';
import { measureScroll } from './scroll-frames.ts';
import { serveCompressed } from './serve-compressed.ts';
import { measureTransitions, transitionCodeBytes } from './transition-cost.ts';
import { pageTypes } from '../helpers/site-pages.ts';

interface Row {
	readonly figure: string;
	readonly value: string;
	readonly budget: string;
	readonly ok: boolean | null;
}

const rows: Row[] = [];
const add = (figure: string, value: number, unit: string, budget?: { max?: number; min?: number }) => {
	const ok = budget
		? (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min)
		: null;
	const limit = budget ? (budget.max !== undefined ? `≤ ${budget.max}${unit}` : `≥ ${budget.min}${unit}`) : '–';
	rows.push({ figure, value: `${Number.isInteger(value) ? value : value.toFixed(2)}${unit}`, budget: limit, ok });
};
const kb = (bytes: number) => Math.round(bytes / 10.24) / 100;
const runs = Number(process.env.BENCH_RUNS ?? 3);

const siteDir = resolve('dist');
const buildSeconds = await timeBuild({ STORY_OUT_DIR: siteDir });
add('build: whole site', buildSeconds, ' s', { max: 60 });

const bigRoot = multiplyStory(10);
const bigSeconds = await timeBuild({
	STORY_ROOT: bigRoot,
	STORY_CONTENT_DIR: resolve(bigRoot, 'content'),
	STORY_OUT_DIR: resolve(bigRoot, 'dist'),
	STORY_CACHE_DIR: resolve(bigRoot, 'cache'),
});
add('build: 10x the chapters', bigSeconds, ' s');
// Linear growth means at most 10x; fixed costs (startup, bundling) keep the ratio well below.
add('build: ratio 10x / 1x', bigSeconds / buildSeconds, '', { max: 10 });

const types = pageTypes(siteDir);
const base = process.env.BASE_PATH ?? '/';
for (const [type, path] of Object.entries(types)) {
	const bytes = pageBytes(siteDir, base, path);
	const story = type === 'story';
	add(`${type} ${path}: JS (brotli)`, kb(bytes.js), ' KB', story ? { max: 10 } : undefined);
	add(`${type} ${path}: CSS (brotli)`, kb(bytes.css), ' KB', story ? { max: 15 } : undefined);
	add(`${type} ${path}: HTML (brotli)`, kb(bytes.html), ' KB', story ? { max: 150 } : undefined);
}

add('chart transition code (brotli)', kb(await transitionCodeBytes()), ' KB', { max: 4 });

const server = await serveCompressed(siteDir);
try {
	// Every page type, both presets; LCP/TBT/CLS are reported, the scores and CLS have budgets.
	for (const [type, path] of Object.entries(types)) {
		for (const preset of ['mobile', 'desktop'] as const) {
			const lh = await lighthouseMedian(`${server.url}${path}`, preset, runs);
			const label = `Lighthouse ${preset}, ${type} (median of ${runs})`;
			add(`${label}: performance`, lh.performance, '', { min: 98 });
			add(`${label}: accessibility`, lh.accessibility, '', { min: 100 });
			add(`${label}: best practices`, lh.bestPractices, '', { min: 100 });
			add(`${label}: SEO`, lh.seo, '', { min: 100 });
			add(`${label}: LCP`, Math.round(lh.lcp), ' ms');
			add(`${label}: TBT`, Math.round(lh.tbt), ' ms');
			add(`${label}: CLS`, lh.cls, '', { max: 0 });
		}
	}
	const browser = await launchChromium();
	try {
		const scroll = await measureScroll(browser, `${server.url}/`);
		add(`scroll at 390x844: frames`, scroll.frames, '');
		add(`scroll at 390x844: long animation frames (> 50 ms)`, scroll.longAnimationFrames, '', { max: 0 });
		add(`scroll at 390x844: p95 frame time`, scroll.p95FrameMs, ' ms');
		add(`scroll at 390x844: worst frame`, scroll.worstFrameMs, ' ms');
		add(`step → chart latency, p95 (${scroll.stepChanges} changes)`, scroll.p95StepLatencyMs, ' ms', { max: 16 });
		add(`step → chart latency, max`, scroll.maxStepLatencyMs, ' ms');
		add(`step changes the chart never followed`, scroll.unanswered, '', { max: 0 });
		const moving = await measureTransitions(browser, `${server.url}/`);
		const label = `${moving.transitions} transitions at 390x844, CPU 4x`;
		add(`${label}: long animation frames (> 50 ms)`, moving.longFrames, '', { max: 0 });
		add(`${label}: worst long frame`, moving.worstFrameMs, ' ms');
		const instant = await measureTransitions(browser, `${server.url}/`, false);
		add(`the same, motion off: long animation frames`, instant.longFrames, '');
	} finally {
		await browser.close();
	}
} finally {
	await server.close();
}

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(10)}  ${'budget'.padEnd(10)}  result`);
for (const r of rows) {
	console.log(
		`${r.figure.padEnd(width)}  ${r.value.padStart(10)}  ${r.budget.padEnd(10)}  ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`,
	);
}
const missed = rows.filter((r) => r.ok === false);
console.log(missed.length ? `\n${missed.length} budget(s) missed.` : '\nEvery budget met.');
process.exitCode = missed.length ? 1 : 0;
