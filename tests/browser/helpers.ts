// Shared helpers for the browser tests: the copy as the tests know it, and how a reader moves through it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { parseStory, parseViews } from '../../src/lib/story/copy.js';
import { plain } from '../../src/lib/story/inline.js';
import type { Inline, Story } from '../../src/lib/story/types';
import { COPY } from '../copy-files.js';

export interface CopyStep {
	id: string;
	view: string;
	paragraphs: Inline[][];
	quote?: Inline[];
}

// The copy the build read: data/copy/*.aml, or STORY_FILE / VIEWS_FILE (tests/copy-files.js).
const STORY_FILE = fileURLToPath(new URL(`../../${COPY.story}`, import.meta.url));
const VIEWS_FILE = fileURLToPath(new URL(`../../${COPY.views}`, import.meta.url));

/** How often to look again while waiting on the page: the camera's flights last 0.7–2.4 s. */
export const POLL = { intervals: [50, 100, 100, 200], timeout: 10_000 };

/** The story copy, parsed with the same code the build uses. */
export function loadCopy(): Story {
	return parseStory(readFileSync(STORY_FILE, 'utf8'), COPY.story);
}

export const copy = loadCopy();
export const steps = copy.steps;

/** The map views, parsed with the same code the build uses. */
export const views = parseViews(readFileSync(VIEWS_FILE, 'utf8'), COPY.views) as {
	id: string;
	route?: string;
}[];

/** The views that draw a route, as far as the reader is through the step (with motion on): their map
 *  changes within a step, the others' only with the view. */
export const ROUTE_VIEWS = new Set(views.filter((v) => v.route).map((v) => v.id));

/** Every run of text a reader sees in a step, in order: its paragraphs, then its pull quote. */
export function textsOf(step: CopyStep): string[] {
	return [...step.paragraphs, ...(step.quote ? [step.quote] : [])].map(plain);
}

/** A step in the middle of the piece (whose view differs from the first and last steps'). */
export function middleStep(): CopyStep {
	return steps[Math.floor(steps.length / 2)];
}

declare global {
	interface Window {
		__steps: { id: string; index: number }[];
		__busy: string[];
		__shifts: number;
	}
}

/** Records every `storystep` event in `window.__steps`, from the very first one. Call before goto. */
export async function recordSteps(page: Page): Promise<void> {
	await page.addInitScript(() => {
		window.__steps = [];
		window.addEventListener('storystep', (e) => {
			const { id, index } = (e as CustomEvent<{ id: string; index: number }>).detail;
			window.__steps.push({ id, index });
		});
	});
}

/** The ids of the `storystep` events received so far. */
export async function stepEvents(page: Page): Promise<string[]> {
	return page.evaluate(() => window.__steps.map((s) => s.id));
}

/**
 * Scrolls so the step's top edge sits at `at` (fraction of the viewport height): 0.4 is just past the
 * trigger line on either layout (DESKTOP_TRIGGER, PHONE_TRIGGER in src/lib/layout.js; the steps'
 * data-trigger). Resolves once the page has had the scroll event, which the browser dispatches in its
 * next rendering update: a test that then waits frames of a faked clock (page.clock fakes
 * requestAnimationFrame) read the page before the story had seen the scroll whenever a loaded machine
 * was slow to render (the robustness test's slow reader, one step behind).
 */
export async function scrollToStep(page: Page, id: string, at = 0.4): Promise<void> {
	await page.evaluate(
		({ id, at }) =>
			new Promise<void>((done) => {
				const el = document.getElementById(id);
				if (!el) throw new Error(`no step #${id}`);
				const before = window.scrollY;
				window.scrollTo(0, el.getBoundingClientRect().top + before - window.innerHeight * at);
				if (window.scrollY === before) done();
				else window.addEventListener('scroll', () => done(), { once: true });
			}),
		{ id, at }
	);
}

/** Waits until the last `storystep` event names this step. */
export async function waitForActiveStep(page: Page, id: string): Promise<void> {
	await expect
		.poll(() => page.evaluate(() => window.__steps.at(-1)?.id ?? null), {
			...POLL,
			message: `storystep event for "${id}"`
		})
		.toBe(id);
}

