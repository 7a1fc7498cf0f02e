import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { withChapterProblems } from './chapters/chapter-loader.ts';
import { chapterSchema } from './chapters/chapter-schema.ts';

// Tests point STORY_CONTENT_DIR at fixture stories; the site reads ./content.
const contentDir = process.env.STORY_CONTENT_DIR ?? './content';

export const collections = {
	chapters: defineCollection({
		loader: withChapterProblems(glob({ pattern: '*.mdx', base: `${contentDir}/chapters` })),
		schema: chapterSchema,
	}),
};
