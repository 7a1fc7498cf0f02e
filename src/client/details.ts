/**
 * Chart details: a tooltip for the datum under the pointer or a tap, and a keyboard path through
 * the points (arrows, Home/End, Escape) announced in a polite live region. Works on every figure
 * the build gave details (src/render/details.ts): each `.figure-svg` carries `data-points`, which
 * maps its marks' elements to the rows of the figure's point list (`.figure-points li[data-r]`),
 * the same list screen readers browse. Listeners sit on the document, so figures the stage copies
 * in later need no setup; `followStage` keeps focus and the point when the stage changes state.
 */

interface Point {
	readonly li: Element;
	/** The elements drawing the point (the first is outlined), or a line's vertex. */
	readonly els: Element[];
	v?: [number, number, SVGGraphicsElement];
	/** Its box (left, top, right, bottom) from the drawing's top left corner, while `Details.w` holds. */
	r?: number[];
}
interface Details {
	readonly box: HTMLElement;
	readonly wrap: Element;
	readonly series: Point[][];
	/** The point each mark element draws (the first one, where several share it). */
	readonly at: Map<Element, [number, number]>;
	/** The drawing's width when the points' boxes were measured. */
	w?: number;
}

const parsed = new WeakMap<Element, Details>();
let current: { d: Details; s: number; i: number; key: boolean } | undefined;
let tip: HTMLElement;
let ring: HTMLElement;
let live: HTMLElement;
let layer: HTMLElement;

// The tooltip and the ring go in their layer (src/styles/details.css: it keeps their layout theirs).
const make = (cls: string, hidden = true): HTMLElement => {
	const el = document.createElement('div');
	el.className = cls;
	el.hidden = hidden;
	if (hidden) el.ariaHidden = 'true'; // the live region says what the tooltip shows
	(hidden ? (layer ??= make('details-layer', false)) : document.body).append(el);
	return el;
};

/** The details of a chart box at the width it shows now. */
function detailsOf(box: HTMLElement): Details | undefined {
	// Those of the drawing shown last, while it shows: a pointer move makes no garbage here.
	let d = parsed.get(box);
	if (d && (d.wrap as HTMLElement).offsetWidth) return d;
	const wrap = [...box.children].find((el) => (el as HTMLElement).offsetWidth > 0);
	const map = wrap?.getAttribute('data-points');
	if (!wrap || !map) return;
	const byRow = new Map<string, Point>();
	let series = [...(box.closest('figure')?.querySelectorAll('.figure-points ol') ?? [])].map((ol) =>
		[...ol.children].map((li) => {
			const p: Point = { li, els: [] };
			byRow.set(li.getAttribute('data-r')!, p);
			return p;
		}),
	);
	const marks = [...wrap.firstElementChild!.children];
	for (const part of map.split(';')) {
		const [key, entries] = part.split('=');
		const kids = marks.find((m) => m.getAttribute('data-key') === key)?.children ?? [];
		entries!.split(',').forEach((entry, n) => {
			const el = kids[n];
			const t = entry.split(' ');
			for (let j = 0; el && entry && j < t.length; j += 3) {
				const p = byRow.get(t[j]!);
				if (!p) continue;
				if (t.length < 3) p.els.push(el);
				else p.v ??= [+t[j + 1]!, +t[j + 2]!, el as SVGGraphicsElement];
			}
		});
	}
	const at = new Map<Element, [number, number]>();
	series = series.map((s) => s.filter((p) => p.els.length || p.v)).filter((s) => s.length);
	series.forEach((points, s) => points.forEach((p, i) => p.els.forEach((el) => at.has(el) || at.set(el, [s, i]))));
	d = { box, wrap, series, at };
	parsed.set(box, d);
	return d;
}

/** Where a point is on screen. */
function rectOf(p: Point): DOMRect {
	if (p.els[0]) return p.els[0].getBoundingClientRect();
	const [x, y, el] = p.v!;
	const at = new DOMPoint(x, y).matrixTransform(el.getScreenCTM()!);
	return new DOMRect(at.x - 5, at.y - 5, 10, 10);
}

/*
 * The point under the pointer, or the nearest within 32 px (so thin lines and small dots are easy to
 * hit). A pointer move reads one box: the points' boxes are measured once per drawing and width, and
 * again on every move only while the stage animates them. Measuring every point on every move made
 * long frames on a slow phone.
 */
function pick(d: Details, target: EventTarget | null, x: number, y: number): [number, number] | undefined {
	for (let n = target instanceof Element ? target : null; n && n !== d.box; n = n.parentElement) {
		const at = d.at.get(n);
		if (at) return at;
	}
	const o = d.wrap.getBoundingClientRect();
	if (d.w !== o.width || d.box.closest('[data-transition]')) {
		for (const points of d.series)
			for (const p of points) {
				const r = rectOf(p);
				p.r = [r.left - o.left, r.top - o.top, r.right - o.left, r.bottom - o.top];
			}
		d.w = o.width;
	}
	x -= o.left;
	y -= o.top;
	let far = 32 ** 2;
	let bs = -1;
	let bi = 0;
	/*
	 * No garbage per point: destructuring its box made an iterator, and each nearer point a new pair,
	 * a kilobyte a move in all (the garbage collections while the pointer moved were these).
	 */
	for (let s = 0; s < d.series.length; s++)
		for (let i = 0; i < d.series[s]!.length; i++) {
			const r = d.series[s]![i]!.r!;
			const dist = Math.max(r[0]! - x, 0, x - r[2]!) ** 2 + Math.max(r[1]! - y, 0, y - r[3]!) ** 2;
			if (dist < far) {
				bs = s;
				bi = i;
				far = dist;
			}
		}
	if (bs >= 0) return [bs, bi];
}

