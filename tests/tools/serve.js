// Serves the built site as a plain static host would, sending the headers in build/_headers (the
// Content-Security-Policy among them), so the browser tests run under the policy readers get.
//   node tests/tools/serve.js [--port 4173] [--host 127.0.0.1] [--dir build]
//     [--base /graphics/invisible-caliphate]   (--help prints the options and exits)
// --base: serve the site under that folder, as a BASE_PATH build expects. --port 0: any free port;
// the line it prints once listening names the port. Only files inside --dir are served: a malformed
// URL gets 400, a path that would leave the folder (an encoded "..", a backslash, a NUL, a symlink
// pointing out) 404. A bad option or a port in use stops it with one line saying the fix.
import { createServer } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { didYouMean } from '../../src/lib/story/nearest.js';

const NAME = 'tests/tools/serve.js';
const USAGE = `usage: node ${NAME} [--port 4173] [--host 127.0.0.1] [--dir build] [--base /sub/folder]
  --port  the port to listen on (0: any free port; the listening line names it)
  --host  the address to listen on
  --dir   the folder to serve, with its _headers file (a build: npm run build)
  --base  serve the site under this folder, as a BASE_PATH build expects
  --help  print this and exit`;

/** @param {string} message @param {number} code @returns {never} */
function stop(message, code) {
	console.error(`${NAME}: ${message}`);
	process.exit(code);
}

/** --name value or --name=value; anything else stops with exit code 2 and the fix. */
function parseArgs(/** @type {string[]} */ args) {
	/** @type {Record<string, string>} */
	const values = { port: '4173', host: '127.0.0.1', dir: 'build', base: '' };
	const known = [...Object.keys(values).map((k) => `--${k}`), '--help'];
	for (let i = 0; i < args.length; i++) {
		const [flag, inline] = args[i].startsWith('--') ? args[i].split(/=(.*)/s) : [args[i]];
		if (flag === '--help' || flag === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		if (!known.includes(flag))
			stop(
				`${flag.startsWith('-') ? 'unknown option' : 'unexpected argument'} "${flag}"${didYouMean(flag, known)} — options: ${known.join(', ')}`,
				2
			);
		const value = inline ?? args[++i];
		if (value === undefined || (inline === undefined && value.startsWith('--')))
			stop(`${flag} needs a value — e.g. ${flag} ${values[flag.slice(2)] || '/sub/folder'}`, 2);
		values[flag.slice(2)] = value;
	}
	const port = Number(values.port);
	if (!/^\d+$/.test(values.port) || port > 65535)
		stop(`--port "${values.port}" is not a port number — use 0 to 65535, e.g. --port 4173`, 2);
	const base = values.base.replace(/\/+$/, '');
	if (base && (!base.startsWith('/') || base.split('/').some((s) => s === '.' || s === '..')))
		stop(`--base "${values.base}" is not a folder path — write it as /sub/folder`, 2);
	const dir = resolve(values.dir);
	if (!existsSync(dir) || !statSync(dir).isDirectory())
		stop(`--dir ${values.dir} is not a folder — run npm run build first, or name the folder`, 1);
	return { port, host: values.host, dir: realpathSync(dir), base };
}

const { port, host, dir, base } = parseArgs(process.argv.slice(2));

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

/** Whether `file` is `dir` or inside it. @param {string} file */
const inside = (file) => file === dir || file.startsWith(dir + sep);

/**
 * The file a decoded URL path names, or null when it names none inside the folder: any "." or ".."
 * segment, a backslash (a separator on Windows) or a NUL is refused before the disk is asked.
 * @param {string} path the decoded path, after the base
 */
function fileFor(path) {
	if (/[\\\0]/.test(path) || path.split('/').some((s) => s === '.' || s === '..')) return null;
	const file = resolve(dir, `.${path}`);
	return inside(file) ? file : null;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text */
const plain = (res, status, text) =>
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);

const server = createServer((req, res) => {
	try {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.setHeader('allow', 'GET, HEAD');
			return plain(res, 405, 'method not allowed: GET and HEAD only');
		}
		const url = new URL(req.url ?? '/', 'http://x');
		let path;
		try {
			path = decodeURIComponent(url.pathname);
		} catch {
			return plain(res, 400, 'bad request: the path has a malformed percent-encoding');
		}
		if (base && path === base) {
			res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		if (!path.startsWith(`${base}/`)) return plain(res, 404, 'not found');
		let file = fileFor(path.slice(base.length));
		if (!file || !existsSync(file)) return plain(res, 404, 'not found');
		if (statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				// The URL as sent (still encoded), so the header holds only what a header may hold.
				res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
				return;
			}
			file = join(file, 'index.html');
			if (!existsSync(file)) return plain(res, 404, 'not found');
		}
		// A symlink is followed only to a file inside the folder.
		file = realpathSync(file);
		if (!inside(file) || !statSync(file).isFile()) return plain(res, 404, 'not found');
		/** @type {Record<string, string>} */
		const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
		// Read the rules on each request: a rebuild changes the policy's hashes.
		for (const [pattern, set] of readRules())
			if (matches(pattern, path)) Object.assign(headers, set);
		const body = readFileSync(file);
		headers['content-length'] = String(body.length);
		res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
	} catch (error) {
		// A file removed mid-request (a rebuild) and the like: answer, log one line, keep serving.
		const message = error instanceof Error ? error.message : String(error);
		console.error(`${NAME}: ${req.url}: ${message}`);
		if (!res.headersSent) plain(res, 500, 'server error');
		else res.destroy();
	}
});
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
	if (error.code === 'EADDRINUSE')
		stop(
			`port ${port} on ${host} is in use — stop what is serving there, or pass --port <another>`,
			1
		);
	if (error.code === 'EACCES')
		stop(`not allowed to listen on ${host}:${port} — pass --port with a port above 1023`, 1);
	stop(`cannot listen on ${host}:${port}: ${error.message}`, 1);
});
server.listen(port, host, () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	console.log(`serving ${dir} at http://${host}:${actual}${base}/`);
});
