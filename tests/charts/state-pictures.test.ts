import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import { chartsReference, picturePath } from '../../src/cli/charts-reference.ts';
import { picturesDir, statePictures } from '../../src/cli/state-pictures.ts';

// content/CHARTS.md shows a picture of every state (content/guide/charts/<chart>/<state>.svg):
// drawn again here, in memory, and compared with the checked-in files.
const stale = 'is stale: run npm run charts:reference';
const content = join(picturesDir, '..', '..');
const checkedIn = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? checkedIn(join(dir, entry.name)) : [relative(content, join(dir, entry.name))],
	);

describe('the pictures of the chart states in content/CHARTS.md', () => {
	const pictures = statePictures(charts);

	it('are the states as drawn now, one file each and no other', () => {
		const files = checkedIn(picturesDir).toSorted();
		expect(files, `content/guide/charts/ ${stale}`).toEqual([...pictures.keys()].toSorted());
		for (const [path, svg] of pictures)
			expect(readFileSync(join(content, path), 'utf8') === svg, `content/${path} ${stale}`).toBe(true);
	});

	it('are linked from CHARTS.md, each under its state', () => {
		const reference = chartsReference(charts);
		for (const chart of charts)
			for (const state of chart.stateNames) expect(reference).toContain(`](${picturePath(chart, state)})`);
	});

	it('stay small: self-contained SVGs in the light palette, a few hundred KB in all', () => {
		const bytes = [...pictures.values()].reduce((sum, svg) => sum + Buffer.byteLength(svg), 0);
		expect(bytes).toBeLessThan(300_000);
		for (const svg of pictures.values()) {
			expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
			expect(svg).not.toMatch(/var\(--|currentColor|data-key/);
		}
	});
});
