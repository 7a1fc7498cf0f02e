import { decimals, duration, ease, interpolate, maxStep, within } from './transition-tween.ts';

// Attributes that are not drawing, or are animated as computed colours: not interpolated.
const skipped = /^(?:id|class|role|style|fill|stroke|aria-.*|data-.*)$/;

const dark = matchMedia('(prefers-color-scheme: dark)');

/** Sets what it animates to progress t (0 to 1); at 1, exactly the new state. */
type Tween = (t: number) => void;

/** What one transition will do: tweens, DOM moves (made after all reads), a colour probe. */
interface Plan {
	readonly tweens: Tween[];
	readonly moves: (() => void)[];
	readonly probe: SVGElement;
}

/**
 * Animates the sticky figure of a scrolly section from one chart state to the next. The new
 * state's figure (a copy of the pre-rendered one) goes in at once. Where the old figure shows the
 * same chart at the same width, every element whose key path (`data-key`, set at render time by
 * src/render/mark-keys.ts) exists in both starts at its old geometry and colour and moves to its
 * new ones; new elements fade in, old ones fade out. Another chart cross-fades. The last frame is
 * exactly the new figure. A state arriving mid-way starts from what is on screen, so it retargets
 * without a jump, and only ever animates towards the newest state.
 */
export class StageTransition {
	#frame = 0;
	#running = false;
	// Counts the changes of what the stage shows: a plan made before one no longer holds.
	#shown = 0;
	/** Called once the stage shows a state at rest (the animation over, or a switch made at once). */
	settled: () => void = () => {};

	constructor(readonly stage: HTMLElement) {}

	/**
	 * Plans, ahead of time (while the reader reads), the animation from the state at rest on the
	 * stage to `next` (a figure not yet in the page): the reads and the planning then stay out of the
	 * frame that changes the step. Nothing while an animation runs (its plan would start mid-way).
	 */
	prepare(next: Element): Prepared | undefined {
		if (!this.#running && this.stage.firstElementChild) return this.#plan(next);
	}

	/**
	 * Shows `next` (a figure not yet in the page, or one prepared for it) in the stage, animated or
	 * at once, then calls `after` (once the new figure is in the page).
	 */
	show(next: Element | Prepared, animate: boolean, after: () => void): void {
		cancelAnimationFrame(this.#frame);
		const { stage } = this;
		const figure = next instanceof Element ? next : next.next;
		this.#running = false;
		if (!animate || !stage.firstElementChild) {
			this.#shown++;
			stage.replaceChildren(figure);
			stage.removeAttribute('data-transition');
			after();
			return this.settled();
		}
		const { plan, morphs } = next instanceof Element || next.key !== this.#key() ? this.#plan(figure) : next;
		this.#shown++;
		this.#running = true;
		plan.moves.push(after);
		stage.setAttribute('data-transition', morphs ? 'morph' : 'fade');
		const { tweens, moves } = plan;
		const start = performance.now();
		let progress = 0;
		let last = start;
		const tick = (now: number): void => {
			/*
			 * The frame that changes the step (a scroll event's) keeps drawing the old figure, which
			 * looks the same as the first frame of the animation: the new elements go in the next
			 * frame, so no one frame both plans the change and lays out the new drawing.
			 */
			if (now > start) {
				while (moves.length) moves.shift()!();
				progress = Math.min(1, progress + Math.min(now - last, maxStep) / duration);
				last = now;
				const t = ease(progress);
				// An index loop: no iterator made per frame (nothing for a garbage collection to find mid-move).
				for (let i = 0; i < tweens.length; i++) tweens[i]!(t);
			}
			if (progress < 1) this.#frame = requestAnimationFrame(tick);
			else {
				this.#running = false;
				stage.removeAttribute('data-transition');
				this.settled();
			}
		};
		this.#frame = requestAnimationFrame(tick);
	}

	// What a plan depends on besides the stage's figures: the theme's colours, the drawing's width.
	#key(): string {
		return `${this.#shown} ${document.documentElement.dataset.theme} ${dark.matches} ${innerWidth}`;
	}

	// Reads only (the page's style and layout are clean at a scroll event), writes nothing but a probe.
	#plan(next: Element): Prepared {
		const { stage } = this;
		const leaving = [...stage.children];
		const old = leaving[0]!;
		const key = this.#key();
		const oldSvg = [...old.querySelectorAll('svg.plot')].find((svg) => svg.getBoundingClientRect().width > 0);
		const width = oldSvg?.parentElement?.getAttribute('data-width');
		const newSvg =
			old.getAttribute('data-chart') === next.getAttribute('data-chart')
				? next.querySelector(`[data-width="${width}"] > svg.plot`)
				: null;
		const plan: Plan = {
			tweens: [],
			moves: [],
			probe: document.createElementNS('http://www.w3.org/2000/svg', 'g'),
		};
		oldSvg?.append(plan.probe);
		const morphs = !!(oldSvg && newSvg && pair(oldSvg, newSvg, plan));
		if (morphs) {
			morph(oldSvg, newSvg, plan);
			const shown = opacity(old);
			if (shown < 1) plan.tweens.push(fade(old, shown, 1));
			// The old figure stays: its words change only where they differ, and its drawings are
			// replaced by the new ones (the morph moves those). No text is laid out again for nothing.
			// Where nothing moves (a step showing the same state), the drawings stay too: no new SVG to lay out.
			const still = !plan.tweens.length;
			plan.moves.push(() => adopt(old, next, still));
			leaving.shift();
		} else plan.tweens.push(fade(next, 0, 1, 0.35));
		plan.probe.remove();
		for (const figure of leaving) {
			exit(figure, stage, null, plan);
			plan.moves.push(() => {
				figure.classList.add('is-leaving');
				figure.setAttribute('aria-hidden', 'true');
				figure.setAttribute('inert', '');
			});
		}
		if (!morphs) plan.moves.unshift(() => stage.prepend(next));
		return { next, key, plan, morphs };
	}
}

