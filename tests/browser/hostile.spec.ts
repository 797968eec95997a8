// Hostile copy renders inert: the variant build (tests/variant.js) uses the copy as it is now with
// <script>, javascript: links, event handlers and broken tags pasted in (tests/fixtures/hostile-copy.js),
// and is served from a subfolder. Nothing of it may run; none of its words may be lost.
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { VARIANT_DIR, VARIANT_ENV, writeVariantCopy } from '../variant.js';
import { parseStory } from '../../src/lib/story/copy.js';

const BASE = VARIANT_ENV.BASE_PATH;
let server: ChildProcess;
let origin = '';

test.beforeAll(async ({}, testInfo) => {
	test.setTimeout(120_000);
	// npm test's unit step builds the variant; build it here when the browser tests run alone.
	if (!existsSync(`${VARIANT_DIR}/index.html`)) {
		writeVariantCopy();
		const build = spawnSync('npm', ['run', 'build'], {
			env: { ...process.env, ...VARIANT_ENV, BUILD_DIR: VARIANT_DIR },
			encoding: 'utf8'
		});
		expect(build.status, build.stderr).toBe(0);
	}
	// (Not 4190: browsers and fetch refuse that port.)
	const port = 4260 + testInfo.workerIndex;
	origin = `http://127.0.0.1:${port}`;
	server = spawn(
		'node',
		['tests/tools/serve.js', '--port', String(port), '--dir', VARIANT_DIR, '--base', BASE],
		{ stdio: 'ignore' }
	);
	await expect
		.poll(
			() =>
				fetch(`${origin}${BASE}/`).then(
					(r) => r.status,
					() => 0
				),
			{ timeout: 10_000 }
		)
		.toBe(200);
});

test.afterAll(() => {
	server?.kill();
});

test('pasted scripts, javascript: links, event handlers and broken tags render as inert text', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'the markup is the same at every size');
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(`${origin}${BASE}/`);
	const text = page.locator('#story-text');
	// The hostile markup is in the first step; the last is scrolled to.
	const { steps } = parseStory(
		readFileSync(VARIANT_ENV.STORY_FILE, 'utf8'),
		VARIANT_ENV.STORY_FILE
	);
	const first = page.locator(`#${steps[0].id}`);

	// The allowed markup is there, as elements…
	await expect(first.locator('em', { hasText: 'new' })).toHaveCount(1);
	await expect(first.locator('a[href="https://en.wikipedia.org/wiki/Syria"]')).toHaveText('Syria');
	// …and everything else is the text the editor typed, on the page for them to see.
	await expect(first).toContainText(`.<script>window.pwned = 'script'</script>`);
	await expect(first).toContainText(`<img src=x onerror="window.pwned = 'img'">`);
	await expect(first).toContainText('A javascript link, a spaced one,');
	await expect(first).toContainText('doubled brackets.');

	// Nothing in the text can run: no script, frame, image or SVG; no handler; no other link scheme.
	const report = await text.evaluate((root) => {
		const cards = [...root.querySelectorAll('.card')];
		const all = cards.flatMap((c) => [...c.querySelectorAll('*')]);
		return {
			tags: [...new Set(all.map((e) => e.localName))].sort(),
			handlers: all.flatMap((e) =>
				[...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)
			),
			links: [...root.querySelectorAll('.card a')].map((a) => ({
				href: a.getAttribute('href'),
				rel: a.getAttribute('rel'),
				target: a.getAttribute('target')
			}))
		};
	});
	expect(report.tags.filter((t) => !['p', 'em', 'strong', 'a', 'blockquote'].includes(t))).toEqual(
		[]
	);
	expect(report.handlers).toEqual([]);
	expect(report.links).toHaveLength(2); // Syria, and the fine link (its handler dropped)
	for (const link of report.links) {
		expect(link.href).toMatch(/^(https?:\/\/|mailto:|#|\/)/);
		expect(link.rel).toBe('noopener noreferrer');
		expect(link.target).toBe('_top');
	}

	// Reading, hovering and clicking through it runs nothing.
	await first.getByText('javascript link').click();
	await first.getByText('Strong never closed').hover();
	await page.locator(`#${steps.at(-1)!.id}`).scrollIntoViewIfNeeded();
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)
	).toBeUndefined();
	expect(dialogs).toEqual([]);
	expect(errors).toEqual([]);
});
