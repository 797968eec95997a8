import { chromium } from '@playwright/test';
import { launchOptions } from './browser.js';
const b = await chromium.launch(launchOptions);
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on('console', (m) => console.log('console', m.type(), m.text()));
p.on('requestfailed', (r) => console.log('fail', r.url()));
p.on('response', (r) => r.status() >= 400 && console.log('status', r.status(), r.url()));
await p.goto('' + (process.env.URL ?? 'http://127.0.0.1:4173/') + '');
await p.waitForTimeout(1000);
console.log(
	await p.evaluate(() => [
		document.querySelectorAll('path[id^="m-"]').length,
		document.querySelector('#layer-countries')?.innerHTML.slice(0, 300)
	])
);
await b.close();
