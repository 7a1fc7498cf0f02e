/** /s/cards/<story|chapter>.png: the 1200x630 share card of the story and of each chapter. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadStory } from '../../../chapters/load-story.ts';
import { pageCard } from '../../../publish/share.ts';

export const getStaticPaths = (async () => {
	const { chapters } = await loadStory();
	return ['story', ...chapters.map((c) => c.id)].map((page) => ({ params: { page } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	new Response((await pageCard(params.page!)).png, { headers: { 'Content-Type': 'image/png' } });
