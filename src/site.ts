import source from '~content/story.yaml?raw';
import { parseStoryFile } from './chapters/story-file.ts';

/**
 * The story's identity: headline, description, publisher, social image and credits shown on every
 * page, read from content/story.yaml (checked against src/chapters/story-file.ts when the site is built).
 */
export const site = parseStoryFile(source);
