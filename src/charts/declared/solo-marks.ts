import * as Plot from '@observablehq/plot';
import { isCirca } from '../shared/dates.ts';
import { place } from '../shared/geo.ts';
import { labelMarks, placeText, type Label } from '../shared/regions-map/labels.ts';
import { mapBase, pixelSpace } from '../shared/regions-map/layout.ts';
import { layoutLegend, legendMarks, markOptions } from '../shared/regions-map/legend.ts';
import { color, fontSize, isNarrow } from '../shared/theme.ts';
import { timeline, timelineAlt, type EventStatus, type TimelineEvent } from '../shared/timeline.ts';
import { proseCell, topic } from './describe-state.ts';
import { wrapNote } from './legible-axes.ts';
import type { AnyRow } from './rows.ts';
import type { ColourName, Declaration, LabelChoice, MarkSpec, StateSpec } from './vocabulary.ts';

/**
 * The marks drawn alone, without axes, from the code charts' own drawing: an event `timeline`
 * (src/charts/shared/timeline.ts) and points on the world `map` (src/charts/shared/regions-map/).
 * States read as on any mark: highlight rows, show only some, label them, a note at one.
 */

/** What a solo mark needs from the chart it is compiled in. */
export interface SoloContext {
	readonly declaration: Declaration;
	readonly rows: readonly AnyRow[];
	/** The rows a state shows (after `only`). */
	readonly shownRows: (state: StateSpec) => readonly AnyRow[];
	readonly selector: (raw: unknown) => (row: AnyRow) => boolean;
	readonly colour: (name: ColourName, row: AnyRow) => string;
	/** The colour of a series' value, as on bars and lines. */
	readonly seriesColour: (column: string, value: unknown) => string;
	/** Names a mark for its transition key. */
	readonly named: (mark: Plot.Markish, name: string) => Plot.Markish;
}

/** A solo mark compiled: its drawing, its own text alternative (if it has one), its table's rows. */
export interface SoloMark {
	readonly kind: string;
	plot(state: StateSpec, width: number): Plot.PlotOptions;
	/** The derived text alternative, when not the generic one (describe-state.ts). */
	alt?(state: StateSpec): string;
	/** Writes a row's value in the generic text alternative ('' for none). */
	value?(row: AnyRow): string;
	/** The rows of a state's data table. */
	rows(state: StateSpec): readonly AnyRow[];
}

/** Whether a row is labelled under a labels choice (`last` and `ends` among the rows `shown`). */
function labelPicker(
	choice: LabelChoice,
	shown: readonly AnyRow[],
	highlighted: (row: AnyRow) => boolean,
): (row: AnyRow) => boolean {
	switch (choice) {
		case 'all':
			return () => true;
		case 'none':
			return () => false;
		case 'highlighted':
			return highlighted;
		case 'last':
			return (r) => r === shown.at(-1);
		case 'ends':
			return (r) => r === shown[0] || r === shown.at(-1);
	}
}

type Event = TimelineEvent & { readonly row: AnyRow };

/** A vertical timeline of events: `y` the date column, `text` the event's words. */
export function timelineMark(mark: MarkSpec, ctx: SoloContext): SoloMark {
	const { declaration: d } = ctx;
	const dateColumn = mark.y as string;
	const textColumn = mark.text!;
	const keyColumn = mark.key ?? textColumn;
	const events = new Map<AnyRow, Event>(
		ctx.rows.flatMap((row) => {
			const date = row[dateColumn];
			if (!(date instanceof Date)) return [];
			const event: Event = {
				date,
				label: proseCell(row[textColumn]),
				circa: mark.when ? isCirca(String(row[mark.when] ?? '')) : false,
				singleSource: mark.confidence ? row[mark.confidence] === 'one source' : false,
				row,
			};
			return [[row, event]];
		}),
	);
	const all = [...events.values()].toSorted((a, b) => +a.date - +b.date);
	const domainOf = (state: StateSpec): [Date, Date] => {
		const written = state.zoom?.y ?? state.y?.domain ?? d.y?.domain;
		return written
			? [new Date(String(written[0])), new Date(String(written[1]))]
			: [all[0]?.date ?? new Date(0), all.at(-1)?.date ?? new Date(0)];
	};
	/** The events a state draws, in date order, and how it shows each. */
	const view = (state: StateSpec) => {
		const domain = domainOf(state);
		const shown = new Set(ctx.shownRows(state));
		const drawn = all.filter((e) => shown.has(e.row));
		const inside = drawn.filter((e) => e.date >= domain[0] && e.date <= domain[1]);
		const highlight = state.highlight === undefined ? undefined : ctx.selector(state.highlight);
		const isCurrent = (e: Event) => highlight?.(e.row) ?? false;
		const choice = state.labels ?? mark.labels;
		const lastCurrent = Math.max(...inside.filter(isCurrent).map((e) => +e.date));
		const labelled = choice
			? labelPicker(
					choice,
					inside.map((e) => e.row),
					(r) => isCurrent(events.get(r)!),
				)
			: undefined;
		// By default a timeline tells its story: events up to the highlighted ones are labelled, the
		// ones after wait as small dots; with nothing highlighted, every event is labelled.
		const status = (e: Event): EventStatus => {
			if (labelled) return labelled(e.row) ? (isCurrent(e) ? 'current' : 'past') : 'hidden';
			if (!highlight) return 'past';
			return isCurrent(e) ? 'current' : +e.date < lastCurrent ? 'past' : 'hidden';
		};
		return { domain, drawn, inside, status };
	};
	const noteOf = (state: StateSpec) => {
		if (!state.note) return undefined;
		const at = ctx.selector(state.note.at);
		const event = all.find((e) => at(e.row));
		return event ? { event, text: state.note.text } : undefined;
	};
	return {
		kind: 'Timeline',
		plot(state, width) {
			const { domain, drawn, status } = view(state);
			return timeline(drawn, {
				width,
				domain,
				status,
				focusColor: (e) => ctx.colour(state.colour ?? 'alibaba', e.row),
				key: (e) => proseCell(e.row[keyColumn]),
				note: noteOf(state),
				wrap: wrapNote,
			});
		},
		alt(state) {
			const { domain, drawn, status } = view(state);
			const text = timelineAlt(mark.label ?? topic(d.subtitle), drawn, domain, status);
			return state.note ? `${text} Note: ${state.note.text}` : text;
		},
		rows: (state) => view(state).inside.map((e) => e.row),
	};
}

