import { z } from 'astro/zod';
import { AstroError } from 'astro/errors';

/** One source a dataset cites: the primary publisher, never a rewrite or aggregator. */
const sourceSchema = z.strictObject({
	/** Who published it, e.g. "Synergy Research Group". */
	publisher: z.string().min(1),
	/** The title of the release, report or article. */
	title: z.string().min(1),
	/** Publication date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY. */
	date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'write the date as YYYY-MM-DD, YYYY-MM or YYYY'),
	/** The primary source's own address, where known. */
	url: z.url().optional(),
});

/** The metadata record beside each dataset (`content/data/<name>.json`). */
export const datasetMetaSchema = z.strictObject({
	/** What the data is, as a reader would say it. */
	title: z.string().min(1),
	/** Unit of the values, e.g. "% of market revenue". */
	unit: z.string().min(1),
	/** Who measured it, named once for the source line, e.g. "Canalys". */
	measurer: z.string().min(1),
	/** Every source the rows come from; at least one. */
	sources: z.array(sourceSchema).min(1, 'a dataset needs at least one source'),
	/** Notes a reader should see with the chart (single-source rows, derivations, breaks). */
	notes: z.array(z.string().min(1)).default([]),
});

export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
export type DatasetSource = z.infer<typeof sourceSchema>;

/** Validates a dataset's metadata record; throws naming the file and each problem. */
export function parseDatasetMeta(value: unknown, file: string): DatasetMeta {
	const result = datasetMetaSchema.safeParse(value);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
	throw new AstroError(
		`${file}: the dataset metadata is invalid (${problems.join('; ')}).`,
		'Each dataset needs a title, unit, measurer and a list of sources with publisher, title and date.',
	);
}
