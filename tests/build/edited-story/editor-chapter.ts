import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, page } from '../../helpers/built-site.ts';
import { runCli, type StoryFixture } from '../../helpers/story-fixture.ts';

/**
 * An editor scaffolds two chapters in a copy of the story, publishes one and leaves the other a
 * draft, and builds: the published one is in the story and its navigation, the draft nowhere.
 */
/** The edits: two chapters and a chart made with the commands, one chapter published. */
export async function editEditorChapter(fixture: StoryFixture): Promise<void> {
	for (const title of ['Qwen’s bet', 'An unfinished draft']) {
		const { code, stderr } = await runCli('new-chapter', [title], fixture.env);
		if (code !== 0) throw new Error(stderr);
	}
	// A chart made with npm run new-chart from a fresh CSV and complete metadata (no column types).
	fixture.write('data/cloud-spending.csv', 'quarter,date,spending\nQ1 2024,2024-01-01,76.2\nQ2 2024,2024-04-01,78.2\n');
	fixture.write(
		'data/cloud-spending.json',
		JSON.stringify({
			title: 'Worldwide cloud infrastructure spending',
			unit: 'US$ bn per quarter',
			measurer: 'Synergy Research Group',
			sources: [{ publisher: 'Synergy Research Group', title: 'Cloud spending release', date: '2024-07' }],
		}),
	);
	const made = await runCli('new-chart', ['content/data/cloud-spending.csv'], fixture.env);
	if (made.code !== 0) throw new Error(made.stderr);
	// Published, and put between chapters 2 and 3 by its own order alone: no other chapter changes.
	fixture.edit('chapters/qwens-bet.mdx', (t) =>
		t.replace('draft: true', 'draft: false').replace(/^order: \d+$/m, 'order: 2.5'),
	);
}

/** What the edits must show in the built copy (in `dist`), and what its build printed. */
export function editorChapterTests(dist: string, buildOutput: () => string): void {
	const htmlFiles = () => listFiles(dist).filter((file) => file.endsWith('.html'));
	describe('a chapter made with npm run new-chapter', () => {
		it('builds, with its own page, and appears in the story’s navigation', () => {
			const link = page(dist, '').querySelector('nav a[href="#qwens-bet"]');
			expect(link?.textContent).toContain('Qwen’s bet');
			const chapter = page(dist, 'qwens-bet/');
			expect(chapter.querySelector('h1')?.textContent).toBe('Qwen’s bet');
			expect(chapter.querySelector('nav a[href$="/qwens-bet/"]')?.getAttribute('aria-current')).toBe('page');
		});

		it('goes where its order puts it (2.5: between chapters 2 and 3), and the chapters are numbered by place', () => {
			const toc = [...page(dist, '').querySelectorAll('nav .toc-link')].map((link) => [
				link.querySelector('.toc-number')?.textContent,
				link.getAttribute('href'),
			]);
			expect(toc.slice(0, 4)).toEqual([
				['1', '#the-cloud-race'],
				['2', '#a-difficult-year'],
				['3', '#qwens-bet'],
				['4', '#growth-stalls'],
			]);
			expect(page(dist, 'qwens-bet/').querySelector('.chapter-kicker')?.textContent).toBe('Chapter 3');
			expect(page(dist, 'growth-stalls/').querySelector('.chapter-kicker')?.textContent).toBe('Chapter 4');
		});

		it('shows its scrolly steps, each with its chart state drawn, and its inline figure', () => {
			const chapter = page(dist, 'qwens-bet/');
			const steps = [...chapter.querySelectorAll('.step[data-step^="qwens-bet-"]')];
			expect(steps.length).toBeGreaterThanOrEqual(2);
			for (const step of steps) {
				const figure = step.querySelector(`figure[data-chart="${step.getAttribute('data-chart')}"]`);
				expect(figure?.getAttribute('data-state')).toBe(step.getAttribute('data-state'));
				expect(figure?.querySelector('svg')).not.toBeNull();
			}
			expect(chapter.querySelector('.inline-chart figure svg')).not.toBeNull();
		});
	});

	describe('a chart made with npm run new-chart', () => {
		it('builds as written: in the gallery, and on an embed page per state with its source', () => {
			expect(page(dist, 'charts/').querySelector('a[href$="/charts/cloud-spending/"]')).not.toBeNull();
			expect(page(dist, 'charts/cloud-spending/').querySelector('#cloud-spending--all')).not.toBeNull();
			for (const state of ['all', 'latest']) {
				const embed = page(dist, `embed/cloud-spending/${state}/`);
				expect(embed.querySelector('svg'), state).not.toBeNull();
				expect(embed.body.textContent).toContain('Cloud spending release');
			}
		});
	});

	describe('a draft', () => {
		it('is left out of the production build: no page, no link, no step, not a word of it', () => {
			expect(existsSync(join(dist, 'an-unfinished-draft'))).toBe(false);
			for (const file of htmlFiles()) {
				const html = readFileSync(join(dist, file), 'utf8');
				expect(html, file).not.toContain('An unfinished draft');
				expect(html, file).not.toContain('an-unfinished-draft');
			}
		});
	});

	describe('the production build', () => {
		it('prints no warning', () => {
			expect(
				buildOutput()
					.split('\n')
					.filter((line) => /\[WARN\]|\bwarn(ing)?\b/i.test(line)),
			).toEqual([]);
		});

		it('ships none of the preview tools', () => {
			for (const file of listFiles(dist).filter((f) => /\.(html|js)$/.test(f))) {
				const text = readFileSync(join(dist, file), 'utf8');
				expect(text, file).not.toMatch(/dev-tools|dev-panel|@fs\//);
			}
		});
	});
}
