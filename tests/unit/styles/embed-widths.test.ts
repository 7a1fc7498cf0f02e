import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickEmbedWidth } from '../../../src/publish/embed-size.ts';
import { embedWidths } from '../../../src/render/widths.ts';

// embed.css cannot import embedWidths, so its container-query ladder repeats them by hand. This pins
// the two together: every threshold switches to the width pickEmbedWidth chooses there, and back below it.
const css = readFileSync('src/styles/embed.css', 'utf8');
const ladder = [...css.matchAll(/@container \(min-width: (\d+)px\) \{([\s\S]*?)\n\}/g)].map(([, min, body]) => ({
	min: Number(min),
	shows: Number(/data-width='(\d+)'\] \{\s*display: block;/.exec(body ?? '')?.[1]),
}));

describe('src/styles/embed.css', () => {
	it('has one container query per embed width after the first', () => {
		expect(ladder.map((step) => step.shows)).toEqual(embedWidths.slice(1));
	});

	it.each(ladder.map((step) => [step.min, step.shows]))(
		'from %d px shows the %d px drawing, as pickEmbedWidth does',
		(min, shows) => {
			expect(pickEmbedWidth(min)).toBe(shows);
			expect(pickEmbedWidth(min - 1)).not.toBe(shows);
		},
	);
});
