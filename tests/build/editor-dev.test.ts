import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inherited } from '../helpers/astro-build.ts';
import { launchChromium } from '../../src/cli/chromium.ts';
import { runCli, storyFixture } from '../helpers/story-fixture.ts';

/**
 * `npm run dev` on a copy of the story with a new draft chapter: what an editor sees while writing.
 */
const fixture = storyFixture('editor', 'dev');
let dev: ChildProcess;
let url: string;
let browser: Browser;

beforeAll(async () => {
	const created = await runCli('new-chapter', ['Work in progress'], fixture.env);
	if (created.code !== 0) throw new Error(created.stderr);
	browser = await launchChromium();
	// Astro moves to the next free port when this one is taken (by another program of the run, since
	// freePort() let it go; `--strictPort` does not stop it): the address is the one it prints.
	const port = await freePort();
	// Its own process group, so that the server and its children stop together.
	dev = spawn(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
		{
			env: { ...inherited(), ...fixture.env, FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		},
	);
	// What it says: its address, and for the error when it stops or never answers.
	let said = '';
	dev.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
	dev.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
	url = await waitForServer(dev, () => said).catch((error: Error) => {
		throw new Error(`${error.message}\n${said}`);
	});
}, 120_000);

afterAll(async () => {
	await browser?.close();
	try {
		if (dev?.pid) process.kill(-dev.pid);
	} catch {
		// The server had stopped already (its error says how).
	}
	fixture.remove();
});

async function open(path: string): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
	return page;
}

describe('npm run dev', { timeout: 60_000 }, () => {
	it('shows a draft chapter, in the navigation and at its own address', async () => {
		const page = await open('/');
		expect(await page.locator('nav a[href="#work-in-progress"]').textContent()).toContain('Work in progress');
		expect((await page.goto(`${url}/work-in-progress/`))?.status()).toBe(200);
		await page.close();
	});

	it('opens the page at ?step=<id>, with that step’s chart state on the stage', async () => {
		const page = await open('/?step=work-in-progress-big-three');
		// The engine sets its sections up one a task: the step's section may start after the jump.
		const shown = () =>
			page.evaluate(() => {
				const step = document.getElementById('work-in-progress-big-three')!;
				const stage = step.closest('story-scrolly')!.querySelector<HTMLElement>('.scrolly-figure')!;
				const { hash, search } = location;
				return { active: step.classList.contains('is-active'), state: stage.dataset.state, hash, search };
			});
		await expect
			.poll(shown)
			.toEqual({ active: true, state: 'big-three', hash: '#work-in-progress-big-three', search: '' });
		await page.close();
	});

	it('says so when ?step= names a step that is not on the page', async () => {
		const page = await open('/?step=no-such-step');
		await expect
			.poll(() => page.locator('.dev-panel-status').textContent())
			.toMatch(/^No step "no-such-step" on this page\. Steps here: .*work-in-progress-market/);
		await page.close();
	});

	it('jumps to any step from the panel, and draws the trigger line where steps turn', async () => {
		const page = await open('/work-in-progress/');
		await page.locator('.dev-panel select').selectOption('work-in-progress-alibaba');
		await expect.poll(() => page.locator('.dev-panel-status').textContent()).toContain('#work-in-progress-alibaba');
		await expect(page.locator('.dev-trigger').first().isVisible()).resolves.toBe(false);
		await page.getByLabel('Trigger line and step boxes').check();
		const line = await page.evaluate(() => {
			const scrolly = document.querySelector('story-scrolly')!;
			const trigger = Number.parseFloat(getComputedStyle(scrolly).getPropertyValue('--trigger'));
			const box = document.querySelector('.dev-trigger')!.getBoundingClientRect();
			return { top: Math.round(box.top), expected: Math.round(innerHeight * trigger) };
		});
		expect(line.top).toBe(line.expected);
		await page.close();
	});

	it('says in the panel which step is active, on the whole story too (not the first chapter’s last)', async () => {
		const page = await open('/?step=work-in-progress-alibaba');
		await expect
			.poll(() => page.locator('.dev-panel-status').textContent())
			.toMatch(/^Active: #work-in-progress-alibaba · /);
		await page.evaluate(() => document.getElementById('the-cloud-race')!.scrollIntoView({ block: 'start' }));
		await page.mouse.wheel(0, 1);
		await expect.poll(() => page.locator('.dev-panel-status').textContent()).not.toContain('work-in-progress');
		await page.close();
	});

	it('updates the page when a dataset is edited', async () => {
		const page = await open('/work-in-progress/');
		const before = await page.locator('.scrolly .step-figure .figure-alt, .step-figure figure').first().textContent();
		expect(before).toContain('Amazon 33%');
		fixture.edit('data/synergy-vendor-share-q4-2022.csv', (t) => t.replace(/^Amazon,33$/m, 'Amazon,34'));
		await page.waitForFunction(() => document.body.textContent?.includes('Amazon 34%'), null, { timeout: 30_000 });
		await page.close();
	});

	it('updates the page when a dataset’s metadata (JSON) is edited', async () => {
		const page = await open('/embed/world-cloud-share/market/');
		expect(await page.locator('body').textContent()).toContain('Microsoft, Google up, Amazon flat');
		fixture.edit('data/synergy-vendor-share-q4-2022.json', (t) =>
			t.replace('Microsoft, Google up, Amazon flat', 'Microsoft and Google up, Amazon flat'),
		);
		await page.waitForFunction(() => document.body.textContent?.includes('Microsoft and Google up'), null, {
			timeout: 30_000,
		});
		await page.close();
	});

	it('updates the page when a chart declaration (YAML) is edited', async () => {
		const page = await open('/embed/china-cloud-share/alibaba/');
		expect(await page.locator('h1, .figure-title').first().textContent()).toContain('At home, Alibaba leads');
		fixture.edit('charts/china-cloud-share.yaml', (t) =>
			t.replace('title: At home, Alibaba leads', 'title: At home, Alibaba still leads'),
		);
		await page.waitForFunction(() => document.body.textContent?.includes('At home, Alibaba still leads'), null, {
			timeout: 30_000,
		});
		await page.close();
	});
});

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** The address the server prints once it answers there. */
async function waitForServer(server: ChildProcess, said: () => string): Promise<string> {
	for (let i = 0; i < 240; i++) {
		if (server.exitCode !== null) throw new Error(`astro dev stopped (exit code ${server.exitCode})`);
		const address = /Local\b.*?(http:\/\/127\.0\.0\.1:\d+)/.exec(said())?.[1];
		try {
			if (address && (await fetch(address)).ok) return address;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error('astro dev did not answer at the address it printed');
}
