// What the cross-engine tests do in the page, written once for every engine. Each function here is
// sent to the browser as source (WebDriver's execute, BiDi's script.evaluate, Playwright's evaluate):
// it may use only its argument and the page's globals.
import type { Driver } from './drivers';
import type { CopyStep } from '../browser/helpers';

declare global {
	interface Window {
		/** Uncaught errors and rejections since the document started (tests/engines/proxy.ts). */
		__errors?: string[];
	}
}

/** A place label's point (where its dot is), relative to the map's rectangle. */
export interface Anchor {
	x: number;
	y: number;
	text: string;
	highlight: boolean;
}
export interface MapReading {
	/** The map's rectangle in the viewport. */
	rect: { x: number; y: number; width: number; height: number };
	/** Place labels shown whole, whose point is inside the map and not under anything else. */
	anchors: Anchor[];
}

/** Scrolls so the step's top edge sits at `at` of the viewport's height (helpers.ts scrollToStep). */
function scrollToStep({ id, at }: { id: string; at: number }) {
	const el = document.getElementById(id);
	if (!el) throw new Error(`no step #${id}`);
	window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * at);
}

/** The step is active and the live map has come to rest on its view, nothing in it still animating. */
function settledOn({ id, view }: { id: string | null; view: string }) {
	const map = document.querySelector('[data-story-map]');
	if (!map || !document.documentElement.hasAttribute('data-started')) return false;
	if (id !== null && !document.getElementById(id)?.classList.contains('active')) return false;
	if (map.getAttribute('data-view') !== view || map.getAttribute('aria-busy') !== 'false')
		return false;
	return map.getAnimations({ subtree: true }).every((a) => a.playState !== 'running');
}

/** Resolves after two frames: whatever the last change was, it has been painted. */
function twoFrames() {
	return new Promise<boolean>((done) =>
		requestAnimationFrame(() => requestAnimationFrame(() => done(true)))
	);
}

/** Hides (or shows again) the steps' text cards: on a phone they lie over the map, and their text,
 *  set in each engine's fonts, would swamp the comparison of the maps. Visibility only: no layout. No
 *  frame to wait for: a screenshot paints what is there (and without scripts no frame callback runs). */
function cardsVisible(visible: boolean) {
	for (const card of document.querySelectorAll<HTMLElement>('[data-step] .card'))
		card.style.visibility = visible ? '' : 'hidden';
	return document.documentElement.getBoundingClientRect().height > 0;
}

/** The map's rectangle (the element `selector` names) and its visible place labels' points. */
export function readMap(selector: string): MapReading {
	const root = document.querySelector(selector);
	if (!root) throw new Error(`no ${selector}`);
	const box = root.getBoundingClientRect();
	const anchors: Anchor[] = [];
	for (const label of root.querySelectorAll<HTMLElement>('.overlay .label.place')) {
		const style = getComputedStyle(label);
		if (style.visibility !== 'visible' || style.display === 'none' || Number(style.opacity) < 0.99)
			continue;
		// Its point: where its dot (the label's ::before, Labels.svelte) is set in the label's box, for
		// whichever side the text took.
		const r = label.getBoundingClientRect();
		const dot = getComputedStyle(label, '::before');
		const [x, y] = [r.left + parseFloat(dot.left), r.top + parseFloat(dot.top)];
		const c = label.classList;
		// Off the map (or too near its edge to measure a dot), or under a text card: not shown.
		if (x < box.left + 8 || x > box.right - 8 || y < box.top + 8 || y > box.bottom - 8) continue;
		// Covered: something painted (a background) lies over the map there. On a phone the steps'
		// column lies over the whole map, transparent but for its cards.
		const stack = document.elementsFromPoint(x, y);
		const inside = stack.findIndex((e) => root.contains(e));
		const painted = (e: Element) => {
			const s = getComputedStyle(e);
			return (
				!/^(transparent|rgba\(.*,\s*0\))$/.test(s.backgroundColor) || s.backgroundImage !== 'none'
			);
		};
		if (inside < 0 || stack.slice(0, inside).some(painted)) continue;
		anchors.push({
			x: x - box.left,
			y: y - box.top,
			text: label.textContent ?? '',
			highlight: c.contains('hl')
		});
	}
	return {
		rect: { x: box.left, y: box.top, width: box.width, height: box.height },
		anchors
	};
}

/** Uncaught errors in the page and in its same-origin frames (the embeds load through the proxy). */
function errorsIn() {
	const all: string[] = [];
	const walk = (w: Window, where: string) => {
		if (!w.__errors)
			all.push(`${where}: no error catcher (the page did not load through the proxy)`);
		else all.push(...w.__errors.map((e) => `${where}: ${e}`));
		for (let i = 0; i < w.frames.length; i++) {
			try {
				const frame = w.frames[i] as Window;
				// A lazy frame not loaded yet is about:blank: nothing has run in it.
				if (frame.location.protocol === 'about:') continue;
				walk(frame, `${where} > frame ${i} (${frame.location.pathname})`);
			} catch {
				// A frame of another origin is not ours.
			}
		}
	};
	walk(window, location.pathname);
	return all;
}

export async function scrollTo(d: Driver, step: CopyStep, at = 0.4): Promise<void> {
	await d.evaluate(scrollToStep, { id: step.id, at });
}

/** Waits until the map has settled on the view (and, when `step` is given, the step is active). */
export async function waitForSettled(d: Driver, view: string, step?: CopyStep): Promise<void> {
	await d.waitFor(
		settledOn,
		{ id: step?.id ?? null, view },
		{ message: `${d.name}: map settled on "${view}"${step ? ` at step #${step.id}` : ''}` }
	);
	await d.evaluate(twoFrames);
}

/** Scrolls to the step as a reader would arrive at it and waits for its view. */
export async function arriveAt(d: Driver, step: CopyStep): Promise<void> {
	await scrollTo(d, step);
	await waitForSettled(d, step.view, step);
}

/** Waits for the story to start (it flies only from two frames after; see helpers.ts waitForArrival). */
export async function waitForStart(d: Driver): Promise<void> {
	await d.waitFor(() => document.documentElement.hasAttribute('data-started'), undefined, {
		message: `${d.name}: the story to start`
	});
	await d.evaluate(twoFrames);
}

export const showCards = (d: Driver, visible: boolean): Promise<boolean> =>
	d.evaluate(cardsVisible, visible);
export const errors = (d: Driver): Promise<string[]> => d.evaluate(errorsIn);
export const frames = (d: Driver): Promise<boolean> => d.evaluate(twoFrames);
