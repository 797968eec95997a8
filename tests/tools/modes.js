// Screenshots of the other ways to read: no JavaScript, list view, dark mode, print.
// node tests/tools/modes.js (with the preview running on 4173)
import { chromium } from '@playwright/test';
import { launchOptions } from './browser.js';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const out = 'tests/screenshots';
const browser = await chromium.launch(launchOptions);
/** @type {{ name: string, ctx: import('@playwright/test').BrowserContextOptions & { viewport: { width: number, height: number } }, list?: boolean, print?: boolean }[]} */
const shots = [
	{
		name: 'nojs-desktop',
		ctx: { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } }
	},
	{ name: 'nojs-phone', ctx: { javaScriptEnabled: false, viewport: { width: 390, height: 844 } } },
	{ name: 'dark-desktop', ctx: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } } },
	{ name: 'dark-phone', ctx: { colorScheme: 'dark', viewport: { width: 390, height: 844 } } },
	{ name: 'list-desktop', ctx: { viewport: { width: 1280, height: 800 } }, list: true },
	{ name: 'print', ctx: { viewport: { width: 800, height: 1100 } }, print: true }
];
for (const s of shots) {
	const context = await browser.newContext(s.ctx);
	const page = await context.newPage();
	page.on(
		'console',
		(m) => m.type() === 'error' && console.log(s.name, 'console error:', m.text())
	);
	if (s.list)
		await page.addInitScript(() => localStorage.setItem('invisible-caliphate:layout', 'list'));
	await page.goto(base);
	if (s.print) await page.emulateMedia({ media: 'print' });
	await page.waitForTimeout(600);
	if (s.name.startsWith('dark')) {
		await page.evaluate(() => document.getElementById('abu-kamal')?.scrollIntoView());
		await page.waitForTimeout(2500);
		await page.screenshot({ path: `${out}/${s.name}.png` });
	} else {
		await page.screenshot({
			path: `${out}/${s.name}.png`,
			fullPage: true,
			clip: { x: 0, y: 0, width: s.ctx.viewport.width, height: 2600 }
		});
	}
	await context.close();
}
await browser.close();
