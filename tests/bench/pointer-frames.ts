import type { Browser, Page } from 'playwright-core';
import { cpuPerFrame, type TraceEvent } from '../helpers/frame-cpu.ts';

/** Frames while a reader's pointer moves across charts (details on demand, src/client/details.ts). */
export interface PointerFigures {
	/** Charts the pointer crossed: every distinct state of every sticky stage, and the figure in the text. */
	readonly charts: number;
	/** Pointer moves dispatched. */
	readonly moves: number;
	/** Long animation frames (> 50 ms) during the moves. */
	readonly longAnimationFrames: number;
	/** The longest animation frame during the moves (a long animation frame's duration, or a frame's interval). */
	readonly worstFrameMs: number;
	/** What ran longest in the worst long animation frame (its script's invoker), for finding the cause. */
	readonly worstScript: string;
	/**
	 * The most main-thread CPU time one frame took on the story page (a trace; scrolling to each state
	 * and the switch to it left out): other programs on the machine do not lengthen it as they do the
	 * wall-clock frames above.
	 */
	readonly worstFrameCpuMs: number;
}

/** Crosses the chart box under `selector`'s visible drawing in three horizontal passes, `steps` moves each. */
async function cross(page: Page, selector: string, steps: number): Promise<number> {
	const box = await page.$eval(selector, (chart) => {
		const svg = [...chart.querySelectorAll('.figure-svg')].find((el) => (el as HTMLElement).offsetWidth > 0);
		const r = (svg ?? chart).getBoundingClientRect();
		return { x: r.x, y: r.y, width: r.width, height: r.height };
	});
	await page.evaluate(() => ((window as unknown as { moving: boolean }).moving = true));
	for (const at of [0.25, 0.5, 0.75]) {
		const y = box.y + box.height * at;
		await page.mouse.move(box.x + 2, y);
		await page.mouse.move(box.x + box.width - 2, y, { steps });
	}
	await page.evaluate(() => ((window as unknown as { moving: boolean }).moving = false));
	return 3 * (steps + 1);
}

interface Recording {
	frames: number[];
	loafs: { duration: number; script: string }[];
}
const recorded = (): Recording => {
	const { frames, loafs } = window as unknown as Recording;
	return { frames, loafs };
};

// In the page: long animation frames and frame intervals, kept only while `window.moving` is set.
function record(): void {
	const w = window as unknown as Recording & { moving: boolean };
	w.moving = false;
	w.frames = [];
	w.loafs = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as (PerformanceEntry & { scripts: { invoker: string; duration: number }[] })[]) {
			if (!w.moving) continue;
			const top = e.scripts.toSorted((a, b) => b.duration - a.duration)[0];
			w.loafs.push({ duration: e.duration, script: top ? `${top.invoker} (${Math.round(top.duration)} ms)` : '' });
		}
	}).observe({ type: 'long-animation-frame' });
	let last = 0;
	const tick = (now: number): void => {
		if (w.moving && last) w.frames.push(now - last);
		last = w.moving ? now : 0;
		requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
}

/**
 * Moves the pointer across every chart of the story's sticky stages (each distinct state, shown at
 * once: motion off) and across a figure in a chapter's text, at 1280x800 with the CPU throttled 4x,
 * and counts the long animation frames (> 50 ms) while it moves. Budget: 0 (issue 13).
 */
export async function measurePointer(browser: Browser, storyUrl: string, textUrl: string): Promise<PointerFigures> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.addInitScript(() => localStorage.setItem('story-motion', 'off'));
	await context.addInitScript(record);
	const page = await context.newPage();
	await page.goto(storyUrl, { waitUntil: 'networkidle' });
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
	// Marks the task that switches a stage (a microtask after it), for the trace.
	await page.evaluate(() => {
		for (const stage of document.querySelectorAll('.scrolly-figure'))
			new MutationObserver(() => console.timeStamp('not animated: switch')).observe(stage, {
				attributeFilter: ['data-state'],
			});
	});
	let charts = 0;
	let moves = 0;
	const stages = await page.$$eval('story-scrolly', (sections) =>
		sections.map((section) => {
			const seen = new Set<string>();
			return [...section.querySelectorAll<HTMLElement>('.step[data-step]')].flatMap((step) => {
				const shows = `${step.dataset.chart}/${step.dataset.state}`;
				if (seen.has(shows)) return [];
				seen.add(shows);
				return [{ id: step.id, shows }];
			});
		}),
	);
	for (const [index, steps] of stages.entries()) {
		const chart = `story-scrolly >> nth=${index} >> .scrolly-figure figure:not(.is-leaving) .figure-chart`;
		for (const step of steps) {
			await page.evaluate((id) => {
				console.timeStamp('not animated: scroll');
				document.getElementById(id)!.scrollIntoView({ block: 'start' });
			}, step.id);
			await page.waitForFunction(
				({ index, shows }) => {
					const stage = document.querySelectorAll<HTMLElement>('story-scrolly .scrolly-figure')[index];
					return `${stage?.dataset.chart}/${stage?.dataset.state}` === shows && stage?.children.length === 1;
				},
				{ index, shows: step.shows },
			);
			await page.waitForTimeout(100);
			moves += await cross(page, chart, 30);
			charts++;
		}
	}
	const story = await page.evaluate(recorded);
	const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
	const cpu = cpuPerFrame(traceEvents).filter((f) => !f.marked);
	// A figure in a chapter's text (the first one there), the same way.
	await page.goto(textUrl, { waitUntil: 'networkidle' });
	const inText = '[data-bench-pointer]';
	await page.evaluate(() => {
		const chart = [...document.querySelectorAll('.figure-chart[tabindex]')].find((el) => !el.closest('story-scrolly'));
		chart?.setAttribute('data-bench-pointer', '');
		chart?.scrollIntoView({ block: 'center' });
	});
	await page.waitForTimeout(100);
	moves += await cross(page, inText, 30);
	charts++;
	const text = await page.evaluate(recorded);
	await context.close();
	const loafs = [...story.loafs, ...text.loafs];
	const worst = loafs.toSorted((a, b) => b.duration - a.duration)[0];
	return {
		charts,
		moves,
		longAnimationFrames: loafs.filter((l) => l.duration > 50).length,
		worstFrameMs: Math.round(Math.max(0, ...loafs.map((l) => l.duration), ...story.frames, ...text.frames)),
		worstScript: worst?.script ?? '',
		worstFrameCpuMs: Math.round(Math.max(0, ...cpu.map((f) => f.cpu)) * 10) / 10,
	};
}
