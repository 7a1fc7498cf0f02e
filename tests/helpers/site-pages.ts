import { listFiles } from './built-site.ts';

/** Returns every built HTML page as a URL path (`/`, `/the-cloud-race/`, …). */
export function sitePages(siteDir: string): string[] {
	return listFiles(siteDir)
		.filter((file) => file.endsWith('.html'))
		.map((file) => `/${file.replace(/index\.html$/, '')}`)
		.toSorted();
}

/**
 * Returns one page of each type the site has (story, chapter, embed, gallery): the pages the
 * accessibility and security checks visit in a real browser.
 */
export function pageTypes(siteDir: string): Record<string, string> {
	const pages = sitePages(siteDir);
	const types: Record<string, string> = { story: '/' };
	const chapter = pages.find((p) => /^\/[a-z0-9-]+\/$/.test(p) && !['/charts/'].includes(p));
	if (chapter) types.chapter = chapter;
	const embed = pages.find((p) => p.startsWith('/embed/'));
	if (embed) types.embed = embed;
	if (pages.includes('/charts/')) types.gallery = '/charts/';
	return types;
}
