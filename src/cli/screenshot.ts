// Takes phone and desktop screenshots of a page of the running site: npm run screenshot -- <url> [out-prefix]
import { launchChromium } from './chromium.ts';

export const screenshotUsage = `Usage: npm run screenshot -- <url> [out-prefix]

Takes two screenshots of a page of the running site (start it first with npm run dev, or
npm run preview after a build): <out-prefix>-phone.png at 390x844 and <out-prefix>-desktop.png
at 1280x800. The prefix defaults to "screenshot" (files in the current folder).

Examples:
  npm run screenshot -- http://localhost:4321/
  npm run screenshot -- http://localhost:4321/embed/china-cloud-share/alibaba/ content/guide/china-cloud-share`;

/** What to do, from the command's arguments: take screenshots, print the usage, or say what is wrong. */
export type ScreenshotArgs =
	| { readonly kind: 'shoot'; readonly url: string; readonly prefix: string }
	| { readonly kind: 'help' }
	| { readonly kind: 'error'; readonly message: string };

export function parseScreenshotArgs(args: readonly string[]): ScreenshotArgs {
	if (args.some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help' };
	const unknown = args.find((arg) => arg.startsWith('-'));
	if (unknown) return { kind: 'error', message: `Unknown option ${unknown}.` };
	if (args.length > 2) return { kind: 'error', message: `Too many arguments: ${args.slice(2).join(' ')}.` };
	const [url = 'http://localhost:4321/', prefix = 'screenshot'] = args;
	if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
		return { kind: 'error', message: `"${url}" is not a web address: write it in full, e.g. http://localhost:4321/.` };
	}
	return { kind: 'shoot', url, prefix };
}

/** The two widths the story is checked at: a phone and a laptop. */
export const screenshotViewports = [
	['phone', { width: 390, height: 844 }],
	['desktop', { width: 1280, height: 800 }],
] as const;

/** Writes `<prefix>-phone.png` and `<prefix>-desktop.png` of a page; returns their paths. */
export async function takeScreenshots(url: string, prefix: string): Promise<string[]> {
	const hash = new URL(url).hash;
	const browser = await launchChromium();
	const paths: string[] = [];
	try {
		for (const [name, viewport] of screenshotViewports) {
			const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
			await page.goto(url, { waitUntil: 'networkidle' });
			if (hash) await page.waitForTimeout(300);
			const path = `${prefix}-${name}.png`;
			await page.screenshot({ path });
			paths.push(path);
			await page.close();
		}
	} finally {
		await browser.close();
	}
	return paths;
}

if (import.meta.main) {
	const args = parseScreenshotArgs(process.argv.slice(2));
	if (args.kind === 'help') console.log(screenshotUsage);
	else if (args.kind === 'error') {
		console.error(`${args.message}\n\n${screenshotUsage}`);
		process.exitCode = 1;
	} else console.log(`Wrote ${(await takeScreenshots(args.url, args.prefix)).join(' and ')}.`);
}
