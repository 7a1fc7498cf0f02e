import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document, type Pair } from 'yaml';
import { compileChart } from '../../../src/charts/declared/compile-chart.ts';
import { declarationFiles } from '../../../src/charts/declared/load-declared.ts';
import { checkDeclaration } from '../../../src/charts/declared/validate-declaration.ts';
import { keysAt } from '../../../src/charts/declared/vocabulary.ts';
import { datasets, findDataset } from '../../../src/data/index.ts';
import type { Dataset } from '../../../src/data/define-dataset.ts';
import { renderSvg } from '../../../src/render/render-svg.ts';
import { declaredRows, rawCsv, tableMismatches } from './state-tables.ts';

/**
 * Property: for any chart declaration an editor could save (a real one from content/charts/ or a
 * small generated one, with one mistake or hostile construct in it, or none), the check (what the
 * build and `npm run check` run) either reports problems at real lines of the file, one of them
 * where the mistake is (or on the nearest key enclosing it), with no exception and within a time
 * limit; or the chart compiles, draws every state, and each state's table is exactly the CSV rows
 * it declares. A failure prints the shrunk case as the YAML file, numbered, with the mistake named.
 */

type Path = (string | number)[];
/** One case: the file's text, what was done to it and where that is. */
interface Case {
	readonly base: string;
	readonly mistake: string;
	readonly text: string;
	/** The check must report a problem (the mistake is one whatever the data). */
	readonly must: boolean;
	/** The lines where a report of this mistake may be: where it is written and its enclosing keys. */
	readonly lines: readonly number[];
}

const numbered = (text: string) =>
	text
		.split('\n')
		.map(
			(line, i) =>
				`${String(i + 1).padStart(4)} | ${line.length > 160 ? `${line.slice(0, 160)}… (${line.length} characters)` : line}`,
		)
		.join('\n');
const printed = (c: Case) =>
	`${c.base}, mistake: ${c.mistake}${c.must ? ' (must be reported)' : ''}${c.lines.length ? `, on line ${c.lines.join(' or ')}` : ''}\n${numbered(c.text)}`;
const withPrint = (c: Case): Case => Object.assign(c, { [fc.toStringMethod]: () => printed(c) });

// The declarations to start from: the story's own, and small ones generated over the same datasets.
const real = declarationFiles();
const columnsOf = (ds: Dataset, type: string, optional = true) =>
	Object.entries(ds.columns)
		.filter(([, s]) => s.type === type && (optional || !s.optional))
		.map(([c]) => c);
// The generated charts measure a number by a name: the timelines' datasets (no numbers) are left out.
const pool = [...new Set(real.map((f) => (parseDocument(f.text).toJS() as { dataset: string }).dataset))]
	.map((name) => findDataset(name)!)
	.filter((ds) => columnsOf(ds, 'number').length > 0 && columnsOf(ds, 'string', false).length > 0);
const valuesOf = (ds: Dataset, column: string): (string | number)[] => [
	...new Set(
		ds.rows
			.map((r) => (r as Record<string, unknown>)[column])
			.filter((v) => v !== null)
			.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | number))),
	),
];

const selectorIn = (ds: Dataset) => {
	const texts = columnsOf(ds, 'string', false);
	const ordered = [...columnsOf(ds, 'number'), ...columnsOf(ds, 'date')];
	return fc.oneof(
		fc.constantFrom('first', 'last'),
		fc
			.constantFrom(...texts)
			.chain((c) =>
				fc
					.subarray(valuesOf(ds, c), { minLength: 1, maxLength: 3 })
					.map((vs) => ({ [c]: vs.length === 1 ? vs[0]! : vs })),
			),
		fc.constantFrom(...ordered).chain((c) => {
			const vs = valuesOf(ds, c).toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
			return fc
				.tuple(fc.nat(vs.length - 1), fc.nat(vs.length - 1), fc.boolean())
				.map(([a, b, open]) =>
					open
						? { [c]: { from: vs[Math.min(a, b)]! } }
						: { [c]: { from: vs[Math.min(a, b)]!, to: vs[Math.max(a, b)]! } },
				);
		}),
	);
};

