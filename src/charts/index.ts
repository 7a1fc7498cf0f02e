import { datasets } from '../data/index.ts';
import type { Chart } from './define-chart.ts';
import { declarationFiles, loadDeclaredCharts } from './declared/load-declared.ts';
import cloudRevenueGrowth from './cloud-revenue-growth.ts';
import cloudRevenue from './cloud-revenue.ts';
import aiStreak from './ai-streak.ts';
import chatbotRace from './chatbot-race.ts';
import cloudRegionsMap from './cloud-regions-map.ts';
import cloudRegionsCount from './cloud-regions-count.ts';

/** Charts declared in content/charts/*.yaml: an editor adds a file and the chart is everywhere. */
export const declaredCharts: readonly Chart[] = loadDeclaredCharts(declarationFiles(), datasets);

/** Charts written in TypeScript (src/charts/*.ts), for what the declared vocabulary cannot say. */
const coded: readonly Chart[] = [
	cloudRevenueGrowth,
	cloudRevenue,
	aiStreak,
	chatbotRace,
	cloudRegionsMap,
	cloudRegionsCount,
];

/** The story's gallery order; a chart not listed (a new declaration) comes after these, by id. */
const order = [
	'world-cloud-share',
	'china-cloud-share',
	'china-cloud-market',
	'alibaba-timeline',
	'cloud-revenue-growth',
	'cloud-revenue',
	'ai-streak',
	'chatbot-race',
	'qwen-releases',
	'big-three-share',
	'cloud-regions-map',
	'cloud-regions-count',
];
const rank = (chart: Chart) => (order.includes(chart.id) ? order.indexOf(chart.id) : order.length);

/** Every chart, in gallery order: the one registry the story, embeds, gallery and tests read. */
export const charts: readonly Chart[] = [...coded, ...declaredCharts].toSorted(
	(a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id),
);

// A declaration may not take a code chart's id: the registry would hold two charts of one name.
for (const chart of declaredCharts) {
	if (coded.some((c) => c.id === chart.id))
		throw new Error(
			`content/charts/${chart.id}.yaml:1:1: src/charts/${chart.id}.ts already defines the chart "${chart.id}": rename the file.`,
		);
}

/** Returns the chart with this id, or undefined. */
export const findChart = (id: string): Chart | undefined => charts.find((chart) => chart.id === id);
