import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	Parser,
	visit,
	type Document,
	type Node,
} from 'yaml';

/** A place in a file, 1-based, as editors' tools print it: `file:line:column`. */
export interface Position {
	readonly line: number;
	readonly column: number;
}

/**
 * The one home for reading YAML (and JSON, a subset of it) so that messages can name places: chart
 * declarations, chapter frontmatter, the story file and dataset metadata all parse here, with the same
 * defences (alias bombs, deep nesting, `__proto__` keys) and the same messages.
 */

/** A YAML text, parsed, that can say where each of its values is written. */
export interface YamlSource {
	readonly file: string;
	/** The parsed value (YAML's core schema: dates stay text). Undefined when the text has syntax errors. */
	readonly value: unknown;
	readonly syntaxErrors: readonly (Position & { readonly message: string })[];
	/** Keys written twice in one mapping: the second occurrence of each. */
	readonly duplicateKeys: readonly (Position & { readonly path: readonly PropertyKey[]; readonly key: string })[];
	/**
	 * Returns where the value at `path` is written (for a key of a mapping: the key itself, with
	 * `key: true`), or its nearest written ancestor; line 1, column 1 when not even the first key is.
	 */
	at(path: readonly PropertyKey[], options?: { key?: boolean }): Position;
	/** The 1-based line of the key at `path`, or of its nearest written ancestor's; undefined if none is. */
	lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Parses YAML keeping positions; duplicate keys are reported, not fatal. */
export function parseYamlSource(file: string, text: string): YamlSource {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
	const pos = (offset: number): Position => {
		const { line, col } = lines.linePos(offset);
		return { line, column: col };
	};
	const syntaxErrors = doc.errors.map((error) => {
		const message = syntaxMessage(error.message);
		return { ...pos(unclosedAt(text, error.pos[0], message) ?? error.pos[0]), message };
	});
	const value = syntaxErrors.length > 0 ? undefined : toValue(doc, pos, syntaxErrors);
	return {
		file,
		value,
		syntaxErrors,
		duplicateKeys: findDuplicateKeys(doc, pos),
		at(path, { key = false } = {}) {
			const steps = walk(doc, path);
			const last = steps.length === path.length ? steps.at(-1) : undefined;
			const place = last && key ? last.key : steps.at(-1)?.value;
			return rangeStart(place, pos) ?? rangeStart(doc.contents, pos) ?? { line: 1, column: 1 };
		},
		lineOf(path) {
			const place = walk(doc, path).at(-1)?.key;
			return place ? rangeStart(place, pos)?.line : undefined;
		},
	};
}

/**
 * The nodes along `path`, as far as it is written: for each step, its key (a mapping's key, or the item
 * itself in a list) and its value (or the key, when the value is empty).
 */
function walk(doc: Document, path: readonly PropertyKey[]): { key: unknown; value: unknown }[] {
	const steps: { key: unknown; value: unknown }[] = [];
	let node: unknown = doc.contents;
	for (const step of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
			if (!pair) break;
			steps.push({ key: pair.key, value: pair.value ?? pair.key });
			node = pair.value;
		} else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
			node = node.items[step];
			steps.push({ key: node, value: node });
		} else break;
	}
	return steps;
}

