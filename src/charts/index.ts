import type { Chart } from './define-chart.ts';
import chinaCloudMarket from './china-cloud-market.ts';
import chinaCloudShare from './china-cloud-share.ts';
import worldCloudShare from './world-cloud-share.ts';
import alibabaTimeline from './alibaba-timeline.ts';
import cloudRevenueGrowth from './cloud-revenue-growth.ts';
import cloudRevenue from './cloud-revenue.ts';
import aiStreak from './ai-streak.ts';
import chatbotRace from './chatbot-race.ts';
import qwenReleases from './qwen-releases.ts';
import bigThreeShare from './big-three-share.ts';
import cloudRegionsMap from './cloud-regions-map.ts';
import cloudRegionsCount from './cloud-regions-count.ts';

/** Every chart, in gallery order: the one registry the story, embeds, gallery and tests read. */
export const charts: readonly Chart[] = [
	worldCloudShare,
	chinaCloudShare,
	chinaCloudMarket,
	alibabaTimeline,
	cloudRevenueGrowth,
	cloudRevenue,
	aiStreak,
	chatbotRace,
	qwenReleases,
	bigThreeShare,
	cloudRegionsMap,
	cloudRegionsCount,
];

/** Returns the chart with this id, or undefined. */
export const findChart = (id: string): Chart | undefined => charts.find((chart) => chart.id === id);
