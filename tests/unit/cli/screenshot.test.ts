import { describe, expect, it } from 'vitest';
import { parseScreenshotArgs, screenshotUsage } from '../../../src/cli/screenshot.ts';
import { runCli } from '../../helpers/story-fixture.ts';

describe('npm run screenshot', { timeout: 30_000 }, () => {
	it('prints its usage for --help (it used to fail with a TypeError)', async () => {
		const { code, stdout, stderr } = await runCli('screenshot', ['--help'], {});
		expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
		expect(stdout.trim()).toBe(screenshotUsage);
		expect(stdout).toMatch(/^Usage: npm run screenshot -- <url> \[out-prefix\]/);
	});

	it('says what is wrong with its arguments, then the usage, and exits 1', async () => {
		const { code, stderr } = await runCli('screenshot', ['localhost:4321'], {});
		expect(code).toBe(1);
		expect(stderr).toMatch(
			/^"localhost:4321" is not a web address: write it in full, e.g. http:\/\/localhost:4321\/\.\n\nUsage:/,
		);
	});

	it('reads a page address and a file prefix, with defaults', () => {
		expect(parseScreenshotArgs([])).toEqual({ kind: 'shoot', url: 'http://localhost:4321/', prefix: 'screenshot' });
		expect(parseScreenshotArgs(['http://localhost:4321/x/', 'out/x'])).toEqual({
			kind: 'shoot',
			url: 'http://localhost:4321/x/',
			prefix: 'out/x',
		});
		expect(parseScreenshotArgs(['-h'])).toEqual({ kind: 'help' });
		expect(parseScreenshotArgs(['--width=3'])).toEqual({ kind: 'error', message: 'Unknown option --width=3.' });
	});
});
