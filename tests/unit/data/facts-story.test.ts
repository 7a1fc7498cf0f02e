import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/index.ts';

const aiStreak = dataset('alibaba-ai-streak');
const revenue = dataset('alibaba-cloud-revenue');
const events = dataset('alibaba-events');
const launches = dataset('chatbot-launches-2023');
const qwen = dataset('qwen-releases');
const topThree = dataset('synergy-top-three-share');

// Key values of the story pinned to /work/shared/FACTS.md: an accidental edit of a CSV fails here.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const quarter = (fiscal: string) => {
	const row = revenue.rows.find((q) => q.fiscal === fiscal);
	if (!row) throw new Error(`no quarter ${fiscal}`);
	return row;
};
const dateOf = <R extends { readonly date: Date }>(rows: readonly R[], match: (row: R) => boolean) =>
	rows.find(match)?.date.toISOString().slice(0, 10);

describe('cloud revenue by quarter (FACTS §2)', () => {
	it('pins the confirmed growth figures', () => {
		expect(quarter('FY23 Q4')).toMatchObject({ quarter: 'Jan–Mar 2023', revenue: 18.58, growth: -2, segment: 'Cloud' });
		expect(quarter('FY24 Q2')).toMatchObject({ quarter: 'Jul–Sep 2023', revenue: 27.648, growth: 2 });
		expect(quarter('FY25 Q1')).toMatchObject({ quarter: 'Apr–Jun 2024', revenue: 26.5, growth: 6 });
		expect(quarter('FY25 Q3')).toMatchObject({ revenue: 31.742, growth: 13 });
		expect(quarter('FY25 Q4')).toMatchObject({ growth: 18 });
		expect(quarter('FY26 Q1')).toMatchObject({ revenue: 33.398, growth: 26 });
		expect(quarter('FY26 Q2')).toMatchObject({ quarter: 'Jul–Sep 2025', revenue: 39.824, growth: 34 });
		expect(quarter('FY26 Q4')).toMatchObject({ quarter: 'Jan–Mar 2026', growth: 38, growth_confidence: 'confirmed' });
	});

	it('marks single-source figures as such', () => {
		expect(quarter('FY24 Q1')).toMatchObject({
			growth: 4,
			growth_confidence: 'one source',
			revenue_confidence: 'one source',
		});
		expect(quarter('FY26 Q4')).toMatchObject({ revenue: 41.6, revenue_confidence: 'one source' });
		expect(quarter('FY22 Q4').growth_confidence).toBe('one source');
	});

	it('leaves unverified quarters as gaps (never the from-memory values)', () => {
		for (const fiscal of ['FY23 Q1', 'FY23 Q3', 'FY24 Q3', 'FY24 Q4', 'FY26 Q3']) {
			expect(quarter(fiscal), fiscal).toMatchObject({ revenue: null, growth: null });
		}
		// Growth confirmed, but the RMB value is from memory: only the growth is kept.
		expect(quarter('FY25 Q4').revenue).toBeNull();
		// Old-segment RMB values before January–March 2023 are from memory.
		expect(revenue.rows.filter((q) => q.segment === 'Cloud' && q.revenue !== null).map((q) => q.fiscal)).toEqual([
			'FY23 Q4',
		]);
	});

	it('starts Cloud Intelligence Group with the April–June 2023 quarter', () => {
		expect(dateOf(revenue.rows, (q) => q.segment === 'Cloud Intelligence Group')).toBe('2023-04-01');
	});

	it('gives every charted value a confidence, and every gap none', () => {
		for (const q of revenue.rows) {
			expect(q.revenue === null, `${q.fiscal} revenue`).toBe(q.revenue_confidence === null);
			expect(q.growth === null, `${q.fiscal} growth`).toBe(q.growth_confidence === null);
		}
	});
});

