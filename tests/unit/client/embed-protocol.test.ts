import { describe, expect, it } from 'vitest';
import {
	clampHeight,
	heightMessages,
	heightType,
	isHeightRequest,
	maxHeight,
	minHeight,
	parseHeight,
	pingType,
	readFrameContext,
	readTheme,
	schemeForBackgrounds,
	themeForHost,
} from '../../../src/client/embed-protocol.ts';

const href = 'https://charts.example/embed/a/b/';
const plain = readFrameContext('', '', href);
const pym = readFrameContext('?initialWidth=600&childId=graphic-1&parentTitle=x', '', href);
const wordpress = readFrameContext('', '#?secret=Ab12cd34Ef', href);

describe('readFrameContext(search, hash, href)', () => {
	it('reads the Pym child id from the query and the WordPress secret from the hash', () => {
		expect(pym).toEqual({ childId: 'graphic-1', secret: null, href });
		expect(wordpress).toEqual({ childId: null, secret: 'Ab12cd34Ef', href });
		expect(readFrameContext('?childId=c', '#secret=abc', href)).toEqual({ childId: 'c', secret: 'abc', href });
	});

	it('drops ids and secrets that could smuggle anything into a message', () => {
		expect(readFrameContext('?childId=a%20b"><', '#?secret=abc&x', href).childId).toBeNull();
		expect(readFrameContext('', '#?secret=ab-c%3C', href).secret).toBeNull();
		expect(readFrameContext('?childId=' + 'x'.repeat(200), '', href).childId).toBeNull();
	});
});

describe('readTheme(search)', () => {
	it('is light or dark when asked, and null (follow the reader) otherwise', () => {
		expect(readTheme('?theme=dark')).toBe('dark');
		expect(readTheme('?childId=x&theme=light')).toBe('light');
		expect(readTheme('?theme=auto')).toBeNull();
		expect(readTheme('?theme=purple')).toBeNull();
		expect(readTheme('')).toBeNull();
	});
});

describe('heightMessages(height, context)', () => {
	it('always speaks our own protocol, AMP embed-size and Embedly iframe.resize', () => {
		expect(heightMessages(612, plain)).toEqual([
			{ type: heightType, height: 612 },
			{ sentinel: 'amp', type: 'embed-size', height: 612 },
			JSON.stringify({ context: 'iframe.resize', height: 612, src: href }),
		]);
	});

	it('adds a Pym.js height message when a Pym parent gave a child id', () => {
		expect(heightMessages(612, pym)).toContain('pymxPYMxgraphic-1xPYMxheightxPYMx612');
	});

	it('adds a WordPress height message, with its secret, when WordPress gave one', () => {
		expect(heightMessages(612, wordpress)).toContainEqual({ message: 'height', value: 612, secret: 'Ab12cd34Ef' });
		expect(heightMessages(612, plain).some((m) => typeof m === 'object' && 'secret' in (m as object))).toBe(false);
	});
});

describe('isHeightRequest(data, context)', () => {
	it('accepts our ping, a Pym width message for this child and WordPress ready with this secret', () => {
		expect(isHeightRequest({ type: pingType }, plain)).toBe(true);
		expect(isHeightRequest('pymxPYMxgraphic-1xPYMxwidthxPYMx640', pym)).toBe(true);
		expect(isHeightRequest({ message: 'ready', secret: 'Ab12cd34Ef' }, wordpress)).toBe(true);
	});

	it('ignores everything else, navigation requests included', () => {
		expect(isHeightRequest('pymxPYMxgraphic-1xPYMxnavigateToxPYMxhttps://evil.example', pym)).toBe(false);
		expect(isHeightRequest('pymxPYMxgraphic-1xPYMxscrollToxPYMx0', pym)).toBe(false);
		expect(isHeightRequest('pymxPYMxother-childxPYMxwidthxPYMx640', pym)).toBe(false);
		expect(isHeightRequest('pymxPYMxgraphic-1xPYMxwidthxPYMx640', plain)).toBe(false);
		expect(isHeightRequest({ message: 'ready', secret: 'wrong' }, wordpress)).toBe(false);
		expect(isHeightRequest({ message: 'ready', secret: null }, plain)).toBe(false);
		expect(isHeightRequest({ message: 'link', value: 'https://evil.example' }, wordpress)).toBe(false);
		for (const junk of [null, undefined, 42, [], {}, 'hello', { type: heightType, height: 1 }]) {
			expect(isHeightRequest(junk, pym)).toBe(false);
		}
	});
});

describe('parseHeight(data) and clampHeight(height)', () => {
	it('reads the height of our own message, rounded up', () => {
		expect(parseHeight({ type: heightType, height: 640 })).toBe(640);
		expect(parseHeight({ type: heightType, height: 640.2 })).toBe(641);
	});

	it('clamps heights to a sane range', () => {
		expect(parseHeight({ type: heightType, height: 3 })).toBe(minHeight);
		expect(parseHeight({ type: heightType, height: 1e9 })).toBe(maxHeight);
		expect(clampHeight(minHeight - 1)).toBe(minHeight);
		expect(clampHeight(maxHeight + 1)).toBe(maxHeight);
	});

	it('ignores other messages and heights that are not positive finite numbers', () => {
		for (const height of ['640', '640px', -10, 0, Number.NaN, Number.POSITIVE_INFINITY, null, {}, [640]]) {
			expect(parseHeight({ type: heightType, height }), JSON.stringify(height)).toBeNull();
		}
		expect(parseHeight({ sentinel: 'amp', type: 'embed-size', height: 640 })).toBeNull();
		expect(parseHeight(JSON.stringify({ type: heightType, height: 640 }))).toBeNull();
		expect(parseHeight(null)).toBeNull();
	});
});

describe('schemeForBackgrounds(backgrounds)', () => {
	it('takes the first opaque background outwards from the embed: dark when it is dark', () => {
		expect(schemeForBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(17, 17, 17)', 'rgb(255, 255, 255)'])).toBe('dark');
		expect(schemeForBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(251, 250, 247)'])).toBe('light');
		expect(schemeForBackgrounds(['rgb(20 21 25 / 0.9)'])).toBe('dark');
		expect(schemeForBackgrounds(['rgb(110, 110, 110)'])).toBe('dark');
		expect(schemeForBackgrounds(['rgb(150, 150, 150)'])).toBe('light');
	});

	it('is light when nothing is painted (the page canvas) or colours cannot be read', () => {
		expect(schemeForBackgrounds([])).toBe('light');
		expect(schemeForBackgrounds(['rgba(0, 0, 0, 0)', 'transparent', 'oklch(0.2 0 0)'])).toBe('light');
		expect(schemeForBackgrounds(['rgba(0, 0, 0, 0.2)'])).toBe('light');
	});
});

describe('themeForHost(colorScheme, backgrounds)', () => {
	it('follows the reader where the page supports both schemes', () => {
		expect(themeForHost('light dark', ['rgb(0, 0, 0)'])).toBeNull();
		expect(themeForHost('dark light', [])).toBeNull();
	});

	it('takes the one scheme a page declares', () => {
		expect(themeForHost('light', ['rgb(0, 0, 0)'])).toBe('light');
		expect(themeForHost('only dark', [])).toBe('dark');
	});

	it('judges by the background where the page declares nothing', () => {
		expect(themeForHost('normal', ['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)'])).toBe('dark');
		expect(themeForHost('normal', ['rgb(255, 255, 255)'])).toBe('light');
	});
});
