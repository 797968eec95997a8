// The shaded relief: loaded only after the page has first painted (never the largest contentful
// paint, which is the text), and carried by every still map: the list view, print, and a page read
// without scripts. Which views draw it comes from the page itself (their still maps), not a list here.
import { test, expect, type Page } from '@playwright/test';

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
