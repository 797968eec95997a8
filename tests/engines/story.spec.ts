// The piece in real WebKit and real Firefox, against Chromium's pictures of the same steps: every step's
// map, a reload, a #step link, the reader's switches, the list view's still maps, the page without
// scripts and the embed preview, with no uncaught error anywhere (tests/engines/proxy.ts catches them).
import { writeFileSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Driver } from './drivers';
import { middleStep, ROUTE_VIEWS, steps } from '../browser/helpers';
import { light } from '../../src/lib/theme/palette';
import {
	compare,
	countNear,
	crop,
	decode,
	encode,
	measureDot,
	rgb,
	type Dot,
	type Image,
	type RGB
} from './pixels';
import {
	arriveAt,
	errors,
	frames,
	readMap,
	showCards,
	waitForSettled,
	waitForStart,
	type MapReading
} from './page';

const MAP = '[data-story-map]';

/** A dot is drawn in the map's ink, or the accent when highlighted (MapDrawing.svelte). */
const DOT_COLOURS: RGB[] = [rgb(light.mapInk), rgb(light.accent)];
/** A pixel counts as the dot's when each channel is within this of its colour: the disc and its edge
 *  pixels more than about two-thirds covered (a 7 px dot measures 6–7 px, a 10 px one 9–10). */
const DOT_TOLERANCE = 80;
/** A place's dot, across, in px: 7 px, or 10 px highlighted, in the design; 5–10 px, and a pixel
 *  more for the edge where a highlighted dot falls across pixel boundaries (measured 6–11 in every
 *  engine, Chromium too). */
const DOT_MIN = 5;
const DOT_MAX = 11;
/** How much wider than tall (or than Chromium's) a dot may measure, and how far off its point, px. */
const DOT_ROUND = 2;
const DOT_OFFSET = 2.5;
/** How far a place's point (its label's, and its dot's) may be from Chromium's, px. */
const MAX_PLACE_OFFSET = 1.5;

/** pixelmatch's per-pixel threshold, and the share of the map's pixels allowed to differ. Most of
 *  what differs is text, antialiased in each engine's own way: WebKit's limit allows for the cities
 *  view, whose eight two-line dated labels made 3.4% of the phone's map differ (blots and misplaced
 *  dots are caught by the checks below, not by this). */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF = { webkit: 0.04, firefox: 0.02 };

/** The ink colour, as the map's labels and dots use it, and how near a pixel must be to count. */
const INK = rgb(light.mapInk);
const INK_TOLERANCE = 24;
/** The share of the map's area that may be ink in the engine and not in Chromium. */
const MAX_EXTRA_INK = 0.005;

/** The reader's two switches, in the order Controls.svelte has them. */
const LIST_SWITCH = '.controls button:nth-of-type(1)';
const ANIMATION_SWITCH = '.controls button:nth-of-type(2)';

/** Presses the animation switch off, as a reader would, and waits until the page has it. */
async function animationOff(d: Driver) {
	await d.click(ANIMATION_SWITCH);
	await d.waitFor(
		(sel) =>
			document.documentElement.dataset.animation === 'off' &&
			document.querySelector(sel)?.getAttribute('aria-pressed') === 'false',
		ANIMATION_SWITCH,
		{ message: `${d.name}: html[data-animation="off"]` }
	);
}

interface Shot {
	image: Image;
	map: MapReading;
}

async function shootMap(d: Driver, selector = MAP): Promise<Shot> {
	await showCards(d, false);
	const map = await d.evaluate(readMap, selector);
	const image = crop(decode(await d.screenshot()), map.rect);
	await showCards(d, true);
	return { image, map };
}

