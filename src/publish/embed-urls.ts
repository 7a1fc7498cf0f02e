/**
 * The addresses of everything published for journalists, relative to the site's base path. Other
 * pages rely on them (og:image on story pages points at the PNGs): change them nowhere else.
 */
export const embedUrls = {
	/** The embed page: just the figure, for an iframe. */
	embed: (chart: string, state: string) => `embed/${chart}/${state}/`,
	/** The gallery: a grid of every chart, each a click away from its page. */
	gallery: () => 'charts/',
	/** A chart's page in the gallery: every state with its embed codes and downloads. */
	galleryChart: (chart: string) => `charts/${chart}/`,
	/** A chart state's anchor on its chart's gallery page. */
	galleryEntry: (chart: string, state: string) => `charts/${chart}/#${galleryAnchor(chart, state)}`,
	/** A chart's thumbnail in the gallery's grid (its first state's card, small), `width` px wide. */
	thumbnail: (chart: string, width: number) => `charts/${chart}/thumbnail-${width}.webp`,
	svg: (chart: string, state: string) => `charts/${chart}/${state}.svg`,
	png: (chart: string, state: string) => `charts/${chart}/${state}.png`,
	csv: (chart: string, state: string) => `charts/${chart}/${state}.csv`,
	oembed: (chart: string, state: string) => `oembed/${chart}/${state}.json`,
	/** The parent loader script host pages include. */
	loader: () => 'embed.js',
} as const;

/** The id of a chart state's entry in the gallery. */
export const galleryAnchor = (chart: string, state: string): string => `${chart}--${state}`;

/** The name a downloaded file is saved under: `<chart>-<state>.<svg|png|csv>`. */
export const downloadName = (chart: string, state: string, ext: 'svg' | 'png' | 'csv'): string =>
	`${chart}-${state}.${ext}`;

/** Turns base-relative paths into the links pages use and the absolute URLs embed codes need. */
export interface SiteAddress {
	/** `/base/path`: for links inside our own pages. */
	local(path: string): string;
	/** `https://site/base/path`: for embed codes, oEmbed and og:image, which are read elsewhere. */
	absolute(path: string): string;
}

/** Makes a SiteAddress from Astro's `site` (SITE_URL) and `import.meta.env.BASE_URL` (BASE_PATH). */
export function siteAddress(site: URL | string | undefined, baseUrl: string): SiteAddress {
	const base = `/${baseUrl.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	const origin = new URL(site ?? 'http://localhost:4321');
	const local = (path: string) => `${base}${path.replace(/^\/+/, '')}`;
	return { local, absolute: (path) => new URL(local(path), origin).href };
}

/** This site's addresses: Astro's `site` (SITE_URL) and the base path it builds for (BASE_PATH). */
export const address = (site: URL | string | undefined = import.meta.env.SITE): SiteAddress =>
	siteAddress(site, import.meta.env.BASE_URL);