const smallDeclaration = fc.constantFrom(...pool).chain((ds) => {
	const [name] = columnsOf(ds, 'string', false);
	const numbers = columnsOf(ds, 'number');
	const [date] = columnsOf(ds, 'date');
	const measure = fc.constantFrom(...numbers);
	const marks = [
		measure.map((y) => ({ mark: 'bar', x: name, y })),
		measure.map((x) => ({ mark: 'bar', direction: 'horizontal', x, y: name, labels: 'all' })),
		...(date
			? [fc.tuple(fc.constantFrom('line', 'dot', 'bar'), measure).map(([mark, y]) => ({ mark, x: date, y, key: name }))]
			: []),
	];
	const state = fc
		.record(
			{
				label: fc.constantFrom('Every row', 'One highlighted', 'À la une — 中文'),
				highlight: selectorIn(ds),
				only: selectorIn(ds),
				labels: fc.constantFrom('all', 'last', 'ends', 'none'),
			},
			{ requiredKeys: ['label'] },
		)
		.map((s) => s as Record<string, unknown>);
	return fc.record({
		title: fc.constantFrom('A small chart', 'Un petit graphique: «test»'),
		subtitle: fc.constantFrom('Something measured, %', 'Share, %'),
		dataset: fc.constant(ds.name),
		format: fc.option(fc.record({ suffix: fc.constant('%'), decimals: fc.nat(2) }, { requiredKeys: [] }), {
			nil: undefined,
		}),
		marks: fc.oneof(...marks).map((m) => [m]),
		states: fc
			.uniqueArray(fc.constantFrom('all-rows', 'alibaba', 'latest', 'q-2024', 'constructor', 'value-of'), {
				minLength: 1,
				maxLength: 3,
			})
			.chain((names) =>
				fc.tuple(...names.map(() => state)).map((ss) => Object.fromEntries(names.map((n, i) => [n, ss[i]]))),
			),
	});
});

const bases = fc.oneof(
	fc.constantFrom(...real).map(({ file, text }) => ({ base: file, text })),
	smallDeclaration.map((d) => ({
		base: 'a generated declaration',
		text: stringify(JSON.parse(JSON.stringify(d))),
	})),
);

// --- Where things are written in a YAML text ---

