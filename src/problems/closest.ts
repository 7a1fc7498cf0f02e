/** Returns the option nearest to a misspelt name (edit distance at most a third of its length), if any. */
export function closest(name: string, options: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.ceil(name.length / 3)) + 1;
	for (const option of options) {
		const distance = editDistance(name.toLowerCase(), option.toLowerCase());
		if (distance < bestDistance) [best, bestDistance] = [option, distance];
	}
	return best;
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}
