import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { sitePages } from '../helpers/site-pages.ts';

const siteDir = inject('siteDir');
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe('every built page is valid HTML (html-validate, recommended rules)', () => {
	it.each(sitePages(siteDir))('%s', async (path) => {
		const report = await validator.validateFile(join(siteDir, path.endsWith('/') ? `${path}index.html` : path));
		const errors = report.results.flatMap((r) =>
			r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
		);
		expect(errors).toEqual([]);
	});
});
