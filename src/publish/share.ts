/**
 * Share addresses: every story step has a static page, /s/<step-id>/, whose social card shows the
 * chart in the state that step shows, and which takes the reader to the step (/#<step-id>). The
 * story and each chapter have a card of their own. One module for what those pages and cards say.
 */
import { readFile } from 'node:fs/promises';
import { root } from 'astro:config/server';
import type { Chart } from '../charts/define-chart.ts';
import { findChart } from '../charts/index.ts';
import { loadStory, type ChapterEntry } from '../chapters/load-story.ts';
import { computeFigure, computedNames, type ComputedName } from '../chapters/figure-components.ts';
import { parseTags, textBetween } from '../chapters/parse-tags.ts';
import { datasets } from '../data/index.ts';
import { site } from '../site.ts';
import { cardPng, cardThumbnail, type CardInput } from './share-card.ts';
import { stateTitle } from './figure-words.ts';

/** The addresses of share pages and cards, relative to the site's base path. */
export const shareUrls = {
	/** A step's share page. */
	step: (step: string) => `s/${step}/`,
	/** Where a share page takes the reader: the step in the story. */
	target: (step: string) => `#${step}`,
	/** A chart state's card, shared by every step that shows the state. */
	stateCard: (chart: string, state: string) => `charts/${chart}/${state}.card.png`,
	/** The story's card (`story`) and each chapter's (its id). */
	pageCard: (page: string) => `s/cards/${page}.png`,
} as const;

/** One step as its share page shows it. */
export interface SharedStep {
	readonly id: string;
	readonly chart: Chart;
	readonly state: string;
	/** The step's text as plain text, shortened for og:description. */
	readonly description: string;
	/** The chapter the step is in. */
	readonly chapter: ChapterEntry;
}

/** A computed figure tag (`<Sum of=… where=… />`) as the text it renders, from the data. */
function figureText(name: string, attributes: string): string {
	if (!(computedNames as readonly string[]).includes(name)) return ' ';
	const attrs = Object.fromEntries([...attributes.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, k, v]) => [k!, v!]));
	const computed = computeFigure(name as ComputedName, attrs, datasets);
	return computed.ok ? computed.text : ' ';
}

/** Reads the plain text of a step from its MDX: figures as they read, no markup, no tags, one line. */
const plainText = (mdx: string): string =>
	mdx
		.replace(/<([A-Z]\w*)\b([^>]*?)\/>/g, (_tag, name: string, attributes: string) => figureText(name, attributes))
		.replace(/<[^>]+>/g, ' ')
		.replace(/\{[^}]*\}/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();

/** Shortens text to at most `max` characters, at a word, with an ellipsis. */
export function shorten(text: string, max = 200): string {
	if (text.length <= max) return text;
	return `${text.slice(0, max - 1).replace(/[\s,;:.]+\S*$/, '')}…`;
}

/** Every step of the story, in story order, with its text. */
export async function sharedSteps(): Promise<SharedStep[]> {
	const { chapters, steps } = await loadStory();
	const texts = new Map<string, string>();
	const chapterOf = new Map<string, ChapterEntry>();
	for (const chapter of chapters) {
		const file = chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
		const source = await readFile(new URL(file, root), 'utf8');
		const tags = parseTags(source);
		tags.forEach((tag, i) => {
			if (tag.name !== 'Step' || tag.kind !== 'open' || !tag.attributes.id) return;
			texts.set(tag.attributes.id, plainText(textBetween(source, tag, tags[i + 1])));
			chapterOf.set(tag.attributes.id, chapter);
		});
	}
	return [...steps.values()].map((step) => {
		const chart = findChart(step.chart);
		const chapter = chapterOf.get(step.id);
		if (!chart || !chapter) throw new Error(`Step ${step.id}: no chart ${step.chart} or no chapter.`);
		return { id: step.id, chart, state: step.state, description: shorten(texts.get(step.id) ?? ''), chapter };
	});
}

/** The card of a chart state: its title, the state's label, the chart in that state. */
export const stateCardInput = (chart: Chart, state: string): CardInput => ({
	title: chart.title,
	subtitle: chart.label(state),
	chart,
	state,
});

export const stateCard = (chart: Chart, state: string) => cardPng(`${chart.id}/${state}`, stateCardInput(chart, state));

/** A chart's thumbnail in the gallery: the card of its first state, `width` px wide. */
export const chartThumbnail = (chart: Chart, width: number) =>
	cardThumbnail(`${chart.id}/${chart.defaultState}`, stateCardInput(chart, chart.defaultState), width);

/** The card of the story (`page` 'story') or of a chapter: its title over its chart. */
export async function pageCardInput(page: string): Promise<CardInput> {
	const { chapters, steps } = await loadStory();
	if (page === 'story') {
		const chart = findChart(site.socialImage.chart)!;
		return {
			title: site.title,
			subtitle: stateTitle(chart, site.socialImage.state),
			chart,
			state: site.socialImage.state,
		};
	}
	const chapter = chapters.find((c) => c.id === page);
	if (!chapter) throw new Error(`No chapter ${page}.`);
	// The chart state of the chapter's first step (or the story's, for a chapter without steps).
	const file = chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
	const first = [...steps.values()].find((step) => step.file === file);
	const shown = first ? { chart: first.chart, state: first.state } : site.socialImage;
	const chart = findChart(shown.chart)!;
	return { title: chapter.data.title, subtitle: stateTitle(chart, shown.state), chart, state: shown.state };
}

export const pageCard = async (page: string) => cardPng(`page:${page}`, await pageCardInput(page));
