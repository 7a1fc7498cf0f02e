import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { duration, ease, maxStep } from '../../src/client/transition-tween.ts';
import { scrollyReady, sharedPages, stepAtRest, useBuiltSite } from '../helpers/built-site-browser.ts';
import { StoryPage } from './story-page.ts';

// Animated changes of chart state in the sticky stage (src/client/transition.ts).

const site = useBuiltSite();

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const desktop = { viewport: { width: 1280, height: 800 } };

async function open(options: BrowserContextOptions = desktop) {
	const context = await site.browser.newContext(options);
	// What the stage should hold for a step: a copy of its pre-rendered figure (ids suffixed
	// "-stage"), without the data table, which the stage never shows.
	await context.addInitScript(() => {
		(window as unknown as { isStageOf: (stage: Element, figure: Element) => boolean }).isStageOf = (stage, figure) =>
			stage.children.length === 1 &&
			stage.innerHTML.replaceAll('-stage', '') ===
				figure.outerHTML.replace(figure.querySelector('.figure-data')?.outerHTML ?? '', '');
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${site.url}/`);
	// The scroll engine loads after the first paint (src/layouts/StoryLayout.astro), so after `load`, and
	// sets its sections up one a task.
	await scrollyReady(page);
	const story = new StoryPage(page);
	const steps = await story.steps();
	return { page, story, steps, errors, close: () => context.close() };
}

/**
 * The story page for these options that the tests which change nothing but the step share (see
 * sharedPages); each goes to its first step and waits for it there. The tests that edit a step's
 * figure, switch the theme or store the motion choice open their own.
 */
const shared = sharedPages(open);

/** Scrolls a step to where a reader's scroll would make it active (its scroll-margin). */
const goTo = (page: Page, id: string) =>
	page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), id);

/**
 * Waits until this step is active, the stage shows its state and no transition is running. The
 * step before may show the same state: its state alone says nothing about the switch.
 */
async function settle(page: Page, story: StoryPage, step: { id: string; shows: string }): Promise<void> {
	await page.waitForFunction((id) => document.getElementById(id)!.classList.contains('is-active'), step.id);
	await story.waitForShown(step.shows);
	await page.waitForFunction(() => !document.querySelector('.scrolly-figure')!.hasAttribute('data-transition'));
}

type StageCheck = { isStageOf: (stage: Element, figure: Element) => boolean };

/** True when the stage holds exactly the step's pre-rendered figure (see `open`). */
const stageIsStep = (page: Page, id: string) =>
	page.evaluate(
		(id) =>
			(window as unknown as StageCheck).isStageOf(
				document.querySelector('.scrolly-figure')!,
				document.querySelector(`#${id} .step-figure figure`)!,
			),
		id,
	);

/**
 * Records, every frame until the transition in the stage ends, an attribute (or a computed style
 * property, as `style:fill`) of the element at a key path in the visible chart, and the frame's
 * time (the timestamp the transition's own frame callback gets too).
 */
function record(page: Page, path: string, what: string): Promise<void> {
	return page.evaluate(
		({ path, what }) => {
			const samples: string[] = [];
			const times: number[] = [];
			Object.assign(window, { samples, times });
			const stage = document.querySelector('.scrolly-figure')!;
			let seen = false;
			const tick = (now: number) => {
				const svg = [...stage.querySelectorAll(':scope > figure svg.plot')].find(
					(s) => s.getBoundingClientRect().width,
				);
				const el = svg?.querySelector(
					`:scope > ${path
						.split('/')
						.map((key) => `[data-key="${key}"]`)
						.join(' > ')}`,
				);
				if (el) {
					samples.push(
						what.startsWith('style:')
							? getComputedStyle(el).getPropertyValue(what.slice(6))
							: (el.getAttribute(what) ?? ''),
					);
					times.push(now);
				}
				seen ||= stage.hasAttribute('data-transition');
				if (!seen || stage.hasAttribute('data-transition')) requestAnimationFrame(tick);
				else samples.push('end');
			};
			requestAnimationFrame(tick);
		},
		{ path, what },
	);
}

const samples = async (page: Page): Promise<string[]> => {
	await page.waitForFunction(() => (window as unknown as { samples: string[] }).samples.at(-1) === 'end');
	return (await page.evaluate(() => (window as unknown as { samples: string[] }).samples)).slice(0, -1);
};

/** The frame times of the samples `record` took (call after `samples`). */
const sampleTimes = (page: Page): Promise<number[]> =>
	page.evaluate(() => (window as unknown as { times: number[] }).times);

/**
 * Fails where a value recorded every frame moves between two frames more than an animation over
 * `range` can: one frame advances it by the time since the one before, at most `maxStep` ms of the
 * `duration`, and the ease is steepest in its middle. So a late frame may move it far (a third of the
 * range after a 50 ms stall) without a jump, while a jump, which starts a retargeted animation
 * from somewhere else than what is on screen, moves it about half the range or more in one frame.
 */
function expectNoJump(values: number[], times: number[], range: number): void {
	expect(times).toHaveLength(values.length);
	for (let i = 1; i < values.length; i++) {
		// The change between two samples was made in one of their two frames (callbacks run in the
		// order they were asked for): allow for the longer of the two frames' gaps.
		const gap = i > 1 ? Math.max(times[i]! - times[i - 1]!, times[i - 1]! - times[i - 2]!) : maxStep;
		const h = Math.min(gap, maxStep) / duration;
		// Colours are whole numbers: one unit of rounding either side.
		const allowed = range * (ease(0.5 + h / 2) - ease(0.5 - h / 2)) + 2;
		const moved = Math.abs(values[i]! - values[i - 1]!);
		expect(moved, `frame ${i} of ${values.join(' ')} moved ${moved} in ${gap.toFixed(1)} ms`).toBeLessThanOrEqual(
			allowed,
		);
	}
}

const rgb = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number).slice(0, 3);

