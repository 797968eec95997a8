// The piece inside other sites' pages: host pages are served from another origin (127.0.0.2) than
// the piece (127.0.0.1), as a news site embedding it would be.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { steps, copy, middleStep } from './helpers';

let host: Server;
let hostOrigin = '';
const pages = new Map<string, string>();

test.beforeAll(async ({}, testInfo) => {
	const piece = testInfo.project.use.baseURL!.replace(/\/$/, '');
	const article = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
		<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
		<style>body{margin:0;font:18px/1.5 Georgia,serif} p{max-width:36rem;margin:1rem auto;padding:0 1rem}
		iframe{display:block;width:100%;border:0}</style></head><body>
		<p>Host article text before the embed.</p>${body}<p>Host article text after the embed.</p></body></html>`;
	const fixed = (attributes: string) =>
		article(
			`<iframe id="embed" title="Invisible Caliphate" src="${piece}/embed/" ${attributes} style="height:700px"></iframe>`
		);
	pages.set('/fixed.html', fixed(''));
	// How WordPress wraps untrusted embeds: the frame's origin is null, so it can load no module
	// script from the piece's server, which sends no CORS headers.
	pages.set('/sandboxed.html', fixed('sandbox="allow-scripts"'));
	// A host that resizes on the AMP embed-size message, as @newswire/frames does, and records pym's too.
	pages.set(
		'/auto.html',
		article(`<iframe id="embed" title="Invisible Caliphate" src="${piece}/embed/?childId=ic" style="height:800px"></iframe>
		<script>
			window.heights = []; window.pym = [];
			const frame = document.getElementById('embed');
			addEventListener('message', (e) => {
				if (e.source !== frame.contentWindow) return;
				if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') {
					window.heights.push(e.data.height);
					frame.style.height = e.data.height + 'px';
				} else if (typeof e.data === 'string' && e.data.startsWith('pymxPYMxicxPYMxheightxPYMx')) {
					window.pym.push(Number(e.data.split('xPYMx')[3]));
				}
			});
		</script>`)
	);
	pages.set(
		'/script.html',
		article(
			`<div data-invisible-caliphate style="min-height:1200vh"></div><script src="${piece}/embed.js" async></script>`
		)
	);
	// A pym.js Parent with trackscroll: it sizes the frame from pym height messages and sends the
	// host's viewport as viewport-iframe-position.
	pages.set(
		'/pym.html',
		article(`<div id="pym-story" style="min-height:1000vh"></div><script src="/pym.v1.min.js"></script>
		<script>new pym.Parent('pym-story', '${piece}/embed/', { trackscroll: true, title: 'Invisible Caliphate' });</script>`)
	);
	pages.set('/pym.v1.min.js', readFileSync('node_modules/pym.js/dist/pym.v1.min.js', 'utf8'));
	// @newswire/frames sizes its frame from the AMP embed-size message and sends no scroll at all.
	// The starting height is the one the README suggests (frames copies data-frame-attribute-*).
	pages.set(
		'/frames.html',
		article(`<div data-frame-src="${piece}/embed/" data-frame-attribute-title="Invisible Caliphate"
		data-frame-attribute-height="8000"></div><script src="/frames.umd.js"></script>
		<script>newswireFrames.autoInitFrames();</script>`)
	);
	pages.set(
		'/frames.umd.js',
		readFileSync('node_modules/@newswire/frames/dist/frames.umd.js', 'utf8')
	);
	host = createServer((req, res) => {
		const body = pages.get(req.url ?? '');
		const type = req.url?.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
		res.writeHead(body ? 200 : 404, { 'content-type': type });
		res.end(body ?? 'not found');
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.2', resolve));
	hostOrigin = `http://127.0.0.2:${(host.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Waits until an iframe's height stops changing (the same over half a second) and returns it. */
async function settledHeight(frame: Locator): Promise<number> {
	// Settled: the story in the frame has started (its layout is the scripted one) and its fonts are
	// in, and the frame's height is the same twice running.
	const content = await (await frame.elementHandle())!.contentFrame();
	let last = -1;
	await expect
		.poll(
			async () => {
				const started = await content!
					.evaluate(async () => {
						await document.fonts.ready;
						return document.documentElement.hasAttribute('data-started');
					})
					.catch(() => false);
				const h = await frame.evaluate((el) => el.getBoundingClientRect().height);
				const same = started && h === last;
				last = h;
				return same;
			},
			{ intervals: [100, 200, 500], timeout: 15_000 }
		)
		.toBe(true);
	return last;
}

/** Errors from the piece (the host page's own, such as its missing favicon, are not ours). */
function watchErrors(page: Page, piece: string): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' && m.location().url.startsWith(piece)) errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return errors;
}

