import type { Page } from 'playwright-core';

/** A reader's view of the story page: which step is active and what the sticky chart shows. */
export class StoryPage {
	constructor(readonly page: Page) {}

	/** The chart and state the sticky figure of the first scrolly section shows. */
	shown(): Promise<string> {
		return this.page.$eval('.scrolly-figure', (el) => {
			const figure = el.querySelector('figure');
			const stage = `${(el as HTMLElement).dataset.chart}/${(el as HTMLElement).dataset.state}`;
			const drawn = figure ? `${figure.getAttribute('data-chart')}/${figure.getAttribute('data-state')}` : 'none';
			return stage === drawn ? stage : `stage ${stage} but figure ${drawn}`;
		});
	}

	/** Every step of the first scrolly section (the one `shown` reads), in page order, with the chart/state it shows. */
	steps(): Promise<{ id: string; shows: string }[]> {
		return this.page.evaluate(() =>
			[...document.querySelector('story-scrolly')!.querySelectorAll('.step')].map((s) => ({
				id: s.id,
				shows: `${s.getAttribute('data-chart')}/${s.getAttribute('data-state')}`,
			})),
		);
	}

	/** Every step on the page, in every section. */
	allSteps(): Promise<{ id: string; shows: string }[]> {
		return this.page.$$eval('.step', (steps) =>
			steps.map((s) => ({ id: s.id, shows: `${s.getAttribute('data-chart')}/${s.getAttribute('data-state')}` })),
		);
	}

	/** Starts recording every state the sticky figure shows, in order, from the one it shows now. */
	async recordShown(): Promise<void> {
		await this.page.evaluate(() => {
			const stage = document.querySelector<HTMLElement>('.scrolly-figure')!;
			const seen: string[] = [`${stage.dataset.chart}/${stage.dataset.state}`];
			(window as unknown as { seen: string[] }).seen = seen;
			new MutationObserver(() => {
				const now = `${stage.dataset.chart}/${stage.dataset.state}`;
				if (seen.at(-1) !== now) seen.push(now);
			}).observe(stage, { attributes: true, childList: true });
		});
	}

	recorded(): Promise<string[]> {
		return this.page.evaluate(() => (window as unknown as { seen: string[] }).seen);
	}

	/** Waits until the sticky figure shows this chart/state. */
	async waitForShown(shows: string): Promise<void> {
		await this.page.waitForFunction((expected) => {
			const stage = document.querySelector<HTMLElement>('.scrolly-figure');
			const figure = stage?.querySelector('figure');
			return (
				`${stage?.dataset.chart}/${stage?.dataset.state}` === expected &&
				`${figure?.getAttribute('data-chart')}/${figure?.getAttribute('data-state')}` === expected
			);
		}, shows);
	}
}
