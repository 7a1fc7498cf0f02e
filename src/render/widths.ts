/**
 * The widths every chart state is rendered at, in pixels: a phone column and a desktop column.
 * The page picks one with a container query, so the SVG is drawn 1:1 and its text stays legible.
 */
export const widths = [360, 720] as const;

export type RenderWidth = (typeof widths)[number];