test('the embed route is prerendered, kept out of search, and points to the main page', async ({
	request
}) => {
	const html = await (await request.get('/embed/')).text();
	expect(html).toMatch(/<meta name="robots" content="noindex"/);
	expect(html).toContain(`<link rel="canonical" href="${copy.meta.canonical}"`);
	expect(html).toContain('data-story-map');
	expect(html).toContain(`data-step="${steps.at(-1)!.id}"`);
	expect(html).not.toContain('class="headline"');
});

test('the page and the embed share the same 1200×630 map image, prerendered with the build', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
	const image = new URL('share.png', copy.meta.canonical).href;
	for (const path of ['/', '/embed/']) {
		await page.goto(path);
		const meta = (name: string) =>
			page.locator(`meta[property="${name}"], meta[name="${name}"]`).getAttribute('content');
		expect(await meta('og:image')).toBe(image);
		expect(await meta('twitter:image')).toBe(image);
		expect(await meta('twitter:card')).toBe('summary_large_image');
		expect(await meta('og:image:alt')).toMatch(/^Map: \w/);
	}
	// The published address maps onto this build's share.png, a real 1200×630 image.
	const size = await page.evaluate(async () => {
		const img = new Image();
		img.src = new URL('../share.png', location.href).href;
		await img.decode();
		return [img.naturalWidth, img.naturalHeight];
	});
	expect(size).toEqual([1200, 630]);
});

test('in a frame that grows with its content, the height settles instead of growing without end', async ({
	page,
	baseURL
}) => {
	const errors = watchErrors(page, baseURL!);
	await page.goto(`${hostOrigin}/auto.html`);
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length))
		.toBeGreaterThan(0);
	// Settled: the frame stops growing, tall enough to show the whole story without scrolling.
	const settled = await settledHeight(page.locator('#embed'));
	expect(settled).toBeGreaterThan(3000);
	expect(settled).toBeLessThan(60_000);
	const { heights, pym } = await page.evaluate(() => {
		const w = window as unknown as { heights: number[]; pym: number[] };
		return { heights: w.heights, pym: w.pym };
	});
	expect(pym.at(-1)).toBe(heights.at(-1));
	expect(errors).toEqual([]);
});

