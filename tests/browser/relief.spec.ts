// The shaded relief: loaded only after the page has first painted (never the largest contentful
// paint, which is the text), drawn with no blend once the camera has moved (and looking the same), and
// carried by every still map: the list view, print, and a page read without scripts. Which views draw
// it comes from the page itself (their still maps), not a list here.
import { test, expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { POLL, scrollToStep, steps, waitForView } from './helpers';

const RELIEF = /\/relief\.[\w-]+\.jpg$/;

/** The views whose still maps draw the relief, and how many maps there are. */
async function reliefMaps(page: Page) {
	return page.$$eval('[data-static-view]', (maps) =>
		maps.map((m) => ({
			view: m.getAttribute('data-static-view'),
			relief: m.querySelector('use[data-role="relief"]') !== null,
			shown: m.getBoundingClientRect().height > 0
		}))
	);
}

test('the relief loads after the first paint, and is never the largest contentful paint', async ({
	page
}) => {
	await page.addInitScript(() => {
		(window as unknown as { __lcp: string[] }).__lcp = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & {
				url?: string;
				element?: Element;
			})[])
				(window as unknown as { __lcp: string[] }).__lcp.push(
					e.url || e.element?.tagName || 'text'
				);
		}).observe({ type: 'largest-contentful-paint', buffered: true });
	});
	await page.goto('/');
	const timing = async () =>
		page.evaluate(() => {
			const paint = performance.getEntriesByName('first-contentful-paint')[0];
			const relief = performance
				.getEntriesByType('resource')
				.find((r) => /\/relief\.[\w-]+\.jpg$/.test(r.name)) as
				PerformanceResourceTiming | undefined;
			return {
				paint: paint?.startTime ?? null,
				relief: relief ? { start: relief.startTime, end: relief.responseEnd } : null
			};
		});
	await expect.poll(async () => (await timing()).relief !== null).toBe(true);
	const { paint, relief } = await timing();
	expect(paint, 'first contentful paint').not.toBeNull();
	expect(relief!.start, 'the relief is requested after the first paint').toBeGreaterThan(paint!);
	// Painted: the live map's filter has its address, and its picture has arrived.
	await expect(page.locator('[data-story-map] feImage')).toHaveAttribute('href', RELIEF);
	const lcp = await page.evaluate(() => (window as unknown as { __lcp: string[] }).__lcp);
	expect(lcp.length).toBeGreaterThan(0);
	expect(
		lcp.some((entry) => RELIEF.test(entry)),
		lcp.join(', ')
	).toBe(false);
});

test('the list view’s still maps draw the relief the live map loaded', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: /^List view/ }).click();
	await expect(page.locator('html')).toHaveAttribute('data-layout', 'list');
	const maps = await reliefMaps(page);
	expect(maps.filter((m) => m.relief).length, 'still maps with the relief').toBeGreaterThan(0);
	for (const m of maps.filter((m) => m.relief)) expect(m.shown, m.view!).toBe(true);
	await expect(page.locator('[data-story-map] feImage')).toHaveAttribute('href', RELIEF);
});

test('printed, the still maps draw the relief', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('[data-story-map] feImage')).toHaveAttribute('href', RELIEF);
	await page.emulateMedia({ media: 'print' });
	const maps = await reliefMaps(page);
	const drawn = maps.filter((m) => m.relief && m.shown);
	expect(drawn.length, 'printed still maps with the relief').toBeGreaterThan(0);
});

test('without JavaScript, the still maps draw the relief from the page’s own filter', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const loaded: string[] = [];
	page.on('requestfinished', (request) => {
		if (RELIEF.test(new URL(request.url()).pathname)) loaded.push(request.url());
	});
	await page.goto('/');
	const maps = await reliefMaps(page);
	expect(maps.filter((m) => m.relief && m.shown).length).toBeGreaterThan(0);
	// The filter the still maps find first by its id is the <noscript> one, with its address.
	const first = await page.evaluate(() => {
		const id = document.querySelector('[data-static-view] use[data-role="relief"]')!;
		const filterId = document
			.querySelector(id.getAttribute('href')!)!
			.querySelector('rect')!
			.getAttribute('filter')!
			.slice(5, -1);
		return document.getElementById(filterId)?.querySelector('feImage')?.getAttribute('href');
	});
	expect(first).toMatch(RELIEF);
	await expect.poll(() => loaded.length).toBeGreaterThan(0);
	await context.close();
});

