import { launchChromium } from './tests/helpers/chromium.ts';
const browser = await launchChromium();
for (const [name, viewport, scheme] of [['phone', { width: 390, height: 844 }, 'light'], ['desktop', { width: 1280, height: 800 }, 'light'], ['phone-dark', { width: 390, height: 844 }, 'dark']] as const) {
	const page = await browser.newPage({ viewport, colorScheme: scheme });
	await page.goto('http://127.0.0.1:4378/', { waitUntil: 'networkidle' });
	await page.waitForTimeout(500);
	await page.screenshot({ path: `/tmp/embeds-host-${name}.png`, fullPage: true });
	await page.close();
}
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto('http://localhost:4377/charts/', { waitUntil: 'networkidle' });
await page.screenshot({ path: '/tmp/embeds-gallery-phone-full.png', fullPage: true, clip: { x: 0, y: 0, width: 390, height: 2600 } });
const d = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await d.goto('http://localhost:4377/charts/#world-cloud-share--alibaba', { waitUntil: 'networkidle' });
await d.screenshot({ path: '/tmp/embeds-gallery-desktop-entry.png' });
await browser.close();
