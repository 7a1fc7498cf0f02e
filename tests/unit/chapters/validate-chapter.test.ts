import { describe, expect, it } from 'vitest';
import { validateChapter } from '../../../src/chapters/validate-chapter.ts';
import { checkFrontmatter } from '../../../src/chapters/frontmatter.ts';
import { findDuplicateSteps } from '../../../src/chapters/validate-story.ts';

const catalogue = new Map([
	['world-cloud-share', ['market', 'big-three', 'alibaba']],
	['china-cloud-share', ['leaders', 'alibaba', 'rivals']],
]);
const file = 'content/chapters/example.mdx';
const check = (body: string) => validateChapter(file, `---\ntitle: x\n---\n\n${body}`, catalogue);
const messages = (body: string) => check(body).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

describe('validateChapter(file, source, catalogue)', () => {
	it('returns each step with the chart it inherits from its section', () => {
		const { steps, problems } = check(
			'<Scrolly chart="world-cloud-share">\n  <Step id="a" state="market">Text.</Step>\n  <Step id="b" chart="china-cloud-share" state="alibaba">\n    More.\n  </Step>\n</Scrolly>',
		);
		expect(problems).toEqual([]);
		expect(steps).toEqual([
			{ id: 'a', chart: 'world-cloud-share', state: 'market', file, line: 6 },
			{ id: 'b', chart: 'china-cloud-share', state: 'alibaba', file, line: 7 },
		]);
	});

	it('names an unknown chart, suggests the closest and lists the valid ones', () => {
		expect(messages('<Scrolly chart="world-cloud-shares">\n<Step id="a" state="market">T</Step>\n</Scrolly>'))
			.toMatchInlineSnapshot(`
			[
			  "content/chapters/example.mdx:5: <Scrolly chart="world-cloud-shares">: there is no chart "world-cloud-shares". Did you mean "world-cloud-share"? Valid charts: world-cloud-share, china-cloud-share.",
			]
		`);
	});

	it('names an unknown state with the line of its step', () => {
		expect(messages('<Scrolly chart="world-cloud-share">\n\n<Step id="a" state="alibba">T</Step>\n</Scrolly>'))
			.toMatchInlineSnapshot(`
			[
			  "content/chapters/example.mdx:7: <Step state="alibba">: chart "world-cloud-share" has no state "alibba". Did you mean "alibaba"? Valid states: market, big-three, alibaba.",
			]
		`);
	});

	it('rejects a step without text, self-closing or empty', () => {
		expect(
			messages(
				'<Scrolly chart="world-cloud-share">\n<Step id="a" state="market" />\n<Step id="b" state="market">\n</Step>\n</Scrolly>',
			),
		).toMatchInlineSnapshot(`
			[
			  "content/chapters/example.mdx:6: <Step id="a"> has no text: write what the reader should notice between <Step …> and </Step>.",
			  "content/chapters/example.mdx:7: <Step id="b"> has no text: write what the reader should notice between <Step …> and </Step>.",
			]
		`);
	});

	it('rejects a step outside a scrolly section, a missing id and a state written as an expression', () => {
		expect(
			messages(
				'<Step state="market">Text</Step>\n<Scrolly chart="world-cloud-share">\n<Step id="x" state={s}>T</Step>\n</Scrolly>',
			),
		).toMatchInlineSnapshot(`
			[
			  "content/chapters/example.mdx:5: <Step> is outside a scrolly section: put it between <Scrolly chart="…"> and </Scrolly>.",
			  "content/chapters/example.mdx:5: <Step> needs an id, e.g. <Step id="big-three" state="…">: it becomes the step's link.",
			  "content/chapters/example.mdx:7: <Step state={…}>: write state as quoted text, e.g. state="…".",
			  "content/chapters/example.mdx:7: <Step> needs a state of chart "world-cloud-share". Valid states: market, big-three, alibaba.",
			]
		`);
	});

	it('ignores tags inside fenced code, so a guide can show them', () => {
		expect(check('```mdx\n<Step id="x" state="nope" />\n```').problems).toEqual([]);
	});

	it('names what the MDX parser cannot read at its line and column, with the fix (the build stops on it too)', () => {
		expect(
			check('<Scrolly chart="world-cloud-share">\n<Step id="a" state="market">\nRevenue {grew.\n</Step>\n</Scrolly>')
				.problems,
		).toMatchObject([
			{
				file,
				line: 7,
				column: 9,
				message:
					'the MDX cannot be read here: Unexpected end of file in expression, expected a corresponding closing brace for `{`.',
				fix: 'A { in the text starts an expression: close it with }, or write \\{ to show a brace.',
			},
		]);
		expect(check('Text.\n\n<div>\nA box.\n').problems.map((p) => [p.line, p.fix])).toEqual([
			[7, 'Close the <div> with </div> (or write it as <div … />).'],
		]);
	});

	it('checks inline charts', () => {
		expect(messages('<Chart chart="china-cloud-share" state="rival" />')).toEqual([
			'content/chapters/example.mdx:5: <Chart state="rival">: chart "china-cloud-share" has no state "rival". Did you mean "rivals"? Valid states: leaders, alibaba, rivals.',
		]);
	});
});

describe('findDuplicateSteps(steps)', () => {
	it('names both places a step id is used', () => {
		const step = { chart: 'world-cloud-share', state: 'market' };
		expect(
			findDuplicateSteps([
				{ ...step, id: 'a', file: 'content/chapters/one.mdx', line: 8 },
				{ ...step, id: 'a', file: 'content/chapters/two.mdx', line: 12 },
			]).map((p) => `${p.file}:${p.line}: ${p.message}`),
		).toEqual([
			'content/chapters/one.mdx:8: step id "a" is used more than once (also at content/chapters/two.mdx:12): every step needs its own id, because it is the step\'s link.',
		]);
	});
});

describe('hostile or broken frontmatter', () => {
	const frontmatter = (yaml: string) =>
		checkFrontmatter(file, `---\n${yaml}\n---\n\nText.`).problems.map((p) => `${p.line}: ${p.message}`);
	const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]']
		.concat(['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`))
		.join('\n');

	it('reports an alias bomb at its first alias instead of expanding it (or throwing)', () => {
		expect(frontmatter(`title: x\n${laughs}`)).toEqual([
			expect.stringMatching(
				/^4: the frontmatter is not valid YAML \(aliases \(\*a\) repeat more text than a file here may hold/,
			),
		]);
	});

	it('says that thousands of nested brackets are too deep, not "Maximum call stack size exceeded"', () => {
		const problems = frontmatter(`title: x\ndek: ${'['.repeat(5000)}${']'.repeat(5000)}`);
		expect(problems.join('\n')).toContain('nested too deeply to read: write it flatter');
		expect(problems.join('\n')).not.toContain('call stack');
	});

	it('names a key written twice at its second line', () => {
		expect(frontmatter('title: x\norder: 1\ntitle: y')).toEqual([
			expect.stringMatching(/^4: the frontmatter is not valid YAML \("title" is written twice: keep one\)/),
		]);
	});

	it('treats a __proto__ key as an unknown field, not as the prototype', () => {
		const problems = frontmatter('title: x\n__proto__:\n  order: 1');
		expect(problems.join('\n')).toMatch(/^3: .*__proto__/m);
		expect(({} as Record<string, unknown>)['order']).toBeUndefined();
	});
});
