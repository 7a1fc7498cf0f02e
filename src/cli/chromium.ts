import { chromium, type Browser } from 'playwright-core';

/**
 * The flags every test run uses: no sandbox (root in CI), no network chatter, no GPU, and no process per
 * site (a frame of another origin shares its page's renderer: the embed tests start ~250 frames; the
 * same-origin policy, CSP and postMessage do not depend on it).
 */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	'--disable-site-isolation-trials',
];

/** Launches the system Chromium (Debian's package) through playwright-core. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}
