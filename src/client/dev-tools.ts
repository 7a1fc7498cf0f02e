/**
 * Preview tools for editors, loaded only by `npm run dev` (never in the built site):
 * - `?step=<id>` opens the page at that step, with its chart state on the stage;
 * - a panel at the bottom right jumps to any step of the page and says which one is active;
 * - "Trigger line" (or `?debug`) draws the line where steps turn, and outlines each step's box.
 */
import { parseTrigger, triggerLine } from './active-step.ts';

const css = `
.dev-panel { position: fixed; right: 0.75rem; bottom: 0.75rem; z-index: 1000; width: min(24rem, calc(100vw - 1.5rem));
	font: 0.8rem/1.4 var(--font-sans, system-ui); color: var(--ink, #111); background: var(--bg-card, #fff);
	border: 1px solid var(--rule, #999); border-radius: 6px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.2); }
.dev-panel:not([open]) { width: auto; }
.dev-panel summary { cursor: pointer; padding: 0.4rem 0.7rem; font-weight: 600; }
.dev-panel-body { display: grid; gap: 0.5rem; padding: 0 0.7rem 0.7rem; }
.dev-panel select { width: 0; flex: 1; font: inherit; }
.dev-panel label { display: flex; gap: 0.4rem; align-items: center; }
.dev-panel p { margin: 0; }
.dev-panel-status { color: var(--ink-soft, #555); }
.dev-panel-status.is-error { color: #b00020; font-weight: 600; }
.dev-trigger { position: fixed; left: 0; right: 0; z-index: 999; height: 0; border-top: 2px dashed #e0218a;
	pointer-events: none; }
.dev-trigger span { position: absolute; right: 0.5rem; top: 0; padding: 0 0.3rem; font: 0.7rem var(--font-sans, system-ui);
	color: #fff; background: #e0218a; }
.dev-debug .step { outline: 1px dashed #e0218a; outline-offset: -1px; position: relative; }
.dev-debug .step::before { content: '#' attr(data-step) ' · ' attr(data-chart) ' · ' attr(data-state);
	position: absolute; z-index: 2; left: 0; top: -0.9rem; padding: 0 0.3rem; font: 0.7rem var(--font-sans, system-ui);
	color: #fff; background: #e0218a; }
`;

const debugKey = 'story-dev-debug';
const openKey = 'story-dev-panel-open';
const steps = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.step[data-step]')];

/** Builds the panel: a step picker grouped by chapter, the trigger-line toggle and a status line. */
function createPanel(): {
	panel: HTMLElement;
	status: HTMLElement;
	select: HTMLSelectElement;
	toggle: HTMLInputElement;
} {
	const panel = document.createElement('details');
	panel.className = 'dev-panel';
	// Open on a wide screen; on a phone it would cover the story, so it starts folded.
	panel.open = (sessionStorage.getItem(openKey) ?? String(matchMedia('(min-width: 48rem)').matches)) === 'true';
	panel.addEventListener('toggle', () => sessionStorage.setItem(openKey, String(panel.open)));
	panel.innerHTML = `<summary>Preview tools</summary>
		<div class="dev-panel-body">
			<label>Step <select class="dev-panel-steps"><option value="">Jump to a step…</option></select></label>
			<label><input type="checkbox" class="dev-panel-debug" /> Trigger line and step boxes</label>
			<p class="dev-panel-status" role="status"></p>
		</div>`;
	const select = panel.querySelector<HTMLSelectElement>('select')!;
	const groups = new Map<string, HTMLOptGroupElement>();
	for (const step of steps()) {
		const chapter = step.closest('.chapter')?.querySelector('h1, h2')?.textContent?.trim() ?? 'Steps';
		let group = groups.get(chapter);
		if (!group) {
			group = document.createElement('optgroup');
			group.label = chapter;
			groups.set(chapter, group);
			select.append(group);
		}
		group.append(new Option(`${step.id} · ${step.dataset.chart} · ${step.dataset.state}`, step.id));
	}
	return {
		panel,
		select,
		status: panel.querySelector<HTMLElement>('.dev-panel-status')!,
		toggle: panel.querySelector<HTMLInputElement>('.dev-panel-debug')!,
	};
}

