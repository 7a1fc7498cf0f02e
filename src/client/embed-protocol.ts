/**
 * The messages between an embedded chart (the child, src/client/embed-frame.ts) and the pages that
 * embed it (our loader, src/client/embed-loader.ts, and the parent scripts newsrooms already run).
 * Pure functions: no DOM, so they are unit-tested and shared by both sides.
 */

/** Our own height message: `{ type, height }`. */
export const heightType = 'story-embed:height';
/** Our loader asks an iframe that had loaded before it to say its height again. */
export const pingType = 'story-embed:ping';
/** Our loader tells an iframe it adopted which theme matches the page (it cannot change the src: that would reload it). */
export const themeType = 'story-embed:theme';
/** Heights outside this range are clamped: no 0-pixel or endless iframes whatever a message says. */
export const minHeight = 150;
export const maxHeight = 5000;

/** What the child knows about how it was embedded, from its own URL. */
export interface FrameContext {
	/** Set by a Pym.js parent (`?childId=`): the child then speaks Pym. */
	readonly childId: string | null;
	/** Set by WordPress (`#?secret=`), which accepts only messages that carry it. */
	readonly secret: string | null;
	/** The child's own address (Embedly's `src`). */
	readonly href: string;
}

const childIdPattern = /^[\w-]{1,128}$/;
const secretPattern = /^[a-zA-Z0-9]{1,64}$/;

/** Reads the Pym child id from the query and the WordPress secret from the hash. */
export function readFrameContext(search: string, hash: string, href: string): FrameContext {
	const childId = new URLSearchParams(search).get('childId');
	const secret = new URLSearchParams(hash.replace(/^#\??/, '')).get('secret');
	return {
		childId: childId && childIdPattern.test(childId) ? childId : null,
		secret: secret && secretPattern.test(secret) ? secret : null,
		href,
	};
}

/** The theme asked for with `?theme=light|dark`; null means follow the reader's system (`auto`). */
export function readTheme(search: string): 'light' | 'dark' | null {
	const theme = new URLSearchParams(search).get('theme');
	return theme === 'light' || theme === 'dark' ? theme : null;
}

/**
 * Returns every message that reports a height, one per protocol that existing parent scripts
 * listen to: ours, AMP `embed-size`, Embedly/Medium `iframe.resize`, Pym.js (only with a child id)
 * and WordPress (only with its secret). All are sent to `*`: they carry nothing but the height.
 */
export function heightMessages(height: number, context: FrameContext): unknown[] {
	const messages: unknown[] = [
		{ type: heightType, height },
		{ sentinel: 'amp', type: 'embed-size', height },
		JSON.stringify({ context: 'iframe.resize', height, src: context.href }),
	];
	if (context.childId) messages.push(['pym', context.childId, 'height', String(height)].join('xPYMx'));
	if (context.secret) messages.push({ message: 'height', value: height, secret: context.secret });
	return messages;
}

/** AMP's `embed-ready`: the iframe is ready, so amp-iframe may hide its placeholder. */
export const ampReady = { sentinel: 'amp', type: 'embed-ready' } as const;

/** The theme in our loader's theme message; null for anything else. */
export function readThemeMessage(data: unknown): 'light' | 'dark' | null {
	if (!isRecord(data) || data.type !== themeType) return null;
	return data.theme === 'light' || data.theme === 'dark' ? data.theme : null;
}

/**
 * True for the only messages the child acts on, and all it does is say its height again: our
 * loader's ping, a Pym parent's `width` for this child, WordPress' `ready` with this secret.
 * Anything else (Pym `navigateTo`, `scrollTo`, unknown shapes) is ignored.
 */
export function isHeightRequest(data: unknown, context: FrameContext): boolean {
	if (typeof data === 'string') {
		if (!context.childId) return false;
		const [tag, id, type, value] = data.split('xPYMx');
		return tag === 'pym' && id === context.childId && type === 'width' && /^\d+$/.test(value ?? '');
	}
	if (!isRecord(data)) return false;
	if (data.type === pingType) return true;
	return context.secret !== null && data.message === 'ready' && data.secret === context.secret;
}

/**
 * Reads a height from one of our own messages, clamped to [minHeight, maxHeight] and rounded up;
 * null for anything else: other shapes, non-numbers, NaN, infinities, zero or negative heights.
 */
export function parseHeight(data: unknown): number | null {
	if (!isRecord(data) || data.type !== heightType) return null;
	const { height } = data;
	if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0) return null;
	return clampHeight(height);
}

/** Rounds a height up to whole pixels and keeps it within [minHeight, maxHeight]. */
export const clampHeight = (height: number): number => Math.min(maxHeight, Math.max(minHeight, Math.ceil(height)));

/**
 * The theme our loader asks an embed for (`?theme=`), so that it looks like the page around it:
 * none (follow the reader) where the page supports both schemes; the page's one where it declares
 * one; otherwise what its background looks like. (Browsers do not pass an iframe's color-scheme on
 * to the embedded page's prefers-color-scheme: Chromium 150 follows the system setting only.)
 */
export function themeForHost(colorScheme: string, backgrounds: readonly string[]): 'light' | 'dark' | null {
	const schemes = colorScheme.split(/\s+/).filter((word) => word === 'light' || word === 'dark');
	if (schemes.length > 1) return null;
	if (schemes[0] === 'light' || schemes[0] === 'dark') return schemes[0];
	return schemeForBackgrounds(backgrounds);
}

/**
 * The colour scheme an embed should take on a host page whose CSS says nothing about schemes, from
 * the computed background colours from the embed's place outwards (`rgb()`/`rgba()` strings): the
 * first opaque one decides, dark if its luminance is low; a page with none is light (the canvas).
 */
export function schemeForBackgrounds(backgrounds: readonly string[]): 'light' | 'dark' {
	for (const background of backgrounds) {
		const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(background);
		if (!match) continue;
		const alpha = match[4] === undefined ? 1 : parseFloat(match[4]) / (match[4].endsWith('%') ? 100 : 1);
		if (alpha < 0.5) continue;
		const [r, g, b] = [match[1], match[2], match[3]].map((c) => {
			const v = Number(c) / 255;
			return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18 ? 'dark' : 'light';
	}
	return 'light';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
