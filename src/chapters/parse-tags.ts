import { lineAt } from '../problems/located-text.ts';

/** A story component tag found in a chapter's MDX source. */
export interface Tag<Name extends string = 'Scrolly' | 'Step' | 'Chart'> {
	readonly name: Name;
	readonly kind: 'open' | 'close' | 'self-closing';
	/** 1-based line in the file. */
	readonly line: number;
	/** String attributes; an attribute written as `{expression}` is listed in `expressions`. */
	readonly attributes: Readonly<Record<string, string>>;
	readonly expressions: readonly string[];
	/** Offsets of the tag in the source, for reading the text between tags. */
	readonly start: number;
	readonly end: number;
}

const tagPattern = (names: readonly string[]) =>
	new RegExp(String.raw`<(\/?)(${names.join('|')})\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)(\/?)>`, 'g');
const attributePattern = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g;

/**
 * Returns the Scrolly, Step and Chart tags of an MDX source with their line numbers.
 * Code and MDX comments are skipped, so a guide or a comment can show the tags as examples.
 */
export const parseTags = (source: string): Tag[] => findTags(source, ['Scrolly', 'Step', 'Chart']);

/** Returns the tags of the named components in an MDX source, skipping code and comments as parseTags does. */
export function findTags<Name extends string>(source: string, names: readonly Name[]): Tag<Name>[] {
	const text = blankCode(source);
	const tags: Tag<Name>[] = [];
	for (const match of text.matchAll(tagPattern(names))) {
		const [whole, slash, name, rawAttributes = '', selfClosing] = match;
		const attributes: Record<string, string> = {};
		const expressions: string[] = [];
		for (const [, key = '', double, single, expression] of rawAttributes.matchAll(attributePattern)) {
			if (expression !== undefined) expressions.push(key);
			else attributes[key] = double ?? single ?? '';
		}
		tags.push({
			name: name as Name,
			kind: slash ? 'close' : selfClosing ? 'self-closing' : 'open',
			line: lineAt(source, match.index),
			attributes,
			expressions,
			start: match.index,
			end: match.index + whole.length,
		});
	}
	return tags;
}

/** Returns the text between an opening tag and the next tag, without MDX comments. */
export function textBetween(source: string, from: Tag, to: Tag | undefined): string {
	return source
		.slice(from.end, to?.start ?? source.length)
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.trim();
}

/**
 * Returns the source with code (fenced blocks, inline `code`) and MDX comments replaced by spaces,
 * keeping offsets and line numbers intact: tags written there are examples, not components.
 */
export const blankCode = (text: string): string =>
	text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$|`[^`\n]*`|\{\/\*[\s\S]*?\*\/\}/gm, (code) =>
		code.replace(/[^\n]/g, ' '),
	);
