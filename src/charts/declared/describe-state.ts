import { listJoin, ordinal } from '../shared/format.ts';
import { color, providerColor } from '../shared/theme.ts';
import { isoDate, type AnyRow } from './rows.ts';

/** What a state's text alternative is written from. */
export interface StateFacts {
	/** "Bar chart", "Column chart", "Line chart" … */
	readonly kind: string;
	readonly subtitle: string;
	/** The rows drawn (after `only`), in order. */
	readonly shown: readonly AnyRow[];
	/** The highlighted rows, if the state highlights. */
	readonly highlighted?: readonly AnyRow[];
	/** Names a row: its key or category, e.g. "Alibaba", "Q3 2024". */
	readonly name: (row: AnyRow) => string;
	/** The row's value, formatted, e.g. "39%". */
	readonly value: (row: AnyRow) => string;
	readonly measure?: string;
	readonly note?: string;
	readonly format: (column: string, row: AnyRow) => string;
}

// The subtitle without a trailing unit segment (", %" or ", US$ bn"): the values carry the unit.
export const topic = (subtitle: string): string => {
	const trimmed = subtitle.replace(/,\s*[^,\d]{1,8}$/, '');
	// A provider's name keeps its capital ("Alibaba Cloud regions").
	if (providerColor(trimmed.split(/[\s’']/)[0]!) !== color.muted) return trimmed;
	return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
};

/**
 * The derived text alternative: the chart and every value it shows, or, when the state highlights
 * rows, what is highlighted with its values (and its rank when the values are ranked).
 */
export function describeState(facts: StateFacts): string {
	const { shown, highlighted, name, value } = facts;
	// A row without a value to write (a place on a map) is named alone.
	const list = (rows: readonly AnyRow[]) => listJoin(rows.map((r) => [name(r), value(r)].filter(Boolean).join(' ')));
	const note = facts.note ? ` Note: ${facts.note}` : '';
	if (!highlighted) return `${facts.kind} of ${topic(facts.subtitle)}: ${list(shown)}.${note}`;
	const verb = highlighted.length === 1 ? 'is' : 'are';
	const names = listJoin(highlighted.map(name));
	const rank = rankOf(highlighted, shown, facts.measure);
	const values = highlighted.length === 1 ? `${value(highlighted[0]!)}${rank}` : list(highlighted);
	const valued = highlighted.some((r) => value(r) !== '');
	const others = shown.filter((r) => !highlighted.includes(r));
	const context = others.length > 0 && others.length <= 8 ? ` The others: ${list(others)}.` : '';
	return `${facts.kind} of ${topic(facts.subtitle)}. ${names} ${verb} highlighted${valued ? `: ${values}` : ''}.${context}${note}`;
}

// ", the fourth-largest of 8" when the rows are ranked by the measure, largest first.
function rankOf(highlighted: readonly AnyRow[], shown: readonly AnyRow[], measure: string | undefined): string {
	if (!measure || highlighted.length !== 1 || shown.length < 3) return '';
	const values = shown.map((r) => r[measure]);
	if (!values.every((v): v is number => typeof v === 'number')) return '';
	if (!values.every((v, i) => i === 0 || v <= values[i - 1]!)) return '';
	const rank = shown.indexOf(highlighted[0]!) + 1;
	return rank > 0 ? `, the ${ordinal(rank)}-largest of ${shown.length}` : '';
}

/** Fills an editor's template: `{column}` is that column's value in the highlighted rows (or the rows shown). */
export function fillTemplate(template: string, facts: StateFacts): string {
	const rows = facts.highlighted ?? facts.shown;
	return template.replace(/\{([^}]+)\}/g, (_, column: string) => listJoin(rows.map((r) => facts.format(column, r))));
}

/** A cell in prose: dates as YYYY-MM-DD. */
export const proseCell = (cell: AnyRow[string] | undefined): string =>
	cell instanceof Date ? isoDate(cell) : cell === null || cell === undefined ? 'no figure' : String(cell);
