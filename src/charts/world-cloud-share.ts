import * as Plot from '@observablehq/plot';
import { dataset } from '../data/index.ts';
import { defineChart } from './define-chart.ts';
import { findRow, listJoin, ordinal, percent } from './shared/format.ts';
import { bigThree, chartHeight, color, fontSize, isNarrow, providerColor } from './shared/theme.ts';

const vendorShare = dataset('synergy-vendor-share-q4-2022');

type Share = { readonly vendor: string; readonly share: number };
type Highlight = 'none' | 'big-three' | 'alibaba';

const isBigThree = (vendor: string): boolean => (bigThree as readonly string[]).includes(vendor);

const fillFor =
	(highlight: Highlight) =>
	({ vendor }: Share): string => {
		if (highlight === 'big-three') return isBigThree(vendor) ? providerColor(vendor) : color.muted;
		if (highlight === 'alibaba') return vendor === 'Alibaba' ? color.alibaba : color.muted;
		return color.muted;
	};

function bars(rows: readonly Share[], width: number, highlight: Highlight) {
	return {
		height: chartHeight(width),
		marginLeft: isNarrow(width) ? 80 : 90,
		marginRight: 44,
		x: { domain: [0, 35], axis: null },
		y: { domain: rows.map((r) => r.vendor), label: null, tickSize: 0 },
		marks: [
			Plot.barX(rows, { x: 'share', y: 'vendor', fill: fillFor(highlight), insetTop: 3, insetBottom: 3 }),
			Plot.text(rows, {
				x: 'share',
				y: 'vendor',
				text: (d: Share) => percent(d.share),
				dx: 6,
				textAnchor: 'start',
				fontSize,
			}),
			Plot.ruleX([0]),
		],
	};
}

const total = (rows: readonly Share[]): number => rows.reduce((sum, r) => sum + r.share, 0);
const shareOf = (rows: readonly Share[], vendor: string): string =>
	percent(findRow(rows, (r) => r.vendor === vendor, `provider "${vendor}"`).share);

export default defineChart({
	id: 'world-cloud-share',
	title: 'Three American companies sell most of the world’s cloud',
	subtitle: 'Share of worldwide cloud infrastructure services revenue, Q4 2022, %',
	datasets: { share: vendorShare },
	table: ({ share }) => ({
		columns: [
			{ key: 'vendor', label: 'Provider' },
			{ key: 'share', label: 'Share, %' },
		],
		rows: share.map(({ vendor, share }) => ({ vendor, share })),
	}),
	states: {
		market: {
			label: 'The largest providers',
			plot: ({ share }, width) => bars(share, width, 'none'),
			alt: ({ share }) =>
				`Bar chart of the ${share.length} largest cloud infrastructure providers by worldwide market share in Q4 2022: ${listJoin(
					share.map((r) => `${r.vendor} ${percent(r.share)}`),
				)}.`,
		},
		'big-three': {
			label: 'Amazon, Microsoft and Google highlighted',
			plot: ({ share }, width) => bars(share, width, 'big-three'),
			alt: ({ share }) =>
				`${listJoin(bigThree.map((v) => `${v} (${shareOf(share, v)})`))} are highlighted: together ${percent(
					total(share.filter((r) => isBigThree(r.vendor))),
				)} of the worldwide market in Q4 2022.`,
		},
		alibaba: {
			label: 'Alibaba highlighted',
			plot: ({ share }, width) => bars(share, width, 'alibaba'),
			alt: ({ share }) => {
				const rank = share.findIndex((r) => r.vendor === 'Alibaba') + 1;
				return `Alibaba is highlighted: the ${ordinal(rank)}-largest provider worldwide with ${shareOf(
					share,
					'Alibaba',
				)} of the market in Q4 2022, against ${percent(total(share.filter((r) => isBigThree(r.vendor))))} for the big three combined.`;
			},
		},
	},
});
