/**
 * Runs inside every embed page (/embed/<chart>/<state>/), inlined in its <head>: applies
 * `?theme=light|dark`, and when the page is framed, reports its height to the parent in every
 * protocol existing parent scripts understand (see embed-protocol.ts). It never navigates and acts
 * on no incoming message except requests to say its height again.
 */
import './details.ts';
import { heightMessages, isHeightRequest, readFrameContext, readTheme } from './embed-protocol.ts';

const root = document.documentElement;
const theme = readTheme(location.search);
if (theme) root.dataset.theme = theme;

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
	addEventListener('load', () => send(true));
	addEventListener('hashchange', () => send(true));
	void document.fonts?.ready.then(() => send());
	addEventListener('message', (event) => {
		if (event.source === window.parent && isHeightRequest(event.data, context())) send(true);
	});
}