/** Scrolls a step to where the story makes it active (its scroll margin sits it just above the trigger). */
function jumpTo(id: string): boolean {
	const step = document.getElementById(id);
	if (!step?.matches('.step[data-step]')) return false;
	step.scrollIntoView({ block: 'start', behavior: 'instant' });
	step.focus({ preventScroll: true });
	return true;
}

/** One line per scrolly section, at its trigger (read from its `--trigger`, as the scroll engine does). */
function triggerLines(): () => void {
	const lines = [...document.querySelectorAll<HTMLElement>('story-scrolly')].map((scrolly) => {
		const line = document.createElement('div');
		line.className = 'dev-trigger';
		line.append(document.createElement('span'));
		document.body.append(line);
		return { scrolly, line };
	});
	return () => {
		for (const { scrolly, line } of lines) {
			const ratio = parseTrigger(getComputedStyle(scrolly).getPropertyValue('--trigger'));
			const y = triggerLine(innerHeight, ratio);
			const box = scrolly.getBoundingClientRect();
			line.hidden = !(box.top < y && box.bottom > y);
			line.style.top = `${y}px`;
			line.firstElementChild!.textContent = `trigger line (${ratio}): a step turns when its top crosses it`;
		}
	};
}

/**
 * The step the reader is on. Each scrolly section keeps its own active step after the reader has
 * scrolled past it, so on the whole story there are several: the one that counts is in the section
 * the trigger line crosses (none before its first step turns), else in the last section above it.
 */
function activeStep(): HTMLElement | undefined {
	let found: HTMLElement | undefined;
	for (const scrolly of document.querySelectorAll<HTMLElement>('story-scrolly')) {
		const y = triggerLine(innerHeight, parseTrigger(getComputedStyle(scrolly).getPropertyValue('--trigger')));
		const box = scrolly.getBoundingClientRect();
		if (box.top > y) break;
		const active = scrolly.querySelector<HTMLElement>('.step.is-active') ?? undefined;
		if (box.bottom > y) return active;
		found = active ?? found;
	}
	return found;
}

function start(): void {
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(css);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	const { panel, select, status, toggle } = createPanel();
	document.body.append(panel);
	const placeLines = triggerLines();

	const params = new URLSearchParams(location.search);
	const showDebug = (on: boolean) => {
		document.documentElement.classList.toggle('dev-debug', on);
		for (const line of document.querySelectorAll<HTMLElement>('.dev-trigger')) line.style.display = on ? '' : 'none';
		sessionStorage.setItem(debugKey, on ? '1' : '');
		placeLines();
	};
	toggle.checked = params.has('debug') || sessionStorage.getItem(debugKey) === '1';
	toggle.addEventListener('change', () => showDebug(toggle.checked));
	showDebug(toggle.checked);

	let error = '';
	const describeActive = () => {
		const active = activeStep();
		status.classList.toggle('is-error', error !== '');
		status.textContent =
			error ||
			(active ? `Active: #${active.id} · ${active.dataset.chart} · ${active.dataset.state}` : 'No active step yet.');
	};
	select.addEventListener('change', () => {
		error = '';
		if (select.value) jumpTo(select.value);
		select.value = '';
	});

	let frame = 0;
	const onScroll = () => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(() => {
			placeLines();
			describeActive();
		});
	};
	addEventListener('scroll', onScroll, { passive: true });
	addEventListener('resize', onScroll);
	// The scroll engine marks the active step a moment after the scroll: follow its class changes.
	new MutationObserver(onScroll).observe(document.body, { subtree: true, attributeFilter: ['class'] });

	// ?step=<id>: jump once the scroll engine is wired, then trade the query for the step's hash, which
	// follows reading: a reload after an edit comes back to the step being read, not to this one.
	const wanted = params.get('step');
	if (wanted) {
		void customElements.whenDefined('story-scrolly').then(() =>
			requestAnimationFrame(() => {
				if (jumpTo(wanted)) {
					params.delete('step');
					const query = params.size > 0 ? `?${params}` : '';
					history.replaceState(history.state, '', `${location.pathname}${query}#${wanted}`);
				} else {
					const ids = steps().map((step) => step.id);
					error = `No step "${wanted}" on this page. Steps here: ${ids.join(', ') || 'none'}.`;
				}
				describeActive();
			}),
		);
	}
	describeActive();
}

start();
