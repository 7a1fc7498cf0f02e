import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/index.ts';
import { findChart } from '../../../src/charts/index.ts';

const footprint = dataset('alibaba-cloud-footprint');
const regions = dataset('alibaba-cloud-regions');

// Key values of chapter 5 pinned to the fact sheet (shared/FACTS.md §4): a typo in the CSV fails here.
const region = (key: string) => {
	const row = regions.rows.find((r) => r.key === key);
	if (!row) throw new Error(`no region "${key}"`);
	return row;
};
const countAt = (month: string) => footprint.rows.find((r) => r.date.toISOString().startsWith(month));
const day = (date: Date | null) => date?.toISOString().slice(0, 10);

describe('the regions dataset (FACTS §4b)', () => {
	it('has Mexico live in February 2025, announced in May 2024', () => {
		const mexico = region('mexico');
		expect(mexico).toMatchObject({
			year: 2025,
			launched: 'February 2025',
			status: 'active',
			may_2024_plan: 'new region',
		});
		expect(day(mexico.announced)).toBe('2024-05-01');
	});

	it('closes Sydney after 30 September 2024 and Mumbai after 15 July 2024', () => {
		expect(region('sydney')).toMatchObject({ year: 2016, status: 'closed' });
		expect(day(region('sydney').closed_after)).toBe('2024-09-30');
		expect(region('mumbai')).toMatchObject({ year: 2018, status: 'closed' });
		expect(day(region('mumbai').closed_after)).toBe('2024-07-15');
	});

	it('dates the first regions and the 2016 wave, and dates neither Virginia nor Tokyo (only its plan is confirmed)', () => {
		expect(['hong-kong', 'silicon-valley', 'singapore'].map((k) => region(k).year)).toEqual([2014, 2015, 2015]);
		expect(['dubai', 'frankfurt', 'sydney'].map((k) => region(k).year)).toEqual([2016, 2016, 2016]);
		expect(region('tokyo')).toMatchObject({ year: null, launched: null, confidence: 'not confirmed' });
		expect(region('virginia')).toMatchObject({ year: null, launched: null, confidence: 'not confirmed' });
	});

	it('marks single-source launch dates and leaves uncertain places (Johor, Atlanta) out', () => {
		expect(regions.rows.filter((r) => r.confidence === 'one source').map((r) => r.key)).toEqual([
			'hong-kong',
			'manila',
		]);
		expect(regions.rows.map((r) => r.label.toLowerCase())).not.toContain('johor');
		expect(regions.rows.map((r) => r.label.toLowerCase())).not.toContain('atlanta');
		expect(regions.meta.notes.join(' ')).toMatch(/Johor.*Atlanta.*left off/);
	});

	it('has Brazil, France and the Netherlands as planned, announced on 24 September 2025', () => {
		const planned = regions.rows.filter((r) => r.status === 'planned');
		expect(planned.map((r) => r.key)).toEqual(['brazil', 'france', 'netherlands']);
		expect(new Set(planned.map((r) => day(r.announced)))).toEqual(new Set(['2025-09-24']));
	});

	it('says in its note that positions are approximate city centres', () => {
		expect(regions.meta.notes.join(' ')).toMatch(/approximate city centres, for placement only/);
	});
});

describe('the region and zone counts (FACTS §4a)', () => {
	it('has 30 regions and 89 zones in May 2024, confirmed', () => {
		expect(countAt('2024-05')).toMatchObject({ regions: 30, zones: 89, confidence: 'confirmed' });
	});

	it('derives 28 regions and 85 zones after the closures, and marks it', () => {
		expect(countAt('2024-10')).toMatchObject({ regions: 28, zones: 85, confidence: 'derived' });
	});

	it('has 29/87 in February 2025, 29/91 in September 2025 and 29/92 (one source) in October 2025', () => {
		expect(countAt('2025-02')).toMatchObject({ regions: 29, zones: 87, confidence: 'confirmed' });
		expect(countAt('2025-09')).toMatchObject({ regions: 29, zones: 91, confidence: 'confirmed' });
		expect(countAt('2025-10')).toMatchObject({ regions: 29, zones: 92, confidence: 'one source' });
	});
});

describe('the regions map', () => {
	const map = findChart('cloud-regions-map')!;
	const live = (state: string) => Number(/ (\d+) regions? \(/.exec(map.alt(state))?.[1]);

	it('shows 16 regions outside mainland China in May 2024, as Alibaba Cloud counted them', () => {
		expect(live('plan-2024')).toBe(16);
		// and the planned Mexico region in its table, in the dataset's own terms
		expect(map.table('plan-2024').rows.find((r) => r.region === 'Mexico (Querétaro)')).toMatchObject({
			year: 2025,
			may_2024_plan: 'new region',
		});
	});

	it('reveals the expansion step by step: 3 regions by 2015, 6 by 2016, 14 by 2022', () => {
		expect([live('first-regions'), live('wave-2016'), live('asia')]).toEqual([3, 6, 14]);
	});

	it('shows Sydney and Mumbai closed from October 2024, and Mexico planned until it goes live', () => {
		expect(map.alt('closures-2024')).toMatch(/Closed: Sydney and Mumbai\./);
		expect(map.alt('plan-2024')).toMatch(/Planned: Mexico\./);
		expect(map.alt('mexico-live')).toMatch(/Mexico 2025/);
		expect(map.alt('mexico-live')).not.toMatch(/Planned: Mexico/);
	});
});