/** The red channel of the fill an element at a key path has in a step's own pre-rendered figure. */
const redOf = async (page: Page, id: string, path: string): Promise<number> =>
	rgb(
		await page.evaluate(
			({ id, selector }) => getComputedStyle(document.querySelector(`#${id} .step-figure ${selector}`)!).fill,
			{
				id,
				selector: path
					.split('/')
					.map((key) => `[data-key="${key}"]`)
					.join(' > '),
			},
		),
	)[0]!;

const byId = (steps: { id: string; shows: string }[], id: string) => {
	const step = steps.find((s) => s.id === id);
	if (!step) throw new Error(`The story has no step "${id}"`);
	return step;
};

describe.each([
	['phone', phone],
	['desktop', desktop],
] as const)('chart transitions on a %s', (_name, device) => {
	it('moves a mark’s geometry through values between the two states, and ends exactly on the new state', async () => {
		const { page, story, steps, errors, close } = await open(device);
		const [from, to] = [byId(steps, 'the-market'), byId(steps, 'the-big-three')];
		await goTo(page, from.id);
		await settle(page, story, from);
		// Make the next state draw Alibaba's bar (key path bar/Alibaba) 120 px longer, so it must grow.
		await page.evaluate((id) => {
			for (const bar of document.querySelectorAll(`#${id} .step-figure [data-key="bar"] > [data-key="Alibaba"]`))
				bar.setAttribute('width', (Number(bar.getAttribute('width')) + 120).toFixed(2));
		}, to.id);
		const before = await page.evaluate(() => {
			const svg = [...document.querySelectorAll('.scrolly-figure svg.plot')].find(
				(s) => s.getBoundingClientRect().width,
			);
			return Number(svg!.querySelector('[data-key="bar"] > [data-key="Alibaba"]')!.getAttribute('width'));
		});
		const after = Number((before + 120).toFixed(2));
		await record(page, 'bar/Alibaba', 'width');
		await goTo(page, to.id);
		const widths = (await samples(page)).map(Number);
		expect(widths[0]).toBeLessThan(before + 20);
		expect(
			widths.some((w) => w > before + 5 && w < after - 5),
			widths.join(' '),
		).toBe(true);
		expect(widths).toEqual(widths.toSorted((a, b) => a - b));
		expect(widths.at(-1)).toBe(after);
		await settle(page, story, to);
		expect(await stageIsStep(page, to.id)).toBe(true);
		expect(errors).toEqual([]);
		await close();
	});

	it('recolours a highlighted bar through colours between the two', async () => {
		const { page, story, steps } = await shared(device);
		const [from, to] = [byId(steps, 'the-market'), byId(steps, 'the-big-three')];
		await goTo(page, from.id);
		await settle(page, story, from);
		await record(page, 'bar/Amazon', 'style:fill');
		await goTo(page, to.id);
		const fills = (await samples(page)).map(rgb);
		const [first, last] = [fills[0]!, fills.at(-1)!];
		expect(first).not.toEqual(last);
		const between = fills.filter((c) => c.every((v, i) => v !== first[i] && v !== last[i]));
		expect(between.length).toBeGreaterThan(0);
		await settle(page, story, to);
		expect(await stageIsStep(page, to.id)).toBe(true);
	});

	it('after the reader switches theme, recolours from the colours on screen, without a jump', async () => {
		const { page, story, steps, close } = await open(device);
		const [from, to] = [byId(steps, 'the-market'), byId(steps, 'the-big-three')];
		// One change in each direction in the first theme, then the same change in the other.
		for (const step of [from, to, from]) {
			await goTo(page, step.id);
			await settle(page, story, step);
		}
		await page.locator('.theme-toggle').click();
		await record(page, 'bar/Amazon', 'style:fill');
		await goTo(page, to.id);
		const fills = (await samples(page)).map(rgb);
		const times = await sampleTimes(page);
		const ranges = [0, 1, 2].map((i) => Math.abs(fills.at(-1)![i]! - fills[0]![i]!));
		expect(Math.max(...ranges)).toBeGreaterThan(0);
		for (const i of [0, 1, 2])
			expectNoJump(
				fills.map((c) => c[i]!),
				times,
				ranges[i]!,
			);
		await settle(page, story, to);
		expect(await stageIsStep(page, to.id)).toBe(true);
		await close();
	});

	it('ends every change of step, to the same chart or another, exactly on the pre-rendered figure', async () => {
		const { page, story, steps, errors } = await shared(device);
		for (const step of [...steps, ...steps.toReversed()]) {
			await goTo(page, step.id);
			await settle(page, story, step);
			expect(await stageIsStep(page, step.id), step.id).toBe(true);
		}
		expect(errors).toEqual([]);
	});

	it('after rapid changes of step, retargets without a jump and ends on the last one', async () => {
		const { page, story, steps } = await shared(device);
		const [a, b, c] = ['the-market', 'the-big-three', 'where-alibaba-stands'].map((id) => byId(steps, id));
		await goTo(page, a!.id);
		await settle(page, story, a!);
		await record(page, 'bar/Amazon', 'style:fill');
		// Amazon's bar turns blue at b and grey again at c: c arrives while it is on its way.
		const [grey, blue] = await Promise.all([a!, b!].map((step) => redOf(page, step.id, 'bar/Amazon')));
		expect(grey! - blue!).toBeGreaterThan(50);
		await goTo(page, b!.id);
		// Once its red channel is past halfway from grey to blue:
		await page.waitForFunction(
			(halfway) => {
				const last = (window as unknown as { samples: string[] }).samples.at(-1) ?? '';
				return Number(/\d+/.exec(last)?.[0]) < halfway;
			},
			(grey! + blue!) / 2,
		);
		await goTo(page, c!.id);
		const reds = (await samples(page)).map((fill) => rgb(fill)[0]!);
		expect(Math.max(...reds) - Math.min(...reds)).toBeGreaterThan(10);
		// No animation here spans more than grey to blue, the first one's.
		expectNoJump(reds, await sampleTimes(page), grey! - blue!);
		await settle(page, story, c!);
		expect(await stageIsStep(page, c!.id)).toBe(true);

		for (const step of steps.slice(0, 6)) {
			await goTo(page, step.id);
			await page.evaluate(() => new Promise(requestAnimationFrame));
		}
		const last = steps.at(-1)!;
		await goTo(page, last.id);
		await settle(page, story, last);
		expect(await stageIsStep(page, last.id)).toBe(true);
	});

	it('keeps the drawings of a step that shows the state already shown, and ends on its own figure', async () => {
		const { page } = await shared(device);
		// Two steps in a row with one state (cloud-revenue/restated, a later section): nothing to lay out again.
		const [a, b] = ['a-new-segment', 'restated-base'];
		await goTo(page, a);
		await stepAtRest(page, a);
		const drawings = () =>
			page.evaluateHandle(
				(id) => [
					...document.getElementById(id)!.closest('story-scrolly')!.querySelectorAll('.scrolly-figure svg.plot'),
				],
				a,
			);
		const before = await drawings();
		await goTo(page, b);
		await stepAtRest(page, b);
		const kept = await page.evaluate(
			([old, id]) => {
				const stage = document.getElementById(id)!.closest('story-scrolly')!.querySelector('.scrolly-figure')!;
				const now = [...stage.querySelectorAll('svg.plot')];
				const check = window as unknown as StageCheck;
				return {
					same: old.length > 0 && old.length === now.length && old.every((svg, i) => svg === now[i]),
					exact: check.isStageOf(stage, document.querySelector(`#${id} .step-figure figure`)!),
				};
			},
			[before, b] as const,
		);
		expect(kept.same).toBe(true);
		expect(kept.exact).toBe(true);
	});

	it('animates a jump across many steps once, straight to the final state', async () => {
		const { page, story, steps } = await shared(device);
		await goTo(page, steps[0]!.id);
		await settle(page, story, steps[0]!);
		const observer = await page.evaluateHandle(() => {
			const shown: string[] = [];
			(window as unknown as { shown: string[] }).shown = shown;
			const stage = document.querySelector('.scrolly-figure')!;
			const observer = new MutationObserver((records) => {
				for (const r of records)
					for (const node of r.addedNodes) shown.push((node as Element).getAttribute('data-state')!);
			});
			observer.observe(stage, { childList: true });
			return observer;
		});
		const last = steps.at(-1)!;
		await goTo(page, last.id);
		await settle(page, story, last);
		expect(await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toEqual([
			last.shows.split('/')[1],
		]);
		expect(await stageIsStep(page, last.id)).toBe(true);
		await observer.evaluate((o) => o.disconnect());
	});
});

describe('every section of the story', () => {
	it('ends every change of step exactly on the pre-rendered figure, maps and timelines included', async () => {
		const { page } = await shared(desktop);
		// The page steps through every section itself; it returns the steps whose stage differs.
		const wrong = await page.evaluate(async () => {
			const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
			const differ: string[] = [];
			for (const section of document.querySelectorAll('story-scrolly')) {
				const stage = section.querySelector<HTMLElement>('.scrolly-figure')!;
				for (const step of section.querySelectorAll<HTMLElement>('.step')) {
					step.scrollIntoView({ block: 'start' });
					// The step active first: the step before may show the same state (its figure has other ids).
					do await pause(20);
					while (
						!step.classList.contains('is-active') ||
						stage.dataset.state !== step.dataset.state ||
						stage.hasAttribute('data-transition')
					);
					const figure = step.querySelector('.step-figure figure')!;
					if (!(window as unknown as StageCheck).isStageOf(stage, figure)) differ.push(step.id);
				}
			}
			return differ;
		});
		expect(wrong).toEqual([]);
	});
});

describe('less motion', () => {
	it('switches to the exact new state in one frame under prefers-reduced-motion', async () => {
		const { page, story, steps, close } = await open({ ...phone, reducedMotion: 'reduce' });
		await settle(page, story, steps[0]!);
		for (const step of steps.slice(1, 5)) {
			// When the stage switches, it already shows the exact new figure, and still does a frame later.
			const exact = await page.evaluate(
				(id) =>
					new Promise<boolean[]>((resolve) => {
						const stage = document.querySelector<HTMLElement>('.scrolly-figure')!;
						const figure = document.querySelector(`#${id} .step-figure figure`)!;
						const isExact = () =>
							!stage.hasAttribute('data-transition') && (window as unknown as StageCheck).isStageOf(stage, figure);
						const observer = new MutationObserver(() => {
							if (stage.dataset.state !== figure.getAttribute('data-state')) return;
							observer.disconnect();
							const now = isExact();
							requestAnimationFrame(() => resolve([now, isExact()]));
						});
						observer.observe(stage, { attributes: true });
						document.getElementById(id)!.scrollIntoView({ block: 'start' });
					}),
				step.id,
			);
			expect(exact, step.id).toEqual([true, true]);
		}
		const toggles = page.getByRole('button', { name: 'Animate chart changes' });
		expect(await toggles.evaluateAll((all) => all.map((b) => b.getAttribute('aria-pressed')))).not.toContain('true');
		await close();
	});

	it('offers a motion toggle a screen reader can name, which turns animation off and stays off', async () => {
		const { page, story, steps, close } = await open(desktop);
		// Every section has one; they show (and set) the same choice.
		const toggles = page.getByRole('button', { name: 'Animate chart changes' });
		const pressed = () => toggles.evaluateAll((all) => [...new Set(all.map((b) => b.getAttribute('aria-pressed')))]);
		const toggle = toggles.first();
		expect(await toggle.isVisible()).toBe(true);
		expect(await pressed()).toEqual(['true']);
		await toggle.click();
		expect(await pressed()).toEqual(['false']);
		await page.reload();
		await settle(page, story, steps[0]!);
		expect(await pressed()).toEqual(['false']);
		await page.evaluate(() => {
			const stage = document.querySelector('.scrolly-figure')!;
			new MutationObserver(() => {
				if (stage.hasAttribute('data-transition')) (window as unknown as { animated: boolean }).animated = true;
			}).observe(stage, { attributes: true });
		});
		await goTo(page, steps[1]!.id);
		await settle(page, story, steps[1]!);
		expect(await page.evaluate(() => (window as unknown as { animated?: boolean }).animated)).toBeUndefined();
		expect(await stageIsStep(page, steps[1]!.id)).toBe(true);
		await toggle.click();
		expect(await pressed()).toEqual(['true']);
		await close();
	});
});

// Main-thread CPU per animated frame with the CPU throttled 4x (budget 50 ms) is a performance budget:
// `npm run bench` measures it (tests/bench/transition-cost.ts, every section of the story and back).