test('our embed.js makes a titled, lazy iframe that takes the height the story reports, and nothing else', async ({
	page,
	baseURL
}) => {
	const errors = watchErrors(page, baseURL!);
	await page.goto(`${hostOrigin}/script.html`);
	const iframe = page.locator('[data-invisible-caliphate] iframe');
	await expect(iframe).toHaveAttribute('title', /Invisible/);
	await expect(iframe).toHaveAttribute('loading', 'lazy');
	expect(await iframe.getAttribute('src')).toMatch(new RegExp(`^${baseURL}/?embed/\\?childId=`));
	const height = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
	const last = await settledHeight(iframe);
	expect(last).toBeGreaterThan(3000);

	// Wrong shapes, non-numbers, negative and absurd heights from the frame, and any message from
	// another window, change nothing.
	const frame = page.frame({ url: /\/embed\// })!;
	// Each sender ends with a probe, which this page hears after embed.js has handled everything sent
	// before it (one sender's messages arrive in order; embed.js listened first).
	await page.evaluate(() => {
		const w = window as unknown as { probes: string[] };
		w.probes = [];
		window.addEventListener('message', (e) => {
			if (typeof e.data === 'object' && e.data?.probe) w.probes.push(e.data.probe);
		});
	});
	await frame.evaluate(() => {
		const send = (m: unknown) => parent.postMessage(m, '*');
		send({ sentinel: 'amp', type: 'embed-size', height: -5 });
		send({ sentinel: 'amp', type: 'embed-size', height: 'abc' });
		send({ sentinel: 'amp', type: 'embed-size', height: 1e9 });
		send({ sentinel: 'amp', type: 'embed-size' });
		send('pymxPYMxsomeone-elsexPYMxheightxPYMx500');
		send('pymxPYMxinvisible-caliphate-1xPYMxheightxPYMx-40');
		send(null);
		send(42);
		send({ probe: 'frame' });
	});
	await page.evaluate(() => {
		window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 500 }, '*');
		window.postMessage({ probe: 'host' }, '*');
	});
	await expect
		.poll(
			() => page.evaluate(() => (window as unknown as { probes: string[] }).probes.slice().sort()),
			{ message: 'the probes sent after the bad messages' }
		)
		.toEqual(['frame', 'host']);
	expect(await height(), "the frame's height, after the bad messages").toBe(last);
	expect(errors).toEqual([]);
});

test('embed.js stops listening once the host page removes its frame (a single-page host)', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
	await page.addInitScript(() => {
		if (window !== window.top) return;
		const live = new Map<string, Set<unknown>>();
		const add = window.addEventListener.bind(window);
		const remove = window.removeEventListener.bind(window);
		window.addEventListener = ((type: string, listener: unknown, options?: unknown) => {
			if (['scroll', 'resize', 'message'].includes(type)) {
				if (!live.has(type)) live.set(type, new Set());
				live.get(type)!.add(listener);
			}
			return add(type, listener as EventListener, options as AddEventListenerOptions);
		}) as typeof window.addEventListener;
		window.removeEventListener = ((type: string, listener: unknown, options?: unknown) => {
			live.get(type)?.delete(listener);
			return remove(type, listener as EventListener, options as EventListenerOptions);
		}) as typeof window.removeEventListener;
		(window as unknown as { listening: () => number }).listening = () =>
			[...live.values()].reduce((n, set) => n + set.size, 0);
	});
	await page.goto(`${hostOrigin}/script.html`);
	await settledHeight(page.locator('[data-invisible-caliphate] iframe'));
	const listening = () =>
		page.evaluate(() => (window as unknown as { listening: () => number }).listening());
	expect(await listening()).toBe(3); // scroll, resize, message
	// The host swaps its content: the frame goes; the next scroll or message finds it gone.
	await page.evaluate(() => document.querySelector('[data-invisible-caliphate]')!.remove());
	await page.evaluate(() => {
		window.dispatchEvent(new Event('scroll'));
		window.postMessage('anything', '*');
	});
	await expect.poll(listening).toBe(0);
});

