/**
 * Runs inside every embed page (/embed/<chart>/<state>/), inlined in its <head>: applies
 * `?theme=light|dark`, and when the page is framed, reports its height to the parent in every
 * protocol existing parent scripts understand (see embed-protocol.ts). It never navigates. It acts
 * on two incoming messages from its parent only: requests to say its height again, and our loader's
 * theme (when the embed code did not ask for one).
 *
 * Links: the page opens them in a new tab (`<base target="_blank">`). Where the host's sandbox lets
 * them go nowhere (no allow-popups; WordPress gives only allow-scripts), they show their address
 * instead, so a reader can still copy it.
 */
import './details.ts';
import {
	ampReady,
	heightMessages,
	isHeightRequest,
	readFrameContext,
	readTheme,
	readThemeMessage,
} from './embed-protocol.ts';

const root = document.documentElement;
// A sandbox without allow-same-origin gives the page an opaque origin (links are handled below).
const opaque = self.origin === 'null';
const theme = readTheme(location.search);
if (theme) root.dataset.theme = theme;

/** Replaces a link that cannot open with its text and its address, as plain text. */
const showAddress = (link: HTMLAnchorElement): void => {
	const text = document.createElement('span');
	text.className = 'embed-address';
	const url = new URL(link.href);
	// The words a reader sees, without what is said to screen readers only ("opens in a new tab").
	const words = link.cloneNode(true) as HTMLElement;
	for (const hidden of words.querySelectorAll('.visually-hidden')) hidden.remove();
	text.textContent = `${words.textContent?.trim() ?? ''}: ${url.host}${url.pathname}${url.search}${url.hash}`;
	link.replaceWith(text);
};

if (window.parent !== window) {
	// Read each time: WordPress adds its secret to the hash after the page has loaded.
	const context = () => readFrameContext(location.search, location.hash, location.href);
	let sent = 0;
	const send = (force = false): void => {
		const height = Math.ceil(root.getBoundingClientRect().height);
		if (height === 0 || (!force && height === sent)) return;
		sent = height;
		for (const message of heightMessages(height, context())) window.parent.postMessage(message, '*');
	};
	new ResizeObserver(() => send()).observe(root);
	addEventListener('load', () => {
		send(true);
		window.parent.postMessage(ampReady, '*');
	});
	addEventListener('hashchange', () => send(true));
	void document.fonts?.ready.then(() => send());
	addEventListener('message', (event) => {
		if (event.source !== window.parent) return;
		const asked = readThemeMessage(event.data);
		if (asked && !theme) root.dataset.theme = asked;
		else if (isHeightRequest(event.data, context())) send(true);
	});

	if (opaque) {
		const links = () => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')];
		// WordPress' sandbox (it is the host that adds a secret) allows scripts only: no link can open.
		const deadLinks = () => {
			if (context().secret) for (const link of links()) showAddress(link);
		};
		if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', deadLinks);
		else deadLinks();
		addEventListener('hashchange', deadLinks);
		// Another sandbox may or may not allow popups: try, and show the address if nothing opened.
		document.addEventListener('click', (event) => {
			const link = (event.target as Element | null)?.closest?.('a[href]');
			if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
			event.preventDefault();
			const opened = window.open(link.href, '_blank');
			if (opened) opened.opener = null;
			else showAddress(link);
		});
	}
}
