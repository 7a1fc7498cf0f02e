import { z } from 'astro/zod';
import { explain, objectError, text } from '../problems/schema-errors.ts';

// Each field says what to write when it is wrong or missing: these messages are what an editor reads,
// in the build (Astro lists them under the file) and in `npm run check` (with the line).
const fieldNames = ['title', 'order', 'dek', 'authors', 'published', 'updated', 'corrections', 'draft'] as const;

// A required text field: blank text is refused, and the example (a whole frontmatter line) is repeated.
const line = (field: string, what: string, example: string) =>
	text(field, what, `"${example}"`, { trim: true, exampleWhenEmpty: true });

const day = (field: string, example: string, orElse = '') => {
	const message = `"${field}" must be a date written YYYY-MM-DD, e.g. "${example}"${orElse}.`;
	return z
		.union([z.date(), z.iso.date({ error: message })], {
			error: ({ input }: { input?: unknown }) =>
				input === undefined ? `"${field}" is missing: add it, e.g. "${example}".` : message,
		})
		.pipe(z.coerce.date());
};

const correctionExample = '"corrections: [{ date: 2026-12-01, text: …, charts: [cloud-revenue] }]"';

/** One correction: when, what changed, and the charts it concerns (their embed pages show it too). */
const correctionSchema = z.strictObject(
	{
		date: day('date', 'date: 2026-12-01', ' (the day the correction was made)'),
		/** What was wrong and what it says now, in a sentence or two. */
		text: text('text', 'what was wrong and what the chapter says now', '"text: The chapter gave…"', { trim: true }),
		/** Chart ids, as in the charts reference; the correction shows on their embed pages. */
		charts: z
			.array(z.string({ error: '"charts": each must be a chart id, e.g. cloud-revenue.' }).trim().min(1), {
				error: explain('charts', 'the chart ids the correction concerns', '"charts: [cloud-revenue]"'),
			})
			.default([]),
	},
	{
		error: objectError(['date', 'text', 'charts'], {
			where: 'a correction',
			notAnObject: `each correction must have a date and a text, e.g. ${correctionExample}.`,
		}),
	},
);

export type Correction = z.infer<typeof correctionSchema>;

/** The frontmatter every chapter in content/chapters/ must have. */
export const chapterSchema = z
	.strictObject(
		{
			/** The chapter's headline. */
			title: line('title', "the chapter's headline", 'title: The cloud race'),
			/** Position in the story: 1 is the first chapter. Two chapters may not share a number. */
			order: z
				.number({ error: explain('order', "the chapter's place in the story, a whole number", '"order: 2"') })
				.int('"order" must be a whole number, e.g. "order: 2".')
				.positive('"order" must be 1 or more: 1 is the first chapter.'),
			/** One or two sentences under the headline. */
			dek: line('dek', 'one or two sentences under the headline', 'dek: How Alibaba bet on AI abroad'),
			/** Who wrote it; at least one name. */
			authors: z
				.array(
					z.string({ error: '"authors": each author must be a name.' }).trim().min(1, '"authors": a name is empty.'),
					{
						error: explain('authors', 'a list of names, one per line starting with "- "', '"authors: [Jane Doe]"'),
					},
				)
				.min(1, '"authors" is empty: name at least one author, e.g. "authors: [Jane Doe]".'),
			/** First publication date, YYYY-MM-DD. */
			published: day('published', 'published: 2025-03-01'),
			/** Last substantive update, YYYY-MM-DD; not before `published`. */
			updated: day('updated', 'updated: 2025-04-15', ' (or delete the line)').optional(),
			/** Corrections, each shown at the end of the chapter and on the embed pages of its charts. */
			corrections: z
				.array(correctionSchema, {
					error: explain('corrections', 'a list of corrections, each with a date and a text', correctionExample),
				})
				.default([]),
			/** Drafts show in `npm run dev` and are left out of the built site. */
			draft: z.boolean({ error: '"draft" must be true or false.' }).default(false),
		},
		{
			error: objectError(fieldNames, {
				suggest: true,
				notAnObject: 'the frontmatter must be a list of fields, one "name: value" per line between two --- lines.',
			}),
		},
	)
	// Runs even when a date is invalid (zod keeps checking): compare only two real dates.
	.refine((c) => !(c.updated instanceof Date && c.published instanceof Date) || c.updated >= c.published, {
		message: '"updated" is earlier than "published": the last update cannot come before the first publication.',
		path: ['updated'],
	})
	.refine(
		(c) =>
			!(c.published instanceof Date) ||
			(c.corrections ?? []).every((x) => !(x.date instanceof Date) || x.date >= c.published),
		{
			message: '"corrections": a correction is dated before "published": a chapter is corrected after it is published.',
			path: ['corrections'],
		},
	)
	// A correction is an update: the "Updated" date is the later of "updated" and the last correction.
	.transform((c) => {
		const latest = Math.max(c.updated?.getTime() ?? 0, ...c.corrections.map((x) => x.date.getTime()));
		return latest > 0 ? { ...c, updated: new Date(latest) } : c;
	});

export type ChapterData = z.infer<typeof chapterSchema>;
