// tests/tools/serve.js, the static server the browser tests and the bench run under: it sends the
// folder's _headers, serves only files inside the folder, answers bad URLs without dying, and stops on a
// bad option with one line. Each test starts it as a child process on a free port (--port 0, the port
// read from its listening line) against a temp folder with a secret file in a sibling folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVE = 'tests/tools/serve.js';
const root = mkdtempSync(join(tmpdir(), 'serve-test-'));
// A sibling whose name starts with the served folder's: "site-secret" next to "site".
const site = join(root, 'site');
const SECRET = `secret-${process.pid}-${Date.now()}`;
const FILES: Record<string, [string, string]> = {
	'/index.html': ['<!doctype html><title>home</title>', 'text/html; charset=utf-8'],
	'/app.js': ['console.log(1);', 'text/javascript; charset=utf-8'],
	'/style.css': ['body{margin:0}', 'text/css; charset=utf-8'],
	'/data.json': ['{"a":1}', 'application/json'],
	'/sub/index.html': ['<!doctype html><title>sub</title>', 'text/html; charset=utf-8']
};
// The format scripts/headers.js writes: a header for every file, a policy for the home page alone.
const HEADERS = `/*
  X-Content-Type-Options: nosniff
/
  Content-Security-Policy: default-src 'none'
/index.html
  Content-Security-Policy: default-src 'none'
`;
const rules = () => {
	const out: [string, Record<string, string>][] = [];
	for (const line of HEADERS.split('\n').filter(Boolean)) {
		if (!line.startsWith(' ')) out.push([line, {}]);
		else {
			const [k, v] = line.trim().split(/: (.*)/);
			out[out.length - 1][1][k.toLowerCase()] = v;
		}
	}
	return out;
};

const children: ChildProcess[] = [];

beforeAll(() => {
	for (const [path, [body]] of Object.entries(FILES)) {
		mkdirSync(join(site, path, '..'), { recursive: true });
		writeFileSync(join(site, path), body);
	}
	writeFileSync(join(site, '_headers'), HEADERS);
	mkdirSync(join(root, 'site-secret'));
	writeFileSync(join(root, 'site-secret', 'secret.txt'), SECRET);
	writeFileSync(join(root, 'secret.txt'), SECRET);
	// A link inside the folder to a file outside it.
	symlinkSync(join(root, 'site-secret', 'secret.txt'), join(site, 'link.txt'));
});

afterAll(() => {
	for (const child of children) child.kill();
	rmSync(root, { recursive: true, force: true });
});

/** Starts the server and resolves with its origin once it prints its listening line. */
function start(...args: string[]): Promise<string> {
	const child = spawn(process.execPath, [SERVE, '--port', '0', '--dir', site, ...args]);
	children.push(child);
	return new Promise((resolve, reject) => {
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => {
			out += chunk;
			const origin = /^serving .* at (http:\/\/[^/\s]+)/m.exec(out)?.[1];
			if (origin) resolve(origin);
		});
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('exit', (code) =>
			reject(new Error(`serve.js exited ${code} before listening: ${err}`))
		);
	});
}

/** GET `path` exactly as written: fetch() would resolve dot segments and backslashes first. */
function get(origin: string, path: string) {
	return new Promise<{ status: number; headers: Record<string, string>; body: string }>(
		(resolve, reject) => {
			const { hostname, port } = new URL(origin);
			request({ hostname, port, path }, (res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers as Record<string, string>,
						body
					})
				);
			})
				.on('error', reject)
				.end();
		}
	);
}

/** Runs serve.js to its exit (a server that listened instead would be killed at the timeout). */
function runToExit(...args: string[]) {
	const result = spawnSync(process.execPath, [SERVE, ...args], {
		encoding: 'utf8',
		timeout: 10_000
	});
	return { code: result.status, signal: result.signal, out: result.stdout, err: result.stderr };
}

