/** The story's identity: headline, description, byline and credits shown on every page. */
export const site = {
	title: 'The long way out: Alibaba Cloud’s push to go global',
	shortTitle: 'Alibaba Cloud goes global',
	/** The label above the headline on the front page. */
	kicker: 'A data story',
	description:
		'How China’s biggest cloud provider cancelled its spin-off, bet on AI and built data centres abroad, in a market Amazon, Microsoft and Google dominate. A data story in scrolling charts, 2023–2025.',
	publisher: 'Scroll & Chart',
	lang: 'en',
	/** The chart state shared as the front page's social image (the PNG /charts/<chart>/<state>.png). */
	socialImage: { chart: 'world-cloud-share', state: 'alibaba' },
	/** Who made what, listed at the end of the story. */
	credits: [
		{ role: 'Reporting, data and graphics', who: 'Scroll & Chart data desk' },
		{ role: 'Charts', who: 'drawn with Observable Plot and rendered when the site is built' },
		{ role: 'Base map', who: 'Natural Earth (public domain), via world-atlas' },
		{ role: 'Type', who: 'Inter and Source Serif 4 (SIL Open Font License), served from this site' },
	],
} as const;
