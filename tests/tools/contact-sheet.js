// One image of many screenshots, for looking at them together: node tests/tools/contact-sheet.js phone
import { chromium } from '@playwright/test';
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchOptions } from './browser.js';

const prefix = process.argv[2] ?? 'phone';
const dir = resolve('tests/screenshots');
const files = readdirSync(dir)
	.filter((f) => f.startsWith(prefix + '-') && !f.includes('null'))
	.sort();
const width = prefix === 'phone' ? 195 : 320;
const html = `<body style="margin:0;display:flex;flex-wrap:wrap;gap:4px;background:#888">${files
	.map(
		(f) =>
			`<figure style="margin:0;width:${width}px;font:10px sans-serif"><img src="${f}" style="width:100%"><figcaption>${f}</figcaption></figure>`
	)
	.join('')}</body>`;
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({ viewport: { width: (width + 4) * 6, height: 800 } });
writeFileSync(`${dir}/sheet.html`, html);
await page.goto(`file://${dir}/sheet.html`);
await page.waitForLoadState('load');
await page.screenshot({ path: `${dir}/sheet-${prefix}.png`, fullPage: true });
await browser.close();
