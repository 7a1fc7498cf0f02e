import { z } from 'astro/zod';

/** The frontmatter every chapter in content/chapters/ must have. */
export const chapterSchema = z
	.strictObject({
		/** The chapter's headline. */
		title: z.string().min(1),
		/** Position in the story: 1 is the first chapter. Two chapters may not share a number. */
		order: z.number().int().positive(),
		/** One or two sentences under the headline. */
		dek: z.string().min(1),
		/** Who wrote it; at least one name. */
		authors: z.array(z.string().min(1)).min(1),
		/** First publication date, YYYY-MM-DD. */
		published: z.coerce.date(),
		/** Last substantive update, YYYY-MM-DD; not before `published`. */
		updated: z.coerce.date().optional(),
		/** Drafts show in `npm run dev` and are left out of the built site. */
		draft: z.boolean().default(false),
	})
	.refine((c) => !c.updated || c.updated >= c.published, {
		message: '"updated" is earlier than "published"',
		path: ['updated'],
	});

export type ChapterData = z.infer<typeof chapterSchema>;
