// Serves the built site as a plain static host would, sending the headers in build/_headers (the
// Content-Security-Policy among them), so the browser tests run under the policy readers get.
//   node tests/tools/serve.js [--port 4173] [--dir build] [--base /graphics/invisible-caliphate]
// --base: serve the site under that folder, as a BASE_PATH build expects.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
/** @param {string} name @param {string | number} fallback */
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('port', 4173));
const host = String(option('host', '127.0.0.1'));
const dir = resolve(String(option('dir', 'build')));
const base = String(option('base', ''));

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8'
};

/** The _headers rules: [pattern, headers], a pattern ending in * matching any path it starts. */
function readRules() {
	const file = join(dir, '_headers');
	if (!existsSync(file)) return [];
	/** @type {[string, Record<string, string>][]} */
	const rules = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
		else if (rules.length) {
			const at = line.indexOf(':');
			rules[rules.length - 1][1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
		}
	}
	return rules;
}
/** @param {string} pattern @param {string} path */
const matches = (pattern, path) =>
	pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

createServer((req, res) => {
	const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
	if (!path.startsWith(`${base}/`)) {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		return;
	}
	let file = normalize(join(dir, path.slice(base.length)));
	if (!file.startsWith(dir)) {
		res.writeHead(403).end();
		return;
	}
	if (existsSync(file) && statSync(file).isDirectory()) {
		if (!path.endsWith('/')) {
			res.writeHead(301, { location: `${path}/` }).end();
			return;
		}
		file = join(file, 'index.html');
	}
	if (!existsSync(file)) {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		return;
	}
	/** @type {Record<string, string>} */
	const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
	// Read the rules on each request: a rebuild changes the policy's hashes.
	for (const [pattern, set] of readRules()) if (matches(pattern, path)) Object.assign(headers, set);
	res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : readFileSync(file));
}).listen(port, host, () => console.log(`serving ${dir} at http://${host}:${port}/`));
