import type { Chart } from '../charts/define-chart.ts';
import { renderSvg } from './render-svg.ts';
import { widths } from './widths.ts';

/** One pre-rendered SVG of a chart state, for one render width. */
export interface SizedSvg {
	readonly width: number;
	readonly svg: string;
}

/**
 * Returns a state's SVG at every render width (the story's, unless others are given), with ids made
 * unique for this place on the page (one state may be shown twice on a page) and the SVG labelled by
 * the figure's title and description.
 */
export function figureSvgs(
	chart: Chart,
	state: string,
	uid: string,
	renderWidths: readonly number[] = widths,
): SizedSvg[] {
	return renderWidths.map((width) => {
		const renderPrefix = `${chart.id}-${state}-${width}-`;
		const svg = renderSvg(chart, state, width)
			.replaceAll(renderPrefix, `${uid}-${width}-`)
			.replace(' role="img"', ` role="img" aria-labelledby="${uid}-title" aria-describedby="${uid}-desc"`);
		return { width, svg };
	});
}
