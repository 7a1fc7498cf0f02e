/** The story's identity: headline, description, byline and credits shown on every page. */
export const site = {
	title: 'The long way out: Alibaba Cloud’s push to go global',
	shortTitle: 'Alibaba Cloud goes global',
	description:
		'How China’s biggest cloud provider cancelled its spin-off, bet on AI and built data centres abroad, in a market Amazon, Microsoft and Google dominate. A data story in scrolling charts, 2023–2025.',
	publisher: 'Scroll & Chart',
	lang: 'en',
} as const;