test('once the camera has moved, the live map draws the relief with no blend, and it looks the same', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'the same drawing at every size: checked once');
	await page.goto('/');
	await expect(page.locator('[data-story-map] feImage')).toHaveAttribute('href', RELIEF);
	// A step whose view draws the relief (its still map says so), and the next step with another view.
	const withRelief = (await reliefMaps(page)).filter((m) => m.relief).map((m) => m.view);
	const at = steps.find((s) => withRelief.includes(s.view))!;
	const other = steps.find((s) => s.view !== at.view)!;
	for (const step of [other, at]) {
		await scrollToStep(page, step.id);
		await waitForView(page, step.view);
	}
	const relief = page.locator('[data-story-map] [data-layer="relief"]');
	await expect(relief.locator('image')).toHaveCount(1);
	expect(await relief.locator('rect[filter]').count(), 'the filter’s drawing is gone').toBe(0);
	expect(
		await relief.locator('image').evaluate((i) => getComputedStyle(i).mixBlendMode),
		'laid on with no blend'
	).toBe('normal');
	const map = page.locator('[data-story-map] .frame');
	const unblended = PNG.sync.read(await map.screenshot());
	// The blended drawing again, in its place: the two agree to within a few levels.
	await relief.evaluate((layer) => {
		const image = layer.querySelector('image')!;
		const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
		for (const a of ['x', 'y', 'width', 'height']) rect.setAttribute(a, image.getAttribute(a)!);
		rect.setAttribute('filter', `url(#${layer.querySelector('filter')!.id})`);
		image.replaceWith(rect);
	});
	// The filter rasters its picture at a resolution of its own, the image is sampled as it is drawn:
	// they may differ by a few levels, more at a sharp edge here and there.
	let off = 0;
	await expect
		.poll(async () => {
			const blended = PNG.sync.read(await map.screenshot());
			let sum = 0;
			off = 0;
			for (let i = 0; i < blended.data.length; i++) {
				if (i % 4 === 3) continue;
				const d = Math.abs(blended.data[i] - unblended.data[i]);
				sum += d;
				if (d > 8) off++;
			}
			return sum / ((blended.data.length * 3) / 4);
		}, POLL)
		.toBeLessThan(0.5);
	expect(
		off / ((unblended.data.length * 3) / 4),
		'the share of channels off by more than 8 levels'
	).toBeLessThan(0.005);
});

test('the relief’s drawing changes only with the camera at rest, even when the first paint is reported late', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the same drawing at every size: checked once');
	// On a busy machine the paint timing reports long after the page has painted: here, not until
	// the camera first takes off. And every change to the live map's relief (its pictures' addresses,
	// the image put in for the filter) is recorded with whether the camera was flying: a drawing
	// changed in flight holds up the picture's redraws while its labels move on (flight-keys.ts).
	await page.addInitScript(() => {
		const busy = () =>
			document.querySelector('[data-story-map]')?.getAttribute('aria-busy') === 'true';
		const Native = window.PerformanceObserver;
		window.PerformanceObserver = class extends Native {
			constructor(callback: PerformanceObserverCallback) {
				super((list, observer) => {
					if (!list.getEntries().some((e) => e.entryType === 'paint'))
						return callback(list, observer);
					const deliver = () => {
						if (!busy()) return false;
						callback(list, observer);
						return true;
					};
					if (deliver()) return;
					const wait = new MutationObserver(() => deliver() && wait.disconnect());
					wait.observe(document, { subtree: true, attributeFilter: ['aria-busy'] });
				});
			}
		};
		const w = window as unknown as { __reliefChanges: string[] };
		w.__reliefChanges = [];
		new MutationObserver((records) => {
			for (const r of records) {
				const what =
					r.type === 'attributes'
						? `${(r.target as Element).tagName} ${r.attributeName}`
						: `${[...r.addedNodes].map((n) => n.nodeName).join(' ')} added`;
				w.__reliefChanges.push(`${busy() ? 'in flight' : 'at rest'}: ${what}`);
			}
		}).observe(document, { subtree: true, childList: true, attributeFilter: ['href'] });
	});
	await page.goto('/');
	await page.waitForSelector('html[data-started]');
	const map = page.locator('[data-story-map]');
	// The steps, each with a view other than the one before: two flights.
	const flights = steps.filter((s, i) => i > 0 && s.view !== steps[i - 1].view).slice(0, 2);
	for (const step of flights) {
		await scrollToStep(page, step.id);
		await waitForView(page, step.view);
	}
	await expect(
		map.locator('[data-layer="relief"] image'),
		'the relief drawn with no blend'
	).toHaveCount(1);
	const changes = await page.evaluate(
		() => (window as unknown as { __reliefChanges: string[] }).__reliefChanges
	);
	const relief = changes.filter((c) => / (feImage href|IMAGE added|image added)$/.test(c));
	expect(
		relief.some((c) => c.endsWith('feImage href')),
		'the pictures were asked for'
	).toBe(true);
	expect(relief.filter((c) => c.startsWith('in flight'))).toEqual([]);
});