test('the story takes where the screen is only from its own parent, and only well-formed', async ({
	page,
	baseURL
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
	const errors = watchErrors(page, baseURL!);
	await page.goto(`${hostOrigin}/script.html`);
	const iframe = page.locator('[data-invisible-caliphate] iframe');
	const frame = page.frameLocator('[data-invisible-caliphate] iframe');
	await settledHeight(iframe);
	const step = middleStep();
	const inner = page.frame({ url: /\/embed\// })!;
	const stepTop = await inner.evaluate(
		(id) => document.getElementById(id)!.getBoundingClientRect().top,
		step.id
	);
	const frameTop = await iframe.evaluate((el) => el.getBoundingClientRect().top + scrollY);
	await page.evaluate((top) => window.scrollTo(0, top - innerHeight * 0.3), frameTop + stepTop);
	await expect(frame.locator(`#${step.id}`)).toHaveClass(/\bactive\b/);
	const pin = () =>
		inner.evaluate(() => getComputedStyle(document.querySelector('.map-wrap')!).transform);
	const before = await pin();
	// What the story hears, after its own listener has: the probe its parent sends after the bad
	// messages, and how many messages came from elsewhere.
	await inner.evaluate(() => {
		const w = window as unknown as { heard: { probes: string[]; others: number } };
		w.heard = { probes: [], others: 0 };
		window.addEventListener('message', (e) => {
			if (e.source !== parent) w.heard.others++;
			else if (typeof e.data === 'object' && e.data?.probe) w.heard.probes.push(e.data.probe);
		});
	});

	// A sibling frame on the host page (not the story's parent) claims the screen is elsewhere…
	await page.evaluate(() => {
		const sibling = document.createElement('iframe');
		sibling.srcdoc = `<script>
			const story = parent.frames[0];
			setInterval(() => story.postMessage(
				{ sentinel: 'invisible-caliphate', type: 'viewport', top: 0, height: 800 }, '*'), 50);
		<\/script>`;
		document.body.append(sibling);
	});
	// …and the parent sends messages of the wrong shape or out of range.
	await page.evaluate(() => {
		const story = document.querySelector<HTMLIFrameElement>(
			'[data-invisible-caliphate] iframe'
		)!.contentWindow!;
		for (const m of [
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: 'abc', height: 800 },
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: 0, height: -5 },
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: 0, height: 1e9 },
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: NaN, height: 800 },
			{ sentinel: 'someone-else', type: 'viewport', top: 0, height: 800 },
			'pymxPYMxotherxPYMxviewport-iframe-positionxPYMx1280 800 0 0 800 1280',
			null,
			42,
			{ probe: 'parent' }
		])
			story.postMessage(m, '*');
	});
	// Handled: the parent's probe and a few of the sibling's claims are in, and the story has drawn
	// two frames since, time for any of them to have moved its map.
	await expect
		.poll(
			() =>
				inner.evaluate(() => {
					const { heard } = window as unknown as { heard: { probes: string[]; others: number } };
					return heard.probes.includes('parent') && heard.others >= 3;
				}),
			{ message: "the parent's probe and three of the sibling's messages reach the story" }
		)
		.toBe(true);
	await inner.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	expect(
		await frame.locator(`#${step.id}`).getAttribute('class'),
		'the step the reader is on, still active'
	).toMatch(/\bactive\b/);
	expect(await pin(), "the story's map, pinned where it was").toBe(before);
	expect(errors).toEqual([]);
});

/** The first step of each run of steps that share a view: scrolling to each shows every view. */
const viewChanges = steps.filter((step, i) => i === 0 || step.view !== steps[i - 1].view);

/**
 * The hosts, each on the screens it runs on here: ours on both; the others, whose messages and sizing
 * do not change with the screen, on one each, so that both layouts are seen in a host that resizes the
 * frame and in one that does not.
 */
const HOSTS = [
	{
		who: 'our embed.js',
		path: '/script.html',
		iframe: '[data-invisible-caliphate] iframe',
		on: ['desktop', 'phone']
	},
	{
		who: 'a pym.js Parent with trackscroll',
		path: '/pym.html',
		iframe: '#pym-story iframe',
		on: ['phone']
	},
	{
		who: 'a @newswire/frames parent',
		path: '/frames.html',
		iframe: '[data-frame-src] iframe',
		on: ['desktop']
	},
	{
		who: 'a plain 700 px iframe',
		path: '/fixed.html',
		iframe: '#embed',
		fixed: true,
		on: ['phone']
	},
	{
		who: 'a sandbox="allow-scripts" iframe',
		path: '/sandboxed.html',
		iframe: '#embed',
		fixed: true,
		on: ['desktop']
	}
];

