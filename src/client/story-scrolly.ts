// Scrollama's ES module source, not its UMD build: no CommonJS wrapper in the bundle, and its debug
// overlay can be left out (astro.config.mjs, 'scrollama-no-debug').
import scrollama from 'scrollama/index.js';
import { activeStepIndex, parseTrigger, triggerLine } from './active-step.ts';
import { followStage } from './details.ts';
import { cloneForStage } from './stage-figure.ts';
import { StageTransition, type Prepared } from './transition.ts';
import { motionOn, wireMotionToggle } from './transition-motion.ts';

/** Ends the current task: the next waits behind input and rendering. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/**
 * How long a step must stay active before the URL names it, in ms: well past a transition's end on
 * a slow phone (450 ms, longer when frames stall). A URL change costs a slow phone some 10 ms of main
 * thread (Chromium updates the page's icon too); at 600 ms it often fell in the frame of the reader's
 * next step change.
 */
const hashDelay = 1200;

/**
 * `<story-scrolly>`: wires a server-rendered scrolly section. The stage shows the figure of the
 * active step; which step is active is recomputed from the layout on every scroll event (while the
 * section is on screen), scrollama event and resize, so no intermediate step is ever replayed. A change of step animates from what the stage
 * shows now straight to the new step's figure (transition.ts), or switches at once when the reader
 * or their system asks for less motion.
 */
class StoryScrolly extends HTMLElement {
	#steps: HTMLElement[] = [];
	#stage: HTMLElement | null = null;
	#transition: StageTransition | null = null;
	#progress: HTMLElement | null = null;
	#active = -1;
	#trigger = 0.5;
	#scroller: scrollama.ScrollamaInstance | null = null;
	#pending: { task: ReturnType<typeof setTimeout>; frame: number } | undefined;
	#hashTarget: string | null = null;
	#hashTimer: ReturnType<typeof setTimeout> | undefined;
	// Its first call reports the size the section was set up at: nothing to measure again.
	#sized = false;
	#resizeObserver = new ResizeObserver(() => (this.#sized ? this.#remeasure() : (this.#sized = true)));
	// The changes to the steps either side of the active one, planned while the reader reads.
	#prepared = new Map<number, Prepared>();
	// A step's own figure changed (a preview's edit, a test): a copy made before no longer matches.
	#figureWatch = new MutationObserver(() => this.#prepared.clear());
	// Every section on the page: a scroll event measures them all before any changes its stage.
	static #all = new Set<StoryScrolly>();

	// Sections are set up one a task, in page order: together, the nine of the story's page made one long
	// task of the engine's start, the page's Total Blocking Time (issue 17).
	static #queue: Promise<void> = Promise.resolve();

	connectedCallback(): void {
		StoryScrolly.#queue = StoryScrolly.#queue.then(nextTask).then(() => this.#connect());
	}

