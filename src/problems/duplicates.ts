import { placeOf, type Problem } from './problem.ts';

type Place = Pick<Problem, 'file' | 'line'>;

/**
 * Returns one problem per value used more than once, at its first place; `message` gets that first
 * item and the other places, written `file:line, file:line`.
 */
export function findDuplicates<T extends Place>(
	items: readonly T[],
	key: (item: T) => unknown,
	message: (first: T, others: string) => string,
): Problem[] {
	return [...Map.groupBy(items, key).values()]
		.filter((group) => group.length > 1)
		.map(([first, ...others]) => ({
			file: first!.file,
			line: first!.line,
			message: message(first!, others.map(placeOf).join(', ')),
		}));
}