/** A change of state planned ahead (StageTransition.prepare), valid while the stage is unchanged. */
export interface Prepared {
	readonly next: Element;
	readonly key: string;
	readonly plan: Plan;
	readonly morphs: boolean;
}

// Opacity as a running transition set it, or the element's own; no style recalculation needed.
const opacity = (el: Element): number => Number((el as HTMLElement).style.opacity || (el.getAttribute('opacity') ?? 1));

// Removes the inline style a transition set. Reading it first makes Chromium drop it for good
// (otherwise its lazily written `style=""` can come back).
function unstyle(el: Element): void {
	el.getAttribute('style');
	el.removeAttribute('style');
}

/**
 * Makes `figure` (on the stage) the figure `next` is, moving as little as possible: attributes and
 * text are set only where they differ, an element is replaced only where the two differ in kind, and
 * the chart's drawings (`.figure-svg`, the new ones the morph animates) are taken from `next` unless `all`.
 */
function adopt(figure: Element, next: Element, all?: boolean): void {
	const { attributes } = next;
	for (let i = 0; i < attributes.length; i++) {
		const { name, value } = attributes[i]!;
		if (figure.getAttribute(name) !== value) figure.setAttribute(name, value);
	}
	for (const name of figure.getAttributeNames()) if (!next.hasAttribute(name)) figure.removeAttribute(name);
	const theirs = [...next.childNodes];
	const ours = figure.childNodes;
	for (let i = 0; i < theirs.length; i++) {
		const mine = ours[i];
		const their = theirs[i]!;
		if (!mine) figure.append(their);
		else if (mine.nodeType === 3 && their.nodeType === 3) {
			if (mine.nodeValue !== their.nodeValue) mine.nodeValue = their.nodeValue;
		} else if (
			mine instanceof Element &&
			their instanceof Element &&
			mine.tagName === their.tagName &&
			mine.getAttributeNames().join() === their.getAttributeNames().join() &&
			(all || !their.classList.contains('figure-svg'))
		)
			adopt(mine, their, all);
		else figure.replaceChild(their, mine);
	}
	while (ours.length > theirs.length) figure.lastChild!.remove();
}

const keyed = (parent: Element): Element[] => [...parent.children].filter((el) => el.hasAttribute('data-key'));