	#connect(): void {
		if (!this.isConnected || StoryScrolly.#all.has(this)) return;
		this.#steps = [...this.querySelectorAll<HTMLElement>('.step[data-step]')];
		this.#stage = this.querySelector('.scrolly-figure');
		this.#progress = this.querySelector('.scrolly-progress');
		if (this.#steps.length === 0 || !this.#stage) return;
		this.#transition = new StageTransition(this.#stage);
		// Reads (the scroller's and the sync's) before writes: one layout of the page, not one each.
		this.#transition.settled = () => this.#prepareNext();
		for (const figure of this.querySelectorAll('.step-figure'))
			this.#figureWatch.observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
		this.#setupScroller();
		const at = this.#measure();
		this.#resizeObserver.observe(this);
		if (!StoryScrolly.#all.size) addEventListener('scroll', StoryScrolly.#onScroll, { passive: true });
		StoryScrolly.#all.add(this);
		addEventListener('resize', this.#onResize);
		if (at) this.#show(...at);
		this.#wireControls();
	}

	disconnectedCallback(): void {
		this.#scroller?.destroy();
		this.#cancelSync();
		clearTimeout(this.#hashTimer);
		this.#resizeObserver.disconnect();
		this.#figureWatch.disconnect();
		StoryScrolly.#all.delete(this);
		if (!StoryScrolly.#all.size) removeEventListener('scroll', StoryScrolly.#onScroll);
		removeEventListener('resize', this.#onResize);
	}

	#onResize = (): void => this.#remeasure();

	/*
	 * The browser fires scroll events at the start of the frame that first draws the new scroll
	 * position, before animation frame callbacks, with the layout still clean from the last frame:
	 * syncing there shows the new step's chart in that very frame. Scrollama's observers only report
	 * after a frame is drawn, and their callback's sync waits for a task or the next frame; on a busy
	 * machine the chart then came two frames late. Every section reads the layout first, then those
	 * whose step changed write: one section's reads never lay out the page another has just changed.
	 */
	static #onScroll = (): void => {
		const measured = [...StoryScrolly.#all].map((section) => [section, section.#measure(true)] as const);
		for (const [section, at] of measured) {
			if (!at) continue;
			section.#cancelSync();
			section.#show(...at);
		}
	};

	// The trigger line is set by CSS (lower on a phone, where the chart sits above the cards).
	#setupScroller(): void {
		this.#trigger = parseTrigger(getComputedStyle(this).getPropertyValue('--trigger'));
		this.#scroller?.destroy();
		this.#scroller = scrollama()
			.setup({ step: this.#steps, offset: this.#trigger as scrollama.DecimalType })
			.onStepEnter(() => this.#queueSync())
			.onStepExit(() => this.#queueSync());
	}

	#remeasure(): void {
		if (parseTrigger(getComputedStyle(this).getPropertyValue('--trigger')) !== this.#trigger) this.#setupScroller();
		else this.#scroller?.resize();
		this.#queueSync();
	}

	/*
	 * One step change fires several observer callbacks (one step exits, another enters), and
	 * scrollama reads the scroll position in each. Syncing once, after them all, keeps those reads
	 * from forcing a layout of the page changed by the previous callback. It runs in a task right
	 * after them or, should the next frame come first, at the start of that frame: the reader sees
	 * the new chart no later either way.
	 */
	#queueSync(): void {
		if (this.#pending) return;
		const run = (): void => {
			this.#cancelSync(); // whichever of the two comes first runs; the other is called off
			this.#sync();
		};
		this.#pending = { task: setTimeout(run), frame: requestAnimationFrame(run) };
	}

	#cancelSync(): void {
		if (!this.#pending) return;
		clearTimeout(this.#pending.task);
		cancelAnimationFrame(this.#pending.frame);
		this.#pending = undefined;
	}

	#sync(): void {
		const at = this.#measure();
		if (at) this.#show(...at);
	}

	/**
	 * Reads where the steps are: the active step's index and whether the reader has reached it (its
	 * top past the trigger line, the section not yet past it). With `near`, nothing for a section more
	 * than a screen away (its observers sync it, should a step of it cross the line).
	 */
	#measure(near = false): [number, boolean] | undefined {
		const line = triggerLine(innerHeight, this.#trigger);
		const { top, bottom } = this.getBoundingClientRect();
		if (near && (bottom < -innerHeight || top > 2 * innerHeight)) return;
		const tops = this.#steps.map((step) => step.getBoundingClientRect().top);
		const index = activeStepIndex(tops, line);
		return [index, tops[index]! <= line && bottom > line];
	}

	#show(index: number, reached: boolean): void {
		const step = this.#steps[index];
		if (!step || !this.#stage) return;
		this.#followHash(reached ? step.id : null);
		if (index !== this.#active) {
			const prepared = this.#prepared.get(index);
			this.#prepared.clear();
			const focused = this.#stage.contains(document.activeElement);
			// The page comes with the first step's figure in the stage (Scrolly.astro): kept when it is the
			// one to show. The first state shown is switched to at once, as on a page that just opened.
			const shown = this.#stage.dataset;
			if (
				this.#active >= 0 ||
				!this.#stage.firstElementChild ||
				`${shown.chart}/${shown.state}` !== `${step.dataset.chart}/${step.dataset.state}`
			)
				// Once the new figure is in (a frame later when animated), the details follow it.
				this.#transition?.show(prepared ?? this.#stageCopy(index), motionOn() && this.#active >= 0, () =>
					followStage(this.#stage!, focused),
				);
			// Kept: the changes to the steps either side are planned as after any switch.
			else this.#prepareNext();
			this.#stage.dataset.chart = step.dataset.chart;
			this.#stage.dataset.state = step.dataset.state;
			this.#steps.forEach((s, i) => s.classList.toggle('is-active', i === index));
			if (this.#progress) this.#progress.textContent = `Step ${index + 1} of ${this.#steps.length}`;
			this.#active = index;
		}
	}

	#stageCopy(index: number): Element {
		return cloneForStage(this.#steps[index]!.querySelector('.step-figure figure')!, '-stage');
	}

	/*
	 * Once the stage is at rest, in idle time, plans the change to the next step and then to the
	 * previous one (one per idle period), so the frame a reader's scroll changes the step in needs
	 * neither a copy of the figure nor the planning of the morph. A plan the stage has moved on
	 * from is not used (StageTransition checks).
	 */
	#prepareNext(): void {
		if (!motionOn()) return;
		// Safari has no requestIdleCallback: a moment after the animation's end will do.
		const idle = (run: () => void) =>
			'requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run, 50);
		idle(() => {
			const index = [this.#active + 1, this.#active - 1].find((i) => this.#steps[i] && !this.#prepared.has(i));
			if (index === undefined) return;
			const prepared = this.#transition?.prepare(this.#stageCopy(index));
			if (!prepared) return;
			this.#prepared.set(index, prepared);
			this.#prepareNext();
		});
	}

	/*
	 * The URL names the step being read once the reader has reached it and stayed a moment;
	 * replaceState keeps the back button for real navigation. Waiting until the chart has settled
	 * keeps what a URL change costs (Chromium fetches and decodes the page's icon again) out of the
	 * animation, and a fast scroll past many steps changes the URL once.
	 */
	#followHash(id: string | null): void {
		if (id === this.#hashTarget) return;
		clearTimeout(this.#hashTimer);
		this.#hashTarget = id;
		if (!id) return;
		this.#hashTimer = setTimeout(() => {
			this.#hashTarget = null;
			if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
		}, hashDelay);
	}

	#wireControls(): void {
		const controls = this.querySelector<HTMLElement>('.scrolly-controls');
		if (!controls) return;
		controls.hidden = false;
		controls.querySelector('.scrolly-prev')?.addEventListener('click', () => this.#go(-1));
		controls.querySelector('.scrolly-next')?.addEventListener('click', () => this.#go(1));
		const motion = controls.querySelector<HTMLElement>('.scrolly-motion');
		if (motion) wireMotionToggle(motion);
	}

	#go(delta: number): void {
		const target = this.#steps[Math.min(Math.max(this.#active + delta, 0), this.#steps.length - 1)];
		if (!target) return;
		target.scrollIntoView({ block: 'start', behavior: motionOn() ? 'smooth' : 'instant' });
		target.focus({ preventScroll: true });
	}
}

customElements.define('story-scrolly', StoryScrolly);
