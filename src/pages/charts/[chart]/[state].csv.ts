/** /charts/<chart>/<state>.csv: exactly the rows the state shows ("get the data"). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { tableCsv } from '../../../publish/table-csv.ts';
import { chartStatePaths, type PublishedState } from '../../../publish/published.ts';

export const getStaticPaths = (() => chartStatePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<PublishedState> = ({ props: { chart, state } }) =>
	new Response(tableCsv(chart.table(state)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
