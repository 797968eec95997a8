// `npm run dev` as an editor uses it: the dev server on copies of the copy files, a page open, and the
// files saved with a change. A saved change shows on the page without a reload; a mistake shows its
// one line (file:line, the step, the fix) in the browser's error overlay and on the page; mended, the
// story comes back. The page hydrates without warnings (the dev server renders what a build keeps
// from the server, src/lib/server-markup.ts).
import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../engines/drivers';
import { parseStory } from '../../src/lib/story/copy.js';
import { plain } from '../../src/lib/story/inline.js';

/** Inside the project, so that the dev server watches it (git-ignored). */
const DIR = '.dev-copy';
const STORY = `${DIR}/story.aml`;
const VIEWS = `${DIR}/views.aml`;
/** How long a saved change may take to show (the budget is a second; this machine's file
 *  watcher and a loaded CI machine get more, so this catches a reload that never comes). */
const SHOWS_WITHIN = 10_000;

let server: ChildProcess;
let origin = '';
let output = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(90_000);
	rmSync(DIR, { recursive: true, force: true });
	mkdirSync(DIR);
	copyFileSync('data/copy/story.aml', STORY);
	copyFileSync('data/copy/views.aml', VIEWS);
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	server = spawn(
		process.execPath,
		[
			'node_modules/vite/bin/vite.js',
			'dev',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
			'--strictPort'
		],
		{
			env: { ...process.env, STORY_FILE: STORY, VIEWS_FILE: VIEWS },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	server.stdout!.on('data', (d) => (output += d));
	server.stderr!.on('data', (d) => (output += d));
	await expect
		.poll(
			() =>
				fetch(`${origin}/`).then(
					(r) => r.status,
					() => 0
				),
			{
				message: `the dev server answering (its output: ${output})`,
				timeout: 60_000
			}
		)
		.toBe(200);
});

test.afterAll(async () => {
	server?.kill();
	rmSync(DIR, { recursive: true, force: true });
});

/** Opens the page and collects what its console says. */
async function open(page: Page) {
	const messages: string[] = [];
	page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
	page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
	await page.goto(`${origin}/`);
	await page.waitForFunction(() => document.documentElement.hasAttribute('data-started'));
	return messages;
}

const stepsIn = (file: string) => parseStory(readFileSync(file, 'utf8'), file).steps;

test('the page hydrates without warnings, with the text and the map', async ({ page }) => {
	const messages = await open(page);
	const steps = stepsIn(STORY);
	await expect(page.locator('[data-step]')).toHaveCount(steps.length);
	for (const step of steps)
		await expect(page.locator(`#${step.id}`)).toContainText(
			plain(step.paragraphs[0] ?? step.quote ?? [])
		);
	await expect(page.locator('.base path').first()).toBeAttached();
	// One more frame after start: hydration warnings come as the page hydrates.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
	expect(messages.filter((m) => /hydrat|warning|error/i.test(m))).toEqual([]);
});

test('a saved new step shows on the page without a reload, with its view', async ({ page }) => {
	await open(page);
	// A document that a reload would replace: the marker would go.
	await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
	const steps = stepsIn(STORY);
	const view = steps.at(-1)!.view;
	const text = `A step an editor added after “${steps[0].id}”.`;
	const copy = readFileSync(STORY, 'utf8');
	const at = copy.indexOf(`id: ${steps[1].id}\n`);
	writeFileSync(
		STORY,
		`${copy.slice(0, at)}id: editor-added\nview: ${view}\ntext: ${text}\n:end\n\n${copy.slice(at)}`
	);
	await expect(page.locator('#editor-added')).toContainText(text, { timeout: SHOWS_WITHIN });
	await expect(page.locator('[data-step]')).toHaveCount(steps.length + 1);
	expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
	writeFileSync(STORY, copy);
	await expect(page.locator('#editor-added')).toHaveCount(0, { timeout: SHOWS_WITHIN });
});

test('a mistake shows its one line in the error overlay and on the page; mended, the story is back', async ({
	page
}) => {
	await open(page);
	const steps = stepsIn(STORY);
	const step = steps[1];
	const copy = readFileSync(STORY, 'utf8');
	const wrong = `${step.view}x`;
	/** The message points at the step's view: line. */
	const at = `${STORY}:${step.keyLines!.view}`;
	writeFileSync(STORY, copy.replace(`view: ${step.view}\n`, `view: ${wrong}\n`));
	const overlay = page.locator('vite-error-overlay .message');
	await expect(overlay).toContainText(`${at}: step "${step.id}"`, {
		timeout: SHOWS_WITHIN
	});
	await expect(overlay).toContainText(`did you mean "${step.view}"`);
	// A page loaded while the mistake stands shows it too, and the server printed the line, not a stack.
	await page.reload();
	await expect(page.locator('body')).toContainText(at);
	await expect(overlay).toContainText(`unknown view "${wrong}"`);
	expect(output).toContain(`${at}: step "${step.id}"`);
	expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
	writeFileSync(STORY, copy);
	await expect(overlay).toHaveCount(0, { timeout: SHOWS_WITHIN });
	await expect(page.locator('[data-step]')).toHaveCount(steps.length, { timeout: SHOWS_WITHIN });
});
