import * as Plot from '@observablehq/plot';
import type { Chart, DataTable } from '../define-chart.ts';
import { chartHeight, color, fontSize, isNarrow, paper, providerColor } from '../shared/theme.ts';
import { describeState, fillTemplate, proseCell, type StateFacts } from './describe-state.ts';
import {
	bandTicks,
	fitLabel,
	labelWidth,
	niceTicks,
	timeTicks,
	timeUnitOf,
	unitMonths,
	wrapLine,
} from './legible-axes.ts';
import { confidenceMark, numberFormat } from './number-format.ts';
import { selects, tableCell, type AnyRow } from './rows.ts';
import {
	allFit,
	dodge,
	endLabel,
	endLabelOptions,
	layoutLegend,
	legendMarks,
	pickFitting,
	placeNote,
	textBox,
	type Box,
	type Candidate,
	type Trace,
} from './placing.ts';
import { mapMark, timelineMark, type SoloMark } from './solo-marks.ts';
import { isSolo, measureOf, parseSelector, type CheckedDeclaration } from './validate-declaration.ts';
import type { AxisSpec, ColourName, LabelChoice, MarkSpec, StateSpec } from './vocabulary.ts';

/**
 * Compiles a checked declaration into a Chart, the interface every chart has: Plot options per
 * state and width, the text alternative and the data table. Drawn in the code charts' language
 * (theme colours as CSS variables, fontSize, chartHeight), with a key channel on every mark so the
 * story animates each datum between states (src/render/mark-keys.ts).
 */
