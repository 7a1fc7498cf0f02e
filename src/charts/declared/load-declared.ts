import type { Dataset } from '../../data/define-dataset.ts';
import type { Chart } from '../define-chart.ts';
import { compileChart } from './compile-chart.ts';
import { checkedOrThrow } from './validate-declaration.ts';

/** A declaration file: its path as messages show it (`content/charts/<id>.yaml`) and its text. */
export interface DeclarationFile {
	readonly file: string;
	readonly text: string;
}

/** Checks and compiles every declaration; throws one error listing every problem of every file. */
export function loadDeclaredCharts(files: readonly DeclarationFile[], datasets: readonly Dataset[]): Chart[] {
	const charts: Chart[] = [];
	const errors: { message: string; hint?: string }[] = [];
	for (const { file, text } of files) {
		try {
			charts.push(compileChart(checkedOrThrow(file, text, datasets)));
		} catch (error) {
			errors.push(error as { message: string; hint?: string });
		}
	}
	if (errors.length === 1) throw errors[0];
	if (errors.length > 1) {
		const combined = Object.assign(new Error(errors.map((e) => e.message).join('\n')), { hint: errors[0]!.hint });
		throw combined;
	}
	return charts;
}

/** The declaration files of `content/charts/` (the `~content` alias: fixture builds swap the folder). */
export function declarationFiles(): DeclarationFile[] {
	const texts = import.meta.glob<string>('~content/charts/*.yaml', { query: '?raw', import: 'default', eager: true });
	return Object.entries(texts)
		.map(([path, text]) => ({ file: `content/charts/${path.replace(/^.*\//, '')}`, text }))
		.toSorted((a, b) => a.file.localeCompare(b.file));
}
