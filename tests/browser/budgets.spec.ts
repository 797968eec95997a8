// The byte budgets of issue 6, which are deterministic: what the first view loads, compressed as a
// server would (gzip -9). The lab figures (LCP, frame times…) are measured by `npm run bench`, not here.
import { test, expect } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const gz = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

test('the first view loads at most 45 KB of JavaScript and 120 KB in all (gzip), the relief apart', async ({
	browser
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'bytes do not depend on the window');
	const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	const sizes: { url: string; type: string; bytes: number }[] = [];
	const pending: Promise<void>[] = [];
	page.on('response', (response) =>
		pending.push(
			response.body().then(
				(body) => {
					sizes.push({
						url: response.url(),
						type: response.request().resourceType(),
						bytes: gz(body)
					});
				},
				() => {}
			)
		)
	);
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	await Promise.all(pending);
	const sum = (list: typeof sizes) => list.reduce((n, s) => n + s.bytes, 0);
	const js = sum(sizes.filter((s) => s.type === 'script'));
	// The relief is not part of the first view: it is asked for once the page has painted, and has a
	// budget of its own (below, and tests/browser/relief.spec.ts).
	const relief = (s: (typeof sizes)[number]) => /\/relief\.[\w-]+\.jpg$/.test(s.url);
	const all = sum(sizes.filter((s) => !relief(s)));
	testInfo.annotations.push({
		type: 'bytes',
		description: `JavaScript ${(js / KB).toFixed(1)} KB, all but the relief ${(all / KB).toFixed(1)} KB (gzip -9): ${[
			'document',
			'script',
			'stylesheet',
			'font',
			'image'
		]
			.map((t) => `${t} ${(sum(sizes.filter((s) => s.type === t && !relief(s))) / KB).toFixed(1)}`)
			.join(', ')}`
	});
	expect(sizes.filter((s) => s.type === 'script').length).toBeGreaterThan(3);
	expect(js, `JavaScript ${(js / KB).toFixed(1)} KB`).toBeLessThanOrEqual(45 * KB);
	expect(all, `first load ${(all / KB).toFixed(1)} KB`).toBeLessThanOrEqual(120 * KB);
	await context.close();
});

test('all the map geometry, every view’s, is at most 30 KB (gzip)', async ({
	request
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'bytes do not depend on the window');
	const html = await (await request.get('/')).text();
	// The base map's layers, prerendered once as SVG paths; every view and still map draws from them.
	const layers = [...html.matchAll(/<g id="base-[a-z]+">([\s\S]*?)<\/g>/g)].map((m) => m[1]);
	expect(layers.length).toBeGreaterThanOrEqual(5);
	const paths = layers.join('');
	expect(paths).toContain('id="m-syria"');
	const bytes = gz(paths);
	testInfo.annotations.push({
		type: 'bytes',
		description: `geometry ${(bytes / KB).toFixed(1)} KB`
	});
	expect(bytes, `geometry ${(bytes / KB).toFixed(1)} KB`).toBeLessThanOrEqual(30 * KB);
});

test('the relief images are at most 40 KB in all, and the label font subsets at most 45 KB', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'bytes do not depend on the window');
	// Every picture and font the build ships, as served (none is loaded before the first paint: the
	// relief after it, tests/browser/relief.spec.ts; the fonts only where Arial is missing).
	const { readdirSync } = await import('node:fs');
	const assets = readdirSync('build/_app/immutable/assets');
	const pictures = assets.filter((f) => f.endsWith('.jpg'));
	const fonts = assets.filter((f) => f.endsWith('.woff2'));
	expect(pictures.length, 'the relief').toBeGreaterThan(0);
	expect(fonts.length, 'the label font').toBeGreaterThan(0);
	const bytes = async (files: string[]) => {
		let n = 0;
		for (const f of files) {
			const response = await page.request.get(`/_app/immutable/assets/${f}`);
			expect(response.ok(), f).toBe(true);
			n += (await response.body()).length;
		}
		return n;
	};
	const relief = await bytes(pictures);
	const font = await bytes(fonts);
	testInfo.annotations.push({
		type: 'bytes',
		description: `relief ${(relief / KB).toFixed(1)} KB, label fonts ${(font / KB).toFixed(1)} KB`
	});
	expect(relief, `relief ${(relief / KB).toFixed(1)} KB`).toBeLessThanOrEqual(40 * KB);
	expect(font, `fonts ${(font / KB).toFixed(1)} KB`).toBeLessThanOrEqual(45 * KB);
});
