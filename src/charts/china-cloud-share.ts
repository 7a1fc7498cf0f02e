import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { findRow, listJoin, percent } from './shared/format.ts';
import { chartHeight, color, fontSize, isNarrow } from './shared/theme.ts';

const chinaShare = dataset('canalys-china-share-q3-2023');

type Share = (typeof chinaShare.rows)[number];
type Highlight = 'none' | 'alibaba' | 'rivals';

const rivals = ['Huawei', 'Tencent'];

const fillFor =
	(highlight: Highlight) =>
	({ vendor }: Share): string => {
		if (highlight === 'alibaba' && vendor === 'Alibaba') return color.alibaba;
		if (highlight === 'rivals' && rivals.includes(vendor)) return color.accent;
		return color.muted;
	};

// Single-source and derived values are marked in the label itself, so the reader sees it in the chart.
const label = (d: Share): string =>
	d.confidence === 'one source'
		? `${percent(d.share)}*`
		: d.confidence === 'derived'
			? `${percent(d.share)}†`
			: percent(d.share);

function bars(rows: readonly Share[], width: number, highlight: Highlight) {
	return {
		height: chartHeight(width, { narrow: 260, wide: 320 }),
		marginLeft: isNarrow(width) ? 70 : 80,
		marginRight: 52,
		x: { domain: [0, 45], axis: null },
		y: { domain: rows.map((r) => r.vendor), label: null, tickSize: 0 },
		marks: [
			Plot.barX(rows, { x: 'share', y: 'vendor', fill: fillFor(highlight), insetTop: 4, insetBottom: 4 }),
			Plot.text(rows, { x: 'share', y: 'vendor', text: label, dx: 6, textAnchor: 'start', fontSize }),
			Plot.ruleX([0]),
		],
	};
}

const shareOf = (rows: readonly Share[], vendor: string): number =>
	findRow(rows, (r) => r.vendor === vendor, `provider "${vendor}"`).share;

export default defineChart({
	id: 'china-cloud-share',
	title: 'At home, Alibaba leads',
	subtitle: 'Share of mainland China cloud infrastructure services revenue, Q3 2023, %',
	datasets: { share: chinaShare },
	table: ({ share }) => ({
		columns: [
			{ key: 'vendor', label: 'Provider' },
			{ key: 'share', label: 'Share, %' },
			{ key: 'confidence', label: 'Confidence' },
		],
		rows: share.map(({ vendor, share, confidence }) => ({ vendor, share, confidence })),
	}),
	states: {
		leaders: {
			label: 'The top three and the rest',
			plot: ({ share }, width) => bars(share, width, 'none'),
			alt: ({ share }) =>
				`Bar chart of mainland China cloud market share in Q3 2023: ${listJoin(
					share.map((r) => `${r.vendor} ${percent(r.share)}`),
				)}.`,
		},
		alibaba: {
			label: 'Alibaba highlighted',
			plot: ({ share }, width) => bars(share, width, 'alibaba'),
			alt: ({ share }) =>
				`Alibaba is highlighted: ${percent(shareOf(share, 'Alibaba'))} of China's cloud market in Q3 2023, more than ${listJoin(
					rivals,
				)} combined (${percent(rivals.reduce((sum, v) => sum + shareOf(share, v), 0))}).`,
		},
		rivals: {
			label: 'Huawei and Tencent highlighted',
			plot: ({ share }, width) => bars(share, width, 'rivals'),
			alt: ({ share }) =>
				`${listJoin(rivals.map((v) => `${v} (${percent(shareOf(share, v))})`))} are highlighted, behind Alibaba's ${percent(
					shareOf(share, 'Alibaba'),
				)}. Their figures come from a single report.`,
		},
	},
});
