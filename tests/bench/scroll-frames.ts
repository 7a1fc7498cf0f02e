import type { Browser } from 'playwright-core';

/** What a phone reader's scroll through the whole story costs, measured in the page. */
export interface ScrollFigures {
	readonly frames: number;
	readonly p95FrameMs: number;
	readonly longAnimationFrames: number;
	readonly worstFrameMs: number;
	/** Time from a step's box reaching the trigger line to the sticky chart showing its state. */
	readonly p95StepLatencyMs: number;
	readonly maxStepLatencyMs: number;
	readonly stepChanges: number;
	/** Step changes the chart never followed (should be 0). */
	readonly unanswered: number;
}

/**
 * Scrolls the story at a steady speed (a fixed distance per frame, like a reader's flick) on a
 * 390x844 phone viewport, recording frame times, long animation frames (> 50 ms) and, for every step
 * change, how long the chart took to follow.
 */
export async function measureScroll(browser: Browser, url: string, pxPerFrame = 12): Promise<ScrollFigures> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	const figures = await page.evaluate(async (step) => {
		const loaf: number[] = [];
		new PerformanceObserver((list) => list.getEntries().forEach((e) => loaf.push(e.duration))).observe({
			type: 'long-animation-frame',
		});
		const scrollies = [...document.querySelectorAll<HTMLElement>('story-scrolly')];
		const pending = new Map<HTMLElement, { state: string; since: number }>();
		const latencies: number[] = [];
		for (const scrolly of scrollies) {
			const stage = scrolly.querySelector<HTMLElement>('.scrolly-figure')!;
			new MutationObserver(() => {
				const wanted = pending.get(scrolly);
				if (wanted && stage.dataset.state === wanted.state) {
					latencies.push(performance.now() - wanted.since);
					pending.delete(scrolly);
				}
			}).observe(stage, { attributes: true, attributeFilter: ['data-state'] });
		}
		const expected = (scrolly: HTMLElement): HTMLElement | undefined => {
			const trigger = innerHeight * Number.parseFloat(getComputedStyle(scrolly).getPropertyValue('--trigger') || '0.5');
			const steps = [...scrolly.querySelectorAll<HTMLElement>('.step')];
			return steps.findLast((s) => s.getBoundingClientRect().top <= trigger) ?? steps[0];
		};
		const current = new Map(scrollies.map((s) => [s, expected(s)]));
		const frames: number[] = [];
		let changes = 0;
		await new Promise<void>((resolve) => {
			let last = performance.now();
			const tick = (now: number) => {
				frames.push(now - last);
				last = now;
				if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) return resolve();
				scrollBy(0, step);
				// Right after the scroll, in the same frame: which step should now be shown?
				for (const scrolly of scrollies) {
					const next = expected(scrolly);
					if (next && next !== current.get(scrolly)) {
						current.set(scrolly, next);
						if (scrolly.querySelector<HTMLElement>('.scrolly-figure')!.dataset.state !== next.dataset.state) {
							changes++;
							pending.set(scrolly, { state: next.dataset.state ?? '', since: performance.now() });
						}
					}
				}
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		await new Promise((resolve) => setTimeout(resolve, 500));
		const sorted = (values: number[]) => values.toSorted((a, b) => a - b);
		const p95 = (values: number[]) => sorted(values)[Math.floor(values.length * 0.95)] ?? 0;
		return {
			frames: frames.length,
			p95FrameMs: p95(frames.slice(1)),
			longAnimationFrames: loaf.filter((d) => d > 50).length,
			worstFrameMs: Math.max(0, ...loaf, ...frames.slice(1)),
			p95StepLatencyMs: p95(latencies),
			maxStepLatencyMs: Math.max(0, ...latencies),
			stepChanges: changes,
			unanswered: pending.size,
		};
	}, pxPerFrame);
	await context.close();
	return figures;
}
