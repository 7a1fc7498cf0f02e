import { columnUnit, type Dataset } from '../data/define-dataset.ts';
import { lineAt } from '../problems/located-text.ts';
import type { Problem } from '../problems/problem.ts';
import { computeFigure, computedNames, describeRow, quotedName } from './figure-components.ts';
import { blankCode, findTags } from './parse-tags.ts';
import type { FigureInfo, StepInfo } from './validate-chapter.ts';

/** The data each chart draws, by chart id: what the figures in the text are checked against. */
export type ChartData = ReadonlyMap<string, readonly Dataset[]>;

/** A figure as the text writes it: "39%", "US$9.2 bn", "30 regions". */
export interface TextFigure {
	/** As written, e.g. "US$9.2 bn". */
	readonly text: string;
	readonly value: number;
	/** Decimals written: a figure matches a value that rounds to it. */
	readonly decimals: number;
	/** The unit it is written with, "%" or a currency ("US$", "RMB"): it matches only values in that unit. */
	readonly unit?: string;
	/** Offset in the source. */
	readonly index: number;
}

const months =
	'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const figurePattern = new RegExp(
	String.raw`(?<currency>(?:US\$|RMB|€|£|\$)\s?)?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<scale>\s?(?:bn|m|trillion)\b)?(?<percent>\s?%)?`,
	'g',
);
// Capitalised words that start a sentence, not a name: "By 2,300 …" is a figure, "Qianwen 2.0" is not.
const sentenceStarts = new Set([
	'About',
	'After',
	'Around',
	'At',
	'By',
	'For',
	'In',
	'Just',
	'Of',
	'On',
	'Only',
	'Over',
	'Some',
]);
const dayBeforeMonth = new RegExp(String.raw`^\s+(?:${months})\b`);
const monthBeforeDay = new RegExp(String.raw`\b(?:${months})\s+$`);

/**
 * Returns the figures a reader sees in a text: percentages, money and other numbers, leaving out
 * years, days of a month and numbers that are part of a name (Q3, FY24, Qwen2.5, GPT-4, Tongyi Qianwen 2.0).
 */
export function findFigures(text: string): TextFigure[] {
	const figures: TextFigure[] = [];
	for (const match of text.matchAll(figurePattern)) {
		const { currency, number = '', scale, percent } = match.groups!;
		const before = text.slice(Math.max(0, match.index - 40), match.index);
		const after = text.slice(match.index + match[0].length, match.index + match[0].length + 20);
		if (/[\p{L}\d_.\-+/]$/u.test(before) || /^[\p{L}\d+]/u.test(after)) continue; // part of a name or a code
		const bare = !currency && !scale && !percent;
		if (bare) {
			const n = Number(number);
			if (/^(19|20)\d\d$/.test(number)) continue; // a year
			if (n >= 1 && n <= 31 && (dayBeforeMonth.test(after) || monthBeforeDay.test(before))) continue; // a day
			const word = /(\p{Lu}\p{L}*)\s$/u.exec(before)?.[1];
			if (word && !sentenceStarts.has(word)) continue; // a version after a name: "Tongyi Qianwen 2.0"
		}
		const unit = percent ? '%' : currency ? unitOf(currency) : undefined;
		figures.push({
			text: match[0].trim(),
			value: Number(number.replace(/,/g, '')),
			decimals: number.split('.')[1]?.length ?? 0,
			...(unit && { unit }),
			index: match.index,
		});
	}
	return figures;
}

/**
 * What a unit is, as far as a figure's own unit can say: "%" for a percentage ("% of market revenue",
 * "%"), a currency for money ("RMB bn per quarter", "US$9.2 bn"), else nothing (counts, degrees, years).
 */
function unitOf(unit: string): string | undefined {
	const start = /^\s*(%|US\$|RMB|€|£|\$)/.exec(unit)?.[1];
	return start === '$' ? 'US$' : start;
}

/** A figure written with a unit matches only values in it: "35.7%" is not a latitude of 35.68. */
const fitsUnit = (figure: TextFigure, value: DataValue): boolean =>
	figure.unit === undefined || figure.unit === unitOf(value.unit);

/** A number in a chart's data, with where it is and its column's unit: for matching and messages. */
interface DataValue {
	readonly value: number;
	readonly where: string;
	readonly unit: string;
}

function valuesOf(datasets: readonly Dataset[]): DataValue[] {
	return datasets.flatMap((dataset) =>
		dataset.rows.flatMap((row) =>
			Object.entries(row as Readonly<Record<string, unknown>>).flatMap(([column, value]) =>
				typeof value === 'number'
					? [{ value, where: `${dataset.name}.${column}, ${describeRow(row)}`, unit: columnUnit(dataset, column) }]
					: [],
			),
		),
	);
}

/** True when a value, or its size (a fall of -2 written "2%"), rounds to the figure as the text rounds it. */
const matchesValue = (figure: TextFigure, value: number): boolean =>
	Math.abs(Math.abs(value) - figure.value) <= 0.5 * 10 ** -figure.decimals + 1e-9 ||
	Math.abs(value - figure.value) <= 0.5 * 10 ** -figure.decimals + 1e-9;