export function compileChart({ id, file, declaration: d, dataset }: CheckedDeclaration): Chart {
	const rows = dataset.rows as readonly AnyRow[];
	const columns = dataset.columns;
	const stateNames = Object.keys(d.states);
	const format = numberFormat(d.format);
	const typeOf = (column: string | number | undefined) =>
		typeof column === 'string' ? columns[column]?.type : undefined;
	const valueMarks = d.marks.filter((m) => m.mark !== 'rule' && m.mark !== 'text');
	const primary = valueMarks[0] ?? d.marks[0]!;
	const horizontal = primary.mark === 'bar' && primary.direction === 'horizontal';
	/** The column along the category axis (x of columns and lines, y of horizontal bars). */
	const category = (horizontal ? primary.y : primary.x) as string;
	const measure = measureOf(primary);
	// A timeline or a map names its rows by their words (its x and y are dates or coordinates).
	const nameColumn = isSolo(primary)
		? (primary.text ?? primary.key ?? Object.keys(columns).find((c) => columns[c]!.type === 'string') ?? category)
		: (primary.key ?? category);
	const nameOf = (row: AnyRow) => proseCell(row[nameColumn]);
	const formats = new Map(d.marks.map((m) => [m, m.format ? numberFormat({ ...d.format, ...m.format }) : format]));
	const valueOf = (row: AnyRow, mark: MarkSpec = primary) => {
		const m = measureOf(mark);
		const v = m ? row[m] : null;
		return (formats.get(mark) ?? format)(typeof v === 'number' ? v : null);
	};
	const formatCell = (column: string, row: AnyRow) => {
		const v = row[column];
		const mark = d.marks.find((m) => measureOf(m) === column);
		return typeof v === 'number' ? (mark ? valueOf(row, mark) : format(v)) : proseCell(v);
	};
	const selector = (raw: unknown) => {
		const s = parseSelector(raw);
		if (typeof s === 'string') throw new Error(`${file}: ${s}`); // checked before compiling
		return selects(s, rows, columns, measure);
	};

	const stateOf = (name: string): StateSpec => {
		const state = d.states[name];
		if (!state) throw new Error(`Chart "${id}" has no state "${name}".`);
		return state;
	};
	const shownRows = (state: StateSpec) => (state.only === undefined ? rows : rows.filter(selector(state.only)));
	const highlightedRows = (state: StateSpec) =>
		state.highlight === undefined ? undefined : shownRows(state).filter(selector(state.highlight));

	const kindOf = (mark: MarkSpec) =>
		solo && mark === primary
			? solo.kind
			: mark.mark === 'bar'
				? mark.direction === 'horizontal'
					? 'Bar chart'
					: 'Column chart'
				: mark.mark === 'area'
					? 'Area chart'
					: mark.mark === 'dot'
						? 'Dot chart'
						: 'Line chart';
	/** The first mark with values that a state draws: what its text alternative describes. */
	const leadOf = (name: string): MarkSpec => valueMarks.find((m) => !m.states || m.states.includes(name)) ?? primary;

	const colourFor = (name: ColourName, row: AnyRow): string => {
		if (name === 'providers') {
			const provider = providerColor(String(row[nameColumn] ?? ''));
			return provider === color.muted ? color.accent : provider;
		}
		return name === 'ink' ? color.ink : color[name];
	};
	const seriesColour = (value: unknown, i: number) => {
		const provider = providerColor(String(value));
		return provider !== color.muted ? provider : [color.accent, color.muted, color.ink][i % 3]!;
	};
	/** A series column's values, in the order of the rows (the same in every state). */
	const seriesOf = (column: string) => [...new Set(rows.map((r) => r[column]))].filter((v) => v !== null);

	const soloContext = {
		declaration: d,
		rows,
		shownRows,
		selector,
		colour: colourFor,
		seriesColour: (column: string, value: unknown) =>
			seriesColour(value, [...new Set(rows.map((r) => r[column]))].indexOf(value as AnyRow[string])),
		named,
	};
	const solo: SoloMark | undefined =
		primary.mark === 'timeline'
			? timelineMark(primary, soloContext)
			: primary.mark === 'map'
				? mapMark(primary, soloContext, nameColumn)
				: undefined;

	function plot(name: string, width: number): Plot.PlotOptions {
		const state = stateOf(name);
		if (solo) return solo.plot(state, width);
		const narrow = isNarrow(width);
		const marks = d.marks.filter((m) => !m.states || m.states.includes(name));
		const yAxis: AxisSpec = { ...d.y, ...state.y };
		const xAxis: AxisSpec = { ...d.x, ...state.x };
		// Zoomed along dates or numbers, the rows outside are left out (not drawn over the axis or past the edge).
		const categoryType = typeOf(category);
		const span = horizontal ? undefined : (state.zoom?.x ?? xAxis.domain);
		const spanOf = (v: string | number) => (categoryType === 'date' ? Date.parse(String(v)) : Number(v));
		const inSpan = (row: AnyRow) => {
			const v = row[category];
			if (!span || (categoryType !== 'date' && categoryType !== 'number') || v === null) return true;
			const at = v instanceof Date ? v.getTime() : Number(v);
			return at >= spanOf(span[0]) && at <= spanOf(span[1]);
		};
		const shown = new Set(shownRows(state).filter(inSpan));
		const highlight = state.highlight === undefined ? undefined : selector(state.highlight);
		const isHighlighted = (row: AnyRow) => highlight !== undefined && shown.has(row) && highlight(row);
		const valueAxis = horizontal ? xAxis : yAxis;
		const zoom = (horizontal ? state.zoom?.x : state.zoom?.y) ?? valueAxis.domain;
		const drawnMeasures = marks.map(measureOf).filter((m): m is string => m !== undefined);
		const values = [...shown]
			.flatMap((r) => drawnMeasures.map((m) => r[m]))
			.filter((v): v is number => typeof v === 'number');
		const stacked = marks.some((m) => m.mark === 'bar' && m.series && m.arrange !== 'grouped');
		const totals = stacked ? stackTotals([...shown], marks) : values;
		const valueDomain: [number, number] = zoom
			? [Number(zoom[0]), Number(zoom[1])]
			: [Math.min(0, ...values), niceMax(Math.max(0, ...totals))];
		const labelChoice = (mark: MarkSpec): LabelChoice =>
			(mark === marks.find((m) => valueMarks.includes(m)) ? state.labels : undefined) ?? mark.labels ?? 'none';
		const labelled = marks.some((m) => valueMarks.includes(m) && labelChoice(m) !== 'none');
		const valueLabel = (mark: MarkSpec) => (row: AnyRow) => {
			const conf = mark.confidence ? confidenceMark(row[mark.confidence]) : '';
			return `${valueOf(row, mark)}${conf}`;
		};
		/** A value label without prefix and unit (the axis and subtitle carry them), when the full one does not fit. */
		const shortLabel = (mark: MarkSpec) => {
			const { prefix: _p, unit: _u, ...rest } = { ...d.format, ...mark.format };
			const short = numberFormat(rest);
			return (row: AnyRow) => {
				const v = row[measureOf(mark)!];
				return `${short(typeof v === 'number' ? v : null)}${mark.confidence ? confidenceMark(row[mark.confidence]) : ''}`;
			};
		};
		const valueLabelWidth = Math.max(
			0,
			...marks
				.filter((m) => valueMarks.includes(m))
				.flatMap((m) => [...shown].map((r) => labelWidth(valueLabel(m)(r)))),
		);
		// Labels over columns are bold (below): they are measured bold where they are kept inside.
		const boldValueLabelWidth = Math.max(
			0,
			...marks
				.filter((m) => valueMarks.includes(m))
				.flatMap((m) => [...shown].map((r) => labelWidth(valueLabel(m)(r), 'bold'))),
		);

		const height = d.height
			? narrow
				? d.height.phone
				: d.height.desktop
			: horizontal
				? Math.min(600, narrow ? 180 + 20 * shown.size : 220 + 25 * shown.size)
				: chartHeight(width);

		// The value axis: explicit ticks, so margins can be measured from their labels.
		const tickCount = typeof valueAxis.ticks === 'number' ? valueAxis.ticks : Math.max(2, Math.round(height / 80));
		const valueTicks = Array.isArray(valueAxis.ticks)
			? valueAxis.ticks.map(Number)
			: niceTicks(valueDomain[0], valueDomain[1], tickCount);
		const valueTitle = valueAxis.label ?? null;
		// Without an axis title the ticks carry the unit ("50%"); with one, plain numbers.
		const valueTickFormat = (v: number) => (valueTitle ? String(v) : format(v));
		const valueTickWidth = Math.max(0, ...valueTicks.map((v) => labelWidth(valueTickFormat(v))));

		const baseColour = (mark: MarkSpec) => (row: AnyRow) => {
			if (isHighlighted(row)) return colourFor(state.colour ?? 'alibaba', row);
			if (mark.series) {
				const all = [...new Set(rows.map((r) => r[mark.series!]))];
				return seriesColour(row[mark.series], all.indexOf(row[mark.series]));
			}
			if (mark.colour) return colourFor(mark.colour, row);
			return mark.mark === 'bar' || mark.mark === 'area' ? color.muted : color.accent;
		};

		// Layout: margins from measured labels, so every label stays inside the chart.
		const categories = [...new Set([...shown].map((r) => r[category]))];
		const margin = { top: 20, right: 12, bottom: 30, left: 12 };
		if (labelled && !horizontal) margin.top = 26;
		if (valueTitle && !horizontal) margin.top = Math.max(margin.top, 24);
		// A series chart says which colour is which: a legend over the plot for bars, areas and dots
		// (from every row, so it stays put from state to state), each line's name at its end.
		const keyItems = [
			...new Map(
				marks
					.filter((m) => m.series && m.mark !== 'line' && valueMarks.includes(m))
					.flatMap((m) =>
						seriesOf(m.series!).map((v, i) => {
							const item = {
								label: proseCell(v),
								colour: seriesColour(v, i),
								...(m.mark === 'area' ? { opacity: 0.6 } : {}),
							};
							return [item.label, item] as const;
						}),
					),
			).values(),
		];
		const legend = layoutLegend(keyItems, width);
		margin.top += legend.height;
		const seriesLines = marks.filter((m) => m.mark === 'line' && m.series);
		const endLabels = new Map(
			seriesLines.flatMap((m) =>
				seriesOf(m.series!).map((v) => [proseCell(v), endLabel(proseCell(v), width)] as const),
			),
		);
		if (horizontal) {
			const room = width * 0.35;
			const widest = Math.max(...categories.map((c) => labelWidth(fitLabel(proseCell(c), room))));
			margin.left = Math.ceil(widest) + 10;
			margin.right = labelled ? Math.ceil(valueLabelWidth) + 12 : 16;
			margin.bottom = labelled ? 20 : 30;
		} else {
			margin.left = Math.max(24, Math.ceil(valueTickWidth) + 12);
			margin.right = Math.max(16, ...[...endLabels.values()].map((l) => Math.ceil(l.width) + 4));
		}
		const plotWidth = width - margin.left - margin.right;

		// The category axis.
		let categoryScale: Plot.ScaleOptions;
		let labelX: ((row: AnyRow) => unknown) | string = category;
		/** Where a row's category is along the category axis, in pixels: its band or bar, [from, to]. */
		let categoryPx: ((row: AnyRow) => [number, number]) | undefined;
		if (categoryType === 'date') {
			const dates = rows.map((r) => r[category]).filter((v): v is Date => v instanceof Date);
			const unit = timeUnitOf(dates);
			const bars = marks.some((m) => m.mark === 'bar');
			const after = (date: Date, months: number) =>
				new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
			const axisDomain = (state.zoom?.x ?? xAxis.domain)?.map((v) => new Date(String(v))) as [Date, Date] | undefined;
			const first = dates[0]!;
			const last = dates.at(-1)!;
			const domain: [Date, Date] = axisDomain ?? [first, bars ? after(last, unitMonths(unit)) : last];
			const { ticks, format: tickFormat } = timeTicks(domain, unit, plotWidth, width);
			const px = (date: Date) =>
				margin.left +
				((date.getTime() - domain[0].getTime()) / (domain[1].getTime() - domain[0].getTime())) * plotWidth;
			const inside = ticks.filter((t) => {
				const half = labelWidth(tickFormat(t)) / 2;
				return px(t) - half >= 0 && px(t) + half <= width;
			});
			categoryScale = { type: 'utc', domain, ticks: inside, tickFormat, label: xAxis.label ?? null, grid: xAxis.grid };
			// Labels sit over the middle of a bar's interval, nudged to stay inside the chart.
			labelX = (row: AnyRow) => {
				const date = row[category] as Date;
				const middle = bars ? new Date((date.getTime() + after(date, unitMonths(unit)).getTime()) / 2) : date;
				const half = boldValueLabelWidth / 2 + 2;
				const clamped = Math.min(Math.max(px(middle), half), width - half);
				return new Date(
					domain[0].getTime() + ((clamped - margin.left) / plotWidth) * (domain[1].getTime() - domain[0].getTime()),
				);
			};
			if (bars) marks.forEach((m) => m.mark === 'bar' && intervals.set(m, `${unitMonths(unit)} months`));
			categoryPx = (row) => {
				const date = row[category] as Date;
				return bars ? [px(date) + 2, px(after(date, unitMonths(unit))) - 2] : [px(date), px(date)];
			};
		} else if (categoryType === 'number') {
			const axisDomain = (state.zoom?.x ?? xAxis.domain)?.map(Number) as [number, number] | undefined;
			categoryScale = { domain: axisDomain, label: xAxis.label ?? null, grid: xAxis.grid };
		} else {
			const domain = categories.map(proseCell);
			const padding = horizontal ? 0.1 : 0.3;
			const step = (horizontal ? height - margin.top - margin.bottom : plotWidth) / (domain.length + padding);
			// Plot's band scale, as d3 lays it out: outer and inner padding alike, centred.
			const start = horizontal ? margin.top : margin.left;
			categoryPx = (row) => {
				const from = start + step * (padding + domain.indexOf(proseCell(row[category])));
				return [from, from + step * (1 - padding)];
			};
			if (horizontal) {
				const room = width * 0.35;
				categoryScale = {
					type: 'band',
					domain,
					label: null,
					tickSize: 0,
					padding,
					tickFormat: (c: string) => fitLabel(c, room),
				};
			} else {
				const { ticks, format: tickFormat } = bandTicks(domain, step, width);
				if (ticks.some((t) => tickFormat(t).includes('\n'))) margin.bottom = 42;
				categoryScale = { type: 'band', domain, ticks, tickFormat, label: xAxis.label ?? null, tickSize: 0, padding };
			}
		}
		const valueScale: Plot.ScaleOptions = horizontal
			? {
					domain: valueDomain,
					axis: labelled ? null : 'bottom',
					ticks: valueTicks,
					tickFormat: valueTickFormat,
					label: valueTitle,
					grid: valueAxis.grid,
				}
			: {
					domain: valueDomain,
					ticks: valueTicks,
					tickFormat: valueTickFormat,
					label: valueTitle,
					grid: valueAxis.grid ?? true,
				};

		const keyOf = (mark: MarkSpec) => mark.key ?? (horizontal ? (mark.y as string) : (mark.x as string));
		const inState = (row: AnyRow) => shown.has(row);
		const drawn: Plot.Markish[] = [];
		const add = (mark: Plot.Markish, name: string) => void drawn.push(named(mark, name));
		/** What is drawn among the marks, in pixels, for a note to keep clear of: bars and labels, lines and areas. */
		const taken: Box[] = [];
		const traces: Trace[] = [];
		/** The middle of a row's place along the category axis, in pixels. */
		const categoryMiddle = (row: AnyRow) => {
			const [from, to] = categoryPx!(row);
			return (from + to) / 2;
		};
		const counts = new Map<string, number>();
		const aria = (type: string) => {
			const n = (counts.get(type) ?? 0) + 1;
			counts.set(type, n);
			return n === 1 ? type : `${type} ${n}`;
		};

		for (const mark of d.marks) {
			// Every declared mark takes its name even in states that do not draw it, so keys stay put.
			const ariaLabel = aria(mark.mark);
			if (!marks.includes(mark)) continue;
			const m = measureOf(mark);
			const hasValue = (row: AnyRow) => inState(row) && (m === undefined || row[m] !== null);
			// Bars of several series share a category: each is keyed by both ("Q1 2024 · Alibaba").
			const series = mark.series;
			const channels = {
				key: series ? (r: AnyRow) => `${proseCell(r[keyOf(mark)])} · ${proseCell(r[series])}` : keyOf(mark),
			};
			switch (mark.mark) {
				case 'bar': {
					if (categoryPx && m) taken.push(...barBoxes(mark, m, hasValue).values());
					const common = { fill: baseColour(mark), filter: hasValue, channels };
					const interval = intervals.get(mark);
					if (mark.series && mark.arrange === 'grouped') {
						// Side by side within each category's band: one mark per series, each inset to its slot.
						const series = mark.series;
						const values = [...new Set(rows.map((r) => r[series]))];
						const padding = horizontal ? 0.1 : 0.3;
						const length = horizontal ? height - margin.top - margin.bottom : plotWidth;
						const slot = ((length / (categories.length + padding)) * (1 - padding)) / values.length;
						values.forEach((value, i) => {
							const before = i * slot + (i > 0 ? 1 : 0);
							const after = (values.length - 1 - i) * slot + (i < values.length - 1 ? 1 : 0);
							const options = {
								...common,
								filter: (r: AnyRow) => hasValue(r) && r[series] === value,
								x: mark.x as string,
								y: mark.y as string,
								...(horizontal ? { insetTop: before, insetBottom: after } : { insetLeft: before, insetRight: after }),
							};
							add(
								horizontal ? Plot.barX(rows, options) : Plot.barY(rows, options),
								i === 0 ? ariaLabel : `${ariaLabel} ${proseCell(value)}`,
							);
						});
					} else if (horizontal)
						add(
							Plot.barX(rows, { ...common, x: mark.x as string, y: mark.y as string, insetTop: 3, insetBottom: 3 }),
							ariaLabel,
						);
					else if (interval)
						add(
							Plot.rectY(rows, {
								...common,
								x: mark.x as string,
								y: mark.y as string,
								interval: interval as Plot.Interval,
								inset: 2,
							}),
							ariaLabel,
						);
					else add(Plot.barY(rows, { ...common, x: mark.x as string, y: mark.y as string }), ariaLabel);
					if (mark.gaps === 'labelled') {
						add(
							Plot.text(rows, {
								filter: (r: AnyRow) => inState(r) && m !== undefined && r[m] === null,
								[horizontal ? 'y' : 'x']: horizontal ? mark.y : mark.x,
								[horizontal ? 'x' : 'y']: () => 0,
								text: () => (horizontal ? 'no figure' : 'no\nfigure'),
								...(horizontal ? { dx: 6, textAnchor: 'start' } : { lineAnchor: 'bottom', dy: -6 }),
								fontSize,
								fill: color.ink,
								channels,
							}),
							`${ariaLabel} gap`,
						);
					}
					break;
				}
				case 'line':
				case 'area': {
					if (categoryPx && m) traces.push(...tracesOf(mark, m, hasValue));
					const options = {
						x: mark.x as string,
						y: mark.y as string,
						filter: inState,
						...(mark.series ? { z: mark.series } : {}),
					};
					const paint = mark.series
						? (r: AnyRow) =>
								seriesColour(r[mark.series!], [...new Set(rows.map((x) => x[mark.series!]))].indexOf(r[mark.series!]))
						: colourFor(mark.colour ?? (mark.mark === 'area' ? 'muted' : 'accent'), {});
					add(
						mark.mark === 'line'
							? Plot.lineY(rows, { ...options, stroke: paint, strokeWidth: 2.5 })
							: // From zero, not stacked: each series' area reaches down to the baseline.
								Plot.areaY(rows, {
									...options,
									y: undefined,
									y1: 0,
									y2: mark.y as string,
									fill: paint,
									fillOpacity: 0.6,
								}),
						ariaLabel,
					);
					break;
				}
				case 'dot':
					if (categoryPx && m)
						for (const r of rows.filter((r) => hasValue(r) && r[m] !== null)) {
							const [x, y] = [categoryMiddle(r), valuePx(r[m] as number)];
							taken.push({ left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 });
						}
					add(
						Plot.dot(rows, {
							x: mark.x as string,
							y: mark.y as string,
							fill: baseColour(mark),
							r: 3.5,
							filter: hasValue,
							channels,
						}),
						ariaLabel,
					);
					break;
				case 'text':
					add(
						Plot.text(rows, {
							x: mark.x as string,
							y: mark.y as string,
							text: mark.text!,
							filter: inState,
							fontSize,
							fill: color.ink,
							dy: -9,
							channels,
						}),
						ariaLabel,
					);
					break;
				case 'rule':
					drawn.push(...ruleMarks(mark, ariaLabel));
					break;
			}
			const choice = labelChoice(mark);
			if (valueMarks.includes(mark) && choice !== 'none' && m) {
				const known = rows.filter(hasValue);
				const pick: Record<LabelChoice, (r: AnyRow) => boolean> = {
					all: () => true,
					none: () => false,
					highlighted: isHighlighted,
					last: (r) => r === known.at(-1),
					ends: (r) => r === known[0] || r === known.at(-1),
				};
				const picked = rows.filter((r) => hasValue(r) && pick[choice](r));
				if (mark.mark === 'bar' && categoryPx) barLabels(mark, m, picked, hasValue, channels, ariaLabel);
				else {
					// Over each point, none covering another (lines of a series meet): the highlighted first.
					let kept = new Set(picked);
					if (categoryPx && !horizontal) {
						const half = boldValueLabelWidth / 2 + 2;
						const candidates = [...picked.filter(isHighlighted), ...picked.filter((r) => !isHighlighted(r))].map(
							(r) => {
								const x = Math.min(Math.max(categoryMiddle(r), half), width - half);
								return { item: r, box: textBox(valueLabel(mark)(r), x, valuePx(r[m] as number) - 9, 'bold') };
							},
						);
						kept = new Set(pickFitting(candidates, []));
						taken.push(...candidates.filter((c) => kept.has(c.item)).map((c) => c.box));
					}
					add(
						Plot.text(rows, {
							filter: (r: AnyRow) => kept.has(r),
							text: valueLabel(mark),
							fontSize,
							fill: color.ink,
							channels,
							...(horizontal
								? { x: m, y: mark.y as string, dx: 6, textAnchor: 'start' as const }
								: { x: labelX, y: m, dy: -9, fontWeight: 'bold' }),
						}),
						`${ariaLabel} value label`,
					);
				}
			}
			if (mark.mark === 'line' && mark.series && m) {
				// Each line's name at its last value, moved apart so no two touch.
				const series = mark.series;
				const ends = seriesOf(series).flatMap((v) => {
					const last = rows.filter((r) => hasValue(r) && r[series] === v).at(-1);
					return last ? [last] : [];
				});
				const ys = dodge(
					ends.map((r) => valuePx(r[m] as number)),
					margin.top,
					height - margin.bottom,
				);
				const at = new Map(ends.map((r, i) => [r, valueAt(ys[i]!)]));
				if (categoryPx)
					ends.forEach((r, i) => {
						const x = categoryMiddle(r) + endLabelOptions.dx;
						const w = endLabels.get(proseCell(r[series]))!.width;
						taken.push({ left: x, right: x + w, top: ys[i]! - fontSize / 2, bottom: ys[i]! + fontSize / 2 });
					});
				add(
					Plot.text(ends, {
						x: mark.x as string,
						y: (r: AnyRow) => at.get(r),
						text: (r: AnyRow) => endLabels.get(proseCell(r[series]))!.text,
						...endLabelOptions,
						channels: { key: (r: AnyRow) => proseCell(r[series]) },
					}),
					`${ariaLabel} series label`,
				);
			}
		}
		if (keyItems.length > 0) drawn.push(...legendMarks(legend.placed, margin, named));
		if (state.rule) drawn.push(...ruleMarks({ mark: 'rule', ...state.rule }, 'state rule'));
		if (state.note) {
			const at = selector(state.note.at);
			// Once, at the first row it names (in a series chart a category names a row per series).
			const noteRow = rows.find((r) => inState(r) && at(r));
			if (noteRow && categoryPx) {
				// Where it covers no bar, label or line, as near its row as there is room; inside the chart.
				const lines = wrapLine(state.note.text, Math.min(plotWidth, narrow ? 160 : 260));
				const size = { width: Math.max(...lines.map((l) => labelWidth(l))), height: lines.length * fontSize };
				const v = measure ? noteRow[measure] : null;
				const along = valuePx(typeof v === 'number' ? v : 0);
				const across = categoryMiddle(noteRow);
				const area = { left: margin.left, right: width, top: legend.height, bottom: height - margin.bottom };
				const spot = placeNote(
					size,
					horizontal ? { x: along, y: across } : { x: across, y: along },
					area,
					taken,
					traces,
				);
				add(
					Plot.text([noteRow], {
						frameAnchor: 'top-left',
						dx: spot.x - margin.left,
						dy: spot.y - size.height / 2 - margin.top,
						lineAnchor: 'top',
						textAnchor: 'middle',
						text: () => lines.join('\n'),
						fontSize,
						fill: color.ink,
					}),
					'note',
				);
			} else
				add(
					Plot.text(rows, {
						filter: (r: AnyRow) => r === noteRow,
						...(horizontal
							? { x: measure, y: category, dx: 8 + valueLabelWidth, textAnchor: 'start' }
							: { x: labelX, y: measure, dy: -26 }),
						text: () => state.note!.text,
						lineWidth: narrow ? 12 : 20,
						fontSize,
						fill: color.ink,
					}),
					'note',
				);
		}
		// The baseline at zero, drawn last as the code charts do.
		if (valueDomain[0] <= 0 && valueDomain[1] >= 0 && valueMarks.some((m) => marks.includes(m)))
			drawn.push(named(horizontal ? Plot.ruleX([0]) : Plot.ruleY([0], { stroke: color.ink }), 'baseline'));

		/** A value's place along the value axis, in pixels, and back. */
		function valuePx(v: number): number {
			const t = (v - valueDomain[0]) / (valueDomain[1] - valueDomain[0]);
			return horizontal ? margin.left + t * plotWidth : margin.top + (1 - t) * (height - margin.top - margin.bottom);
		}
		function valueAt(px: number): number {
			const t = horizontal
				? (px - margin.left) / plotWidth
				: 1 - (px - margin.top) / (height - margin.top - margin.bottom);
			return valueDomain[0] + t * (valueDomain[1] - valueDomain[0]);
		}

		/** Each bar of a bar mark, in pixels: stacked in the rows' order as Plot stacks them, or side by side. */
		function barBoxes(mark: MarkSpec, m: string, hasValue: (row: AnyRow) => boolean): Map<AnyRow, Box> {
			const series = mark.series;
			const values = series ? seriesOf(series) : [];
			const grouped = series !== undefined && mark.arrange === 'grouped';
			const base = stackBases(mark, m, hasValue);
			const barBox = (r: AnyRow): Box => {
				let [from, to] = categoryPx!(r);
				if (grouped) {
					const slot = (to - from) / values.length;
					from += values.indexOf(r[series]!) * slot;
					to = from + slot;
				}
				const v0 = base.get(r) ?? 0;
				const [p0, p1] = [valuePx(v0), valuePx(v0 + (r[m] as number))];
				const [lo, hi] = [Math.min(p0, p1), Math.max(p0, p1)];
				return horizontal
					? { left: lo, right: hi, top: from, bottom: to }
					: { left: from, right: to, top: lo, bottom: hi };
			};
			return new Map(rows.filter(hasValue).map((r) => [r, barBox(r)]));
		}

		/** Where each segment of a stacked bar mark starts, stacked in the rows' order as Plot stacks them. */
		function stackBases(mark: MarkSpec, m: string, hasValue: (row: AnyRow) => boolean): Map<AnyRow, number> {
			const base = new Map<AnyRow, number>();
			if (!mark.series || mark.arrange === 'grouped') return base;
			const sums = new Map<unknown, number>();
			for (const r of rows)
				if (hasValue(r)) {
					const at = sums.get(r[category]) ?? 0;
					base.set(r, at);
					sums.set(r[category], at + Math.max(0, r[m] as number));
				}
			return base;
		}

		/** A line's or an area's traces in pixels, one per series and run of values between gaps. */
		function tracesOf(mark: MarkSpec, m: string, hasValue: (row: AnyRow) => boolean): Trace[] {
			const runs = new Map<unknown, [number, number][][]>();
			for (const r of rows.filter(hasValue)) {
				const z = mark.series ? r[mark.series] : undefined;
				const list = runs.get(z) ?? [[]];
				runs.set(z, list);
				if (r[m] === null) list.push([]);
				else list.at(-1)!.push([categoryMiddle(r), valuePx(r[m] as number)]);
			}
			const base = mark.mark === 'area' ? valuePx(0) : undefined;
			return [...runs.values()].flat().flatMap((points) => (points.length ? [{ points, base }] : []));
		}

		/**
		 * A bar mark's value labels, none covering another or another bar at this width: over each
		 * bar (beside it when horizontal), inside each segment when stacked. When the full labels do
		 * not fit, they lose their prefix and unit ("14" for "US$14 bn"); when those do not fit
		 * either, the highlighted ones are kept first, then each that fits.
		 */
		function barLabels(
			mark: MarkSpec,
			m: string,
			picked: readonly AnyRow[],
			hasValue: (row: AnyRow) => boolean,
			channels: Record<string, Plot.ChannelValue>,
			ariaLabel: string,
		): void {
			const series = mark.series;
			const values = series ? seriesOf(series) : [];
			const grouped = series !== undefined && mark.arrange === 'grouped';
			const stack = series !== undefined && !grouped;
			const weight = horizontal && !stack ? 'regular' : 'bold';
			const bars = barBoxes(mark, m, hasValue);
			const half = boldValueLabelWidth / 2 + 2;
			const candidate = (r: AnyRow, text: string): Candidate<[AnyRow, string]> | undefined => {
				const own = bars.get(r)!;
				const [cx, cy] = [(own.left + own.right) / 2, (own.top + own.bottom) / 2];
				const w = textBox(text, 0, 0, weight).right * 2;
				const box = stack
					? textBox(text, cx, cy, weight)
					: horizontal
						? textBox(text, own.right + 6 + w / 2, cy, weight)
						: textBox(text, Math.min(Math.max(cx, half), width - half), own.top - 9, weight);
				const inside = box.left >= own.left && box.right <= own.right && box.top >= own.top && box.bottom <= own.bottom;
				return stack && !inside ? undefined : { item: [r, text], box, own };
			};
			const obstacles = [...bars.values()];
			const forms = [valueLabel(mark), shortLabel(mark)];
			const whole = forms
				.map((form) => picked.map((r) => candidate(r, form(r))))
				.find((c): c is Candidate<[AnyRow, string]>[] => c.every((x) => x !== undefined) && allFit(c, obstacles));
			const priority = [...picked.filter(isHighlighted), ...picked.filter((r) => !isHighlighted(r))];
			const chosen = new Map(
				whole?.map((c) => c.item) ??
					pickFitting(
						priority.flatMap((r) => candidate(r, forms[1]!(r)) ?? []),
						obstacles,
					),
			);
			for (const [r, text] of chosen) taken.push(candidate(r, text)!.box);
			const common = {
				text: (r: AnyRow) => chosen.get(r),
				fontSize,
				fill: color.ink,
				channels,
				...(weight === 'bold' ? { fontWeight: 'bold' } : {}),
			};
			if (stack) {
				const base = stackBases(mark, m, hasValue);
				const middle = (r: AnyRow) => (base.get(r) ?? 0) + (r[m] as number) / 2;
				add(
					Plot.text(rows, {
						...common,
						filter: (r: AnyRow) => chosen.has(r),
						...(horizontal ? { x: middle, y: category } : { x: labelX, y: middle }),
						stroke: paper,
						strokeWidth: 3,
						paintOrder: 'stroke',
					}),
					`${ariaLabel} value label`,
				);
				return;
			}
			const [from, to] = categoryPx!(picked[0] ?? rows[0]!);
			const slot = grouped ? (to - from) / values.length : 0;
			(grouped ? values : [undefined]).forEach((value, i) => {
				const offset = (i - (values.length - 1) / 2) * slot;
				add(
					Plot.text(rows, {
						...common,
						filter: (r: AnyRow) => chosen.has(r) && (!grouped || r[series] === value),
						...(horizontal
							? { x: m, y: mark.y as string, dx: 6, dy: offset, textAnchor: 'start' as const }
							: {
									x: labelX,
									y: m,
									dy: -9,
									...(grouped ? { dx: offset } : {}),
									render: keepInside(half - offset, width - half - offset),
								}),
					}),
					i === 0 ? `${ariaLabel} value label` : `${ariaLabel} value label ${proseCell(value)}`,
				);
			});
		}

		function ruleMarks(rule: MarkSpec, ariaLabel: string): Plot.Markish[] {
			const along = rule.y !== undefined ? 'y' : 'x';
			const raw = rule.y ?? rule.x!;
			const value = typeof raw === 'string' ? new Date(raw) : raw;
			const line =
				along === 'y'
					? Plot.ruleY([value], { stroke: color.ink, strokeDasharray: '2,3' })
					: Plot.ruleX([value], { stroke: color.ink, strokeDasharray: '2,3' });
			if (!rule.label) return [named(line, ariaLabel)];
			const label = rule.label;
			const at = rule.at ? rows.find(selector(rule.at)) : undefined;
			// On a phone a label of two words, or a hyphenated one ("two-thirds"), takes two lines.
			const words = narrow ? label.replace(/ |(?<=-)(?=\w)/, '\n') : label;
			const labelMark =
				along === 'y'
					? Plot.text([label], {
							x: () => (at ? at[horizontal ? (measure as string) : category] : undefined) ?? categoryEnd(),
							y: () => value,
							text: () => words,
							dy: 6,
							lineAnchor: 'top',
							textAnchor: at ? 'middle' : 'end',
							fontSize,
							fill: color.ink,
						})
					: Plot.text([label], {
							x: () => value,
							frameAnchor: 'top',
							dx: 4,
							textAnchor: 'start',
							text: () => words,
							fontSize,
							fill: color.ink,
						});
			return [named(line, ariaLabel), named(labelMark, `${ariaLabel} label`)];
		}
		function categoryEnd(): unknown {
			const domain = (categoryScale as { domain?: unknown[] }).domain;
			return domain?.at(-1);
		}

		return {
			height,
			marginTop: margin.top,
			marginRight: margin.right,
			marginBottom: margin.bottom,
			marginLeft: margin.left,
			x: horizontal ? valueScale : categoryScale,
			y: horizontal ? categoryScale : valueScale,
			marks: drawn,
		};
	}
	const intervals = new Map<MarkSpec, string>();

	function facts(name: string): StateFacts {
		const state = stateOf(name);
		const shown = shownRows(state);
		const highlighted = highlightedRows(state);
		const note = state.note?.text;
		const lead = leadOf(name);
		// A state drawing another measure than the chart's is described by that measure's heading.
		const leadMeasure = measureOf(lead);
		const heading = leadMeasure && leadMeasure !== measure ? d.table?.[leadMeasure] : undefined;
		return {
			kind: kindOf(lead),
			subtitle: heading ?? d.subtitle,
			shown,
			highlighted,
			name: nameOf,
			value: (row) => (solo?.value ? solo.value(row) : valueOf(row, lead)),
			measure: measureOf(lead),
			note,
			format: formatCell,
		};
	}

	const table = (name: string): DataTable => {
		const tableColumns = Object.entries(d.table ?? Object.fromEntries(Object.keys(columns).map((c) => [c, c])));
		return {
			columns: tableColumns.map(([key, label]) => ({ key, label })),
			rows: (solo?.rows ?? shownRows)(stateOf(name)).map((row) =>
				Object.fromEntries(tableColumns.map(([key]) => [key, tableCell(row[key])])),
			),
		};
	};

	const [defaultState] = stateNames;
	return {
		id,
		title: d.title,
		subtitle: d.subtitle,
		datasets: [dataset],
		stateNames,
		defaultState: defaultState!,
		plot,
		alt: (name) => {
			const state = stateOf(name);
			if (state.alt) return fillTemplate(state.alt, facts(name));
			return solo?.alt ? solo.alt(state) : describeState(facts(name));
		},
		table,
		label: (name) => stateOf(name).label,
	};
}

