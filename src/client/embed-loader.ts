/**
 * /embed.js, the loader a host page includes once, however many charts it embeds. It turns
 * placeholders (`<div data-story-embed="…/embed/<chart>/<state>/">`, or Pym's
 * `<div data-pym-src="…">`) into iframes and sizes every iframe of ours to its content. It only
 * listens to iframes of ours: the message must come from the iframe's window and the embeds'
 * origin, and carry a valid height (clamped). It never navigates, whatever a message asks.
 */
import { maxHeight, parseHeight, pingType, themeForHost } from './embed-protocol.ts';

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

	// Match the page's look, light or dark, unless the embed code already asks for a theme.
	const matchTheme = (element: Element, url: URL): void => {
		if (url.searchParams.has('theme')) return;
		const backgrounds: string[] = [];
		for (let el: Element | null = element; el; el = el.parentElement) {
			backgrounds.push(getComputedStyle(el).backgroundColor);
		}
		const theme = themeForHost(getComputedStyle(element).colorScheme, backgrounds);
		if (theme) url.searchParams.set('theme', theme);
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
		if (height !== null) setHeight(frame, height);
	});

	scan();
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