// Pairs the keyed children of two matched elements, recursively; the others fade in or out.
function morph(from: Element, to: Element, plan: Plan): void {
	const olds = new Map<string, Element>();
	const exits: Element[] = [];
	for (const el of keyed(from)) {
		const key = el.getAttribute('data-key')!;
		const twin = olds.get(key);
		if (twin) exits.push(twin); // still fading out from an earlier transition
		olds.set(key, el);
	}
	for (const el of keyed(to)) {
		const key = el.getAttribute('data-key')!;
		const old = olds.get(key);
		olds.delete(key);
		if (old && pair(old, el, plan)) {
			if (keyed(el).length) morph(old, el, plan);
		} else {
			plan.tweens.push(fade(el, 0, opacity(el), 0.35));
			if (old) exit(old, to, el, plan);
		}
	}
	for (const old of [...exits, ...olds.values()]) exit(old, to, null, plan);
}

// Something only in the old state: moved into the new one (before `before`), where it fades out.
function exit(el: Element, parent: Element, before: Element | null, plan: Plan): void {
	const tween = fade(el, opacity(el), 0, 0, 0.65);
	plan.tweens.push((t) => (t < 1 ? tween(t) : el.remove()));
	if (el.parentElement !== parent) plan.moves.push(() => parent.insertBefore(el, before));
}

/** Tweens `el` between opacities over part of the transition; at the end its inline style goes. */
function fade(el: Element, from: number, to: number, start = 0, end = 1): Tween {
	const { style } = el as HTMLElement;
	return (t) => {
		if (t < 1) style.opacity = String(from + (to - from) * within(t, start, end));
		else unstyle(el);
	};
}

/**
 * Plans how `to` (in the new state) goes from how `from` looks now to its own attributes, text,
 * colours and opacity. Returns false when they differ in more than that (another shape of path,
 * another label): those cross-fade instead.
 */
function pair(from: Element, to: Element, plan: Plan): boolean {
	if (from.tagName !== to.tagName) return false;
	const found: Tween[] = [];
	const { attributes } = to;
	for (let i = 0; i < attributes.length; i++) {
		const { name, value } = attributes[i]!;
		const now = from.getAttribute(name);
		if (now === null || now === value || skipped.test(name) || value.includes('url(')) continue;
		const between = interpolate(now, value);
		if (!between) return false;
		found.push((t) => to.setAttribute(name, between(t)));
	}
	const text = to.textContent ?? '';
	if (!to.firstElementChild && from.textContent !== text) {
		const between = interpolate(from.textContent ?? '', text, decimals(text));
		if (!between) return false;
		// The label's own text node changes: no new node each frame, nothing new for a collection.
		const node = to.firstChild;
		if (node?.nodeType === 3 && !node.nextSibling) found.push((t) => (node.nodeValue = between(t)));
		else found.push((t) => (to.textContent = between(t)));
	}
	// Colours are CSS variables: interpolate computed colours where they may differ.
	const paints = ['fill', 'stroke'] as const;
	if (from.hasAttribute('style') || paints.some((name) => from.getAttribute(name) !== to.getAttribute(name))) {
		for (const name of [...paints, 'opacity'] as const) {
			const a = name === 'opacity' ? String(opacity(from)) : paint(name, from, plan.probe);
			const b = name === 'opacity' ? String(opacity(to)) : paint(name, to, plan.probe);
			if (a === b) continue;
			const between = interpolate(a, b);
			if (!between) return false;
			found.push((t) => (t < 1 ? (to as SVGElement).style.setProperty(name, between(t)) : unstyle(to)));
		}
	}
	plan.tweens.push(...found);
	return true;
}

/** Computed colours of the charts' paint values ("var(--c-alibaba)", "currentColor"), for one theme. */
const colours = new Map<string, string>();
let coloursTheme: string | undefined;

/**
 * The colour `el` shows for `name`: the one a running transition set, else its own or inherited
 * attribute, computed once per value and theme on a probe inside the old chart. Computing styles
 * in the page for every element would lay the page out again and again in the frame that starts
 * the animation.
 */
function paint(name: 'fill' | 'stroke', el: Element, probe: Element): string {
	const now = (el as SVGElement).style.getPropertyValue(name);
	if (now) return now;
	const theme = `${document.documentElement.dataset.theme} ${dark.matches}`;
	if (theme !== coloursTheme) colours.clear();
	coloursTheme = theme;
	const value = el.closest(`[${name}]`)?.getAttribute(name) ?? '';
	const key = `${name}:${value}`;
	let colour = colours.get(key);
	if (colour === undefined) {
		if (value) probe.setAttribute(name, value);
		else probe.removeAttribute(name);
		colour = getComputedStyle(probe).getPropertyValue(name);
		colours.set(key, colour);
	}
	return colour;
}
