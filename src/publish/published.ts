/**
 * What the embed pages, downloads, oEmbed files and the gallery publish: every chart state, with
 * the story step that shows it (for "see it in the story") and its addresses.
 */
import type { Chart } from '../charts/define-chart.ts';
import { charts } from '../charts/index.ts';
import { loadStory } from '../chapters/load-story.ts';
import { embedUrls, type SiteAddress } from './embed-urls.ts';

/** One chart state as published for journalists. */
export type PublishedState = {
	readonly chart: Chart;
	readonly state: string;
	/** The first step of the story that shows this state, if any. */
	readonly stepId: string | undefined;
};

/** Every chart state in gallery order, each with the first story step that shows it. */
export async function publishedStates(): Promise<PublishedState[]> {
	const { steps } = await loadStory();
	const firstStep = new Map<string, string>();
	for (const step of steps.values()) {
		const key = `${step.chart}/${step.state}`;
		if (!firstStep.has(key)) firstStep.set(key, step.id);
	}
	return charts.flatMap((chart) =>
		chart.stateNames.map((state) => ({ chart, state, stepId: firstStep.get(`${chart.id}/${state}`) })),
	);
}

/** Static paths for a route with [chart] and [state] params, one per chart state. */
export async function chartStatePaths() {
	return (await publishedStates()).map((published) => ({
		params: { chart: published.chart.id, state: published.state },
		props: published,
	}));
}

/** Where "see it in the story" goes: the step that shows the state, or the gallery when none does. */
export function storyLink({ chart, state, stepId }: PublishedState, at: SiteAddress, absolute = false): string {
	const path = stepId ? `#${stepId}` : embedUrls.galleryEntry(chart.id, state);
	return absolute ? at.absolute(path) : at.local(path);
}
