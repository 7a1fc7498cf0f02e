/**
 * The card colour, for the inside of hollow marks (single-source or derived values). A palette
 * variable without fallback, so standalone SVG and PNG exports can resolve it from tokens.css.
 */
export const paper = 'var(--bg-card)';
