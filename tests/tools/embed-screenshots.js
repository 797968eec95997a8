// Screenshots of the embed inside host pages on another origin, at each change of view, at desktop and
// phone sizes: node tests/tools/embed-screenshots.js [script|frames|sandboxed]
// Needs a running preview (npm run build && npm run preview -- --port 4173) or BASE_URL.
// Writes tests/screenshots/embed-<host>-<size>-<nn>-<step>.png; see them together with
// node tests/tools/contact-sheet.js embed-frames-phone
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { launchOptions } from './browser.js';
import { parseStory } from '../../src/lib/story/copy.js';

// The first step of each run of steps that share a view.
const { steps } = parseStory(readFileSync('data/copy/story.aml', 'utf8'), 'data/copy/story.aml');
const changes = steps.filter((s, i) => i === 0 || s.view !== steps[i - 1].view);

const piece = (process.env.BASE_URL ?? 'http://127.0.0.1:4173/').replace(/\/$/, '');
const out = 'tests/screenshots';
mkdirSync(out, { recursive: true });
const article = (
	/** @type {string} */ body
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
	<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
	<style>body{margin:0;font:18px/1.5 Georgia,serif} p{max-width:36rem;margin:1rem auto;padding:0 1rem}
	iframe{display:block;width:100%;border:0}</style></head><body>
	<p>Host article text before the embed.</p>${body}<p>Host article text after the embed.</p></body></html>`;
/** @type {Record<string, string>} */
const hosts = {
	script: article(
		`<div data-invisible-caliphate style="min-height:1200vh"></div><script src="${piece}/embed.js" async></script>`
	),
	frames: article(
		`<div data-frame-src="${piece}/embed/" data-frame-attribute-title="Invisible Caliphate" data-frame-attribute-height="8000"></div><script src="/frames.umd.js"></script><script>newswireFrames.autoInitFrames()</script>`
	),
	sandboxed: article(
		`<iframe sandbox="allow-scripts" title="Invisible Caliphate" src="${piece}/embed/" style="height:700px"></iframe>`
	)
};
const frames = readFileSync('node_modules/@newswire/frames/dist/frames.umd.js', 'utf8');
const server = createServer((req, res) => {
	if (req.url === '/frames.umd.js') {
		res.writeHead(200, { 'content-type': 'text/javascript' });
		return res.end(frames);
	}
	const body = hosts[req.url?.slice(1) ?? ''];
	res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
	res.end(body ?? 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.2', () => resolve(null)));
const hostOrigin = `http://127.0.0.2:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;

const browser = await chromium.launch(launchOptions);
for (const name of process.argv[2] ? [process.argv[2]] : Object.keys(hosts)) {
	for (const size of [
		{ name: 'desktop', width: 1280, height: 800 },
		{ name: 'phone', width: 390, height: 844 }
	]) {
		const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
		page.on('pageerror', (e) => console.log('page error:', e.message));
		await page.goto(`${hostOrigin}/${name}`);
		await page.waitForTimeout(1500);
		const frame = page.frames().find((f) => f.url().includes('/embed/'));
		if (!frame) throw new Error(`${name}: the embed's frame did not load`);
		for (const { id } of changes) {
			const top = await frame.$eval(`#${id}`, (e) => e.getBoundingClientRect().top);
			if (name === 'sandboxed') {
				await frame.evaluate((t) => window.scrollTo(0, t + scrollY - innerHeight * 0.3), top);
			} else {
				const frameTop = await page.$eval('iframe', (e) => e.getBoundingClientRect().top + scrollY);
				await page.evaluate((t) => window.scrollTo(0, t - innerHeight * 0.3), frameTop + top);
			}
			await page.waitForTimeout(2600);
			const n = String(steps.findIndex((s) => s.id === id) + 1).padStart(2, '0');
			await page.screenshot({ path: `${out}/embed-${name}-${size.name}-${n}-${id}.png` });
		}
		await page.close();
	}
}
await browser.close();
server.close();
