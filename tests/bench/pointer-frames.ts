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
	/** The longest of those long animation frames (0 when none was long). */
	readonly worstFrameMs: number;
	/** What ran longest in the worst long animation frame (its script's invoker), for finding the cause. */
	readonly worstScript: string;
	/**
	 * The most main-thread CPU time one frame took on the story page (a trace; the measuring script's
	 * own tasks, scrolling to each state and the switch to it left out), of the frames while the pointer
	 * moves. Other programs lengthen it less than the wall-clock frames above, but they do: Chromium's
	 * 4x throttle spins the thread for 3x the wall time it last ran, descheduled time included.
	 */
	readonly worstFrameCpuMs: number;
}

interface Recording {
	/** Long animation frames: start (page time), duration, the longest script. */
	loafs: [number, number, string][];
	/** Each crossing's first and last pointer move (page time). */
	moves: number[][];
}

/*
 * In the page, at no cost to its frames: every long animation frame, and the time span of each
 * crossing's pointer moves (a number stored per move). What happened when is sorted out at the end.
 */
function record(): void {
	const w = window as unknown as Recording;
	w.loafs = [];
	w.moves = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as (PerformanceEntry & { scripts: { invoker: string; duration: number }[] })[]) {
			const top = e.scripts.toSorted((a, b) => b.duration - a.duration)[0];
			w.loafs.push([e.startTime, e.duration, top ? `${top.invoker} (${Math.round(top.duration)} ms)` : '']);
		}
	}).observe({ type: 'long-animation-frame' });
	addEventListener(
		'pointermove',
		(event) => {
			const span = w.moves.at(-1);
			if (span) span[span[0] ? 1 : 0] = event.timeStamp;
		},
		{ capture: true, passive: true },
	);
}

/*
 * Readies a crossing from inside the page (no test traffic while the pointer moves): scrolls to
 * `step` and waits until the `index`th stage shows it (or takes the chart marked for the bench),
 * opens a new span of moves, and returns the box of the chart's visible drawing. Its tasks are
 * marked for the trace as the measuring script's.
 */
const ready = (page: Page, step?: { id: string; index: number; shows: string }) =>
	page.evaluate(async (step) => {
		const mark = () => console.timeStamp('not animated: scroll');
		mark();
		let box = document.querySelector('[data-bench-pointer]');
		if (step) {
			document.getElementById(step.id)!.scrollIntoView({ block: 'start' });
			const stage = document.querySelectorAll<HTMLElement>('story-scrolly .scrolly-figure')[step.index]!;
			while (`${stage.dataset.chart}/${stage.dataset.state}` !== step.shows || stage.children.length !== 1) {
				await new Promise(requestAnimationFrame);
				mark();
			}
			box = stage.querySelector('figure:not(.is-leaving) .figure-chart');
			// The stage at rest: what a step change leaves for later (the URL naming the step, 1.2 s on:
			// Chromium fetches the page's icon again) is the scroll's cost, and landed in the crossing.
			while (location.hash !== `#${step.id}`) {
				await new Promise(requestAnimationFrame);
				mark();
			}
		}
		await new Promise((resolve) => requestIdleCallback(resolve));
		await new Promise((resolve) => setTimeout(resolve, 100));
		mark();
		console.timeStamp(`not animated: clock ${performance.now()}`);
		(window as unknown as Recording).moves.push([0, 0]);
		const svg = [...box!.querySelectorAll('.figure-svg')].find((el) => (el as HTMLElement).offsetWidth > 0);
		const r = (svg ?? box!).getBoundingClientRect();
		return { x: r.x, y: r.y, width: r.width, height: r.height };
	}, step);

/** Crosses `box` in three horizontal passes, `steps` moves each (page.mouse only: nothing else runs in the page). */
async function cross(page: Page, box: { x: number; y: number; width: number; height: number }, steps: number) {
	for (const at of [0.25, 0.5, 0.75]) {
		const y = box.y + box.height * at;
		await page.mouse.move(box.x + 2, y);
		await page.mouse.move(box.x + box.width - 2, y, { steps });
	}
	// The last move's frame is drawn (and reported) before the next step scrolls.
	await page.waitForTimeout(100);
	return 3 * (steps + 1);
}

// The long animation frames that overlap a crossing, read once at the end.
const during = async (page: Page) => {
	const { loafs, moves } = await page.evaluate(() => {
		console.timeStamp('not animated: scroll');
		const { loafs, moves } = window as unknown as Recording;
		return { loafs, moves };
	});
	return loafs.filter(([start, duration]) => moves.some(([a, b]) => a && start <= b! && start + duration >= a));
};

/**
 * Moves the pointer across every chart of the story's sticky stages (each distinct state, shown at
 * once: motion off) and across a figure in a chapter's text, at 1280x800 with the CPU throttled 4x,
 * and counts the long animation frames (> 50 ms) while it moves. Budget: 0 (issue 13). The page
 * itself readies each crossing and the long frames are read at the end, so the measuring script's
 * own calls (Playwright's selector engine and evaluations cost up to 100 ms a call at 4x) are no
 * part of the frames measured.
 */
export async function measurePointer(browser: Browser, storyUrl: string, textUrl: string): Promise<PointerFigures> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.addInitScript(() => localStorage.setItem('story-motion', 'off'));
	await context.addInitScript(record);
	const page = await context.newPage();
	await page.goto(storyUrl, { waitUntil: 'networkidle' });
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
	// Marks the task that switches a stage (a microtask after it), for the trace.
	await page.evaluate(() => {
		for (const stage of document.querySelectorAll('.scrolly-figure'))
			new MutationObserver(() => console.timeStamp('not animated: switch')).observe(stage, {
				attributeFilter: ['data-state'],
			});
	});
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
	let charts = 0;
	let moves = 0;
	for (const [index, steps] of stages.entries()) {
		for (const step of steps) {
			moves += await cross(page, await ready(page, { ...step, index }), 30);
			charts++;
		}
	}
	const story = await during(page);
	const spans = await page.evaluate(() => (window as unknown as Recording).moves);
	const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
	// The frames while the pointer moves, in trace time (µs; a mark holds the page's clock).
	const clock = traceEvents.find((e) => e.args?.data?.message?.startsWith('not animated: clock'))!;
	const offset = clock.ts - Number(clock.args!.data!.message!.split(' ').at(-1)) * 1000;
	const cpu = cpuPerFrame(traceEvents).filter(
		(f) =>
			!f.marks.includes('not animated: switch') &&
			spans.some(([a, b]) => a && f.from <= b! * 1000 + offset && f.to >= a * 1000 + offset),
	);
	// A figure in a chapter's text (the first one there), the same way.
	await page.goto(textUrl, { waitUntil: 'networkidle' });
	await page.evaluate(() => {
		const chart = [...document.querySelectorAll('.figure-chart[tabindex]')].find((el) => !el.closest('story-scrolly'));
		chart?.setAttribute('data-bench-pointer', '');
		chart?.scrollIntoView({ block: 'center' });
	});
	moves += await cross(page, await ready(page), 30);
	charts++;
	const loafs = [...story, ...(await during(page))];
	await context.close();
	const worst = loafs.toSorted((a, b) => b[1] - a[1])[0];
	return {
		charts,
		moves,
		longAnimationFrames: loafs.filter((l) => l[1] > 50).length,
		worstFrameMs: Math.round(worst?.[1] ?? 0),
		worstScript: worst?.[2] ?? '',
		worstFrameCpuMs: Math.round(Math.max(0, ...cpu.map((f) => f.own)) * 10) / 10,
	};
}
