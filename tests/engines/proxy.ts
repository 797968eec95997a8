// A test-only origin in front of the served build: it passes every response through unchanged (the
// Content-Security-Policy header and <meta> among them) except that each HTML page gets one script at
// the top of its <head>, before the page's own: /__engines/catch.js, which records uncaught errors in
// window.__errors. WebKit's classic WebDriver has no console events and no preload scripts, so this is
// how every engine (and Chromium's reference page) is watched the same way. The script is external and
// same-origin, which the policy's script-src 'self' already allows: the policy needs no change.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CATCHER_PATH = '/__engines/catch.js';

/** Runs in every document before the page's scripts (and in the embed's frames, which load through
 *  the same origin). Only window-level events: a failed image or stylesheet is not an uncaught error. */
const CATCHER = `(function () {
	var errors = (window.__errors = []);
	window.addEventListener('error', function (e) {
		errors.push('error: ' + (e.message || (e.error && e.error.message) || 'unknown'));
	});
	window.addEventListener('unhandledrejection', function (e) {
		var r = e.reason;
		errors.push('unhandledrejection: ' + String((r && (r.stack || r.message)) || r));
	});
})();
`;

const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'content-length',
	'content-encoding'
]);

export interface Proxy {
	/** http://127.0.0.1:port, the origin the engine tests load pages from. */
	origin: string;
	close(): Promise<void>;
}

/** Starts the proxy in front of `target` (the Playwright webServer's base URL) on a free port. */
export async function startProxy(target: string): Promise<Proxy> {
	const upstream = target.replace(/\/$/, '');
	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const url = req.url ?? '/';
		if (url.split('?')[0] === CATCHER_PATH) {
			res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(CATCHER);
			return;
		}
		const response = await fetch(upstream + url, {
			method: req.method === 'HEAD' ? 'HEAD' : 'GET',
			redirect: 'manual'
		});
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => {
			if (!HOP_BY_HOP.has(name)) headers[name] = value;
		});
		let body = Buffer.from(await response.arrayBuffer());
		if ((headers['content-type'] ?? '').startsWith('text/html')) {
			const html = body.toString('utf8');
			const injected = html.replace(
				/<head(\s[^>]*)?>/i,
				(head) => `${head}<script src="${CATCHER_PATH}"></script>`
			);
			if (injected === html) throw new Error(`no <head> to inject into: ${url}`);
			body = Buffer.from(injected, 'utf8');
		}
		res.writeHead(response.status, headers).end(req.method === 'HEAD' ? undefined : body);
	};
	const server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(String(e));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