for (const { who, path, iframe, fixed, on } of HOSTS) {
	test.describe(`in ${who} on another site`, () => {
		// The camera jumps instead of flying, so that every view can be visited quickly; the flights
		// themselves are tested on the page.
		test.use({ reducedMotion: 'reduce' });
		test.beforeEach(({}, testInfo) => {
			const projects = testInfo.config.projects.map((p) => p.name);
			expect(projects, `the projects named for ${who}`).toEqual(expect.arrayContaining(on));
			test.skip(!on.includes(testInfo.project.name), `runs on ${on.join(' and ')} only`);
		});

		test('the map follows the reader through every view, and the host page does not jump', async ({
			page,
			baseURL
		}) => {
			const errors = watchErrors(page, baseURL!);
			await page.addInitScript(() => {
				if (window !== window.top) return;
				const w = window as unknown as { cls: number };
				w.cls = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries() as unknown as {
						value: number;
						hadRecentInput: boolean;
					}[])
						if (!e.hadRecentInput) w.cls += e.value;
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(`${hostOrigin}${path}`);
			const frame = page.frameLocator(iframe);
			const inner = () => page.frame({ url: /\/embed\// })!;
			const map = frame.locator('[data-story-map]');
			await expect(map).toHaveAttribute('data-view', steps[0].view);
			if (path === '/sandboxed.html') expect(await inner().evaluate(() => origin)).toBe('null');

			// The frame's height: the host's 700 px, or the whole story, which the frame never scrolls.
			const height = await settledHeight(page.locator(iframe));
			if (fixed) expect(height).toBe(700);
			else {
				const story = await inner().evaluate(() => document.documentElement.scrollHeight);
				expect(Math.abs(height - story)).toBeLessThanOrEqual(1);
			}

			for (const step of viewChanges) {
				if (fixed) {
					// The frame scrolls itself, as the page does.
					await inner().evaluate((id) => {
						const el = document.getElementById(id)!;
						window.scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight * 0.3);
					}, step.id);
				} else {
					// The HOST scrolls, so that the step's top sits at 30 % of the host's screen.
					const frameTop = await page.evaluate(
						(sel) => document.querySelector(sel)!.getBoundingClientRect().top + scrollY,
						iframe
					);
					const stepTop = await inner().evaluate(
						(id) => document.getElementById(id)!.getBoundingClientRect().top,
						step.id
					);
					await page.evaluate(
						(top) => window.scrollTo(0, top - window.innerHeight * 0.3),
						frameTop + stepTop
					);
				}
				await expect(frame.locator(`#${step.id}`)).toHaveClass(/\bactive\b/);
				await expect(map).toHaveAttribute('data-view', step.view);
				if (fixed) continue;
				// The map is pinned to the host's screen: its top edge at the top of the host viewport
				// (or at the frame's top, while that is still on screen).
				await expect
					.poll(async () => {
						const frameOnScreen = await page.evaluate(
							(sel) => document.querySelector(sel)!.getBoundingClientRect().top,
							iframe
						);
						const mapInFrame = await inner().evaluate(
							() => document.querySelector('.map-wrap')!.getBoundingClientRect().top
						);
						return Math.abs(frameOnScreen + mapInFrame - Math.max(0, frameOnScreen));
					})
					.toBeLessThanOrEqual(2);
			}
			expect(errors).toEqual([]);
			const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
			expect(cls).toBeLessThanOrEqual(0.01);
		});
	});
}

test('the embed preview shows the story in article columns 320, 600 and 1000 px wide, with the code to copy', async ({
	page,
	baseURL
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'the 1000 px column needs a desktop-wide window');
	const errors = watchErrors(page, baseURL!);
	await page.goto('/embed-preview/');
	await expect(page.locator('pre').first()).toContainText('data-invisible-caliphate');
	await expect(page.locator('pre').first()).toContainText('embed.js');
	await expect(page.locator('pre').nth(1)).toContainText('<iframe');
	const frames = page.locator('[data-invisible-caliphate] iframe');
	await expect(frames).toHaveCount(3);
	const widths = await frames.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
	expect(widths).toEqual([320, 600, 1000]);
	// Each grows to the story's height as it loads (lazy: scroll each into view first).
	for (let i = 0; i < 3; i++) {
		await frames.nth(i).scrollIntoViewIfNeeded();
		await expect
			.poll(() => frames.nth(i).evaluate((e) => e.getBoundingClientRect().height), {
				timeout: 15_000
			})
			.toBeGreaterThan(3000);
	}
	expect(errors).toEqual([]);
});
