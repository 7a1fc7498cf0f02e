/**
 * /embed.js, the loader a host page includes once, however many charts it embeds. It adopts the
 * iframes of ours already on the page (today's responsive code is an iframe followed by this
 * script): it resizes them to their content and tells them the page's theme, and never replaces or
 * reloads them. Codes pasted before (placeholders, `<div data-story-embed="…/embed/<chart>/<state>/">`,
 * or Pym's `<div data-pym-src="…">`) it turns into iframes. It only
 * listens to iframes of ours: the message must come from the iframe's window and the embeds'
 * origin, and carry a valid height (clamped). It never navigates, whatever a message asks.
 */
import { maxHeight, parseHeight, pingType, themeForHost, themeType } from './embed-protocol.ts';

type LoaderWindow = Window & { storyEmbedLoader?: true };

const script = document.currentScript as HTMLScriptElement | null;
const here = window as LoaderWindow;

if (script?.src && !here.storyEmbedLoader) {
	here.storyEmbedLoader = true;
	// This script lives at <site>/<base>/embed.js, and the embeds at <site>/<base>/embed/.
	const embeds = new URL('embed/', script.src);
	const defaultHeight = 500;

	const embedUrl = (value: string | null): URL | null => {
		if (!value) return null;
		try {
			const url = new URL(value, location.href);
			return url.origin === embeds.origin && url.pathname.startsWith(embeds.pathname) ? url : null;
		} catch {
			return null;
		}
	};
	const ours = (): HTMLIFrameElement[] =>
		[...document.querySelectorAll('iframe')].filter((frame) => embedUrl(frame.getAttribute('src')));
	// A sandbox without allow-same-origin gives the embed an opaque origin, which posts as "null".
	const opaque = (frame: HTMLIFrameElement): boolean =>
		frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');

	// The page's look around an element, light or dark (null: both, so the embed follows the reader).
	const hostTheme = (element: Element): 'light' | 'dark' | null => {
		const backgrounds: string[] = [];
		for (let el: Element | null = element; el; el = el.parentElement) {
			backgrounds.push(getComputedStyle(el).backgroundColor);
		}
		return themeForHost(getComputedStyle(element).colorScheme, backgrounds);
	};
	// Match the page's look, unless the embed code already asks for a theme.
	const matchTheme = (element: Element, url: URL): void => {
		if (url.searchParams.has('theme')) return;
		const theme = hostTheme(element);
		if (theme) url.searchParams.set('theme', theme);
	};
	// Iframes this script made carry the theme in their address; adopted ones are told once they speak.
	const told = new WeakSet<HTMLIFrameElement>();
	const tellTheme = (frame: HTMLIFrameElement, target: MessageEventSource): void => {
		if (told.has(frame)) return;
		told.add(frame);
		if (embedUrl(frame.getAttribute('src'))?.searchParams.has('theme')) return;
		const theme = hostTheme(frame);
		// The theme is no secret: it may go to any origin (a sandboxed embed's is "null").
		if (theme) (target as Window).postMessage({ type: themeType, theme }, '*');
	};

	const setHeight = (frame: HTMLIFrameElement, height: number): void => {
		frame.style.height = `${height}px`;
		frame.height = String(height);
	};

	const upgrade = (element: Element, url: URL, pym: boolean): void => {
		const frame = document.createElement('iframe');
		if (pym) {
			element.setAttribute('data-pym-auto-initialized', '');
			if (!element.id) element.id = `story-embed-${Math.random().toString(36).slice(2, 10)}`;
			url.searchParams.set('childId', element.id);
		} else {
			element.setAttribute('data-story-embed-ready', '');
		}
		matchTheme(element, url);
		told.add(frame);
		frame.src = url.href;
		frame.title = element.getAttribute('data-title') ?? element.getAttribute('title') ?? 'Chart';
		frame.setAttribute('scrolling', 'no');
		frame.setAttribute('loading', 'lazy');
		frame.style.cssText = 'display:block;width:100%;border:0;';
		const height = Number(element.getAttribute('data-height'));
		setHeight(frame, Number.isFinite(height) && height > 0 ? Math.min(height, maxHeight) : defaultHeight);
		element.append(frame);
	};

	const scan = (): void => {
		for (const element of document.querySelectorAll('[data-story-embed]:not([data-story-embed-ready])')) {
			const url = embedUrl(element.getAttribute('data-story-embed'));
			if (url) upgrade(element, url, false);
		}
		for (const element of document.querySelectorAll('[data-pym-src]:not([data-pym-auto-initialized])')) {
			const url = embedUrl(element.getAttribute('data-pym-src'));
			if (url) upgrade(element, url, true);
		}
		for (const frame of ours()) {
			// Iframes that loaded before this script: ask them for their height. The ping says nothing
			// else, so it may go to any origin (the frame may not have loaded its document yet).
			frame.contentWindow?.postMessage({ type: pingType }, '*');
		}
	};

	addEventListener('message', (event) => {
		const frame = ours().find((f) => f.contentWindow === event.source);
		if (!frame) return;
		const origin = opaque(frame) ? 'null' : embedUrl(frame.getAttribute('src'))?.origin;
		if (event.origin !== origin) return;
		const height = parseHeight(event.data);
		if (height === null) return;
		setHeight(frame, height);
		if (event.source) tellTheme(frame, event.source);
	});

	scan();
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