/** A text that can say on which line each of its values is written: the view most files need. */
export interface LocatedText {
	/** The parsed value (YAML's core schema: dates stay text); undefined when there are errors. */
	readonly value: unknown;
	/** Syntax errors and keys written twice, each with its 1-based line and a one-line message. */
	readonly errors: readonly { readonly line: number; readonly message: string }[];
	/**
	 * Returns the 1-based line of the value at `path` (the line of its key in a mapping), or of its
	 * nearest ancestor that is written in the text; undefined when not even the first key is there.
	 */
	lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Returns the 1-based line of a character offset in a text. */
export const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Parses YAML or JSON keeping lines, with the same defences as `parseYamlSource`. */
export function parseLocated(text: string): LocatedText {
	const source = parseYamlSource('', text);
	const errors = [
		...source.syntaxErrors,
		...source.duplicateKeys.map((d) => ({ ...d, message: `"${d.key}" is written twice: keep one` })),
	]
		.toSorted((a, b) => a.line - b.line)
		.map(({ line, message }) => ({ line, message }));
	return {
		value: errors.length > 0 ? undefined : source.value,
		errors,
		lineOf: (path) => source.lineOf(path),
	};
}

/** The parser's message, on one line, without the place (the caller prints it its own way). */
function syntaxMessage(message: string): string {
	const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
	// The parser recurses once per level: a few thousand brackets overflow its stack.
	return line === 'Maximum call stack size exceeded'
		? 'lists or mappings are nested too deeply to read: write it flatter'
		: line;
}

/**
 * Where the quote or bracket that a syntax error says is never closed opens: the parser names the
 * place it gave up (the end of the file, or the next line), not the line to fix.
 */
function unclosedAt(text: string, offset: number, message: string): number | undefined {
	const quote = /^Missing closing (['"])quote/.exec(message)?.[1];
	const bracket = /end with an? ([}\]])$/.exec(message)?.[1];
	if (!quote && !bracket) return undefined;
	const opener: Record<string, string> = { '}': '{', ']': '[' };
	let found: number | undefined;
	const walk = (token: unknown): void => {
		if (token === null || typeof token !== 'object') return;
		const t = token as {
			type?: string;
			offset?: number;
			source?: string;
			start?: { source?: string };
			end?: { source?: string }[];
		};
		if (typeof t.offset === 'number' && t.offset < offset) {
			const quoted = t.type === (quote === "'" ? 'single-quoted-scalar' : 'double-quoted-scalar');
			if (quote && quoted && (t.source!.length < 2 || !t.source!.endsWith(quote))) found = t.offset;
			if (
				bracket &&
				t.type === 'flow-collection' &&
				t.start?.source === opener[bracket] &&
				!t.end?.some((e) => e.source === bracket)
			)
				found = t.offset;
		}
		Object.values(token).forEach(walk);
	};
	for (const token of new Parser().parse(text)) walk(token);
	return found;
}

/**
 * The document's value; undefined, with an error at the first alias, when its aliases expand to more
 * than the parser allows (a "billion laughs": a few lines that would become gigabytes).
 */
function toValue(
	doc: Document,
	pos: (offset: number) => Position,
	errors: (Position & { message: string })[],
): unknown {
	try {
		return ownKeys(doc.toJS({ mapAsMap: true }));
	} catch (error) {
		if (!(error instanceof ReferenceError)) throw error;
		let alias: Node | undefined;
		visit(doc, { Alias: (_, node) => void (alias ??= isAlias(node) ? node : undefined) });
		const name = alias && isAlias(alias) ? ` (*${alias.source})` : '';
		errors.push({
			...(rangeStart(alias, pos) ?? { line: 1, column: 1 }),
			message: `aliases${name} repeat more text than a file here may hold: write the values out`,
		});
		return undefined;
	}
}

/**
 * Mappings as plain objects whose keys are all their own: `__proto__: …` becomes a key the checks
 * see (and reject), not the object's prototype (which would hide it, or pollute the chart's data).
 */
function ownKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(ownKeys);
	if (!(value instanceof Map)) return value;
	const object: Record<string, unknown> = {};
	for (const [key, item] of value)
		Object.defineProperty(object, String(key), {
			value: ownKeys(item),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	return object;
}

const rangeStart = (node: unknown, pos: (offset: number) => Position): Position | undefined => {
	const range = (node as Node | null)?.range;
	return range ? pos(range[0]) : undefined;
};

function findDuplicateKeys(doc: Document, pos: (offset: number) => Position): YamlSource['duplicateKeys'] {
	const found: (Position & { path: PropertyKey[]; key: string })[] = [];
	const walk = (node: unknown, path: PropertyKey[]) => {
		if (isMap(node)) {
			const seen = new Set<unknown>();
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? pair.key.value : pair.key;
				if (seen.has(key)) {
					const at = rangeStart(pair.key, pos) ?? { line: 1, column: 1 };
					found.push({ ...at, path, key: String(key) });
				}
				seen.add(key);
				walk(pair.value, [...path, key as PropertyKey]);
			}
		} else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
	};
	walk(doc.contents, []);
	return found;
}
