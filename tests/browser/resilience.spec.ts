// When things fail: the story still reads.
import { test, expect, type Route } from '@playwright/test';
import { steps, textsOf } from './helpers';

test.describe('when the app’s scripts fail to load', () => {
	const failures: [string, string, (route: Route) => Promise<void>][] = [
		[
			'missing (404)',
			'**/_app/immutable/entry/app.*.js',
			(route) => route.fulfill({ status: 404, body: 'not found' })
		],
		[
			'cut short (truncated)',
			'**/_app/immutable/entry/start.*.js',
			async (route) => {
				const response = await route.fetch();
				const body = await response.text();
				await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
			}
		]
	];
	for (const [what, pattern, fail] of failures) {
		test(`${what}: the text reads, the maps stay, and one warning says why`, async ({ page }) => {
			const warnings: string[] = [];
			const errors: string[] = [];
			page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
			page.on('pageerror', (e) => errors.push(String(e)));
			await page.route(pattern, fail);
			await page.goto('/');
			// The page falls back to the article layout, with a still map after each part…
			await expect(page.locator('html')).not.toHaveClass(/\bjs\b/);
			await expect
				.poll(() => warnings.filter((w) => w.startsWith('Invisible Caliphate:')))
				.toHaveLength(1);
			expect(warnings.find((w) => w.startsWith('Invisible Caliphate:'))).toMatch(
				/the interactive map could not start .*showing the article with a still map after each part/
			);
			const runs = steps.map((s) => s.view).filter((v, i, all) => all[i + 1] !== v);
			const maps = page.locator('figure.static-map');
			await expect(maps).toHaveCount(runs.length);
			await maps.last().scrollIntoViewIfNeeded();
			await expect(maps.last()).toBeVisible();
			// …every word of it visible, and the prerendered map still drawn.
			for (const step of [steps[0], steps[Math.floor(steps.length / 2)], steps.at(-1)!]) {
				await expect(page.locator(`#${step.id}`)).toBeVisible();
				for (const text of textsOf(step))
					await expect(page.locator(`#${step.id}`)).toContainText(text.slice(0, 60));
			}
			await expect(page.locator('[data-story-map] #m-syria')).toHaveCount(1);
			// Nothing else broke: the failed import was handled, not left to surface as an error.
			expect(errors).toEqual([]);
		});
	}

	test('the page never fetches map data: the geometry comes in the HTML', async ({ page }) => {
		const data: string[] = [];
		page.on(
			'request',
			(r) => /\.(json|topojson|geojson)(\?|$)/.test(r.url()) && data.push(r.url())
		);
		await page.goto('/');
		await page.locator(`#${steps.at(-1)!.id}`).scrollIntoViewIfNeeded();
		await expect(page.locator('[data-story-map]')).toHaveAttribute('data-view', steps.at(-1)!.view);
		expect(data).toEqual([]);
	});
});
