import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import { widths } from '../../src/render/widths.ts';
import { listFiles, page } from '../helpers/built-site.ts';

const siteDir = inject('siteDir');
const story = page(siteDir, '');
const chartIds = new Map(charts.map((c) => [c.id, c.stateNames]));

describe('the story page', () => {
	it('has a language, title, description and favicon', () => {
		expect(story.documentElement.getAttribute('lang')).toBe('en');
		expect(story.title.length).toBeGreaterThan(10);
		expect(story.querySelector('meta[name="description"]')?.getAttribute('content')?.length).toBeGreaterThan(50);
		const icon = story.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
		expect(listFiles(siteDir)).toContain(icon.replace(/^\//, ''));
	});

	it('contains every chapter, in order, each also at its own URL', () => {
		const sections = [...story.querySelectorAll('section.chapter')];
		expect(sections.length).toBeGreaterThan(0);
		for (const section of sections) {
			const chapter = page(siteDir, `${section.id}/`);
			expect(chapter.querySelector('h1')?.textContent).toBe(section.querySelector('h2')?.textContent);
		}
	});

	it('gives every step an id, data-step, and the chart and state it shows, with that state drawn inline', () => {
		const steps = [...story.querySelectorAll('.step')];
		expect(steps.length).toBeGreaterThanOrEqual(5);
		for (const step of steps) {
			const { id } = step;
			const chart = step.getAttribute('data-chart') ?? '';
			const state = step.getAttribute('data-state') ?? '';
			expect(step.getAttribute('data-step')).toBe(id);
			expect(chartIds.get(chart), `${id}: chart ${chart}`).toContain(state);
			const figure = step.querySelector(`.step-figure figure[data-chart="${chart}"][data-state="${state}"]`);
			expect(figure, `${id} shows its own figure`).not.toBeNull();
			expect(figure!.querySelectorAll('svg.plot')).toHaveLength(widths.length);
		}
	});

	it('has unique step ids and no duplicate ids at all', () => {
		const ids = [...story.querySelectorAll('[id]')].map((el) => el.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	});

	it('gives every figure a source line, a text alternative and a data table', () => {
		// A scrolly stage's figure is a copy of its step's, without the data table (the step's figure has it).
		for (const figure of [...story.querySelectorAll('figure.figure')].filter((f) => !f.closest('.scrolly-figure'))) {
			expect(figure.querySelector('.figure-source')?.textContent).toMatch(/Source/);
			const svg = figure.querySelector('svg.plot')!;
			const description = story.getElementById(svg.getAttribute('aria-describedby') ?? '');
			expect(description?.textContent?.length).toBeGreaterThan(20);
			expect(story.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent).toBeTruthy();
			expect(figure.querySelectorAll('table tbody tr').length).toBeGreaterThan(0);
		}
	});

	it('ships a small script without Plot or d3 in it', () => {
		const scripts = [...story.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
		expect(scripts.length).toBeGreaterThan(0);
		const code = scripts.map((src) => readFileSync(join(siteDir, src), 'utf8')).join('\n');
		expect(code).not.toMatch(/observablehq|d3-|scaleLinear|plot-d6a7b5/);
		expect(brotliCompressSync(code).length).toBeLessThan(10_000);
	});
});