describe('the AI-product streak (FACTS §2, §5)', () => {
	it('pins the reported quarters and derives the start', () => {
		const streakOf = (label: string) => aiStreak.rows.find((q) => q.quarter === label);
		expect(streakOf('Jul–Sep 2023')).toMatchObject({ streak: 1, confidence: 'derived' });
		expect(streakOf('Jul–Sep 2024')).toMatchObject({ streak: 5, confidence: 'confirmed' });
		expect(streakOf('Jul–Sep 2025')).toMatchObject({ streak: 9, confidence: 'confirmed' });
		expect(streakOf('Jan–Mar 2026')).toMatchObject({ streak: 11, confidence: 'one source' });
		expect(aiStreak.rows.map((q) => q.streak)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
	});
});

describe('events and launches (FACTS §1, §5, §6, §7)', () => {
	it('pins the corporate timeline', () => {
		const at = (id: string) => dateOf(events.rows, (e) => e.id === id);
		expect(at('six-groups')).toBe('2023-03-28');
		expect(at('spin-off-plan')).toBe('2023-05-18');
		expect(at('succession')).toBe('2023-06-20');
		expect(at('zhang-leaves-cloud')).toBe('2023-09-10');
		expect(at('spin-off-cancelled')).toBe('2023-11-16');
		expect(events.rows.find((e) => e.id === 'cloud-overhaul')?.when).toBe('about 24 Nov 2023');
		expect(at('price-cuts')).toBe('2024-02-29');
		expect(at('lvmh-deal')).toBe('2024-05-22');
		expect(at('ai-plan')).toBe('2025-02-24');
		expect(at('too-small')).toBe('2025-11-25');
	});

	it('pins the 2023 chatbot race', () => {
		const at = (text: string) => dateOf(launches.rows, (e) => e.event.startsWith(text));
		expect(at('GPT-4')).toBe('2023-03-14');
		expect(at('Ernie Bot')).toBe('2023-03-16');
		expect(at('Tongyi Qianwen')).toBe('2023-04-11');
		expect(at('Hunyuan')).toBe('2023-09-07');
		expect(launches.rows.find((e) => e.event.startsWith('SenseChat'))).toMatchObject({
			date: day('2023-04-10'),
			confidence: 'one source',
		});
	});

	it('pins the Qwen releases and leaves out the unverified Tongyi Qianwen 2.0 and 2.5', () => {
		const at = (model: string) => dateOf(qwen.rows, (r) => r.model === model);
		expect(at('Qwen-7B')).toBe('2023-08-03');
		expect(at('Qwen-14B')).toBe('2023-09-25');
		expect(at('Qwen-72B')).toBe('2023-11-30');
		expect(at('Qwen1.5')).toBe('2024-02-05');
		expect(at('Qwen2')).toBe('2024-06-06');
		expect(at('Qwen2.5')).toBe('2024-09-19');
		expect(at('Qwen2.5-Max')).toBe('2025-01-29');
		expect(at('Qwen3')).toBe('2025-04-29');
		expect(at('Qwen3-Max')).toBe('2025-09-24');
		expect(qwen.rows.some((r) => /Tongyi/.test(r.model))).toBe(false);
	});
});

describe('the dates as written', () => {
	it('match each event’s date (with “about” only where the day is approximate)', () => {
		const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
		const written = (d: Date) => `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
		for (const row of [...events.rows, ...launches.rows, ...qwen.rows]) {
			expect(row.when.replace(/^about /, '')).toBe(written(row.date));
		}
		const approximate = [...events.rows, ...qwen.rows].filter((r) => r.when.startsWith('about ')).map((r) => r.when);
		expect(approximate).toEqual(['about 24 Nov 2023', 'about 29 Jan 2025']);
	});
});

describe('worldwide big-three share (FACTS §3a, 2023–24 Synergy releases only)', () => {
	it('pins the quarters and keeps Q1 2023 a gap', () => {
		const share = Object.fromEntries(topThree.rows.map((q) => [q.quarter, q.share]));
		expect(share).toEqual({
			'Q4 2022': 67,
			'Q1 2023': null,
			'Q2 2023': 65,
			'Q3 2023': 66,
			'Q4 2023': 67,
			'Q1 2024': 67,
		});
		expect(topThree.meta.measurer).toBe('Synergy Research Group');
	});
});

describe('sources', () => {
	it('give URLs only on primary publishers’ own addresses', () => {
		const hosts = [aiStreak, revenue, events, launches, qwen, topThree].flatMap((d) =>
			d.meta.sources.flatMap((s) => (s.url ? [new URL(s.url).hostname] : [])),
		);
		const primary =
			/(^|\.)(prnewswire\.com|canalys\.com|scmp\.com|datacenterdynamics\.com|bnnbloomberg\.ca|github\.com|gmteight\.com)$/;
		// Without a URL to look at, the rule below would hold whatever the metadata says.
		expect(hosts.length).toBeGreaterThan(0);
		for (const host of hosts) expect(host).toMatch(primary);
	});
});
