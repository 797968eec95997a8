// `npm run build`: the static site in build/ (or BUILD_DIR), in three passes.
//
// 1. `vite build`: the page, the embed and the preview, prerendered (SvelteKit, adapter-static).
// 2. scripts/build-embed.js: the embed again, self-contained (every script inline). It has its own
//    .svelte-kit-embed/ and temporary folder, so it runs beside the first pass (each is one core's
//    work: the two take 6.6 s together, 9 s one after the other, on this project's 2-core machine),
//    and is put in place once both have finished.
// 3. scripts/headers.js: build/_headers, from the finished pages.
//
// A failure in the first pass is the one reported (the second would fail the same way on bad copy);
// either way the build stops with its output and one line naming what failed.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWith, installEmbed, startInlineBuild } from './build-embed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

const embed = startInlineBuild();
embed.done.catch(() => undefined); // handled below, once the page's pass is known to have worked
const page = spawn(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
const pageCode = await new Promise((resolve) => {
	page.on('error', () => resolve(1));
	page.on('close', resolve);
});
if (pageCode !== 0) {
	await embed.stop();
	console.error('npm run build: `vite build` failed (its output is above)');
	process.exit(1);
}
try {
	console.log(installEmbed(await embed.done));
} catch (e) {
	exitWith(e);
}
const headers = spawnSync(process.execPath, [join(root, 'scripts', 'headers.js')], {
	cwd: root,
	stdio: 'inherit'
});
if (headers.status !== 0) {
	console.error('npm run build: scripts/headers.js failed (its output is above)');
	process.exit(1);
}