/**
 * Checks every figure in a chapter's steps and paragraphs against the data of the charts shown there:
 * a step's figures against its chart, other paragraphs against every chart the chapter shows. Computed
 * figures (<Value>, <Sum>, …) are checked to compute; quoted ones (<Quoted source="…">) to name a source.
 */
export function checkFigures(
	file: string,
	source: string,
	shown: { readonly steps: readonly StepInfo[]; readonly figures: readonly FigureInfo[] },
	charts: ChartData,
): Problem[] {
	const problems: Problem[] = [];
	const datasets = [...new Map([...charts.values()].flat().map((d) => [d.name, d])).values()];
	let text = blankFrontmatter(blankCode(source));
	const blank = (from: number, to: number) => {
		text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
	};

	// Quoted figures carry their source; computed ones must compute. Both are then left out of the scan.
	for (const tag of findTags(text, [quotedName, ...computedNames])) {
		const line = lineAt(source, tag.start);
		if (tag.name === quotedName) {
			if (tag.kind !== 'open') continue;
			const close = text.indexOf(`</${quotedName}>`, tag.end);
			if (!tag.attributes.source?.trim())
				problems.push({
					file,
					line,
					message: `<Quoted> needs the figure's source, e.g. <Quoted source="Reuters, 16 Nov 2023">8 to 10%</Quoted>.`,
				});
			if (close < 0) {
				problems.push({ file, line, message: '<Quoted …> is never closed: add </Quoted> after the figure.' });
				continue;
			}
			const end = close + quotedName.length + 3;
			if (source.slice(tag.start, end).includes('\n')) problems.push({ file, line, message: oneLine('<Quoted>') });
			blank(tag.start, end);
			continue;
		}
		const computed = computeFigure(tag.name, tag.attributes, datasets);
		if (!computed.ok) problems.push({ file, line, message: computed.message });
		if (source.slice(tag.start, tag.end).includes('\n'))
			problems.push({ file, line, message: oneLine(`<${tag.name}>`) });
		if (tag.kind === 'open')
			problems.push({ file, line, message: `<${tag.name} …> writes its figure itself: end the tag with />.` });
	}
	// Other tags' attributes (ids, states) are not text a reader sees; nor are link addresses.
	text = text
		.replace(/<[^<>]*>/g, (tag) => tag.replace(/[^\n]/g, ' '))
		.replace(/\]\([^)]*\)/g, (link) => link.replace(/[^\n]/g, ' '));

	const stepTags = findTags(source, ['Step']);
	const stepRanges = stepTags
		.map((tag, i) => ({ tag, next: stepTags[i + 1] }))
		.filter(({ tag }) => tag.kind === 'open')
		.map(({ tag, next }) => ({
			from: tag.end,
			to: next?.start ?? source.length,
			step: shown.steps.find((step) => step.line === tag.line),
		}));
	const chapterCharts = [...new Set([...shown.steps.map((s) => s.chart), ...shown.figures.map((f) => f.chart)])];

	for (const figure of findFigures(text)) {
		const range = stepRanges.find((r) => figure.index >= r.from && figure.index < r.to);
		if (range && !range.step) continue; // a broken step: its own problem is reported
		const chartIds = range?.step ? [range.step.chart] : chapterCharts;
		const all = valuesOf([...new Set(chartIds.flatMap((id) => charts.get(id) ?? []))]);
		const values = all.filter((v) => fitsUnit(figure, v));
		if (values.some((v) => matchesValue(figure, v.value))) continue;
		const nearest = values
			.toSorted((a, b) => Math.abs(Math.abs(a.value) - figure.value) - Math.abs(Math.abs(b.value) - figure.value))
			.slice(0, 3)
			.map((v) => `${v.value} (${v.where})`);
		const where = range?.step
			? `the data of chart "${range.step.chart}", which step "${range.step.id}" shows`
			: `the data of the charts this chapter shows (${chartIds.join(', ') || 'none'})`;
		// A value of another unit that matches: say why it does not count.
		const other = all.find((v) => !fitsUnit(figure, v) && matchesValue(figure, v.value));
		problems.push({
			file,
			line: lineAt(source, figure.index),
			message: `"${figure.text}" matches no value in ${where}${nearest.length > 0 ? `; nearest: ${nearest.join('; ')}` : ''}.${other ? ` (It matches ${other.value} in ${other.where}, whose unit is "${other.unit}", not ${figure.unit}.)` : ''}`,
			fix: `Correct the figure; or write it from the data with <Value>, <Sum>, <Change>, <Difference> or <Implied>; or, if it comes from a source outside the charts, write <Quoted source="…">${figure.text}</Quoted> (see "Figures in the text" in content/EDITORS.md).`,
		});
	}
	return problems;
}

// MDX ends the paragraph at a tag written over several lines, which the formatter does to a long one.
const oneLine = (tag: string) =>
	`${tag} is written over several lines, which splits its paragraph: keep it on one line of at most 100 characters (shorten its source, or leave out format where the default will do).`;

// The frontmatter is checked by its schema; its dates are not figures in the text.
const blankFrontmatter = (text: string): string =>
	text.replace(/^\uFEFF?(?:\s*\n)?---[ \t]*\r?\n[\s\S]*?^---[ \t]*$/m, (block) => block.replace(/[^\n]/g, ' '));
