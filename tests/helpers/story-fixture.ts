import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A copy of the story's content/ to change without touching the real one. */
export interface StoryFixture {
	readonly root: string;
	readonly content: string;
	/** The environment that points the build and the CLI tools at this copy (see astro.config.mjs). */
	readonly env: Record<string, string>;
	/** Rewrites a file of the copy, e.g. `edit('chapters/the-cloud-race.mdx', (t) => t.replace(…))`. */
	edit(file: string, change: (text: string) => string): void;
	/** Writes a new file into the copy, or deletes one (text undefined). */
	write(file: string, text: string | undefined): void;
	/** Replaces every chapter of the copy with one, `chapters/<slug>.mdx` (see `chapterMdx`). */
	onlyChapter(slug: string, mdx: string): void;
	/** Deletes the copy. */
	remove(): void;
}

/** Copies content/ into tests/.tmp/<group>/<name>/content (replacing an older copy). */
export function storyFixture(group: string, name: string): StoryFixture {
	const root = resolve('tests/.tmp', group, name);
	const content = join(root, 'content');
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root, { recursive: true });
	cpSync('content', content, { recursive: true });
	const write = (file: string, text: string | undefined) => {
		const path = join(content, file);
		if (text === undefined) return rmSync(path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, text);
	};
	return {
		root,
		content,
		env: {
			STORY_ROOT: root,
			STORY_CONTENT_DIR: content,
			STORY_OUT_DIR: join(root, 'dist'),
			STORY_CACHE_DIR: join(root, 'cache'),
		},
		edit: (file, change) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8'))),
		write,
		onlyChapter: (slug, mdx) => {
			rmSync(join(content, 'chapters'), { recursive: true });
			write(`chapters/${slug}.mdx`, mdx);
		},
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}

/** What a test chapter's frontmatter says; the rest (authors, publication date, not a draft) is fixed. */
export interface ChapterHead {
	readonly title: string;
	readonly order: number;
	readonly dek: string;
}

/**
 * A chapter body of known text (so the lines in messages stay put when the real story changes) that
 * shows three charts: world-cloud-share (two states), china-cloud-share and china-cloud-market.
 */
export const knownChapterBody = `Opening text.

<Scrolly chart="world-cloud-share">
  <Step id="one" state="market">
    First step.
  </Step>
  <Step id="two" state="big-three">
    Second step.
  </Step>
  <Step id="three" chart="china-cloud-share" state="alibaba">
    Third step.
  </Step>
</Scrolly>

Closing text.

<Chart chart="china-cloud-market" state="growth" />
`;

/** A chapter file: frontmatter (lines 1-9, the body starting on line 11) and the body. */
export function chapterMdx({ title, order, dek }: ChapterHead, body = knownChapterBody): string {
	return `---
title: ${title}
order: ${order}
dek: ${dek}
authors:
  - Test desk
published: 2026-01-15
draft: false
---

${body}`;
}

/** The result of running a command-line tool: exit code and what it printed (stdout, then stderr). */
export interface CliResult {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs one of the project's CLI tools (`src/cli/<tool>.ts`) on Node, with extra environment. */
export function runCli(tool: string, args: readonly string[], env: Record<string, string>): Promise<CliResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [`src/cli/${tool}.ts`, ...args], {
			env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', fail);
		child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
	});
}
