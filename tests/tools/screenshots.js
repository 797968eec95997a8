// Screenshots of every view at desktop and phone sizes, for looking at: node tests/tools/screenshots.js
// Needs a running preview (npm run build && npm run preview -- --port 4173) or BASE_URL.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { launchOptions } from './browser.js';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const out = 'tests/screenshots';
mkdirSync(out, { recursive: true });
const sizes = [
	{ name: 'desktop', width: 1280, height: 800 },
	{ name: 'phone', width: 390, height: 844 }
];
const only = process.argv[2];

const browser = await chromium.launch(launchOptions);
for (const size of sizes) {
	const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
	page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
	await page.goto(base);
	await page.screenshot({ path: `${out}/${size.name}-00-top.png` });
	const steps = await page.$$eval('[data-step]', (els) =>
		els.map((e) => e.getAttribute('data-step'))
	);
	const seen = new Set();
	for (const [i, id] of steps.entries()) {
		if (only && id !== only) continue;
		await page.evaluate((sid) => {
			const el = /** @type {HTMLElement} */ (document.querySelector(`[data-step="${sid}"]`));
			window.scrollTo(
				0,
				el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.4
			);
		}, id);
		await page.waitForTimeout(200);
		await page.waitForFunction(
			() => document.querySelector('[data-story-map]')?.hasAttribute('data-view'),
			undefined,
			{ timeout: 10000 }
		);
		await page.waitForTimeout(500);
		const view = await page.getAttribute('[data-story-map]', 'data-view');
		const name = `${size.name}-${String(i + 1).padStart(2, '0')}-${id}-${view}.png`;
		if (!seen.has(view) || only) await page.screenshot({ path: `${out}/${name}` });
		seen.add(view);
		console.log(name);
	}
	await page.close();
}
await browser.close();