/**
 * A text mark's `render` transform that moves each label along x to between `from` and `to` pixels,
 * as a label's box was placed (a band scale puts it at its band's middle, even at the chart's edge).
 */
function keepInside(from: number, to: number): Plot.RenderFunction {
	return (index, scales, values, dimensions, context, next) => {
		// Plot adds half a band to a text's x when it draws it (applyTransform): the values are band starts.
		const band = (scales.x as { bandwidth?: () => number } | undefined)?.bandwidth?.() ?? 0;
		const x = values.x?.map((v: number) => Math.min(Math.max(v + band / 2, from), to) - band / 2);
		return next!(index, scales, (x ? { ...values, x } : values) as Plot.ChannelValues, dimensions, context);
	};
}

/** Names a mark for its transition key (Plot's `ariaLabel` option would be a channel, not a name). */
function named(mark: Plot.Markish, name: string): Plot.Markish {
	(mark as { ariaLabel?: string }).ariaLabel = name;
	return mark;
}

/** A round top for a value axis: 33 → 35, 9.7 → 10, 67 → 70. */
function niceMax(max: number): number {
	if (max <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	const step = power / 2;
	return Math.ceil((max * 1.02) / step) * step;
}

/** The height of each stacked bar: the sum of its series' values. */
function stackTotals(rows: readonly AnyRow[], marks: readonly MarkSpec[]): number[] {
	const bar = marks.find((m) => m.mark === 'bar' && m.series)!;
	const along = (bar.direction === 'horizontal' ? bar.y : bar.x) as string;
	const value = measureOf(bar)!;
	const sums = new Map<unknown, number>();
	for (const row of rows) {
		const v = row[value];
		if (typeof v === 'number') sums.set(row[along], (sums.get(row[along]) ?? 0) + v);
	}
	return [...sums.values()];
}
