// Takes phone and desktop screenshots of a page of the running site: npm run screenshot -- <url> [out-prefix]
import { launchChromium } from './chromium.ts';

const [url = 'http://localhost:4321/', prefix = 'screenshot'] = process.argv.slice(2);
const hash = new URL(url).hash;
const browser = await launchChromium();
for (const [name, viewport] of [
	['phone', { width: 390, height: 844 }],
	['desktop', { width: 1280, height: 800 }],
] as const) {
	const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
	await page.goto(url, { waitUntil: 'networkidle' });
	if (hash) await page.waitForTimeout(300);
	await page.screenshot({ path: `${prefix}-${name}.png` });
	await page.close();
}
await browser.close();
