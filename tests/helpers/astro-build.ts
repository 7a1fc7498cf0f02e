export { astroBuild, inherited, type BuildResult } from '../../src/cli/astro-build.ts';
