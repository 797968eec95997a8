// The embed pass of `npm run build` (scripts/build.js): makes /embed/ a self-contained document.
//
// Hosts that wrap embeds in <iframe sandbox="allow-scripts"> (WordPress does, for untrusted embeds) give
// the embed the origin `null`. Module scripts are fetched with CORS, so from a null origin every
// /_app/… chunk fails on a static host that sends no Access-Control-Allow-Origin header, and the story
// never comes alive. This pass builds the app again with SvelteKit's `bundleStrategy: 'inline'`
// (svelte.config.js, EMBED_INLINE=1: its own .svelte-kit-embed/ and a temporary folder, so it can run
// beside the page's `vite build`), prerendering only the embed, and puts that one page, the app's
// scripts and styles inside it, over the page build's embed/index.html. What it still loads from the
// server is a classic script (story-init.js, which a null origin may load) and the favicon. The page
// itself keeps its split, cacheable chunks.
//
// Usage: node scripts/build-embed.js   (after `vite build`; `npm run build` runs both, side by side)
// Honours BUILD_DIR and BASE_PATH as svelte.config.js does.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const target = join(buildDir, 'embed', 'index.html');

/** An error that is one line saying what went wrong and what to do (`output`: what to show above it). */
export class PassError extends Error {
	/** @param {string} message @param {string} [output] */
	constructor(message, output = '') {
		super(`scripts/build-embed.js: ${message}`);
		this.output = output;
	}
}

/**
 * Starts the inline build of the embed in a temporary folder. `done` resolves with the folder once it
 * is built (rejects with a PassError, its output attached, if it fails); `stop` ends it early and
 * resolves once it has ended and its folder is gone.
 * @returns {{ done: Promise<string>, stop: () => Promise<void> }}
 */
export function startInlineBuild() {
	const temp = mkdtempSync(join(tmpdir(), 'ic-embed-'));
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		env: { ...process.env, EMBED_INLINE: '1', BUILD_DIR: temp },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	let stderr = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => {
		output += d;
		stderr += d;
	});
	const closed = new Promise((resolve) => child.on('close', resolve));
	const done = new Promise((resolve, reject) => {
		child.on('error', (e) => reject(new PassError(`could not start vite: ${e.message}`)));
		child.on('close', (code) => {
			if (code === 0) {
				// Its warnings are printed with VERBOSE=1. Two are expected: SvelteKit's note that
				// tsconfig.json extends .svelte-kit/ (this pass writes .svelte-kit-embed/) and rolldown's
				// that import.meta is empty in the inline (IIFE) bundle, where SvelteKit does not use it.
				if (process.env.VERBOSE) process.stderr.write(stderr);
				resolve(temp);
			} else {
				rmSync(temp, { recursive: true, force: true });
				reject(new PassError('the inline build of the embed failed (its output is above)', output));
			}
		});
	});
	return {
		done,
		stop: async () => {
			child.kill();
			await closed;
			rmSync(temp, { recursive: true, force: true });
		}
	};
}

/** Throws unless the page's pass has written the embed page this pass replaces. */
function checkPageBuilt() {
	if (!existsSync(target))
		throw new PassError(
			`${target} does not exist — run \`vite build\` first (npm run build does both)`
		);
}

/**
 * Puts the inline embed built in `temp` over the page build's embed/index.html, after checking it loads
 * nothing a null origin cannot; removes `temp`. Returns a line saying what it wrote.
 * @param {string} temp
 */
export function installEmbed(temp) {
	try {
		checkPageBuilt();
		const built = join(temp, 'embed', 'index.html');
		const html = readFileSync(built, 'utf8');
		// Every script must be inline or a classic script (classic scripts load from a null origin).
		const external = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
			.map((m) => m[0])
			.filter((tag) =>
				/type="module"|rel="(?:modulepreload|stylesheet)"|\/_app\/immutable\//.test(tag)
			);
		if (external.length) throw new PassError(`the inline embed still loads ${external.join(', ')}`);
		copyFileSync(built, target);
		const kb = (Buffer.byteLength(html) / 1024).toFixed(0);
		return `embed/index.html: self-contained, ${kb} KB (scripts and styles inline)`;
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}

/** Prints a pass's failure as one line (its output above it) and stops. @param {unknown} e */
export function exitWith(e) {
	if (!(e instanceof PassError)) throw e;
	if (e.output) process.stderr.write(e.output);
	console.error(e.message);
	process.exit(1);
}

// Run on its own: after a `vite build` (checked before the build, not after it).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		checkPageBuilt();
	} catch (e) {
		exitWith(e);
	}
	startInlineBuild()
		.done.then((temp) => console.log(installEmbed(temp)))
		.catch(exitWith);
}
