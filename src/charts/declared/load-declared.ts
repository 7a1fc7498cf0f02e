import type { Dataset } from '../../data/define-dataset.ts';
import type { Chart } from '../define-chart.ts';
import { compileChart } from './compile-chart.ts';
import { ProblemsError, problemsOf, type Problem } from '../../problems/problem.ts';
import { checkedOrThrow, declarationHint } from './validate-declaration.ts';

/** A declaration file: its path as messages show it (`content/charts/<id>.yaml`) and its text. */
export interface DeclarationFile {
	readonly file: string;
	readonly text: string;
}

/** Checks and compiles every declaration; throws one error listing every problem of every file. */
export function loadDeclaredCharts(files: readonly DeclarationFile[], datasets: readonly Dataset[]): Chart[] {
	const charts: Chart[] = [];
	const problems: Problem[] = [];
	for (const { file, text } of files) {
		try {
			charts.push(compileChart(checkedOrThrow(file, text, datasets)));
		} catch (error) {
			const found = problemsOf(error);
			if (!found) throw error;
			problems.push(...found);
		}
	}
	if (problems.length > 0) throw new ProblemsError(problems, declarationHint);
	return charts;
}

/** The declaration files of `content/charts/` (the `~content` alias: fixture builds swap the folder). */
export function declarationFiles(): DeclarationFile[] {
	const texts = import.meta.glob<string>('~content/charts/*.yaml', { query: '?raw', import: 'default', eager: true });
	return Object.entries(texts)
		.map(([path, text]) => ({ file: `content/charts/${path.replace(/^.*\//, '')}`, text }))
		.toSorted((a, b) => a.file.localeCompare(b.file));
}
