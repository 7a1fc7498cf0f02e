import GithubSlugger from 'github-slugger';
import { lineAt } from '../problems/located-text.ts';

/** The note "How we made this", shown at the end of the story page (src/components/Methodology.astro). */
export const methodologyFile = 'content/methodology.mdx';

/** An id the page gives a heading, and where the heading is written. */
export interface HeadingId {
	readonly id: string;
	readonly file: string;
	readonly line: number;
}

/**
 * Returns the ids MDX gives a file's headings, as Astro writes them: github-slugger over the heading's
 * text, numbered when two headings have the same words ("maps", "maps-1").
 */
export function headingIds(file: string, source: string): HeadingId[] {
	const slugger = new GithubSlugger();
	// Fenced code holds no heading; inline code in a heading keeps its text, as its id does.
	const text = source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (code) => code.replace(/[^\n]/g, ' '));
	return [...text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm)].map((match) => ({
		id: slugger.slug(plainText(match[1]!)),
		file,
		line: lineAt(text, match.index),
	}));
}

// The words a reader sees: a link's text, without emphasis or code marks.
const plainText = (markdown: string): string => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`]/g, '');
