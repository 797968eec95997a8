// Screenshots of every map view of the story, in Chromium, WebKit and Firefox, at desktop and phone
// sizes, light and dark, for a person to compare (not a test: nothing is asserted about the pictures).
// Run through its own config, which serves build/ and makes the contact sheets afterwards:
//   npm run build && npx playwright test -c tests/tools/screenshots.config.ts
// Writes tests/screenshots/engines/<engine>-<size>-<theme>-<view>.png, one per view (at the view's first
// step, settled as tests/engines/story.spec.ts settles it, with the Animation switch off) and one of the
// list view's still map of the most zoomed-in view (<engine>-<size>-<theme>-list-<view>.png), then
// sheet-<size>-<view>.png (engine-sheets.js).
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchOptions } from './browser.js';
import { test as base } from '../engines/fixtures';
import {
	available,
	launch,
	playwrightDriver,
	type Driver,
	type EngineName
} from '../engines/drivers';
import { arriveAt, frames, waitForStart } from '../engines/page';
import { steps } from '../browser/helpers';
import { OUT, THEMES, shotName } from './engine-sheets.js';

export interface ShotOptions {
	/** The engine to photograph. */
	target: EngineName | 'chromium';
	/** desktop or phone: the size's name in the files' names. */
	sizeName: string;
	size: { width: number; height: number };
}

/** The reader's two switches, in the order Controls.svelte has them (as story.spec.ts). */
const LIST_SWITCH = '.controls button:nth-of-type(1)';
const ANIMATION_SWITCH = '.controls button:nth-of-type(2)';

const test = base.extend<{}, ShotOptions & { shooter: Driver }>({
	target: ['chromium', { option: true, scope: 'worker' }],
	sizeName: ['desktop', { option: true, scope: 'worker' }],
	// One browser per project (engine × size), for both themes: Chromium's from Playwright, the others'
	// from the cross-engine drivers.
	shooter: [
		async ({ target, size, playwright }, use) => {
			if (target === 'chromium') {
				const browser = await playwright.chromium.launch(launchOptions);
				const page = await browser.newPage({ viewport: size });
				await use(playwrightDriver(page));
				await browser.close();
				return;
			}
			const { ok, reason } = available(target);
			if (!ok) throw new Error(`${target}: ${reason}`);
			const engine = await launch(target, size);
			await use(engine.session.driver);
			await engine.close();
		},
		{ scope: 'worker', timeout: 60_000 }
	]
});

/** The first step of each view, in the story's order. */
const storyViews = [...new Set(steps.map((s) => s.view))];
const firstSteps = storyViews.map((view) => steps.find((s) => s.view === view)!);

async function forget(d: Driver, origin: string) {
	// The switches are remembered in localStorage: start (and leave) a reader who chose nothing.
	await d.goto(`${origin}/favicon.svg`);
	await d.evaluate(() => localStorage.clear());
}

async function save(d: Driver, file: string) {
	writeFileSync(`${OUT}/${file}`, await d.screenshot());
	console.log(file);
}

for (const theme of THEMES) {
	test(`every view, ${theme}`, async ({ shooter: d, origin, target, sizeName, size }) => {
		mkdirSync(OUT, { recursive: true });
		await forget(d, origin);
		await d.goto(`${origin}/?theme=${theme}`);
		await waitForStart(d);
		const inner = await d.evaluate(() => [window.innerWidth, window.innerHeight]);
		if (inner[0] !== size.width || inner[1] !== size.height)
			throw new Error(`${target}: a ${inner.join('×')} viewport, not ${size.width}×${size.height}`);
		await d.click(ANIMATION_SWITCH);
		await d.waitFor(() => document.documentElement.dataset.animation === 'off', undefined, {
			message: 'html[data-animation="off"]'
		});
		for (const step of firstSteps) {
			await arriveAt(d, step);
			await save(d, shotName(target, sizeName, theme, step.view));
		}

		// The list view: the still map of the most zoomed-in view (the smallest window of the world, read
		// from its viewBox, as story.spec.ts picks them), in the middle of the viewport.
		await d.click(LIST_SWITCH);
		await d.waitFor(() => document.documentElement.dataset.layout === 'list', undefined, {
			message: 'html[data-layout="list"]'
		});
		await frames(d);
		const listView = await d.evaluate((views) => {
			const width = (v: string) =>
				Number(
					document
						.querySelector(`.static-map[data-static-view="${v}"] svg[viewBox]`)
						?.getAttribute('viewBox')
						?.split(/[\s,]+/)[2] ?? Infinity
				);
			return [...views].sort((a, b) => width(a) - width(b))[0];
		}, storyViews);
		await d.waitFor(
			(sel) => {
				const frame = document.querySelector(sel);
				if (!frame) return false;
				frame.scrollIntoView({ block: 'center' });
				const r = frame.getBoundingClientRect();
				return r.width > 0 && r.height > 0 && getComputedStyle(frame).visibility === 'visible';
			},
			`.static-map[data-static-view="${listView}"] .frame`,
			{ message: `the still map of "${listView}"` }
		);
		await frames(d);
		await frames(d);
		await save(d, shotName(target, sizeName, theme, `list-${listView}`));
		await forget(d, origin);
	});
}