const parse = (text: string) => {
	const lines = new LineCounter();
	return {
		doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }),
		lineOf: (o: number) => lines.linePos(o).line,
	};
};
/** Every key of every mapping in a document, with its path. */
function keyPaths(doc: Document): { path: Path; pair: Pair }[] {
	const found: { path: Path; pair: Pair }[] = [];
	const walk = (node: unknown, path: Path) => {
		if (isMap(node))
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? (pair.key.value as string) : String(pair.key);
				found.push({ path: [...path, key], pair });
				walk(pair.value, [...path, key]);
			}
		else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
	};
	walk(doc.contents, []);
	return found;
}
/** The line of the value at a path (the last pair of that key when written twice) and of each key enclosing it. */
function linesAt(text: string, path: Path): number[] {
	const { doc, lineOf } = parse(text);
	const lines: number[] = [];
	let node: unknown = doc.contents;
	for (const step of path) {
		if (isMap(node)) {
			const pair = node.items.findLast((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
			if (!pair) break;
			if ((pair.key as { range?: number[] }).range) lines.push(lineOf((pair.key as { range: number[] }).range[0]!));
			node = pair.value;
		} else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
			node = node.items[step];
		} else break;
		const range = (node as { range?: number[] } | null)?.range;
		if (range) lines.push(lineOf(range[0]!));
	}
	// A mistake at the top (a missing key) is reported where the chart starts.
	if (path.length <= 1) lines.push(1, lineOf((doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0));
	return [...new Set(lines)].toSorted((a, b) => a - b);
}

// --- Mistakes ---

const typo = (word: string, n: number): string =>
	[
		`${word}s`,
		word.slice(0, -1),
		word.toUpperCase(),
		word.length > 2 ? `${word[1]}${word[0]}${word.slice(2)}` : `${word}x`,
		`${word} `.trim() + '_',
		'__proto__',
		'constructor',
		'toString',
	][n % 8]!;
const kebab = (s: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);
const vocabularyMaps =
	/^(|format|height|x|y|marks\.\d+|marks\.\d+\.format|states\.[^.]+|states\.[^.]+\.(x|y|zoom|note|rule))$/;
const selectorMaps = /^(states\.[^.]+\.(highlight|only|note\.at)|marks\.\d+\.at)$/;

/** Renames a key (a typo, or a name an object already has: `__proto__`, `constructor`, `toString`). */
function renameKey(text: string, pick: number, n: number) {
	const { doc } = parse(text);
	const all = keyPaths(doc);
	const { path, pair } = all[pick % all.length]!;
	const parent = path.slice(0, -1).join('.');
	const name = typo(String(path.at(-1)), n);
	const siblings = keyPaths(doc)
		.filter((k) => k.path.slice(0, -1).join('.') === parent)
		.map((k) => String(k.path.at(-1)));
	const columns = Object.keys(findDataset(String(doc.get('dataset')))?.columns ?? {});
	const must =
		siblings.includes(name) ||
		(vocabularyMaps.test(parent) && !keysAt(path.slice(0, -1)).includes(name)) ||
		(parent === 'states' && !kebab(name)) ||
		((parent === 'table' || selectorMaps.test(parent)) && !columns.includes(name)) ||
		(/\.(highlight|only)\.[^.]+$/.test(parent) && !['from', 'to'].includes(name));
	pair.key = doc.createNode(name);
	const out = doc.toString();
	return {
		mistake: `key "${path.join('.')}" renamed "${name}"`,
		text: out,
		must,
		lines: linesAt(out, [...path.slice(0, -1), name]),
	};
}

/** Values of the wrong type for a field, by what the field takes. */
const wrongValues: Record<string, readonly unknown[]> = {
	text: [42, true, [1, 2], { a: 1 }, null],
	list: ['bar', 42, { mark: 'bar' }],
	map: [[1, 2], 'all', 42],
	choice: [7, 'Bar', 'sideways', ['all']],
	count: ['tall', 1.5, -1, 10_000, '1e400'],
	flag: ['yes', 1],
	pair: [5, 'a', [1], [1, 2, 3], { from: 1 }],
	selector: [42, [], true, {}, { vendor: 'Alibaba', share: 39 }, 'everything'],
};
const typedFields: [RegExp, keyof typeof wrongValues][] = [
	[/^(title|subtitle|dataset|states\.[^.]+\.(label|alt)|table\.[^.]+|format\.(prefix|suffix|unit))$/, 'text'],
	[/^marks$/, 'list'],
	[/^(states|table|format|height|states\.[^.]+)$/, 'map'],
	[/^(marks\.\d+\.(mark|direction|labels|colour|gaps|arrange)|states\.[^.]+\.(labels|colour))$/, 'choice'],
	[/^(height\.(phone|desktop)|(marks\.\d+\.)?format\.decimals)$/, 'count'],
	[/^((states\.[^.]+\.)?(x|y)\.grid)$/, 'flag'],
	[/^((states\.[^.]+\.)?(x|y)\.domain|states\.[^.]+\.zoom\.(x|y))$/, 'pair'],
	[/^states\.[^.]+\.(highlight|only)$/, 'selector'],
];
function wrongType(text: string, pick: number, n: number) {
	const { doc } = parse(text);
	const fields = keyPaths(doc).flatMap(({ path }) => {
		const type = typedFields.find(([re]) => re.test(path.join('.')))?.[1];
		return type ? [{ path, type }] : [];
	});
	if (fields.length === 0) return undefined;
	const { path, type } = fields[pick % fields.length]!;
	const values = wrongValues[type]!;
	const value = values[n % values.length];
	doc.setIn(
		path,
		typeof value === 'string' && /^\d/.test(value) ? doc.createNode(Number(value)) : doc.createNode(value),
	);
	const out = doc.toString();
	return {
		mistake: `"${path.join('.')}" set to ${JSON.stringify(value)}`,
		text: out,
		must: true,
		lines: linesAt(out, path),
	};
}

/** A mark names a column the dataset does not have. */
function missingColumn(text: string, pick: number, n: number) {
	const { doc } = parse(text);
	const marks = (doc.toJS() as { marks: Record<string, string | number | undefined>[] }).marks;
	const fields = marks.flatMap((m, i) =>
		m.mark === 'rule'
			? []
			: ['x', 'y', 'series', 'key', 'confidence', 'text']
					.filter((f) => f in m || f === 'series')
					.map((f) => ({ i, f, was: String(m[f] ?? 'vendor') })),
	);
	const { i, f, was } = fields[pick % fields.length]!;
	const name = [typo(was, n), 'Share', 'share ', '', '__proto__'][n % 5]!;
	doc.setIn(['marks', i, f], name);
	const out = doc.toString();
	return {
		mistake: `"marks.${i}.${f}" names the column "${name}"`,
		text: out,
		must: true,
		lines: linesAt(out, ['marks', i, f]),
	};
}

/** A state selects rows by a value no row has, or names a state that does not exist. */
function missingValue(text: string, pick: number, n: number) {
	const { doc } = parse(text);
	const js = doc.toJS() as { dataset: string; states: Record<string, unknown>; marks: unknown[] };
	const ds = findDataset(js.dataset)!;
	const states = Object.keys(js.states);
	const state = states[pick % states.length]!;
	if (n % 5 === 4) {
		const i = pick % js.marks.length;
		doc.setIn(['marks', i, 'states'], [typo(state, n)]);
		const out = doc.toString();
		return {
			mistake: `"marks.${i}.states" names the state "${typo(state, n)}"`,
			text: out,
			must: !states.includes(typo(state, n)),
			lines: linesAt(out, ['marks', i, 'states']),
		};
	}
	const columns = Object.keys(ds.columns);
	const column = columns[n % columns.length]!;
	const present = valuesOf(ds, column).map(String);
	const value = [typo(String(present[0] ?? 'x'), n), 'Nobody', 123456, '2199-01-01'].find(
		(v) => !present.includes(String(v)),
	)!;
	const field = n % 2 ? 'highlight' : 'only';
	doc.setIn(['states', state, field], doc.createNode({ [column]: value }));
	const out = doc.toString();
	return {
		mistake: `"states.${state}.${field}" selects ${column} = ${JSON.stringify(value)}`,
		text: out,
		must: true,
		lines: linesAt(out, ['states', state, field, column]),
	};
}

/** A key written twice: a state (same name, same or other content) or another key. */
function duplicate(text: string, pick: number) {
	const { doc } = parse(text);
	const all = keyPaths(doc).filter(({ path }) => path.length <= 2 && path[0] !== 'marks');
	const { path, pair } = all[pick % all.length]!;
	const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
	if (!isMap(parent)) return undefined;
	parent.items.push(pair.clone());
	const out = doc.toString();
	return { mistake: `"${path.join('.')}" written twice`, text: out, must: true, lines: linesAt(out, path) };
}

/** A range written backwards: a selector's from/to, an axis domain or a zoom. */
function reversed(text: string, pick: number, n: number) {
	const { doc } = parse(text);
	const js = doc.toJS() as { dataset: string; states: Record<string, unknown> };
	const ds = findDataset(js.dataset)!;
	const states = Object.keys(js.states);
	const state = states[pick % states.length]!;
	const kind = n % 3;
	if (kind === 0) {
		const ordered = [...columnsOf(ds, 'number'), ...columnsOf(ds, 'date')];
		const column = ordered[pick % ordered.length]!;
		const vs = valuesOf(ds, column).toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		if (vs.length < 2) return undefined;
		doc.setIn(['states', state, 'highlight'], doc.createNode({ [column]: { from: vs.at(-1), to: vs[0] } }));
		const out = doc.toString();
		return {
			mistake: `"states.${state}.highlight" from ${vs.at(-1)} to ${vs[0]}`,
			text: out,
			must: true,
			lines: linesAt(out, ['states', state, 'highlight']),
		};
	}
	const path = kind === 1 ? [pick % 2 ? 'x' : 'y', 'domain'] : ['states', state, 'zoom', pick % 2 ? 'x' : 'y'];
	const range = n % 2 ? [45, 0] : ['2024-10-31', '2021-05-01'];
	doc.setIn(path, doc.createNode(range, { flow: true }));
	const out = doc.toString();
	return {
		mistake: `"${path.join('.')}" reversed, ${JSON.stringify(range)}`,
		text: out,
		must: true,
		lines: linesAt(out, path),
	};
}

/** Something required left empty or out. */
function empty(text: string, pick: number, n: number) {
	const { doc } = parse(text);
	const states = Object.keys((doc.toJS() as { states: object }).states);
	const state = states[pick % states.length]!;
	const options: [Path, unknown][] = [
		[['states'], {}],
		[['states'], null],
		[['marks'], []],
		[['states', state], {}],
		[['states', state], null],
		[['title'], ''],
		[['states', state, 'label'], undefined],
		[['title'], undefined],
		[['dataset'], undefined],
		[['marks', 0, 'mark'], undefined],
	];
	const [path, value] = options[n % options.length]!;
	if (value === undefined) doc.deleteIn(path);
	else doc.setIn(path, doc.createNode(value));
	const out = doc.toString();
	const where = value === undefined ? path.slice(0, -1) : path;
	return {
		mistake: `"${path.join('.')}" ${value === undefined ? 'left out' : `set to ${JSON.stringify(value)}`}`,
		text: out,
		must: true,
		lines: linesAt(out, where),
	};
}

/** Damage to the YAML syntax on one line: a tab, an unclosed quote, an unclosed bracket, a stray colon, indentation. */
function syntax(text: string, pick: number, n: number) {
	const lines = text.split('\n');
	const candidates = lines.flatMap((l, i) => (/^\s*[^#\s].*:/.test(l) ? [i] : []));
	const i = candidates[pick % candidates.length]!;
	const line = lines[i]!;
	const indent = /^ */.exec(line)![0];
	const kind = ['tab', 'quote', 'bracket', 'colon', 'indent', 'dedent'][n % 6]!;
	let damaged: string | undefined;
	let must = true;
	if (kind === 'tab' && indent) damaged = `\t${line.slice(indent.length)}`;
	if (kind === 'quote' && /: [^'"\s]/.test(line)) damaged = line.replace(/: (?=[^'"\s])/, n % 12 < 6 ? `: '` : ': "');
	if (kind === 'bracket' && /[}\]]\s*$/.test(line)) damaged = line.replace(/[}\]](\s*)$/, '$1');
	if (kind === 'colon' && /:\s+\S/.test(line) && !/[{[]/.test(line)) damaged = `${line}: oops`;
	if (kind === 'indent' || kind === 'dedent') {
		// May leave valid YAML of another shape: reported where the shape changes, or read as meant.
		must = false;
		damaged = kind === 'indent' ? ` ${line}` : indent ? line.slice(1) : undefined;
	}
	if (damaged === undefined) return undefined;
	lines[i] = damaged;
	return { mistake: `line ${i + 1} damaged (${kind})`, text: lines.join('\n'), must, lines: [i + 1] };
}

/** Hostile YAML: alias bombs, deep nesting, huge numbers, prototype keys, long strings, bad bytes. */
function hostile(text: string, pick: number, n: number) {
	const lines = text.split('\n');
	const at = (re: RegExp) => {
		const found = lines.flatMap((l, i) => (re.test(l) ? [i] : []));
		return found[pick % found.length];
	};
	const kind = [
		'laughs',
		'laughs-in-value',
		'deep-flow',
		'deep-block',
		'huge',
		'proto',
		'proto-state',
		'long',
		'latin1',
		'bom',
		'crlf',
	][n % 11]!;
	const bomb = (indent: string) => [
		`${indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]`,
		...['b', 'c', 'd', 'e', 'f', 'g'].map(
			(k, j) => `${indent}${k}: &${k} [${Array(10).fill(`*${'abcdefg'[j]}`).join(', ')}]`,
		),
	];
	switch (kind) {
		case 'laughs': {
			const out = [...lines.slice(0, -1), 'laughs:', ...bomb('  '), ''].join('\n');
			const first = lines.length;
			return {
				mistake: 'a billion laughs under an unknown key',
				text: out,
				must: true,
				lines: [first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6, first + 7],
			};
		}
		case 'laughs-in-value': {
			const i = at(/^subtitle:/)!;
			const out = [...lines.slice(0, i), 'subtitle:', ...bomb('  '), ...lines.slice(i + 1)].join('\n');
			return {
				mistake: 'a billion laughs as the subtitle',
				text: out,
				must: true,
				lines: Array.from({ length: 8 }, (_, j) => i + 1 + j),
			};
		}
		case 'deep-flow': {
			const i = at(/^\s+label: /)!;
			const depth = [200, 2_000, 20_000][pick % 3]!;
			lines[i] = `${/^ */.exec(lines[i]!)![0]}label: ${'['.repeat(depth)}${']'.repeat(depth)}`;
			return { mistake: `a label nested ${depth} deep`, text: lines.join('\n'), must: true, lines: [i + 1] };
		}
		case 'deep-block': {
			const depth = [100, 1_000][pick % 2]!;
			const deep = Array.from({ length: depth }, (_, j) => `${' '.repeat(j)}k:`);
			const out = [...lines.slice(0, -1), ...deep, `${' '.repeat(depth)}1`, ''].join('\n');
			return {
				mistake: `a mapping nested ${depth} deep`,
				text: out,
				must: true,
				lines: Array.from({ length: depth + 1 }, (_, j) => lines.length + j),
			};
		}
		case 'huge': {
			const i = at(/: .*\d/);
			if (i === undefined) return undefined;
			const big = ['1e400', '-1e400', '1e308', '9007199254740993', '0x7fffffffffffffff', '.inf', '.nan', '1e-400'][
				pick % 8
			]!;
			lines[i] = lines[i]!.replace(/-?\d+(\.\d+)?/, big);
			return { mistake: `a number replaced by ${big}`, text: lines.join('\n'), must: false, lines: [i + 1] };
		}
		case 'proto': {
			const { doc } = parse(text);
			const maps = [
				'',
				...keyPaths(doc)
					.filter(({ pair }) => isMap(pair.value))
					.map(({ path }) => path.join('.')),
			];
			const path = maps[pick % maps.length]!;
			const map = path
				? doc.getIn(
						path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
						true,
					)
				: doc.contents;
			if (!isMap(map)) return undefined;
			const key = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'][n % 4]!;
			map.items.push(doc.createPair(key, pick % 2 ? 'polluted' : { polluted: true }));
			const out = doc.toString();
			const keyPath = [...(path ? path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : []), key];
			return {
				mistake: `a key "${key}" in ${path || 'the chart'}`,
				text: out,
				must: true,
				lines: linesAt(out, keyPath),
			};
		}
		case 'proto-state': {
			// A state of that name was the states' prototype: dropped without a word.
			const { doc } = parse(text);
			const states = doc.get('states');
			if (!isMap(states) || states.items.length === 0) return undefined;
			const pair = states.items[pick % states.items.length]!;
			pair.key = doc.createNode('__proto__');
			const out = doc.toString();
			return {
				mistake: 'a state named "__proto__"',
				text: out,
				must: true,
				lines: linesAt(out, ['states', '__proto__']),
			};
		}
		case 'long': {
			const i = at(/^(\s+label|title|subtitle): /)!;
			const size = [10_000, 300_000][pick % 2]!;
			lines[i] = lines[i]!.replace(/: .*/, `: ${'Long text '.repeat(size / 10)}`);
			return { mistake: `a text ${size} characters long`, text: lines.join('\n'), must: false, lines: [i + 1] };
		}
		case 'latin1': {
			// "Querétaro" saved as Latin-1 and read as UTF-8, as the build reads content files.
			const i = at(/^(\s+label|title|subtitle): /)!;
			lines[i] = lines[i]!.replace(/: .*/, ': Querétaro');
			const bytes = Buffer.from(lines.join('\n'), 'utf8');
			const latin = Buffer.from(bytes.toString('utf8').replace('é', '\u0000'), 'utf8');
			latin[latin.indexOf(0)] = 0xe9;
			return { mistake: 'a text saved as Latin-1', text: new TextDecoder().decode(latin), must: true, lines: [i + 1] };
		}
		case 'bom':
			return { mistake: 'a byte order mark', text: `\uFEFF${text}`, must: false, lines: [] };
		default:
			return { mistake: 'Windows line ends', text: text.replaceAll('\n', '\r\n'), must: false, lines: [] };
	}
}

const mutations = {
	renameKey,
	wrongType,
	missingColumn,
	missingValue,
	duplicate,
	reversed,
	empty,
	syntax,
	hostile,
};
const cases: fc.Arbitrary<Case> = fc
	.record({
		base: bases,
		mutation: fc.oneof(
			{ weight: 3, arbitrary: fc.constant(undefined) },
			{ weight: 12, arbitrary: fc.constantFrom(...(Object.keys(mutations) as (keyof typeof mutations)[])) },
		),
		pick: fc.nat(1000),
		n: fc.nat(1000),
	})
	.map(({ base, mutation, pick, n }) => {
		const done = mutation && mutations[mutation](base.text, pick, n);
		return withPrint(
			done
				? { base: base.base, ...done }
				: { base: base.base, mistake: 'none', text: base.text, must: false, lines: [] },
		);
	});

/**
 * The CPU time one case may take, check, compile and drawing included: a mistake that makes the check
 * or the drawing blow up (an alias bomb, deep nesting, a huge number) is caught by what it costs.
 * CPU time, not wall-clock time, which other programs on a shared machine lengthen (a case took 9 s).
 */
const cpuLimitMs = 3_000;
const cpuMs = (since?: NodeJS.CpuUsage) => {
	const { user, system } = process.cpuUsage(since);
	return (user + system) / 1000;
};
let caseNumber = 0;

describe('property: a chart declaration either fails the check at the line of the mistake, or draws exactly its data', () => {
	it('300 declarations, the story’s and generated ones, with and without a mistake', { timeout: 90_000 }, () => {
		const stats = { passed: 0, reported: 0 };
		fc.assert(
			fc.property(cases, (c) => {
				const id = `case-${++caseNumber}`;
				const file = `content/charts/${id}.yaml`;
				const started = process.cpuUsage();
				const { problems, checked } = checkDeclaration(file, c.text, datasets);
				const lineCount = c.text.split('\n').length;
				for (const p of problems) {
					expect(p.file).toBe(file);
					expect(p.line, p.message).toBeGreaterThanOrEqual(1);
					expect(p.line, p.message).toBeLessThanOrEqual(lineCount);
					expect(p.column).toBeGreaterThanOrEqual(1);
				}
				expect(Object.prototype).not.toHaveProperty('polluted');
				if (c.mistake === 'none') expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([]);
				if (c.must) expect(problems.length, 'the mistake is not reported').toBeGreaterThan(0);
				if (problems.length > 0) {
					stats.reported++;
					if (c.must && c.lines.length > 0) {
						const reported = problems.map((p) => `${p.line}:${p.column}: ${p.message.slice(0, 200)}`);
						expect(
							problems.some((p) => c.lines.includes(p.line)),
							`reported elsewhere:\n${reported.join('\n')}`,
						).toBe(true);
					}
				} else {
					stats.passed++;
					const chart = compileChart(checked!);
					const raw = rawCsv(checked!.dataset);
					for (const state of chart.stateNames) {
						renderSvg(chart, state, 390);
						expect(chart.alt(state)).not.toBe('');
						const expected = declaredRows(checked!.declaration, state, raw);
						expect(tableMismatches(chart, state, { raw, expected, format: checked!.declaration.format })).toEqual([]);
					}
				}
				expect(cpuMs(started), 'took too long').toBeLessThan(cpuLimitMs);
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 1616) },
		);
		// Enough cases of each outcome for both halves of the property to mean something.
		expect(stats.passed).toBeGreaterThan(Number(process.env.FC_RUNS ?? 300) / 6);
		expect(stats.reported).toBeGreaterThan(Number(process.env.FC_RUNS ?? 300) / 2);
	});
});
