import type { Browser } from 'playwright-core';
import { cpuPerFrame, type TraceEvent } from '../helpers/frame-cpu.ts';
import { clientCodeBytes } from './page-bytes.ts';

/**
 * Returns the brotli size of the chart transition code (src/client/transition*.ts), bundled and
 * minified as the site build does it (esbuild comes with Astro). Budget: 4 KB.
 */
export const transitionCodeBytes = (): Promise<number> => clientCodeBytes(['transition.ts', 'transition-motion.ts']);

/** Frames while the sticky chart changes state, on a slow phone. */
export interface TransitionFigures {
	readonly transitions: number;
	/** Long animation frames (> 50 ms) that overlap a transition. */
	readonly longFrames: number;
	readonly worstFrameMs: number;
	/**
	 * Main-thread CPU time of the frame that switches the stage to the new state (cloning the figure,
	 * planning the morph, style and layout), from a trace: other programs on the machine do not
	 * lengthen it as they do wall-clock frames. Median and worst over the transitions.
	 */
	readonly switchCpuMs: { readonly median: number; readonly max: number };
	/**
	 * The switch frame's own work: its CPU time without the measuring script's scroll (the task that
	 * scrolls the next step into view, which may fall in the same frame). Every transition's, in order.
	 */
	readonly switchOwnMs: readonly number[];
	/**
	 * CPU time of the frame after the switch, which puts the new drawing in (animated changes only:
	 * the switch frame keeps drawing the old figure). Median and worst over the transitions.
	 */
	readonly drawCpuMs: { readonly median: number; readonly max: number };
	/** The worst main-thread CPU time of an animated frame after those two. */
	readonly worstAnimatedCpuMs: number;
}

/**
 * Steps through the whole story and back on a 390x844 phone viewport with the CPU throttled 4x
 * (Chromium's CDP), the page itself driving (so no test traffic lands in the frames measured), and
 * counts the long animation frames during the transitions. With `animate: false` (the reader's
 * motion toggle off) the same steps switch at once: the cost of showing a state at all.
 */
export async function measureTransitions(browser: Browser, url: string, animate = true): Promise<TransitionFigures> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	await context.addInitScript((motion) => localStorage.setItem('story-motion', motion), animate ? 'on' : 'off');
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
	const figures = await page.evaluate(async () => {
		const frames: PerformanceEntry[] = [];
		new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame' });
		const windows: [number, number][] = [];
		const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
		for (const scrolly of document.querySelectorAll<HTMLElement>('story-scrolly')) {
			const stage = scrolly.querySelector<HTMLElement>('.scrolly-figure')!;
			// Marks the task that switches the stage (a microtask after it) for the trace. A step showing the
			// state the stage shows sets the same data-state again: no transition, so not a switch frame (it
			// was counted as one, and lowered the median) nor an animated frame.
			let shown = `${stage.dataset.chart}/${stage.dataset.state}`;
			new MutationObserver(() => {
				const same = shown === (shown = `${stage.dataset.chart}/${stage.dataset.state}`);
				console.timeStamp(same ? 'not animated: same state' : 'not animated: switch');
			}).observe(stage, { attributeFilter: ['data-state'] });
			// And the task that puts the new drawing in (the frame after, when animated).
			new MutationObserver((records) => {
				if (
					records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.matches('figure, .figure-svg')))
				)
					console.timeStamp('not animated: drawing');
			}).observe(stage, { childList: true, subtree: true });
			const steps = [...scrolly.querySelectorAll<HTMLElement>('.step')];
			for (const step of [...steps.slice(1), ...steps.slice(0, -1).toReversed()]) {
				// A step that shows what the stage already shows starts no transition: not counted.
				const changes = stage.dataset.chart !== step.dataset.chart || stage.dataset.state !== step.dataset.state;
				const start = performance.now();
				console.timeStamp('not animated: scroll');
				step.scrollIntoView({ block: 'start' });
				do await pause(50);
				while (stage.dataset.state !== step.dataset.state || stage.hasAttribute('data-transition'));
				if (changes) windows.push([start, performance.now()]);
				await pause(100);
			}
		}
		const during = frames.filter((f) => windows.some(([a, b]) => f.startTime < b && f.startTime + f.duration > a));
		return {
			transitions: windows.length,
			longFrames: during.filter((f) => f.duration > 50).length,
			worstFrameMs: Math.round(Math.max(0, ...during.map((f) => f.duration))),
		};
	});
	const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
	await context.close();
	const frames = cpuPerFrame(traceEvents);
	const switchFrames = frames.filter((f) => f.marks.includes('not animated: switch'));
	const switches = switchFrames.map((f) => f.cpu).toSorted((a, b) => a - b);
	const draws = frames
		.filter((f) => f.marks.includes('not animated: drawing') && !f.marks.includes('not animated: switch'))
		.map((f) => f.cpu)
		.toSorted((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return {
		...figures,
		switchOwnMs: switchFrames.map((f) => round(f.own)),
		switchCpuMs: { median: round(switches[Math.floor(switches.length / 2)] ?? 0), max: round(switches.at(-1) ?? 0) },
		drawCpuMs: { median: round(draws[Math.floor(draws.length / 2)] ?? 0), max: round(draws.at(-1) ?? 0) },
		worstAnimatedCpuMs: round(Math.max(0, ...frames.filter((f) => !f.marked).map((f) => f.cpu))),
	};
}