describe('serving the folder', () => {
	let origin: string;
	beforeAll(async () => {
		origin = await start();
	});

	it('serves each file with its type and the _headers that match its URL', async () => {
		for (const [path, [body, type]] of Object.entries(FILES)) {
			for (const url of path.endsWith('/index.html') ? [path, path.slice(0, -10)] : [path]) {
				const res = await get(origin, url);
				expect(res.status, url).toBe(200);
				expect(res.body, url).toBe(body);
				expect(res.headers['content-type'], url).toBe(type);
				const expected = Object.assign(
					{},
					...rules()
						.filter(([p]) => (p.endsWith('*') ? url.startsWith(p.slice(0, -1)) : p === url))
						.map(([, h]) => h)
				);
				expect(Object.keys(expected).length, `${url}: the fixture sets headers`).toBeGreaterThan(0);
				for (const [name, value] of Object.entries(expected))
					expect(res.headers[name], `${url} ${name}`).toBe(value);
				if (!('content-security-policy' in expected))
					expect(res.headers['content-security-policy'], url).toBeUndefined();
			}
		}
	});

	it('redirects a folder without its slash, and answers 404 for what is not there', async () => {
		const folder = await get(origin, '/sub');
		expect(folder.status).toBe(301);
		expect(folder.headers.location).toBe('/sub/');
		for (const path of ['/missing.html', '/sub/missing/', '/nothing/'])
			expect((await get(origin, path)).status, path).toBe(404);
	});

	it('never serves a file outside the folder', async () => {
		const attempts = [
			'/..%2Fsite-secret/secret.txt',
			'/..%2fsite-secret%2fsecret.txt',
			'/%2e%2e%2Fsite-secret/secret.txt',
			'/%2e%2e/site-secret/secret.txt',
			'/%2e%2e/secret.txt',
			'/sub/..%2F..%2Fsite-secret/secret.txt',
			'/sub/%2e%2e%2f%2e%2e%2fsecret.txt',
			'/..\\site-secret\\secret.txt',
			'/..%5Csite-secret%5Csecret.txt',
			'/sub\\..\\..\\secret.txt',
			'/..%2Fsite-secret/secret.txt%00.html',
			'/link.txt'
		];
		for (const path of attempts) {
			const res = await get(origin, path);
			expect(res.body, path).not.toContain(SECRET);
			expect([400, 404], `${path}: ${res.status}`).toContain(res.status);
		}
		expect(readFileSync(join(root, 'site-secret', 'secret.txt'), 'utf8')).toBe(SECRET);
	});

	it('answers a malformed URL with 400 and goes on serving', async () => {
		for (const path of ['/%E0%A4%A', '/%', '/app.js%zz']) {
			const res = await get(origin, path);
			expect(res.status, path).toBe(400);
			expect(res.headers['content-type'], path).toMatch(/^text\/plain/);
			expect(res.body, path).toMatch(/^bad request: .*percent-encoding\n$/);
			const next = await get(origin, '/');
			expect(next.status, `the request after ${path}`).toBe(200);
		}
	});
});

describe('--base', () => {
	const BASE = '/graphics/piece';
	let origin: string;
	beforeAll(async () => {
		origin = await start('--base', BASE);
	});

	it('serves the folder under the base, and nothing outside it', async () => {
		const home = await get(origin, `${BASE}/`);
		expect(home.status).toBe(200);
		expect(home.body).toBe(FILES['/index.html'][0]);
		expect((await get(origin, `${BASE}/app.js`)).body).toBe(FILES['/app.js'][0]);
		const bare = await get(origin, BASE);
		expect(bare.status).toBe(301);
		expect(bare.headers.location).toBe(`${BASE}/`);
		for (const path of ['/', '/app.js', `${BASE}x/`, '/graphics/'])
			expect((await get(origin, path)).status, path).toBe(404);
		for (const path of [
			`${BASE}/..%2F..%2F..%2Fsite-secret/secret.txt`,
			`${BASE}/%2e%2e/%2e%2e/%2e%2e/secret.txt`
		]) {
			const res = await get(origin, path);
			expect(res.body, path).not.toContain(SECRET);
			expect([400, 404], `${path}: ${res.status}`).toContain(res.status);
		}
	});
});

describe('the command line', () => {
	it('--help prints the options and exits 0 without listening', () => {
		const { code, signal, out } = runToExit('--help', '--port', '0');
		expect(signal, 'it exited by itself').toBeNull();
		expect(code).toBe(0);
		expect(out).toMatch(/^usage: /);
		for (const option of ['--port', '--host', '--dir', '--base', '--help'])
			expect(out).toContain(option);
		expect(out).not.toMatch(/^serving /m);
	});

	it.each([
		[['--prot', '4191'], /unknown option "--prot" — did you mean "--port"\?/],
		[['--verbose'], /unknown option "--verbose" — options: --port, /],
		[['build'], /unexpected argument "build"/],
		[['--dir'], /--dir needs a value — e.g. --dir build$/],
		[['--port', '--dir', 'build'], /--port needs a value — e.g. --port 4173$/],
		[['--port', 'http'], /--port "http" is not a port number/],
		[['--base', 'graphics'], /--base "graphics" is not a folder path — write it as \/sub\/folder$/]
	])('%j exits 2 with one line naming the option and the fix', (args, message) => {
		const { code, signal, out, err } = runToExit(...args);
		expect(signal, 'it exited by itself').toBeNull();
		expect(code).toBe(2);
		expect(out).toBe('');
		const lines = err.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^tests\/tools\/serve\.js: /);
		expect(lines[0]).toMatch(message);
	});

	it('a port in use stops it with one line, not a stack trace', async () => {
		const port = new URL(await start()).port;
		const { code, signal, err } = runToExit('--port', port, '--dir', site);
		expect(signal, 'it exited by itself').toBeNull();
		expect(code).toBe(1);
		expect(err.trim().split('\n')).toEqual([
			`tests/tools/serve.js: port ${port} on 127.0.0.1 is in use — stop what is serving there, or pass --port <another>`
		]);
	});
});