/** The map's state as a reader's assistive tech (and the tests) see it. */
export async function mapState(page: Page): Promise<{ view: string | null; busy: string | null }> {
	return page.evaluate(() => {
		const map = document.querySelector('[data-story-map]');
		return {
			view: map?.getAttribute('data-view') ?? null,
			busy: map?.getAttribute('aria-busy') ?? null
		};
	});
}

/** Waits until the camera has come to rest on the view. */
export async function waitForView(page: Page, view: string): Promise<void> {
	await expect
		.poll(() => mapState(page), { ...POLL, message: `map settled on view "${view}"` })
		.toEqual({ view, busy: 'false' });
}

/** Waits until the story has arrived where the page opened: it flies only from two frames after it
 *  starts (src/lib/Story.svelte); a scroll before then jumps the map instead. */
export async function waitForArrival(page: Page): Promise<void> {
	await page.waitForSelector('html[data-started]');
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
}

/** The shortest camera flight (src/lib/map/camera.ts clamps flights to 0.7–2.4 s). */
export const SHORTEST_FLIGHT_MS = 700;

/** The longest camera flight (src/lib/map/camera.ts clamps flights to 0.7–2.4 s), with room to spare. */
export const LONGEST_FLIGHT_MS = 3000;

/** How far one step of `runClock` moves the page's clock: six of a browser's frames. */
const CLOCK_STEP_MS = 100;

/**
 * Runs the page's installed clock `ms` on, a few frames at a time, with the browser rendering in
 * between. A flight is keyed as animations on the document's timeline, which a faked clock does not
 * move, and drawn again on timers, which it does: one jump through a whole flight
 * (page.clock.runFor(3000), some 180 frames of timers in one task) left the two clocks a flight apart,
 * and headless Chromium then produced no frame again: the next scroll event never came and a
 * screenshot hung (7 of 40 runs through the story; 0 of 40 in steps of 100 ms, 0 of 40 with the
 * page's transitions and animations off, 0 of 24 without a faked clock). No reader's page runs that
 * way.
 */
export async function runClock(page: Page, ms: number): Promise<void> {
	for (let run = 0; run < ms; run += CLOCK_STEP_MS)
		await page.clock.runFor(Math.min(CLOCK_STEP_MS, ms - run));
}

/**
 * Scrolls to a step as a reader would arrive at it, and waits for the step and its map view.
 * `fastForward` (the page must have had `page.clock.install()` before loading): once the step is active,
 * jumps the page's clock past the camera's flight instead of waiting it out in real time. The page goes
 * through the same frames in the same order; only the waiting goes.
 */
export async function arriveAt(
	page: Page,
	step: CopyStep,
	{ fastForward = false }: { fastForward?: boolean } = {}
): Promise<void> {
	await scrollToStep(page, step.id);
	await waitForActiveStep(page, step.id);
	if (fastForward) await runClock(page, LONGEST_FLIGHT_MS);
	await waitForView(page, step.view);
}

/** Decodes the HTML character references a server renderer writes. */
export function decodeEntities(html: string): string {
	const named: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: '\u00a0'
	};
	return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref: string) => {
		if (ref[0] === '#') {
			const code =
				ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return String.fromCodePoint(code);
		}
		return named[ref.toLowerCase()] ?? all;
	});
}

/** Records every moment the map reports itself moving (aria-busy="true") from the next load on. */
export async function recordBusy(page: Page): Promise<void> {
	await page.addInitScript(() => {
		window.__busy = [];
		new MutationObserver((records) => {
			for (const r of records) {
				const el = r.target as Element;
				if (el.getAttribute('aria-busy') === 'true')
					window.__busy.push(el.getAttribute('class') ?? '');
			}
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
	});
}

/** What recordBusy saw. */
export async function busyMoments(page: Page): Promise<string[]> {
	return page.evaluate(() => window.__busy);
}
