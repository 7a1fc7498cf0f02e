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

/** A chart declaration's YAML text, parsed, that can say where each of its values is written. */
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
}

/** Parses a declaration's YAML keeping positions; duplicate keys are reported, not fatal. */
export function parseYamlSource(file: string, text: string): YamlSource {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
	const pos = (offset: number): Position => {
		const { line, col } = lines.linePos(offset);
		return { line, column: col };
	};
	const syntaxErrors = doc.errors.map((error) => {
		const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		return { ...pos(unclosedAt(text, error.pos[0], message) ?? error.pos[0]), message };
	});
	const value = syntaxErrors.length > 0 ? undefined : toValue(doc, pos, syntaxErrors);
	return {
		file,
		value,
		syntaxErrors,
		duplicateKeys: findDuplicateKeys(doc, pos),
		at(path, { key = false } = {}) {
			let node: unknown = doc.contents;
			let found = rangeStart(node, pos) ?? { line: 1, column: 1 };
			path.forEach((step, i) => {
				if (node === undefined) return;
				const last = i === path.length - 1;
				if (isMap(node)) {
					const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
					if (!pair) return (node = undefined);
					found = rangeStart(last && key ? pair.key : (pair.value ?? pair.key), pos) ?? found;
					node = pair.value;
				} else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
					node = node.items[step];
					found = rangeStart(node, pos) ?? found;
				} else node = undefined;
			});
			return found;
		},
	};
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
			message: `aliases${name} repeat more text than a chart can hold: write the values out`,
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
