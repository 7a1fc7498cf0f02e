import { closest } from '../problems/closest.ts';
import { lineAt } from '../problems/located-text.ts';
import { byLine, type Problem } from '../problems/problem.ts';
import { figureComponentNames } from './figure-components.ts';
import { mdxSyntaxProblem } from './mdx-syntax.ts';
import { blankCode, parseTags, textBetween, type Tag } from './parse-tags.ts';

/** What the validator needs to know about the charts: ids and their state names. */
export type ChartCatalogue = ReadonlyMap<string, readonly string[]>;

/** A step as the story sees it: its id, and the chart and state it shows. */
export interface StepInfo {
	readonly id: string;
	readonly chart: string;
	readonly state: string;
	readonly file: string;
	readonly line: number;
}

/** An inline figure (`<Chart>`): the id its figure gets on the page, and where it is written. */
export interface FigureInfo {
	readonly uid: string;
	readonly chart: string;
	readonly state: string;
	readonly file: string;
	readonly line: number;
}

/** What a chapter's source says, once checked: its steps, inline figures and any problems. */
export interface ChapterCheck {
	readonly steps: StepInfo[];
	readonly figures: FigureInfo[];
	readonly problems: Problem[];
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks the Scrolly, Step and Chart tags of one chapter against the chart catalogue. */
export function validateChapter(file: string, source: string, catalogue: ChartCatalogue): ChapterCheck {
	const tags = parseTags(source);
	const steps: StepInfo[] = [];
	const figures: FigureInfo[] = [];
	const problems: Problem[] = [];
	const report = (tag: Tag, message: string) => problems.push({ file, line: tag.line, message });
	let scrolly: { tag: Tag; chart: string | undefined } | undefined;

	problems.push(...findUnknownComponents(file, source));
	tags.forEach((tag, index) => {
		for (const key of tag.expressions) {
			report(tag, `<${tag.name} ${key}={…}>: write ${key} as quoted text, e.g. ${key}="…".`);
		}
		const next = tags[index + 1];
		if (tag.name === 'Step' && tag.kind === 'open' && !(next?.name === 'Step' && next.kind === 'close')) {
			const id = tag.attributes.id;
			report(tag, `<Step${id ? ` id="${id}"` : ''}> is never closed: add </Step> after its text.`);
		}
		if (
			tag.name === 'Step' &&
			tag.kind === 'close' &&
			!(tags[index - 1]?.name === 'Step' && tags[index - 1]?.kind === 'open')
		) {
			report(
				tag,
				'</Step> closes a step that was never opened: remove it, or add <Step id="…" state="…"> before its text.',
			);
		}
		if (tag.name === 'Scrolly') {
			if (tag.kind === 'close') {
				if (!scrolly) report(tag, '</Scrolly> closes a section that was never opened.');
				scrolly = undefined;
				return;
			}
			if (scrolly)
				report(
					tag,
					`<Scrolly> inside the <Scrolly> opened on line ${scrolly.tag.line}: close the first one with </Scrolly>.`,
				);
			const chart = tag.attributes.chart;
			if (chart === undefined) report(tag, '<Scrolly> needs a chart, e.g. <Scrolly chart="world-cloud-share">.');
			else checkChart(tag, chart, catalogue, report);
			scrolly = tag.kind === 'open' ? { tag, chart } : undefined;
			return;
		}
		if (tag.name === 'Chart') {
			if (tag.kind === 'close') return;
			if (tag.kind === 'open' && !(next?.name === 'Chart' && next.kind === 'close'))
				report(tag, '<Chart …> is never closed: end it with />, e.g. <Chart chart="…" state="…" />.');
			const { chart, state, id } = tag.attributes;
			if (chart === undefined)
				report(tag, '<Chart> needs a chart, e.g. <Chart chart="china-cloud-share" state="alibaba" />.');
			else if (checkChart(tag, chart, catalogue, report)) {
				checkState(tag, chart, state, catalogue, report, false);
				const shown = state ?? catalogue.get(chart)?.[0] ?? '';
				// The same id rule as Chart.astro: a figure's ids on the page derive from it.
				figures.push({ uid: id ?? `inline-${chart}-${shown}`, chart, state: shown, file, line: tag.line });
			}
			return;
		}
		if (tag.kind === 'close') return;
		const { id, state } = tag.attributes;
		const chart = tag.attributes.chart ?? scrolly?.chart;
		const label = `<Step${id ? ` id="${id}"` : ''}>`;
		if (!scrolly)
			report(tag, `${label} is outside a scrolly section: put it between <Scrolly chart="…"> and </Scrolly>.`);
		if (id === undefined)
			report(tag, `<Step> needs an id, e.g. <Step id="big-three" state="…">: it becomes the step's link.`);
		else if (!idPattern.test(id))
			report(tag, `${label}: the id must be lowercase letters, digits and hyphens, e.g. "alibaba-at-home".`);
		if (tag.attributes.chart !== undefined) checkChart(tag, tag.attributes.chart, catalogue, report);
		if (chart !== undefined && catalogue.has(chart)) checkState(tag, chart, state, catalogue, report, true);
		if (tag.kind === 'self-closing' || textBetween(source, tag, tags[index + 1]) === '') {
			report(tag, `${label} has no text: write what the reader should notice between <Step …> and </Step>.`);
		}
		if (id !== undefined && chart !== undefined && state !== undefined)
			steps.push({ id, chart, state, file, line: tag.line });
	});
	if (scrolly)
		problems.push({
			file,
			line: scrolly.tag.line,
			message: '<Scrolly> is never closed: add </Scrolly> after its last step.',
		});
	// What the parser cannot read, unless a tag's own message already names that line (it says more).
	const syntax = mdxSyntaxProblem(file, source);
	if (syntax && !problems.some((p) => p.line === syntax.line)) problems.push(syntax);
	return { steps, figures, problems: problems.toSorted(byLine) };
}

const components = ['Scrolly', 'Step', 'Chart', ...figureComponentNames];

// MDX renders an unknown capitalised tag as an error at build time, and a lowercase <step> as an
// unknown HTML element without a word: both are typos an editor can make.
function findUnknownComponents(file: string, source: string): Problem[] {
	const text = blankCode(source);
	const imported = new Set(
		[...text.matchAll(/^import\s+(?:\{([^}]*)\}|(\w+))/gm)].flatMap(([, named, name]) =>
			name
				? [name]
				: (named ?? '').split(',').map(
						(n) =>
							n
								.trim()
								.split(/\s+as\s+/)
								.pop() ?? '',
					),
		),
	);
	const problems: Problem[] = [];
	for (const match of text.matchAll(/<([A-Za-z][\w.]*)/g)) {
		const name = match[1]!;
		const line = lineAt(text, match.index);
		const isComponent = /^[A-Z]/.test(name);
		if (components.includes(name) || imported.has(name)) continue;
		const suggestion = closest(name, components);
		if (isComponent) {
			problems.push({
				file,
				line,
				message: `<${name}> is not a story component.${suggestion ? ` Did you mean <${suggestion}>?` : ''} The components are ${components.map((c) => `<${c}>`).join(', ')}.`,
			});
		} else if (suggestion && suggestion.toLowerCase() === name.toLowerCase()) {
			problems.push({ file, line, message: `<${name}>: write <${suggestion}> with a capital ${suggestion[0]}.` });
		}
	}
	return problems;
}

type Report = (tag: Tag, message: string) => void;

function checkChart(tag: Tag, chart: string, catalogue: ChartCatalogue, report: Report): boolean {
	if (catalogue.has(chart)) return true;
	const names = [...catalogue.keys()];
	report(
		tag,
		`<${tag.name} chart="${chart}">: there is no chart "${chart}".${didYouMean(chart, names)} Valid charts: ${names.join(', ')}.`,
	);
	return false;
}

function checkState(
	tag: Tag,
	chart: string,
	state: string | undefined,
	catalogue: ChartCatalogue,
	report: Report,
	required: boolean,
) {
	const states = catalogue.get(chart) ?? [];
	if (state === undefined) {
		if (required) report(tag, `<${tag.name}> needs a state of chart "${chart}". Valid states: ${states.join(', ')}.`);
		return;
	}
	if (!states.includes(state)) {
		report(
			tag,
			`<${tag.name} state="${state}">: chart "${chart}" has no state "${state}".${didYouMean(state, states)} Valid states: ${states.join(', ')}.`,
		);
	}
}

function didYouMean(name: string, options: readonly string[]): string {
	const suggestion = closest(name, options);
	return suggestion ? ` Did you mean "${suggestion}"?` : '';
}
