// The second pass of `npm run build`: makes /embed/ a self-contained document.
//
// Hosts that wrap embeds in <iframe sandbox="allow-scripts"> (WordPress does, for untrusted embeds) give
// the embed the origin `null`. Module scripts are fetched with CORS, so from a null origin every
// /_app/… chunk fails on a static host that sends no Access-Control-Allow-Origin header, and the story
// never comes alive. This pass builds the app again with SvelteKit's `bundleStrategy: 'inline'`
// (svelte.config.js, EMBED_INLINE=1), prerendering only the embed, and puts that one page, the app's
// scripts and styles inside it, over the first pass's embed/index.html. What it still loads from the
// server is a classic script (story-init.js, which a null origin may load) and the favicon. The page
// itself keeps its split, cacheable chunks.
//
// Usage: node scripts/build-embed.js   (after `vite build`; `npm run build` runs both)
// Honours BUILD_DIR and BASE_PATH as svelte.config.js does.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const target = join(buildDir, 'embed', 'index.html');

/** Stops with one line saying what went wrong and what to do. */
function fail(message) {
	console.error(`scripts/build-embed.js: ${message}`);
	process.exit(1);
}

if (!existsSync(target))
	fail(`${target} does not exist — run \`vite build\` first (npm run build does both)`);

const temp = mkdtempSync(join(tmpdir(), 'ic-embed-'));
try {
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		env: { ...process.env, EMBED_INLINE: '1', BUILD_DIR: temp },
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		process.stderr.write(result.stdout + result.stderr);
		fail('the inline build of the embed failed (its output is above)');
	}
	// Its warnings are printed with VERBOSE=1. Two are expected: SvelteKit's note that tsconfig.json
	// extends .svelte-kit/ (this pass writes .svelte-kit-embed/) and rolldown's that import.meta is
	// empty in the inline (IIFE) bundle, where SvelteKit does not use it.
	if (process.env.VERBOSE) process.stderr.write(result.stderr);
	const built = join(temp, 'embed', 'index.html');
	const html = readFileSync(built, 'utf8');
	// Every script must be inline or a classic script (classic scripts load from a null origin).
	const external = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
		.map((m) => m[0])
		.filter((tag) =>
			/type="module"|rel="(?:modulepreload|stylesheet)"|\/_app\/immutable\//.test(tag)
		);
	if (external.length) fail(`the inline embed still loads ${external.join(', ')}`);
	copyFileSync(built, target);
	const kb = (Buffer.byteLength(html) / 1024).toFixed(0);
	console.log(`embed/index.html: self-contained, ${kb} KB (scripts and styles inline)`);
} finally {
	rmSync(temp, { recursive: true, force: true });
}
