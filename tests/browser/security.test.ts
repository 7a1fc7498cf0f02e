import { describe, expect, inject, it } from 'vitest';
import { pageTypes } from '../helpers/site-pages.ts';
import { useBuiltSite } from '../helpers/built-site-browser.ts';

const siteDir = inject('siteDir');

const site = useBuiltSite();

const payload = '"><img src=x onerror=alert(1)><svg onload=alert(2)>';

describe('Content-Security-Policy and URL handling', () => {
	it.each(Object.entries(pageTypes(siteDir)))(
		'%s page works under a strict CSP with no violation',
		async (_type, path) => {
			const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			await page.addInitScript(() => {
				const violations: string[] = [];
				(window as unknown as { cspViolations: string[] }).cspViolations = violations;
				document.addEventListener('securitypolicyviolation', (e) =>
					violations.push(`${e.violatedDirective} ${e.blockedURI}`),
				);
			});
			const errors: string[] = [];
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
			const policy = await page.$eval(
				'meta[http-equiv="content-security-policy"]',
				(m) => m.getAttribute('content') ?? '',
			);
			expect(policy).toMatch(/script-src 'self'/);
			expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
			await page.mouse.wheel(0, 3000);
			await page.waitForTimeout(300);
			expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		},
	);

	it.each(Object.entries(pageTypes(siteDir)))(
		'%s page reflects no URL parameter or hash into the page',
		async (_type, path) => {
			const context = await site.browser.newContext();
			const page = await context.newPage();
			let dialogs = 0;
			page.on('dialog', (dialog) => {
				dialogs++;
				void dialog.dismiss();
			});
			const query = new URLSearchParams({ q: payload, theme: payload, step: payload, childId: payload }).toString();
			await page.goto(`${site.url}${path}?${query}#${encodeURIComponent(payload)}`, { waitUntil: 'networkidle' });
			await page.waitForTimeout(200);
			const html = await page.content();
			expect(html).not.toContain('onerror=alert');
			expect(html).not.toContain('onload=alert');
			expect(dialogs).toBe(0);
			await context.close();
		},
	);
});
