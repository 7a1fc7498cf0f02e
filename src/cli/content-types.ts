/** Content types of the files a built site serves, by extension (for the test and bench servers). */
export const contentTypes: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
};
