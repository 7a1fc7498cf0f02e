import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A YAML or JSON text, parsed, that can say on which line each of its values is written. */
export interface LocatedText {
	/** The parsed value (YAML's core schema: dates stay text). */
	readonly value: unknown;
	/** Syntax errors, each with its 1-based line and a one-line message. */
	readonly errors: readonly { readonly line: number; readonly message: string }[];
	/**
	 * Returns the 1-based line of the value at `path` (the line of its key in a mapping), or of its
	 * nearest ancestor that is written in the text; undefined when not even the first key is there.
	 */
	lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Returns the 1-based line of a character offset in a text. */
export const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Parses YAML or JSON (a subset of YAML) keeping positions, so messages can name lines. */
export function parseLocated(text: string): LocatedText {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines });
	const lineAt = (offset: number) => lines.linePos(offset).line;
	return {
		value: doc.errors.length > 0 ? undefined : doc.toJS(),
		errors: doc.errors.map((error) => ({
			line: error.linePos?.[0].line ?? 1,
			message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
		})),
		lineOf(path) {
			let node: unknown = doc.contents;
			let found: number | undefined;
			for (const key of path) {
				if (isMap(node)) {
					const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
					if (!pair) break;
					found = rangeLine(pair.key, lineAt) ?? found;
					node = pair.value;
				} else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
					node = node.items[key];
					found = rangeLine(node, lineAt) ?? found;
				} else break;
			}
			return found;
		},
	};
}

const rangeLine = (node: unknown, lineAt: (offset: number) => number): number | undefined => {
	const range = (node as Node | null)?.range;
	return range ? lineAt(range[0]) : undefined;
};
