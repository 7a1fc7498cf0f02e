// npm run charts:reference: writes content/CHARTS.md and the pictures of every chart state
// (content/guide/charts/). The reference and the charts need the site's modules (the story file,
// fonts, palette), so they are loaded through them, as the other editors' commands load the story.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Chart } from '../charts/define-chart.ts';
import { openStoryModules, projectDir, storyFolders } from './story-modules.ts';

const modules = await openStoryModules(storyFolders(projectDir));
try {
	const { charts } = await modules.load<{ charts: readonly Chart[] }>('src/charts/index.ts');
	const { formattedReference, referencePath } =
		await modules.load<typeof import('./charts-reference.ts')>('src/cli/charts-reference.ts');
	const { statePictures, picturesDir } =
		await modules.load<typeof import('./state-pictures.ts')>('src/cli/state-pictures.ts');
	writeFileSync(referencePath, await formattedReference(charts));
	// The folder holds exactly the current states' pictures: a removed state's picture goes.
	rmSync(picturesDir, { recursive: true, force: true });
	let bytes = 0;
	for (const [path, svg] of statePictures(charts)) {
		const file = join(projectDir, 'content', path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, svg);
		bytes += Buffer.byteLength(svg);
	}
	console.log(
		`Wrote content/CHARTS.md: ${charts.length} charts, ${charts.flatMap((c) => c.stateNames).length} states, a picture of each in content/guide/charts/ (${Math.round(bytes / 1024)} KB).`,
	);
} finally {
	await modules.close();
}
