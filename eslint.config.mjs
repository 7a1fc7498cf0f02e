// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const buildTimeModules = [
	'**/data/**',
	'**/charts/**',
	'**/render/**',
	'**/publish/**',
	'**/chapters/**',
	'**/problems/**',
	'**/components/**',
	'**/pages/**',
];

// The product never depends on its tests: test helpers and the bench live under tests/, and src/ may not
// import them. Each src/ block below that sets no-restricted-imports repeats this pattern, because a later
// block's options replace an earlier one's for the same rule.
const noTests = {
	group: ['**/tests/**', '**/tests'],
	message: 'src/ may not import from tests/: move what both need into src/ (or the tool into tests/).',
};

export default tseslint.config(
	{ ignores: ['dist/**', '.astro/**', 'node_modules/**', 'tests/.tmp/**'] },
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	...astro.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.node },
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
		},
		rules: {
			// Unused names are allowed when prefixed with _ (e.g. ignored tuple slots).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		// astro-eslint-parser cannot give typescript-eslint the types of .astro imports (they read as error
		// types), so type-aware rules would flag every component; `astro check` type-checks these files.
		files: ['**/*.astro', '**/*.astro/*.ts'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		files: ['src/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [noTests] }] },
	},
	{
		// The browser boundary: client code ships to readers, so no Plot, no d3, no Node, no build-time modules.
		files: ['src/client/**'],
		languageOptions: { globals: { ...globals.browser } },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['@observablehq/plot', 'd3', 'd3-*', 'linkedom', 'node:*', 'astro', 'astro/*', 'astro:*'],
							message: 'src/client/ runs in the browser: no Plot, d3, Node or Astro modules.',
						},
						{
							group: buildTimeModules,
							message:
								'src/client/ may not import build-time modules (data, charts, render, publish, chapters, problems, components, pages).',
						},
						noTests,
					],
				},
			],
		},
	},
	{
		// Build-time code never touches a browser DOM: Plot draws into linkedom inside src/render/.
		files: ['src/data/**', 'src/charts/**', 'src/render/**', 'src/publish/**', 'src/chapters/**', 'src/problems/**'],
		rules: {
			'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location'],
		},
	},
	{
		// Charts are pure functions of their data: they may not reach into rendering or pages.
		files: ['src/charts/**', 'src/data/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/render/**', '**/publish/**', '**/components/**', '**/pages/**', 'linkedom'],
							message: 'Charts and data stay pure: rendering lives in src/render/.',
						},
						noTests,
					],
				},
			],
		},
	},
);
