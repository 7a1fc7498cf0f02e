import type { Dataset } from './define-dataset.ts';
import canalysChinaMarket from './canalys-china-market.ts';
import canalysChinaShareQ32023 from './canalys-china-share-q3-2023.ts';
import synergyTopThreeShare from './synergy-top-three-share.ts';
import synergyVendorShareQ42022 from './synergy-vendor-share-q4-2022.ts';
import alibabaEvents from './alibaba-events.ts';
import alibabaCloudRevenue from './alibaba-cloud-revenue.ts';
import alibabaAiStreak from './alibaba-ai-streak.ts';
import chatbotLaunches2023 from './chatbot-launches-2023.ts';
import qwenReleases from './qwen-releases.ts';
import alibabaCloudRegions from './alibaba-cloud-regions.ts';
import alibabaCloudFootprint from './alibaba-cloud-footprint.ts';

/** Every dataset, by name: the registry the gallery, downloads and tests read. */
export const datasets: readonly Dataset[] = [
	synergyVendorShareQ42022,
	synergyTopThreeShare,
	canalysChinaShareQ32023,
	canalysChinaMarket,
	alibabaEvents,
	alibabaCloudRevenue,
	alibabaAiStreak,
	chatbotLaunches2023,
	qwenReleases,
	alibabaCloudRegions,
	alibabaCloudFootprint,
];
