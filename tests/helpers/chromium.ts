export { chromiumArgs, launchChromium } from '../../src/cli/chromium.ts';
