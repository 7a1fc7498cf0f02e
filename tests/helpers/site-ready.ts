import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { siteStatusFile, type SiteStatus } from './build-once.ts';

// A setup file of the projects that read the built site: it runs before each of their test files is
// loaded, so a file that reads `inject('siteDir')` when it loads finds the site there. The build
// started in the run's global setup (tests/helpers/build-once.ts) and writes its status when it ends.
const run = inject('siteRun');
const read = (): SiteStatus | undefined => {
	if (!existsSync(siteStatusFile)) return undefined;
	const status = JSON.parse(readFileSync(siteStatusFile, 'utf8')) as SiteStatus;
	return status.run === run ? status : undefined;
};
let status = read();
while (!status) {
	await sleep(200);
	status = read();
}
if (status.code !== 0) throw new Error(`The site did not build:\n${status.output}`);
