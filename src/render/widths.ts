/**
 * The widths every chart state is rendered at, in pixels: a phone column and a desktop column.
 * The page picks one with a container query, so the SVG is drawn 1:1 and its text stays legible.
 */
export const widths = [360, 720] as const;

/**
 * The widths charts are drawn at on embed pages. An embed can be any width, so it gets more than
 * the story's two: src/styles/embed.css shows the nearest one (in ratio), so the chart is never
 * scaled by more than about ±20% and its text stays between about 10 and 16 px.
 */
export const embedWidths = [360, 540, 720, 960] as const;

/** The width the chart is drawn at in downloads (the desktop render width). */
export const downloadChartWidth = 720;

/**
 * The widths a chart's thumbnail in the gallery's grid is rendered at: the widest a column of the
 * grid shows it in CSS pixels (src/styles/gallery.css), then twice that for high-density screens.
 */
export const thumbnailWidths = [360, 720] as const;