/** Points on the world map (with the story's close-ups of Europe and South-east Asia): `x` longitude, `y` latitude. */
export function mapMark(mark: MarkSpec, ctx: SoloContext, nameColumn: string): SoloMark {
	const lon = mark.x as string;
	const lat = mark.y as string;
	const keyColumn = mark.key ?? nameColumn;
	const keyOf = (row: AnyRow) => proseCell(row[keyColumn]);
	const series = mark.series;
	const seriesValues = series ? [...new Set(ctx.rows.map((r) => r[series]))].filter((v) => v !== null) : [];
	return {
		kind: 'Map',
		plot(state, width) {
			const { layout, marks: base } = mapBase(width);
			const r = isNarrow(width) ? 4 : 5;
			const highlight = state.highlight === undefined ? undefined : ctx.selector(state.highlight);
			const shown = ctx.shownRows(state).filter((row) => typeof row[lon] === 'number' && typeof row[lat] === 'number');
			// Highlighted places are drawn last, on top of the others.
			const points = shown
				.map((row) => {
					const { x, y } = place(layout, [row[lon] as number, row[lat] as number]);
					return { x, y, row, highlighted: highlight?.(row) ?? false };
				})
				.toSorted((a, b) => Number(a.highlighted) - Number(b.highlighted));
			type Point = (typeof points)[number];
			const fill = (p: Point): string =>
				p.highlighted
					? ctx.colour(state.colour ?? 'alibaba', p.row)
					: highlight
						? color.muted
						: series
							? ctx.seriesColour(series, p.row[series])
							: ctx.colour(mark.colour ?? 'accent', p.row);
			const labelled = labelPicker(state.labels ?? mark.labels ?? 'none', shown, (row) => highlight?.(row) ?? false);
			const labels: Label[] = points
				.filter((p) => labelled(p.row))
				.map((p) =>
					placeText(p, { text: proseCell(p.row[nameColumn]), key: keyOf(p.row), gap: r + 3 }, 'right', width),
				);
			// The legend explains the series' colours; a highlight paints over them, so it is left out
			// then (its room is kept: the chart keeps its height from state to state).
			const legend = layoutLegend(
				seriesValues.map((v) => ({
					label: proseCell(v),
					kind: 'launched' as const,
					fill: ctx.seriesColour(series!, v),
				})),
				width,
				layout.bottom + 18,
			);
			const note = state.note ? points.find((p) => ctx.selector(state.note!.at)(p.row)) : undefined;
			const noteLabel =
				note && placeText(note, { text: state.note!.text, key: keyOf(note.row), gap: r + 3 }, 'below', width);
			return {
				height: Math.round(series ? legend.bottom : layout.bottom + 4),
				...pixelSpace,
				marks: [
					...base,
					ctx.named(
						Plot.dot(points, {
							x: 'x',
							y: 'y',
							...markOptions('launched', r),
							fill,
							channels: { key: (p: Point) => keyOf(p.row) },
						}),
						'place',
					),
					...labelMarks(labels).map((m, i) => ctx.named(m, `place label ${i + 1}`)),
					ctx.named(
						Plot.text(noteLabel ? [noteLabel] : [], {
							x: 'x',
							y: 'y',
							text: 'text',
							textAnchor: 'middle',
							fontSize,
							fontStyle: 'italic',
							fill: color.ink,
							stroke: 'var(--bg)',
							strokeWidth: 3,
							paintOrder: 'stroke',
						}),
						'note',
					),
					...(highlight ? [] : legendMarks(legend.placed)),
				],
			};
		},
		value: (row) => (series ? proseCell(row[series]) : ''),
		rows: (state) => ctx.shownRows(state),
	};
}