/** Saves the picture under test-results/ (the test's output folder) and attaches it to the report. */
async function attach(testInfo: TestInfo, name: string, image: Image) {
	const body = encode(image);
	writeFileSync(testInfo.outputPath(name), body);
	await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** What a dot measured in a picture, by its label's text. */
type Dots = Map<string, Dot>;

/** Measures every visible place's dot and checks it: 5–10 px across both ways, round, on its point and,
 *  when Chromium's picture is given, the size Chromium draws it. Returns the dots and the problems. */
function checkDots(shot: Shot, where: string, ref?: Dots): { dots: Dots; problems: string[] } {
	const problems: string[] = [];
	const dots: Dots = new Map();
	for (const a of shot.map.anchors) {
		const dot = measureDot(shot.image, a, DOT_COLOURS, { tolerance: DOT_TOLERANCE });
		if (!dot) {
			problems.push(`${where}: no dot at "${a.text}" (${a.x.toFixed(1)}, ${a.y.toFixed(1)})`);
			continue;
		}
		dots.set(a.text, dot);
		const { h, v } = dot.across;
		const theirs = ref?.get(a.text)?.across;
		const wrong = [
			h < DOT_MIN || h > DOT_MAX || v < DOT_MIN || v > DOT_MAX
				? `not ${DOT_MIN}–${DOT_MAX} px across`
				: '',
			Math.abs(h - v) > DOT_ROUND ? 'oval' : '',
			theirs && (Math.abs(theirs.h - h) > DOT_ROUND || Math.abs(theirs.v - v) > DOT_ROUND)
				? `Chromium's is ${theirs.h}×${theirs.v} px`
				: '',
			dot.offset > DOT_OFFSET ? `${dot.offset.toFixed(1)} px off its label's point` : ''
		].filter(Boolean);
		if (wrong.length)
			problems.push(`${where}: the dot at "${a.text}" is ${h}×${v} px: ${wrong.join(', ')}`);
	}
	return { dots, problems };
}

const describe = (dots: Dots) =>
	[...dots].map(([text, d]) => `${text} ${d.across.h}×${d.across.v}`).join(', ');

/** The views of the story, in its order. */
const storyViews = [...new Set(steps.map((s) => s.view))];
/** How many still maps to measure: the most zoomed-in, where a dot drawn to the map's scale shows. */
const STILL_MAPS = 3;

/** Checks the dots on the first still map of the most zoomed-in views (the smallest window of the
 *  world, read from their viewBox): scrolls each into view and measures it. */
async function checkStillMaps(d: Driver, where: string, testInfo: TestInfo): Promise<string[]> {
	const problems: string[] = [];
	let measured = 0;
	const widths = await d.evaluate(
		(views) =>
			views.map((v) => {
				const svg = document.querySelector(`.static-map[data-static-view="${v}"] svg[viewBox]`);
				return Number(svg?.getAttribute('viewBox')?.split(/[\s,]+/)[2] ?? Infinity);
			}),
		storyViews
	);
	const zoomedIn = storyViews
		.map((view, i) => ({ view, width: widths[i] }))
		.sort((a, b) => a.width - b.width)
		.slice(0, STILL_MAPS)
		.map((v) => v.view);
	for (const view of zoomedIn) {
		const selector = `.static-map[data-static-view="${view}"] .frame`;
		const shown = await d.evaluate((sel) => {
			const frame = document.querySelector(sel);
			if (!frame) return false;
			frame.scrollIntoView({ block: 'center' });
			const r = frame.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && getComputedStyle(frame).visibility === 'visible';
		}, selector);
		if (!shown) {
			problems.push(`${where}: no still map of "${view}" shown`);
			continue;
		}
		const shot = await shootMap(d, selector);
		const { dots, problems: bad } = checkDots(shot, `${where} still map "${view}"`);
		measured += dots.size;
		testInfo.annotations.push({ type: 'dots', description: `${where} ${view}: ${describe(dots)}` });
		if (bad.length) {
			problems.push(...bad);
			await attach(testInfo, `still-${view}-${d.name}.png`, shot.image);
		}
	}
	if (measured === 0) problems.push(`${where}: no dot measured on any still map`);
	return problems;
}

/** The problems, or none: uncaught errors in the page and its frames. */
async function expectNoErrors(d: Driver, what = 'uncaught errors') {
	expect(await errors(d), what).toEqual([]);
}

test.describe('every step', () => {
	test('each step settles on its view and draws the map as Chromium does: dots are dots, no blots of ink', async ({
		driver,
		chromium,
		origin,
		size,
		engine
	}, testInfo) => {
		test.setTimeout(180_000);
		await Promise.all([driver.goto(`${origin}/`), chromium.goto(`${origin}/`)]);
		await Promise.all([waitForStart(driver), waitForStart(chromium)]);
		// The pictures compared are of the map at rest: with animation off it jumps to each view instead
		// of flying (0.7–2.4 s a flight; with them the walk took 36–46 s per engine and size, without
		// them about 20). The flights are the animation test's below, and tests/browser's in Chromium.
		await Promise.all([animationOff(driver), animationOff(chromium)]);
		expect(await driver.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([
			size.width,
			size.height
		]);
		// The palette the tests read their colours from is the one the page uses (light).
		expect(
			await driver.evaluate(() =>
				getComputedStyle(document.documentElement).getPropertyValue('--map-ink').trim()
			)
		).toBe(light.mapInk);
		const failures: string[] = [];
		let shot: string | undefined;
		for (const step of steps) {
			await Promise.all([arriveAt(driver, step), arriveAt(chromium, step)]);
			// A view without a route is drawn from the view alone: a step on the view just compared settles
			// on it (above) and draws the same picture, so it is not shot again. A route is drawn as far as
			// the reader is through the step, so its view is shot at every step.
			if (step.view === shot && !ROUTE_VIEWS.has(step.view)) continue;
			shot = step.view;
			const [mine, ref] = await Promise.all([shootMap(driver), shootMap(chromium)]);
			const { fraction, diff } = compare(mine.image, ref.image, PIXEL_THRESHOLD);
			const area = mine.image.width * mine.image.height;
			const extraInk =
				(countNear(mine.image, INK, INK_TOLERANCE) - countNear(ref.image, INK, INK_TOLERANCE)) /
				area;
			const theirs = checkDots(ref, `chromium #${step.id}`);
			const ours = checkDots(mine, `${engine} #${step.id}`, theirs.dots);
			// Where each place is: its label's point (the dot's) in the engine's layout against Chromium's,
			// whatever the fonts (a label's point does not depend on its text's width).
			let farthest = 0;
			const offPoint = mine.map.anchors.flatMap((a) => {
				const b = ref.map.anchors.find((r) => r.text === a.text);
				const off = b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
				farthest = Math.max(farthest, off);
				return off > MAX_PLACE_OFFSET
					? [`#${step.id}: "${a.text}" is ${off.toFixed(1)} px from where Chromium puts it`]
					: [];
			});
			testInfo.annotations.push({
				type: 'measured',
				description: `#${step.id} (${step.view}): ${(fraction * 100).toFixed(2)}% differs, ${(extraInk * 100).toFixed(2)}% more ink; dots ${describe(ours.dots)} (Chromium ${describe(theirs.dots)}); places at most ${farthest.toFixed(1)} px from Chromium's`
			});
			const bad = [...ours.problems, ...theirs.problems, ...offPoint];
			if (fraction > MAX_DIFF[engine])
				bad.push(
					`#${step.id}: ${(fraction * 100).toFixed(2)}% of the map differs from Chromium's (at most ${MAX_DIFF[engine] * 100}%)`
				);
			if (extraInk > MAX_EXTRA_INK)
				bad.push(
					`#${step.id}: ${(extraInk * 100).toFixed(2)}% of the map is ink where Chromium's is not (at most ${MAX_EXTRA_INK * 100}%)`
				);
			if (bad.length) {
				failures.push(...bad);
				await attach(testInfo, `${step.id}-${engine}.png`, mine.image);
				await attach(testInfo, `${step.id}-chromium.png`, ref.image);
				await attach(testInfo, `${step.id}-diff.png`, diff);
			}
		}
		expect(failures).toEqual([]);
		await expectNoErrors(driver);
		await expectNoErrors(chromium, 'uncaught errors in Chromium');
	});
});

test('reloading halfway down settles on that step’s view', async ({ driver, origin }) => {
	const middle = middleStep();
	await driver.goto(`${origin}/`);
	await waitForStart(driver);
	await arriveAt(driver, middle);
	await driver.reload();
	await waitForStart(driver);
	await waitForSettled(driver, middle.view, middle);
	await expectNoErrors(driver);
});

test('a #step link opens on its view, with the step in view', async ({ driver, origin }) => {
	// A later step than the middle, whose view differs from the opening one.
	const step = steps.findLast((s) => s.view !== steps[0].view && s !== steps.at(-1))!;
	await driver.goto(`${origin}/#${step.id}`);
	await waitForSettled(driver, step.view, step);
	const inView = await driver.evaluate((id) => {
		const r = document.getElementById(id)!.getBoundingClientRect();
		return r.top < window.innerHeight && r.bottom > 0;
	}, step.id);
	expect(inView, `#${step.id} in view`).toBe(true);
	await expectNoErrors(driver);
});

test.describe('the reader’s switches', () => {
	test('list view: the still maps replace the scrolling map, with round dots, and back', async ({
		driver,
		origin
	}, testInfo) => {
		await driver.goto(`${origin}/`);
		await waitForStart(driver);
		await driver.click(LIST_SWITCH);
		await driver.waitFor(
			(sel) =>
				document.documentElement.dataset.layout === 'list' &&
				document.querySelector(sel)?.getAttribute('aria-pressed') === 'true',
			LIST_SWITCH,
			{ message: 'html[data-layout="list"]' }
		);
		await frames(driver);
		await frames(driver);
		// Known: a ResizeObserver that changes what it observes fires this on the window (STYLE.md).
		expect
			.soft(
				(await errors(driver)).filter((e) => /ResizeObserver loop/.test(e)),
				'a "ResizeObserver loop" error event on pressing the list switch'
			)
			.toEqual([]);
		const problems = await checkStillMaps(driver, `${driver.name} list view`, testInfo);
		expect.soft(problems).toEqual([]);

		await driver.click(LIST_SWITCH);
		await driver.waitFor(
			() =>
				document.documentElement.dataset.layout === undefined &&
				[...document.querySelectorAll('.static-map')].every(
					(m) => m.getBoundingClientRect().height === 0
				),
			undefined,
			{ message: 'the scrolling layout again' }
		);
		await expectNoErrors(driver);
	});

	test('animation off: the map moves to the next view without flying, and back on', async ({
		driver,
		origin
	}) => {
		const first = steps[0];
		const next = steps.find((s) => s.view !== first.view)!;
		await driver.goto(`${origin}/`);
		await waitForStart(driver);
		await waitForSettled(driver, first.view);
		await animationOff(driver);
		// Every moment the map says it is moving (a flight sets aria-busy="true").
		const watch = () => {
			const w = window as unknown as { __flying: number };
			w.__flying = 0;
			new MutationObserver(() => {
				if (document.querySelector('[data-story-map]')?.getAttribute('aria-busy') === 'true')
					w.__flying++;
			}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
			return true;
		};
		const flying = () => (window as unknown as { __flying: number }).__flying;
		await driver.evaluate(watch);
		await arriveAt(driver, next);
		expect(await driver.evaluate(flying), 'moments the map flew with animation off').toBe(0);

		await driver.click(ANIMATION_SWITCH);
		await driver.waitFor(
			() => document.documentElement.dataset.animation === undefined,
			undefined,
			{ message: 'animation on again' }
		);
		// Clicking may have scrolled the page to the switch: fly to a view other than the one shown.
		const shown = await driver.evaluate(() =>
			document.querySelector('[data-story-map]')!.getAttribute('data-view')
		);
		await arriveAt(
			driver,
			steps.find((s) => s.view !== shown)!
		);
		expect(await driver.evaluate(flying), 'the map flies again').toBeGreaterThan(0);
		// Once it has flown, the relief is drawn with no blend (src/lib/map/raster-shade.ts).
		await driver.waitFor(
			() =>
				document.querySelectorAll('[data-story-map] [data-role="relief"] image').length > 0 &&
				document.querySelectorAll('[data-story-map] rect[filter]').length === 0,
			undefined,
			{ message: `${driver.name}: the relief drawn as an image, with no blend, after a flight` }
		);
		await expectNoErrors(driver);
	});
});

test('without JavaScript, the page is the list with a still map of each view, with round dots', async ({
	engineHandle,
	origin
}, testInfo) => {
	const session = await engineHandle.noScript();
	try {
		const d = session.driver;
		await d.goto(`${origin}/`);
		// story-init.js did not run: no .js class, so the page is the article with its still maps.
		expect(await d.evaluate(() => document.documentElement.classList.contains('js'))).toBe(false);
		expect(await checkStillMaps(d, `${d.name} without scripts`, testInfo)).toEqual([]);
	} finally {
		await session.close();
	}
});

test('the embed preview: the frame grows to its story, and its map follows the host page’s scroll', async ({
	driver,
	origin
}, testInfo) => {
	test.setTimeout(90_000);
	await driver.goto(`${origin}/embed-preview/`);
	await driver.waitFor(
		() => document.querySelectorAll('[data-invisible-caliphate] iframe').length === 3,
		undefined,
		{ message: 'three embed frames' }
	);
	const FRAME = '[data-invisible-caliphate] iframe';
	// The first frame, scrolled into view (they load lazily): its height comes to its document's.
	await driver.evaluate((sel) => document.querySelector(sel)!.scrollIntoView(), FRAME);
	const sized = await driver.waitFor(
		(sel) => {
			const frame = document.querySelector<HTMLIFrameElement>(sel)!;
			const doc = frame.contentDocument;
			const map = doc?.querySelector('[data-story-map]');
			if (!doc || !map || !doc.documentElement.hasAttribute('data-started')) return null;
			const height = frame.getBoundingClientRect().height;
			const content = doc.documentElement.scrollHeight;
			return Math.abs(height - content) <= 2 && height > window.innerHeight * 2
				? { height, content }
				: null;
		},
		FRAME,
		{ message: 'the frame to take its story’s height', timeout: 20_000 }
	);
	testInfo.annotations.push({
		type: 'measured',
		description: `first frame ${sized.height} px tall, its document ${sized.content} px`
	});

	// Scroll the host page until a middle step of the story is in the host's view.
	const step = middleStep();
	await driver.evaluate(
		({ sel, id }) => {
			const frame = document.querySelector<HTMLIFrameElement>(sel)!;
			const el = frame.contentDocument!.getElementById(id)!;
			const top = frame.getBoundingClientRect().top + el.getBoundingClientRect().top;
			window.scrollTo(0, window.scrollY + top - window.innerHeight * 0.4);
		},
		{ sel: FRAME, id: step.id }
	);
	await driver.waitFor(
		({ sel, view }) => {
			const doc = document.querySelector<HTMLIFrameElement>(sel)!.contentDocument!;
			const map = doc.querySelector('[data-story-map]');
			return map?.getAttribute('data-view') === view && map.getAttribute('aria-busy') === 'false';
		},
		{ sel: FRAME, view: step.view },
		{ message: `the frame's map on "${step.view}" (step #${step.id})` }
	);
	// Every frame loaded and started (each lazy until scrolled to): Firefox reported resize-observer
	// errors while the frames loaded, and a frame never loaded is not checked for errors at all.
	const count = await driver.evaluate((sel) => document.querySelectorAll(sel).length, FRAME);
	for (let i = 0; i < count; i++) {
		await driver.waitFor(
			({ sel, i }) => {
				const frame = document.querySelectorAll<HTMLIFrameElement>(sel)[i];
				frame.scrollIntoView();
				// A frame still loading can have a document with no element yet (Firefox, once in seven runs).
				return frame.contentDocument?.documentElement?.hasAttribute('data-started') ?? false;
			},
			{ sel: FRAME, i },
			{ message: `embed frame ${i + 1} of ${count} started`, timeout: 20_000 }
		);
	}
	await expectNoErrors(driver, 'uncaught errors in the host page or its frames');
});
