export { astroBuild, type BuildResult } from '../../src/cli/astro-build.ts';
