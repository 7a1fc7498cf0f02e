import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charts } from '../../../src/charts/index.ts';
import { validateStory } from '../../../src/chapters/validate-story.ts';

/** The values an arbitrary generates. */
type Value<A> = A extends fc.Arbitrary<infer T> ? T : never;
/**
 * Property: for any chapter an editor could write by changing a known one (ids, states, charts,
 * tags, frontmatter), the check (validateStory: what `npm run check` and the build run) either
 * reports problems at real lines of the file, or every step and inline chart it finds names a
 * chart and state that exist, and none of the Step and Chart tags written is lost on the way.
 */
const catalogue = new Map(charts.map((chart) => [chart.id, chart.stateNames]));
const chartIds = [...catalogue.keys()];
const file = 'content/chapters/test-chapter.mdx';

const frontmatterLines = {
	title: 'title: A chapter for the tests',
	order: 'order: 1',
	dek: 'dek: Known text.',
	authors: 'authors:\n  - Test desk',
	published: 'published: 2026-01-15',
	draft: 'draft: false',
};
type Field = keyof typeof frontmatterLines;

const validChart = fc.constantFrom(...chartIds);
// A mistake in one case out of about ten, so that many chapters pass and what they ship is checked.
const rarely = <T>(mistake: fc.Arbitrary<T>, odds = 12) =>
	fc.oneof({ weight: odds - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: mistake });
const validPair = validChart.chain((chart) =>
	fc.constantFrom(...catalogue.get(chart)!).map((state) => ({ chart, state })),
);
// Names an editor might mistype: a letter or the case wrong, empty, hostile, or another valid name.
const typo = (valid: fc.Arbitrary<string>) =>
	fc.oneof(
		valid,
		valid.map((v) => v.toUpperCase()),
		valid.map((v) => `${v}s`),
		valid.map((v) => v.slice(0, -1)),
		fc.constantFrom('', ' ', 'a b', '"><script>', '__proto__', 'constructor', '-x-', 'x--y', 'a_b', 'é'),
	);

const anyState = fc.constantFrom(...new Set([...catalogue.values()].flat()));
const stepIn = (scrollyChart: string) =>
	fc.record({
		id: fc.oneof(
			{
				weight: 40,
				arbitrary: fc.tuple(fc.constantFrom('intro', 'growth', 'ai', 'step'), fc.nat(99)).map(([w, n]) => `${w}-${n}`),
			},
			typo(fc.constant('step-1')),
		),
		// A step shows a state of the section's chart, or names a chart of its own.
		pair: fc.oneof(
			{
				weight: 3,
				arbitrary: fc
					.constantFrom(...catalogue.get(scrollyChart)!)
					.map((state) => ({ chart: scrollyChart, state, own: false })),
			},
			validPair.map((p) => ({ ...p, own: true })),
		),
		state: rarely(typo(anyState), 30),
		chart: rarely(typo(validChart), 30),
		tag: fc.oneof({ weight: 60, arbitrary: fc.constant('Step') }, fc.constantFrom('step', 'Stpe')),
		closed: fc.oneof({ weight: 60, arbitrary: fc.constant(true) }, fc.constant(false)),
		text: fc.oneof(
			{ weight: 20, arbitrary: fc.constantFrom('Some text.', 'Text with *emphasis*.', 'Text: with a colon.') },
			fc.constantFrom('', 'Text with a < sign.', 'Text with {braces}.'),
		),
	});

const chapterCase = validChart.chain((scrolly) =>
	fc.record({
		scrolly: fc.constant(scrolly),
		scrollyChart: rarely(typo(validChart)),
		steps: fc.uniqueArray(stepIn(scrolly), { minLength: 1, maxLength: 4, selector: (s) => s.id }),
		inline: fc.option(fc.record({ pair: validPair, chart: rarely(typo(validChart)), state: rarely(typo(anyState)) }), {
			nil: undefined,
		}),
		dropField: rarely(fc.constantFrom<Field>(...(Object.keys(frontmatterLines) as Field[]))),
		fieldValue: rarely(
			fc.record({
				field: fc.constantFrom<Field>('order', 'published', 'draft', 'title'),
				value: fc.constantFrom('', 'one', '-1', '2026-02-30', 'yes', '[1, 2]', '"quoted"', '{a: 1}', '1e9'),
			}),
		),
		unknownField: rarely(fc.constant(true)).map(Boolean),
		unclosedFrontmatter: rarely(fc.constant(true)).map(Boolean),
	}),
);

/** What each step is written to show. */
const writtenSteps = (c: Value<typeof chapterCase>) =>
	c.steps.map((s) => ({
		id: s.id,
		chart: s.chart ?? (s.pair.own ? s.pair.chart : (c.scrollyChart ?? c.scrolly)),
		state: s.state ?? s.pair.state,
		ownChart: s.chart !== undefined || s.pair.own,
	}));

function write(c: Value<typeof chapterCase>): string {
	const fields = Object.entries(frontmatterLines)
		.filter(([field]) => field !== c.dropField)
		.map(([field, line]) => (c.fieldValue?.field === field ? `${field}: ${c.fieldValue.value}` : line));
	if (c.unknownField) fields.push('subtitle: not a field');
	const written = writtenSteps(c);
	const steps = c.steps.map((s, i) => {
		const { id, chart, state, ownChart } = written[i]!;
		return `  <${s.tag} id="${id}"${ownChart ? ` chart="${chart}"` : ''} state="${state}">\n    ${s.text}\n${s.closed ? `  </${s.tag}>` : ''}`;
	});
	const inline = c.inline
		? `\n<Chart chart="${c.inline.chart ?? c.inline.pair.chart}" state="${c.inline.state ?? c.inline.pair.state}" />\n`
		: '';
	return [
		'---',
		...fields,
		...(c.unclosedFrontmatter ? [] : ['---']),
		'',
		'Opening text.',
		'',
		`<Scrolly chart="${c.scrollyChart ?? c.scrolly}">`,
		...steps,
		'</Scrolly>',
		'',
		'Closing text.',
		inline,
	].join('\n');
}

describe('property: a chapter either fails the check at a real line, or every step it ships shows a real chart state', () => {
	it('300 generated chapters', { timeout: 60_000 }, () => {
		let passed = 0;
		fc.assert(
			fc.property(chapterCase, (c) => {
				const source = write(c);
				const lineCount = source.split('\n').length;
				const story = validateStory([{ file, source }], catalogue);
				if (story.problems.length > 0) {
					for (const p of story.problems) {
						expect(p.file).toBe(file);
						expect(p.line).toBeGreaterThanOrEqual(1);
						expect(p.line).toBeLessThanOrEqual(lineCount);
					}
					return;
				}
				// Passed: what the page will show must be what was written, and exist.
				for (const shown of [...story.steps, ...story.figures]) {
					expect(catalogue.get(shown.chart), `${shown.chart}/${shown.state}`).toContain(shown.state);
				}
				passed++;
				const written = writtenSteps(c).map(({ id, chart, state }) => ({ id, chart, state }));
				expect(story.steps.map(({ id, chart, state }) => ({ id, chart, state }))).toEqual(written);
				expect(story.figures.length).toBe(c.inline ? 1 : 0);
				expect(new Set(story.steps.map((s) => s.id)).size).toBe(story.steps.length);
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 1616) },
		);
		// Enough chapters pass for the second half of the property to mean something.
		expect(passed).toBeGreaterThan(Number(process.env.FC_RUNS ?? 300) / 5);
	});
});
