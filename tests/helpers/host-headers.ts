/**
 * Reads a `_headers` file (public/_headers, copied into the build) the way Netlify and Cloudflare
 * Pages do, so the test server sends the headers the real hosts send: one source of truth.
 */

/** One rule: a path pattern and the headers it sets. */
export interface HeaderRule {
	readonly pattern: string;
	readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** Parses the file: a pattern on its own line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: { pattern: string; headers: [string, string][] }[] = [];
	for (const [index, line] of text.split(/\r?\n/).entries()) {
		if (/^\s*(#|$)/.test(line)) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			continue;
		}
		const header = /^\s+([\w-]+):\s*(.*?)\s*$/.exec(line);
		const rule = rules.at(-1);
		if (!header || !rule) throw new Error(`_headers:${index + 1}: expected "Name: value" under a path: ${line}`);
		rule.headers.push([header[1]!, header[2]!]);
	}
	return rules;
}

/** `*` matches the rest of the path (or nothing), `:name` one segment; anything else itself. */
function patternRegExp(pattern: string): RegExp {
	const escaped = pattern
		.split(/(\*|:[A-Za-z]\w*)/)
		.map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${escaped}$`);
}

/**
 * The headers for a path: every matching rule applies, and a header two rules set gets both values
 * joined by a comma, as the hosts do (two CSP headers become two policies, both enforced).
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const rule of rules) {
		if (!patternRegExp(rule.pattern).test(path)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
		}
	}
	return headers;
}

/**
 * The headers the README's nginx snippet sends for a path: its `map $uri $var { default …; ~regex …; }`
 * blocks and `add_header Name value always;` lines, with `$var`s filled in (an empty value is not sent,
 * as nginx does). Enough nginx for that snippet, not a parser of any configuration.
 */
export function nginxHeadersFor(snippet: string, path: string): Record<string, string> {
	const unquote = (value: string) => value.replace(/^"(.*)"$/, '$1');
	const variables: Record<string, string> = {};
	for (const [, name, body] of snippet.matchAll(/map \$uri \$(\w+) \{([^}]*)\}/g)) {
		const entries = [...body!.matchAll(/^\s*(\S+)\s+(.*?);\s*$/gm)].map(([, key, value]) => [key!, unquote(value!)]);
		const found = entries.find(([key]) => key!.startsWith('~') && new RegExp(key!.slice(1)).test(path));
		variables[name!] = found?.[1] ?? entries.find(([key]) => key === 'default')?.[1] ?? '';
	}
	const headers: Record<string, string> = {};
	for (const [, name, value] of snippet.matchAll(/^\s*add_header ([\w-]+) (.*?) always;$/gm)) {
		const filled = unquote(value!).replace(/\$(\w+)/g, (_, variable: string) => variables[variable] ?? '');
		if (filled !== '') headers[name!.toLowerCase()] = filled;
	}
	return headers;
}

/** The `location` prefix of the nginx snippet: the base path it is written for. */
export const nginxLocation = (snippet: string): string | undefined => /^\s*location (\S+) \{/m.exec(snippet)?.[1];
