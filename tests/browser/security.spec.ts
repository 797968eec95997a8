// Safe to drop into a site with a strict security policy: nothing is fetched from another origin.
import { test, expect, type Page } from '@playwright/test';
import { steps, scrollToStep } from './helpers';

/** Every URL the page requests that is not on the piece's own origin (data: URLs are inline). */
function watchForeign(page: Page, own: string): string[] {
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith('data:') && new URL(url).origin !== own) foreign.push(url);
	});
	return foreign;
}

test('no request leaves the piece’s origin: not for fonts, scripts, styles, data or images', async ({
	page,
	baseURL
}) => {
	// At both sizes: the layouts load differently (the phone's map behind the text, the desktop's beside it).
	const own = new URL(baseURL!).origin;
	const foreign = watchForeign(page, own);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	for (const path of ['/', '/embed/', '/embed-preview/']) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		if (path === '/embed-preview/') continue;
		for (const step of steps) await scrollToStep(page, step.id);
		// On past the last step, to the foot of the page (the credits, on the page).
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await page.waitForFunction(
			() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2
		);
		await page.waitForLoadState('networkidle');
	}
	// The run did load things (so the check had something to check), all of them our own.
	expect(requests.filter((u) => u.startsWith(own)).length).toBeGreaterThan(10);
	expect(foreign).toEqual([]);
});

test.describe('under the strict Content-Security-Policy the host sends (build/_headers)', () => {
	test.beforeEach(async ({ page }) => {
		// Every violation, in the page and in any frame.
		await page.addInitScript(() => {
			const w = window as unknown as { violations: string[] };
			w.violations = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
			);
		});
	});
	const violations = (page: Page) =>
		Promise.all(
			page
				.frames()
				.map((f) =>
					f.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])
				)
		).then((all) => all.flat());

	for (const path of ['/', '/embed/']) {
		test(`${path}: a full scroll and both switches, with zero violations`, async ({
			page
		}, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
			const errors: string[] = [];
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			page.on('pageerror', (e) => errors.push(String(e)));
			const response = await page.goto(path);
			const policy = response!.headers()['content-security-policy'];
			expect(policy).toContain("default-src 'none'");
			expect(policy).toMatch(/script-src 'self' 'sha256-[\w+/=]+'/);
			expect(policy).not.toContain("'unsafe-eval'");
			expect(policy).toContain(`frame-ancestors ${path === '/embed/' ? '*' : "'self'"}`);
			// The app came alive (its inline bootstrap was allowed), and the story plays to its end.
			for (const step of steps) {
				await scrollToStep(page, step.id);
				await expect(page.locator(`#${step.id}`)).toHaveClass(/\bactive\b/);
			}
			await expect(page.locator('[data-story-map]')).toHaveAttribute(
				'data-view',
				steps.at(-1)!.view
			);
			await page.getByRole('button', { name: 'List view' }).click();
			await page.getByRole('button', { name: 'Animation' }).click();
			expect(await violations(page)).toEqual([]);
			expect(errors).toEqual([]);
		});
	}

	test('the embed preview frames the embed and runs embed.js, with zero violations', async ({
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'one size is enough for the preview');
		await page.goto('/embed-preview/');
		const frames = page.locator('[data-invisible-caliphate] iframe');
		await expect(frames).toHaveCount(3);
		await expect
			.poll(() => frames.first().evaluate((e) => e.getBoundingClientRect().height))
			.toBeGreaterThan(3000);
		expect(await violations(page)).toEqual([]);
	});
});
