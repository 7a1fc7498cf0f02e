import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/chapters/check-figures.ts';
import { computeFigure, formatNumber } from '../../../src/chapters/figure-components.ts';
import { defineDataset } from '../../../src/data/define-dataset.ts';

const meta = (unit: string) =>
	JSON.stringify({ title: 'Test', unit, measurer: 'Test', sources: [{ publisher: 'P', title: 'T', date: '2024' }] });
const revenue = (csv: string) =>
	defineDataset({
		name: 'revenue',
		csv,
		meta: meta('RMB bn per quarter; growth in % year on year'),
		columns: {
			quarter: { type: 'string' },
			date: { type: 'date' },
			revenue: { type: 'number' },
			growth: { type: 'number' },
		},
	});
const share = defineDataset({
	name: 'share',
	csv: 'vendor,share\nAmazon,33\nMicrosoft,23\nGoogle,11\n',
	meta: meta('% of worldwide market revenue'),
	columns: { vendor: { type: 'string' }, share: { type: 'number' } },
});
const csv = 'quarter,date,revenue,growth\nJul–Sep 2023,2023-07-01,27.648,2\nJul–Sep 2025,2025-07-01,39.824,34\n';

describe('figures computed from the data', () => {
	it('follow their data: the same tag writes the new value when the CSV changes', () => {
		const tag = { of: 'revenue.revenue', where: 'quarter=Jul–Sep 2025', format: 'RMB 0.0 bn' };
		expect(computeFigure('Value', tag, [revenue(csv)])).toMatchObject({ ok: true, text: 'RMB 39.8 bn' });
		expect(computeFigure('Value', tag, [revenue(csv.replace('39.824', '41.07'))])).toMatchObject({
			ok: true,
			text: 'RMB 41.1 bn',
		});
	});

	it('derive sums, changes, differences and year-earlier bases', () => {
		const data = [revenue(csv), share];
		const text = (name: Parameters<typeof computeFigure>[0], attributes: Record<string, string>) => {
			const result = computeFigure(name, attributes, data);
			return result.ok ? result.text : result.message;
		};
		// A dataset with one number column may be named alone; a percentage unit gives "0%".
		expect(text('Sum', { of: 'share', where: 'vendor=Amazon|Microsoft|Google' })).toBe('67%');
		expect(text('Change', { of: 'revenue.revenue', from: 'date=2023-07', to: 'date=2025-07', format: '+0%' })).toBe(
			'+44%',
		);
		expect(text('Difference', { of: 'revenue.growth', from: 'date=2023', to: 'date=2025' })).toBe('32');
		expect(text('Implied', { of: 'revenue.revenue', where: 'date=2025-07', format: 'RMB 0.0 bn' })).toBe('RMB 29.7 bn');
		expect(text('Value', { of: 'revenue.revnue', where: 'date=2025' })).toBe(
			'<Value>: revenue has no number column "revnue". Did you mean "revenue"? Its number columns: revenue, growth.',
		);
	});

	it('format a number in a template', () => {
		expect(formatNumber(2300, '0,000 models')).toBe('2,300 models');
		expect(formatNumber(9.25, 'US$0.0 bn')).toBe('US$9.3 bn');
	});
});

describe('findFigures(text)', () => {
	it('finds percentages, money and counts, leaving out years, days and numbers in names', () => {
		const text =
			'On 16 November 2023, in Q3 2023 (FY24 Q2), Qwen2.5 and GPT-4 and Tongyi Qianwen 2.0 aside, ' +
			'growth was **4%**, revenue RMB 25.1 bn, spending US$9.2 bn, 2,300 models and 30 regions, 8 to 10%.';
		expect(findFigures(text).map((f) => [f.text, f.value, f.decimals])).toEqual([
			['4%', 4, 0],
			['RMB 25.1 bn', 25.1, 1],
			['US$9.2 bn', 9.2, 1],
			['2,300', 2300, 0],
			['30', 30, 0],
			['8', 8, 0],
			['10%', 10, 0],
		]);
	});
});