function hide(): void {
	if (tip) tip.hidden = ring.hidden = true;
	current = undefined;
}

function show(d: Details, s: number, i: number, key: boolean): void {
	tip ??= make('details-tip');
	ring ??= make('details-ring');
	const points = d.series[s]!;
	const p = points[i]!;
	const moved = current?.d !== d || current.s !== s || current.i !== i;
	// The same point again (the pointer moved within its mark): nothing to write, nothing to lay out.
	if (!moved && current!.key === key && !tip.hidden) return;
	current = { d, s, i, key };
	place(p.li);
	if (key && moved) {
		const name = d.series.length > 1 ? `, ${p.li.parentElement!.previousElementSibling!.textContent}` : '';
		live.textContent = `${p.li.textContent} Point ${i + 1} of ${points.length}${name}.`;
	}
}

/**
 * Puts the tooltip beside the point, inside the chart's width and the viewport, off the step text,
 * with the words of `li` when given. Every box is read before anything is written: a move lays the
 * page out once (for the tooltip's size), where a read after each write did so three times.
 */
function place(li?: Element): void {
	if (!current) return;
	const { d, s, i } = current;
	const r = rectOf(d.series[s]![i]!);
	const box = d.box.getBoundingClientRect();
	const card = document.querySelector('.step.is-active .step-card')?.getBoundingClientRect();
	if (li)
		tip.replaceChildren(
			...[...li.children].map((c) => {
				const line = document.createElement('div');
				line.textContent = c.textContent.trim().replace(/\.$/, '');
				if (c.hasAttribute('data-flag')) line.className = 'details-flag';
				return line;
			}),
		);
	ring.style.cssText = `transform:translate(${r.x - 3}px,${r.y - 3}px);width:${r.width + 6}px;height:${r.height + 6}px`;
	tip.hidden = ring.hidden = false;
	const { offsetWidth: w, offsetHeight: h } = tip;
	const x = Math.max(8, box.left, Math.min(r.x + r.width / 2 - w / 2, Math.min(innerWidth - 8, box.right) - w));
	const clear = (top: number): boolean =>
		top >= 0 &&
		top + h <= innerHeight &&
		!(card && top < card.bottom && top + h > card.top && x < card.right && x + w > card.left);
	const above = r.y - h - 10;
	const below = r.bottom + 10;
	const top = clear(above) ? above : clear(below) ? below : Math.max(0, Math.min(above, innerHeight - h));
	tip.style.transform = `translate(${x}px,${top}px)`;
}

const boxOf = (target: EventTarget | null): HTMLElement | null =>
	target instanceof Element ? target.closest<HTMLElement>('.figure-chart[tabindex]') : null;

function point(event: MouseEvent): void {
	const box = boxOf(event.target);
	const d = box && detailsOf(box);
	const at = d && pick(d, event.target, event.clientX, event.clientY);
	if (at) show(d, at[0], at[1], false);
	else if (current && !current.key) hide();
}

addEventListener('pointermove', (event) => {
	if (event.pointerType !== 'touch') point(event);
});
// A tap (or click) shows the point under it; one elsewhere hides the details.
addEventListener('click', point);
addEventListener('scroll', () => current && !current.key && hide(), { passive: true });
// The live region is in the page before the first announcement, so that one is heard too.
addEventListener('focusin', (event) => {
	if (!live && boxOf(event.target)) (live = make('visually-hidden', false)).ariaLive = 'polite';
});
addEventListener('focusout', (event) => {
	if (current?.key && !boxOf(event.relatedTarget) && event.relatedTarget) hide();
});

addEventListener('keydown', (event) => {
	const box = boxOf(event.target);
	if (!box || event.target !== box || event.altKey || event.ctrlKey || event.metaKey) return;
	const d = detailsOf(box);
	if (!d) return;
	if (event.key === 'Escape') return current && hide();
	const on = current?.d === d ? current : undefined;
	let s = on?.s ?? 0;
	let i = on ? on.i : -1;
	const k = event.key;
	const down = k === 'ArrowDown' ? 1 : k === 'ArrowUp' ? -1 : 0;
	s = Math.max(0, Math.min(d.series.length - 1, s + down));
	const last = d.series[s]!.length - 1;
	if (k === 'ArrowRight') i++;
	else if (k === 'ArrowLeft') i--;
	else if (k === 'Home') i = 0;
	else if (k === 'End') i = last;
	else if (!down) return;
	event.preventDefault();
	show(d, s, Math.max(0, Math.min(last, i)), true);
});

/**
 * After the sticky stage has shown another state: moves keyboard focus that was in the old figure
 * to the new one (the same point's row if it has one, else the same place), and keeps the details
 * on the marks while they move.
 */
export function followStage(stage: HTMLElement, hadFocus: boolean): void {
	const was = current;
	const box = stage.querySelector<HTMLElement>('figure:not(.is-leaving) .figure-chart[tabindex]');
	if (!box) return;
	if (hadFocus) box.focus({ preventScroll: true });
	if (!was?.key || !hadFocus) return hide();
	const d = detailsOf(box);
	if (!d) return hide();
	const row = was.d.series[was.s]![was.i]!.li.getAttribute('data-r');
	let s = Math.min(was.s, d.series.length - 1);
	let i = Math.min(was.i, d.series[s]!.length - 1);
	d.series.forEach((points, n) =>
		points.forEach((p, m) => {
			if (p.li.getAttribute('data-r') === row) [s, i] = [n, m];
		}),
	);
	show(d, s, i, true);
	const follow = (): void => {
		place();
		if (stage.hasAttribute('data-transition') && current?.d === d) requestAnimationFrame(follow);
	};
	requestAnimationFrame(follow);
}
