import { it } from 'vitest';
import { serveStatic } from '../../helpers/static-server.ts';
import { launchChromium } from '../../helpers/chromium.ts';

it('shots', async () => {
	const server = await serveStatic('dist');
	const browser = await launchChromium();
	const targets = [
		['embed-china-cloud-market-latest', 'embed/china-cloud-market/latest/'],
		['embed-big-three-share-two-thirds', 'embed/big-three-share/two-thirds/'],
		['embed-world-cloud-share-big-three', 'embed/world-cloud-share/big-three/'],
		['embed-china-cloud-share-rivals', 'embed/china-cloud-share/rivals/'],
		['story-china', '#china-market-latest'],
	] as const;
	for (const [name, path] of targets) {
		for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
			const page = await browser.newPage({ viewport });
			await page.goto(`${server.url}/${path.startsWith('#') ? '' : path}${path.startsWith('#') ? path : ''}`, { waitUntil: 'networkidle' });
			if (path.startsWith('#')) {
				await page.locator(`[data-step="${path.slice(1)}"]`).first().scrollIntoViewIfNeeded();
				await page.waitForTimeout(1200);
			}
			await page.screenshot({ path: `/tmp/s12/shot-${name}-${size}.png` });
			await page.close();
		}
	}
	await browser.close();
	await server.close();
}, 120_000);
