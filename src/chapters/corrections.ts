import type { Correction } from './chapter-schema.ts';

/** A correction, with the chapter it was made in. */
export interface ChapterCorrection extends Correction {
	readonly chapter: { readonly id: string; readonly title: string };
}

interface CorrectedChapter {
	readonly id: string;
	readonly data: { readonly title: string; readonly corrections?: readonly Correction[] };
}

/** The corrections of a chapter, oldest first: the order they were made in. */
export const chapterCorrections = (chapter: CorrectedChapter): Correction[] =>
	// Astro's content cache keeps an unchanged file's data as an older schema parsed it, without the
	// field: such a chapter has no corrections (adding one changes the file, which is parsed again).
	(chapter.data.corrections ?? []).toSorted((a, b) => a.date.getTime() - b.date.getTime());

/** Every correction that names a chart, from any chapter, oldest first: what its embed pages show. */
export const chartCorrections = (chapters: readonly CorrectedChapter[], chart: string): ChapterCorrection[] =>
	chapters
		.flatMap((chapter) =>
			chapterCorrections(chapter)
				.filter((correction) => correction.charts.includes(chart))
				.map((correction) => ({ ...correction, chapter: { id: chapter.id, title: chapter.data.title } })),
		)
		.toSorted((a, b) => a.date.getTime() - b.date.getTime());
