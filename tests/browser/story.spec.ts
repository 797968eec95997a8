// What a reader of the built page would notice: every step brings its map, however they get there; the
// words are in the HTML before any script runs; nothing jumps, breaks, leaks or overflows.
import { test, expect, type Page } from '@playwright/test';
import {
	recordBusy,
	busyMoments,
	LONGEST_FLIGHT_MS,
	SHORTEST_FLIGHT_MS,
	runClock,
	POLL,
	arriveAt,
	ROUTE_VIEWS,
	copy,
	decodeEntities,
	mapState,
	middleStep,
	recordSteps,
	scrollToStep,
	stepEvents,
	steps,
	textsOf,
	views,
	waitForActiveStep,
	waitForArrival,
	waitForView
} from './helpers';

const first = steps[0];
const last = steps[steps.length - 1];

/** The map's SVG viewBox, as numbers: where the camera's window was last drawn. */
const mapViewBox = async (page: Page) =>
	(await page.locator('[data-story-map] .frame > svg').getAttribute('viewBox'))
		?.split(' ')
		.map(Number);

/** The animations of the map still playing or holding a frame: what it is keyed with in flight. */
const mapAnimations = (page: Page) =>
	page.evaluate(() =>
		document
			.querySelector('[data-story-map]')!
			.getAnimations({ subtree: true })
			.map((a) => `${(a.effect as KeyframeEffect).target?.nodeName} ${a.playState}`)
	);

/** Collapses runs of white space, as a reader sees text. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test.describe('scrolling through the story', () => {
	test('reading forward: every step shows its text and settles the map on its view', async ({
		page
	}) => {
		// The camera's flights are fast-forwarded (a fake clock): the flights themselves are tested
		// below and in robustness.spec.ts, with the errors of real scrolls and flings; requests to
		// other origins, in security.spec.ts.
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
		page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
		await page.clock.install();
		await recordSteps(page);
		await page.goto('/');

		const sections = page.locator('[data-step]');
		await expect(sections).toHaveCount(steps.length);
		expect(await sections.evaluateAll((els) => els.map((e) => e.id))).toEqual(
			steps.map((s) => s.id)
		);

		for (const step of steps) {
			await arriveAt(page, step, { fastForward: true });
			const section = page.locator(`#${step.id}`);
			await expect(section).toHaveClass(/\bactive\b/);
			await expect(section).toBeInViewport();
			// Every paragraph (and the pull quote) is on the page, visible, in the copy's order.
			const text = squash(await section.innerText());
			let from = 0;
			for (const t of textsOf(step)) {
				const at = text.indexOf(t, from);
				expect(
					at,
					`"${t.slice(0, 40)}…" in step ${step.id}, after the text before it`
				).toBeGreaterThanOrEqual(from);
				from = at + t.length;
				await expect(section.getByText(t.slice(0, 60)).first()).toBeVisible();
			}
		}

		expect(await stepEvents(page)).toEqual(steps.map((s) => s.id));
		// Past the last step, the credits: the map stays on the last view.
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await expect(page.locator('.credits')).toBeInViewport();
		await waitForView(page, last.view);
		expect(errors, 'console errors and page errors').toEqual([]);
	});

	test('reading backward: from the last step to the first, each step settles the map on its view', async ({
		page
	}) => {
		// Like the forward test, this one runs the page's clock through the flights instead of waiting
		// them out, which keeps the suite short.
		await page.clock.install();
		await recordSteps(page);
		await page.goto('/');
		await waitForView(page, first.view);
		await arriveAt(page, last, { fastForward: true });

		const before = (await stepEvents(page)).length;
		const backward = steps.slice(0, -1).reverse();
		for (const step of backward) await arriveAt(page, step, { fastForward: true });

		expect((await stepEvents(page)).slice(before)).toEqual(backward.map((s) => s.id));
	});

	test('jumping: top to the last step, to the middle, and back mid-flight, lands on the right views', async ({
		page,
		context
	}) => {
		const middle = middleStep();
		// The page's clock, held still for the turn-back: the camera lands on a timer, so a flight under
		// way stays under way until the clock is run, however slow the machine.
		await page.clock.install();
		await recordSteps(page);
		await page.goto('/');
		await waitForView(page, first.view);
		await waitForArrival(page);

		await arriveAt(page, last, { fastForward: true });
		await arriveAt(page, middle, { fastForward: true });

		// Change course while the camera is still flying to the last view.
		await page.clock.pauseAt(await page.evaluate(() => Date.now() + 100));
		await scrollToStep(page, last.id);
		await waitForActiveStep(page, last.id);
		await expect
			.poll(() => mapState(page), { ...POLL, message: 'the camera takes off for the last view' })
			.toEqual({ view: null, busy: 'true' });
		const takeOff = await mapViewBox(page);
		// A third of the way, at most, into a flight of at least 0.7 s (src/lib/map/camera.ts).
		await runClock(page, SHORTEST_FLIGHT_MS / 3);
		expect(await mapState(page), 'in flight before turning back').toEqual({
			view: null,
			busy: 'true'
		});
		await scrollToStep(page, middle.id);
		await waitForActiveStep(page, middle.id);
		// It turned back in flight, from where the camera was: between the two views, not at either.
		await expect
			.poll(() => mapViewBox(page), { ...POLL, message: 'the turn-back takes off mid-way' })
			.not.toEqual(takeOff);
		expect(await mapState(page), 'in flight back to the middle view').toEqual({
			view: null,
			busy: 'true'
		});
		expect((await mapAnimations(page)).length, "the map's animations in flight").toBeGreaterThan(0);
		await runClock(page, LONGEST_FLIGHT_MS);
		await waitForView(page, middle.view);
		const jumped = await mapViewBox(page);

		// The same framing as a reader who arrives at that step directly (with the clock, which is the
		// context's, running again).
		await page.clock.resume();
		const direct = await context.newPage();
		await recordSteps(direct);
		await direct.goto(`/#${middle.id}`);
		await waitForActiveStep(direct, middle.id);
		await waitForView(direct, middle.view);
		expect(jumped).toEqual(await mapViewBox(direct));
		// And nothing is left in flight: no animation of the map still playing or holding a frame.
		expect(await mapState(page)).toEqual({ view: middle.view, busy: 'false' });
		expect(await mapAnimations(page), "the map's animations after the landing").toEqual([]);
	});

	test('reloading halfway down keeps the place and the map', async ({ page }) => {
		const middle = middleStep();
		await recordSteps(page);
		await page.goto('/');
		await arriveAt(page, middle);
		const y = await page.evaluate(() => window.scrollY);

		await recordBusy(page);
		await page.reload();
		// The page restores the reader's scroll position (SvelteKit's own restoration).
		await expect.poll(() => page.evaluate(() => window.scrollY), POLL).toBeCloseTo(y, -1);
		await waitForActiveStep(page, middle.id);
		await waitForView(page, middle.view);
		await expect(page.locator(`#${middle.id}`)).toHaveClass(/\bactive\b/);
		// It goes straight there: no flight from the opening view on arrival.
		expect(await busyMoments(page)).toEqual([]);
	});

	const deepLinks = [
		['a middle step', middleStep()],
		['a step near the end', steps[steps.length - 2]],
		['the last step', last]
	] as const;
	for (const [what, step] of deepLinks) {
		test(`a link to ${what} (#${step.id}) opens on its view`, async ({ page }) => {
			await recordSteps(page);
			await recordBusy(page);
			await page.goto(`/#${step.id}`);
			await waitForActiveStep(page, step.id);
			await waitForView(page, step.view);
			expect(await busyMoments(page), 'the map should not fly on arrival').toEqual([]);
			await expect(page.locator(`#${step.id}`)).toBeInViewport();
			await expect(page.locator(`#${step.id}`)).toHaveClass(/\bactive\b/);
			// The card does not cover the part of the map that frames the view (on a phone, the top
			// of the screen, PHONE_FRAMED of it, with the locator and the places the step is about).
			const overlap = await page.evaluate((id) => {
				const card = document.querySelector(`#${id} .card`)!.getBoundingClientRect();
				const framed = document.querySelector('[data-story-map] .frame')!.getBoundingClientRect();
				const w = Math.min(card.right, framed.right) - Math.max(card.left, framed.left);
				const h = Math.min(card.bottom, framed.bottom) - Math.max(card.top, framed.top);
				return Math.max(0, Math.round(w)) * Math.max(0, Math.round(h));
			}, step.id);
			expect(overlap, 'px² of the card over the framed map').toBe(0);
		});
	}
});

interface DotsAndLabels {
	/** Where each place is in the map's picture, on screen. */
	points: number[][];
	/** Where each place's label puts it (its dot), on screen. */
	anchors: number[][];
	frame: number[];
}
declare global {
	interface Window {
		/** Where each place is on screen in the live map's picture and where its label points. */
		__dotsAndLabels: () => DotsAndLabels;
		/** The window's error events so far (recordErrorEvents). */
		__errorEvents: string[];
		/** The ids of the step elements intersection observers watch now. */
		__watchedSteps: () => string[];
	}
}

/** Installs window.__dotsAndLabels in every document the page loads (a script the page runs itself,
 *  so that a requestAnimationFrame loop can call it each frame). The picture's points are probes the
 *  test puts in the map's SVG at each place label's world point: the SVG is moved and redrawn by its
 *  own keyframes, the labels (and their dots) by theirs. */
function installDotsAndLabels() {
	window.__dotsAndLabels = () => {
		const map = document.querySelector('[data-story-map]')!;
		const svg = map.querySelector('svg.drawing')!;
		const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2];
		const places = [...map.querySelectorAll<HTMLElement>('.overlay .label')].filter((l) =>
			l.classList.contains('place')
		);
		const points = places.map((l) => {
			const x = l.style.getPropertyValue('--x');
			const y = l.style.getPropertyValue('--y');
			let probe = svg.querySelector<SVGCircleElement>(`circle[data-probe="${x},${y}"]`);
			if (!probe) {
				probe = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
				probe.dataset.probe = `${x},${y}`;
				probe.setAttribute('cx', x);
				probe.setAttribute('cy', y);
				probe.setAttribute('r', '0.001');
				probe.setAttribute('fill', 'none');
				svg.append(probe);
			}
			return centre(probe.getBoundingClientRect());
		});
		// A label sits 6 px from its point, on the side its class names (MapDrawing.svelte).
		const anchors = places.map((l) => {
			const r = l.getBoundingClientRect();
			const [cx, cy] = centre(r);
			if (l.classList.contains('right')) return [r.left - 6, cy];
			if (l.classList.contains('left')) return [r.right + 6, cy];
			if (l.classList.contains('above')) return [cx, r.bottom + 6];
			if (l.classList.contains('below')) return [cx, r.top - 6];
			return [cx, cy];
		});
		const f = map.querySelector('.frame')!.getBoundingClientRect();
		return { points, anchors, frame: [f.left, f.top, f.right, f.bottom] };
	};
}

/** Records the messages of the window's error events (a ResizeObserver loop among them, which is no
 *  exception: Playwright's pageerror does not see it) in window.__errorEvents. Call before goto. */
async function recordErrorEvents(page: Page) {
	await page.addInitScript(() => {
		window.__errorEvents = [];
		window.addEventListener('error', (e) => window.__errorEvents.push(e.message));
	});
}

test.describe('the reading switches', () => {
	test('the list view, on and off, fires no error event (news sites count them)', async ({
		page
	}) => {
		await recordErrorEvents(page);
		const frames = () =>
			page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);
		const errors = () => page.evaluate(() => window.__errorEvents);
		await page.goto(`/#${middleStep().id}`);
		await waitForView(page, middleStep().view);
		const toggle = page.getByRole('button', { name: /^List view/ });
		await toggle.click();
		await expect(page.locator('html')).toHaveAttribute('data-layout', 'list');
		await expect(page.locator('.static-map').first()).toBeVisible();
		// Resize observers report in the frame after the layout changes; wait out two.
		await frames();
		expect(await errors(), 'error events after the list view came on').toEqual([]);
		await toggle.click();
		await expect(page.locator('html')).not.toHaveAttribute('data-layout', 'list');
		await expect(page.locator('[data-story-map]')).toHaveAttribute('aria-busy', 'false');
		await frames();
		expect(await errors(), 'error events after the list view went off').toEqual([]);
	});
});

test.describe('Scrollama, as patched (patches/scrollama+3.2.0.patch)', () => {
	test('a step that changes height while the story keeps its own fires no error event', async ({
		page
	}) => {
		await recordErrorEvents(page);
		await page.goto('/');
		await waitForArrival(page);
		// One step grows as another shrinks (an image loading in one, a correction in the other): only
		// Scrollama's per-step observers see a change, not the scroller's on the steps' container.
		const heights = await page.evaluate(
			([a, b]) => {
				const grow = document.getElementById(a)!;
				const shrink = document.getElementById(b)!;
				const before = grow.parentElement!.getBoundingClientRect().height;
				grow.style.paddingBottom = '20px';
				shrink.style.height = `${shrink.getBoundingClientRect().height - 20}px`;
				shrink.style.overflow = 'hidden';
				return [before, grow.parentElement!.getBoundingClientRect().height];
			},
			[steps[0].id, steps[1].id]
		);
		expect(heights[1], "the steps' container keeps its height").toBe(heights[0]);
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		expect(await page.evaluate(() => window.__errorEvents)).toEqual([]);
	});
});

test.describe('the scroller watches only the steps around the reader', () => {
	test('a handful of steps is observed wherever the reader is, and each step still brings its view', async ({
		page
	}) => {
		// Which step elements intersection observers watch at each moment.
		await page.addInitScript(() => {
			const watched = new Map<IntersectionObserver, Set<Element>>();
			const { observe, unobserve, disconnect } = IntersectionObserver.prototype;
			IntersectionObserver.prototype.observe = function (el) {
				if (!watched.has(this)) watched.set(this, new Set());
				watched.get(this)!.add(el);
				return observe.call(this, el);
			};
			IntersectionObserver.prototype.unobserve = function (el) {
				watched.get(this)?.delete(el);
				return unobserve.call(this, el);
			};
			IntersectionObserver.prototype.disconnect = function () {
				watched.delete(this);
				return disconnect.call(this);
			};
			window.__watchedSteps = () =>
				[...new Set([...watched.values()].flatMap((set) => [...set]))]
					.filter((el) => el instanceof HTMLElement && el.dataset.step)
					.map((el) => el.id);
		});
		await recordSteps(page);
		await page.goto('/');
		await waitForArrival(page);
		const watched = () => page.evaluate(() => window.__watchedSteps());
		for (const step of [first, middleStep(), last]) {
			await scrollToStep(page, step.id);
			await waitForActiveStep(page, step.id);
			await waitForView(page, step.view);
			// The watched steps follow the reader: the active one and its neighbours.
			const i = steps.findIndex((s) => s.id === step.id);
			const near = steps.slice(Math.max(0, i - 1), i + 2).map((s) => s.id);
			await expect
				.poll(watched, { ...POLL, message: `steps watched at #${step.id}` })
				.toEqual(near);
		}
	});
});

test.describe('the camera in flight', () => {
	test('moves the places and their labels together, and lands where a fresh load draws the view', async ({
		page
	}) => {
		// A long flight: from the checkpoint at the airport out to the whole of Syria.
		const from = steps.find((s) => s.view === 'checkpoint')!;
		const to = steps.find((s, i) => i > steps.indexOf(from) && s.view !== 'checkpoint')!;
		await page.addInitScript(installDotsAndLabels);
		await page.goto(`/#${from.id}`);
		await waitForView(page, from.view);
		await page.waitForSelector('html[data-started]');
		// Each frame the browser draws is read; and each time the picture is keyed afresh (at take-off
		// and at every redraw), its stretch of the flight is read at ten moments, by seeking its
		// animations and the labels' there and back in one task: on a loaded machine the browser drew
		// the flight in a handful of frames.
		await page.evaluate(() => {
			const w = window as unknown as { __frames: (DotsAndLabels & { at: string })[] };
			w.__frames = [];
			const map = document.querySelector('[data-story-map]')!;
			const svg = map.querySelector('svg.drawing')!;
			let keyed: Animation | undefined;
			const tick = () => {
				const busy = map.getAttribute('aria-busy') === 'true' ? 'in flight' : 'at rest';
				const now = `${Math.round(performance.now())} ms`;
				w.__frames.push({ ...window.__dotsAndLabels(), at: `frame at ${now}, ${busy}` });
				const picture = svg.getAnimations()[0];
				if (picture && picture !== keyed && map.getAttribute('aria-busy') === 'true') {
					keyed = picture;
					const all = [
						picture,
						...[...map.querySelectorAll('.overlay .label')].flatMap((l) => l.getAnimations())
					];
					const starts = all.map((a) => a.startTime);
					const offsets = (picture.effect as KeyframeEffect)
						.getKeyframes()
						.map((k) => k.computedOffset);
					const duration = Number(picture.effect!.getComputedTiming().duration);
					const [from, to] = [offsets[1], offsets[offsets.length - 2]];
					for (let i = 0; i < 10; i++) {
						const offset = from + ((to - from) * i) / 9;
						for (const a of all) a.currentTime = duration * offset;
						w.__frames.push({
							...window.__dotsAndLabels(),
							at: `picture keyed at ${now}, seeked to ${offset.toFixed(3)} of its flight`
						});
					}
					all.forEach((a, i) => (a.startTime = starts[i]));
				}
				if (w.__frames.length < 1000) requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		await scrollToStep(page, to.id);
		await waitForView(page, to.view);
		const frames = await page.evaluate(() => {
			const w = window as unknown as { __frames: (DotsAndLabels & { at: string })[] };
			const out = w.__frames;
			w.__frames = [];
			return out.filter((f) => f.points.length > 0);
		});
		expect(frames.length, "frames with the new view's places").toBeGreaterThan(10);
		// What the reader sees: the places inside the map's frame.
		const apart = frames.flatMap((f) =>
			f.points
				.map((d, i) => [d, f.anchors[i]])
				.filter(
					([d]) =>
						d[0] >= f.frame[0] && d[0] <= f.frame[2] && d[1] >= f.frame[1] && d[1] <= f.frame[3]
				)
				.map(([d, a]) => ({ at: f.at, px: Math.hypot(d[0] - a[0], d[1] - a[1]) }))
		);
		const round = (list: number[][]) => JSON.stringify(list.map((p) => p.map(Math.round)));
		const seen = (f: (typeof frames)[number]) =>
			`${f.at}: places ${round(f.points)} in the frame ${round([f.frame])}`;
		expect(
			apart.length,
			`places seen in flight, of ${frames.length} frames from ${seen(frames[0])} to ${seen(frames[frames.length - 1])}`
		).toBeGreaterThan(10);
		// The picture and the labels are keyed apart from each other (MapDrawing.fly), the picture drawn
		// again as the camera zooms: they must keep together at every frame.
		const farthest = apart.reduce((a, b) => (b.px > a.px ? b : a));
		expect(
			farthest.px,
			`the farthest a dot and label strayed from the map, px (${farthest.at}; ${apart.filter((a) => a.px >= 2).length} of ${apart.length} places seen 2 px or more apart)`
		).toBeLessThan(2);
		const landed = await page.evaluate(() => window.__dotsAndLabels());
		await page.goto(`/#${to.id}`);
		await waitForView(page, to.view);
		const fresh = await page.evaluate(() => window.__dotsAndLabels());
		expect(landed.anchors.length).toBeGreaterThan(0);
		// Both the map's picture (its points) and the labels with their dots land where they load.
		expect(landed.points.length).toBe(fresh.points.length);
		landed.points.forEach((d, i) => {
			expect(
				Math.abs(d[0] - fresh.points[i][0]) + Math.abs(d[1] - fresh.points[i][1])
			).toBeLessThan(1);
		});
		landed.anchors.forEach((d, i) => {
			expect(
				Math.abs(d[0] - fresh.anchors[i][0]) + Math.abs(d[1] - fresh.anchors[i][1])
			).toBeLessThan(1);
		});
	});
});

test.describe('the locator', () => {
	test("follows the camera's window through a flight into a zoomed-in view", async ({
		page
	}, testInfo) => {
		test.skip(
			testInfo.project.name !== 'desktop',
			'the same keyframes at every size: checked once'
		);
		// The story opens on the whole region (no inset); its next view is zoomed in, with the inset.
		const to = steps.find((s) => s.view !== first.view)!;
		await page.goto('/');
		await waitForView(page, first.view);
		await page.waitForSelector('html[data-started]');
		await expect(page.locator('[data-story-map] .locator')).toHaveCount(0);
		// At take-off, its frame's keyframes are read at 20 moments of the flight, by seeking the
		// animations there and back in one task (sampled frame by frame instead, a loaded machine drew
		// the flight in a handful of frames).
		await page.evaluate(() => {
			const w = window as unknown as { __edges: Promise<string[]> };
			w.__edges = new Promise((done) => {
				const tick = () => {
					const edge = document.querySelector('[data-story-map] .locator .window span');
					const keyed = edge?.getAnimations() ?? [];
					if (!edge || keyed.length === 0) return requestAnimationFrame(tick);
					const seen: string[] = [];
					for (const a of keyed) {
						const { startTime } = a;
						const duration = Number(a.effect!.getComputedTiming().duration);
						for (let i = 0; i < 20; i++) {
							a.currentTime = (duration * i) / 19;
							const r = edge.getBoundingClientRect();
							seen.push([r.left, r.top, r.width].map((n) => n.toFixed(1)).join(' '));
						}
						a.startTime = startTime;
					}
					done(seen);
				};
				requestAnimationFrame(tick);
			});
		});
		await scrollToStep(page, to.id);
		const seen = await page.evaluate(
			() => (window as unknown as { __edges: Promise<string[]> }).__edges
		);
		await waitForView(page, to.view);
		expect(seen.length, 'moments of the flight with the inset on screen').toBe(20);
		// Its frame moves and changes size with the camera, not only at the landing.
		expect(new Set(seen).size, 'different places of the frame in flight').toBeGreaterThan(10);
	});
});

test.describe('the base layers', () => {
	test('zooming out, the view left keeps its layers until the camera lands; zooming in, they go at take-off', async ({
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the layers follow the flight at any size');
		// The layers each view draws, as its still map (after its step's text) uses them, read from the
		// page's HTML (a second page would leave this one in the background, where it is not drawn).
		const html = await (await page.request.get('/')).text();
		const drawnLayers: Record<string, string[]> = {};
		for (const [, id, body] of html.matchAll(/data-static-view="([^"]+)"([\s\S]*?)<\/figure>/g))
			drawnLayers[id] = [...body.matchAll(/<use href="#base-([^"]+)" class="layer"/g)].map(
				(m) => m[1]
			);
		const layersOf = (id: string): string[] => drawnLayers[id];
		// From the checkpoint at street level out to Syria, and back in.
		const street = steps.find((s) => s.view === 'checkpoint')!;
		const wide =
			steps[
				steps.indexOf(street) +
					1 +
					steps.slice(steps.indexOf(street) + 1).findIndex((s) => s.view !== street.view)
			];
		const leaving = layersOf(street.view).filter((l) => !layersOf(wide.view).includes(l));
		const arriving = layersOf(wide.view).filter((l) => !layersOf(street.view).includes(l));
		expect(leaving.length * arriving.length, 'the two views draw different layers').toBeGreaterThan(
			0
		);
		const base = page.locator('[data-story-map] .base');
		const drawn = async () => ({
			layers: ((await base.getAttribute('data-layers')) ?? '').split(' ').sort(),
			busy: (await mapState(page)).busy
		});
		const visibility = (layer: string) =>
			base
				.locator(`.layer[data-layer="${layer}"]`)
				.evaluate((el) => getComputedStyle(el).visibility);

		await page.clock.install();
		await recordSteps(page);
		await page.goto(`/#${street.id}`);
		await waitForView(page, street.view);
		// From here the page's clock stands still but when the test runs it: a flight is held in the
		// air until then (an installed clock runs on by itself, and a loaded machine could land the
		// camera before the test had looked).
		await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
		// The story flies only once it has arrived, two frames after it starts (src/lib/Story.svelte):
		// run the page's clock past them, or a busy machine can scroll first and the map jumps.
		await page.clock.runFor(100);
		// Out: in flight (the page's clock holds it there), the streets are drawn beside Syria's layers.
		await scrollToStep(page, wide.id);
		await waitForActiveStep(page, wide.id);
		const both = [...new Set([...layersOf(street.view), ...layersOf(wide.view)])].sort();
		await expect.poll(drawn, POLL).toEqual({ layers: both, busy: 'true' });
		for (const layer of leaving) expect(await visibility(layer), layer).toBe('visible');
		// Landed: the view's own layers.
		await runClock(page, LONGEST_FLIGHT_MS);
		await waitForView(page, wide.view);
		expect((await drawn()).layers).toEqual([...layersOf(wide.view)].sort());
		// In: the layers of the view left go as the camera takes off.
		await scrollToStep(page, street.id);
		await waitForActiveStep(page, street.id);
		await expect
			.poll(drawn, POLL)
			.toEqual({ layers: [...layersOf(street.view)].sort(), busy: 'true' });
		await runClock(page, LONGEST_FLIGHT_MS);
		await waitForView(page, street.view);
	});
});

test.describe('the labels in flight', () => {
	test('zooming in from afar, the new view’s labels wait until the camera is near; zooming out, they show all the way', async ({
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the labels follow the flight at any size');
		// What the labels' opacity was in each frame of each flight: [lowest, highest] of the labels
		// drawn (not those hidden for a flight that never comes near them).
		await page.addInitScript(() => {
			const w = window as unknown as { __labelFrames: number[][] };
			w.__labelFrames = [];
			const tick = () => {
				const map = document.querySelector('[data-story-map]');
				if (map?.getAttribute('aria-busy') === 'true') {
					const seen = [...map.querySelectorAll('.overlay .label')]
						.map((l) => getComputedStyle(l))
						.filter((c) => c.visibility !== 'hidden')
						.map((c) => +c.opacity);
					if (seen.length) w.__labelFrames.push([Math.min(...seen), Math.max(...seen)]);
				}
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		const frames = () =>
			page.evaluate(() => {
				const w = window as unknown as { __labelFrames: number[][] };
				return w.__labelFrames.splice(0);
			});
		await recordSteps(page);
		await page.goto('/');
		await waitForView(page, first.view);
		await waitForArrival(page);
		await frames();
		// In: from the region to the suburbs of Damascus, a city's worth of labels on one spot at first.
		const suburbs = steps[1];
		await scrollToStep(page, suburbs.id);
		await waitForView(page, suburbs.view);
		const zoomIn = await frames();
		expect(zoomIn.length, 'frames of the flight in').toBeGreaterThan(5);
		expect(zoomIn[0], 'the labels at take-off').toEqual([0, 0]);
		expect(
			zoomIn.some(([lo, hi]) => lo > 0 && hi < 1),
			'the labels fading in'
		).toBe(true);
		// Out: back to the region, whose labels are never in a heap.
		await scrollToStep(page, first.id, 0.1);
		await waitForView(page, first.view);
		const zoomOut = await frames();
		expect(zoomOut.length, 'frames of the flight out').toBeGreaterThan(5);
		expect(zoomOut.every(([lo]) => lo === 1)).toBe(true);
	});
});

test.describe('the scale bar', () => {
	test('is hidden while the camera flies, and measures the map where it lands', async ({
		page
	}) => {
		const target = steps.find((s) => s.view !== first.view)!;
		await page.goto('/');
		await waitForView(page, first.view);
		await waitForArrival(page);
		const scale = page.locator('[data-story-map] .scale');
		// The scale bar's opacity at the moment the map reports a flight (aria-busy), read in the page:
		// a flight can be over before a poll from here comes round.
		await page.evaluate(() => {
			const map = document.querySelector('[data-story-map]')!;
			const seen: string[] = ((window as unknown as { __scaleInFlight: string[] }).__scaleInFlight =
				[]);
			new MutationObserver(() => {
				if (map.getAttribute('aria-busy') === 'true')
					seen.push(getComputedStyle(map.querySelector('.scale')!).opacity);
			}).observe(map, { attributes: true, attributeFilter: ['aria-busy'] });
		});
		await scrollToStep(page, target.id);
		await waitForView(page, target.view);
		// Mid-flight the bar would measure a map that is no longer there.
		const inFlight = await page.evaluate(
			() => (window as unknown as { __scaleInFlight: string[] }).__scaleInFlight
		);
		expect(inFlight.length, 'the map flew to the new view').toBeGreaterThan(0);
		expect(
			inFlight.every((o) => o === '0'),
			`opacity in flight: ${inFlight}`
		).toBe(true);
		await expect.poll(() => scale.evaluate((el) => getComputedStyle(el).opacity), POLL).toBe('1');
		const { bar, expected } = await page.evaluate(() => {
			const map = document.querySelector('[data-story-map]')!;
			const frame = map.querySelector('.frame')!.getBoundingClientRect();
			const [, , vw, vh] = map
				.querySelector('.frame > svg')!
				.getAttribute('viewBox')!
				.split(' ')
				.map(Number);
			const el = map.querySelector<HTMLElement>('.scale')!;
			const units = Number(getComputedStyle(el).getPropertyValue('--units'));
			return {
				bar: el.querySelector('.bar')!.getBoundingClientRect().width,
				expected: units * Math.min(frame.width / vw, frame.height / vh)
			};
		});
		expect(Math.abs(bar - expected), `bar ${bar} px, the view's scale ${expected} px`).toBeLessThan(
			1
		);
	});
});

test.describe('before and during hydration', () => {
	test('the prerendered HTML holds every word and the first map view', async ({ request }) => {
		const response = await request.get('/');
		expect(response.ok()).toBe(true);
		const html = await response.text();
		const text = decodeEntities(html);

		let from = 0;
		for (const step of steps) {
			for (const t of textsOf(step)) {
				const at = text.indexOf(t, from);
				expect(
					at,
					`"${t.slice(0, 40)}…" (step ${step.id}) in the HTML, in order`
				).toBeGreaterThanOrEqual(from);
				from = at + t.length;
			}
		}

		const mapTag = /<div\b[^>]*\bdata-story-map\b[^>]*>/.exec(html);
		expect(mapTag, 'the map root [data-story-map]').not.toBeNull();
		expect(mapTag![0]).toContain(`data-view="${first.view}"`);
		const afterMap = html.slice(mapTag!.index);
		expect(afterMap).toMatch(/<svg\b/);
		expect(afterMap).toMatch(/<path id="m-syria"/);
	});

	test('without JavaScript the page reads as an article with a still map after each part', async ({
		browser
	}, testInfo) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: testInfo.project.use.viewport
		});
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('h1')).toHaveText(copy.meta.title);
		// The kicker and the credits' headings are the copy's words too.
		await expect(page.locator('.kicker')).toHaveText(copy.meta.kicker);
		await expect(page.locator('.credits h2')).toHaveText([copy.credits.map, copy.credits.dates]);
		await expect(page.locator('.credits p').first()).toHaveText(copy.credits['hand-drawn']);
		await expect(page.locator('[data-step]')).toHaveCount(steps.length);
		// In reading order: one still map per run of steps sharing a view, each drawn (not blank).
		const runs = steps.map((s) => s.view).filter((v, i, all) => all[i + 1] !== v);
		const maps = page.locator('figure.static-map');
		await expect(maps).toHaveCount(runs.length);
		expect(
			await maps.evaluateAll((els) => els.map((e) => e.getAttribute('data-static-view')))
		).toEqual(runs);
		for (const i of [0, runs.length - 1]) {
			await maps.nth(i).scrollIntoViewIfNeeded();
			await expect(maps.nth(i)).toBeVisible();
			const box = await maps.nth(i).locator('svg').boundingBox();
			expect(box?.width).toBeGreaterThan(250);
			expect(box?.height).toBeGreaterThan(150);
			// Framed 4:3, as the still map's styles set it.
			expect(box!.width / box!.height).toBeCloseTo(4 / 3, 1);
		}
		// The map's drawing is there (the still maps reuse it), and no control that needs scripts shows.
		await expect(page.locator('#m-syria')).toHaveCount(1);
		await expect(page.getByRole('button')).toHaveCount(0);
		await context.close();
	});

	test('hydration moves nothing: no layout shift while the page loads', async ({ page }) => {
		await page.addInitScript(() => {
			window.__shifts = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[]) {
					if (!entry.hadRecentInput) window.__shifts += entry.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await recordSteps(page);
		await page.goto('/');
		await waitForActiveStep(page, first.id); // hydrated
		await waitForView(page, first.view);
		// Until what comes late is in, with no scrolling: the fonts, the page's images and the map's
		// pictures (their addresses set once the page has painted), the camera's first frames.
		await waitForArrival(page);
		await expect
			.poll(
				() =>
					page.evaluate(async () => {
						await document.fonts.ready;
						const pending = document.readyState === 'complete' ? [] : ['the document'];
						const pictures = [...document.querySelectorAll('feImage')];
						if (pictures.length === 0) pending.push("the map's pictures (none found)");
						for (const el of pictures) {
							const href = el.getAttribute('href');
							const url = href && new URL(href, document.baseURI).href;
							const loaded =
								url &&
								performance
									.getEntriesByName(url, 'resource')
									.some((e) => (e as PerformanceResourceTiming).responseEnd > 0);
							if (!loaded)
								pending.push(href ?? `${el.getAttribute('data-src')}, not yet asked for`);
						}
						return pending;
					}),
				{ ...POLL, message: "what is still loading: the document, the map's pictures" }
			)
			.toEqual([]);
		// Then two frames drawn with all of it, and a task for the shift observer to hear of them.
		await page.evaluate(
			() =>
				new Promise((done) =>
					requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))
				)
		);
		expect(
			await page.evaluate(() => window.__shifts),
			'layout shift while the page loads (CLS)'
		).toBeLessThan(0.01);
	});

	test('hydration redraws nothing: the map and its labels sit where the server put them', async ({
		page,
		browser
	}, testInfo) => {
		const measure = (p: Page) =>
			p.evaluate(() => {
				const rect = (el: Element) => {
					const r = el.getBoundingClientRect();
					return [r.x, r.y, r.width, r.height];
				};
				const labels: Record<string, number[]> = {};
				for (const el of document.querySelectorAll('[data-story-map] .label'))
					labels[el.textContent!.trim()] = rect(el);
				return { syria: rect(document.querySelector('#m-syria')!), labels };
			});

		// The prerendered page as it paints before the app's scripts run: story-init.js (in <head>)
		// runs, the app's modules are held back.
		const context = await browser.newContext({ viewport: testInfo.project.use.viewport });
		const still = await context.newPage();
		// (Held, not failed: a failed load makes story-init.js fall back to the article layout.)
		await still.route('**/_app/immutable/**/*.js', () => new Promise<void>(() => {}));
		await still.goto('/');
		const server = await measure(still);
		await context.close();

		await recordSteps(page);
		await page.goto('/');
		await waitForActiveStep(page, first.id);
		await waitForView(page, first.view);
		const client = await measure(page);

		expect(Object.keys(client.labels).sort()).toEqual(Object.keys(server.labels).sort());
		expect(Object.keys(server.labels).length).toBeGreaterThan(0);
		const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 1);
		for (const [name, box] of Object.entries(server.labels)) {
			expect(
				near(client.labels[name], box),
				`label "${name}": server ${box} vs hydrated ${client.labels[name]}`
			).toBe(true);
		}
		expect(
			near(client.syria, server.syria),
			`#m-syria: server ${server.syria} vs hydrated ${client.syria}`
		).toBe(true);
	});
});

test.describe('layout', () => {
	test('the headline and body text are readable', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('h1')).toBeVisible();
		await expect(page.locator('h1')).toHaveText(copy.meta.title);
		const size = await page
			.locator('[data-step] p')
			.first()
			.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
		expect(size).toBeGreaterThanOrEqual(17);
	});

	test.describe('at 320 px wide', () => {
		test.use({ viewport: { width: 320, height: 700 } });

		test('nothing runs off the side of the screen', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'a phone size; the same in both projects');
			await recordSteps(page);
			await page.goto('/');
			await expect(page.locator('h1')).toBeVisible();
			const overflow = () =>
				page.evaluate(() => {
					const width = document.documentElement.clientWidth;
					const wide = [
						...document.querySelectorAll(
							'h1, .dek, .byline, [data-story-map], [data-step] .card, .credits'
						)
					]
						.map((el) => ({ el, r: el.getBoundingClientRect() }))
						.filter(({ r }) => r.left < -0.5 || r.right > width + 0.5)
						.map(
							({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${r.left}..${r.right}`
						);
					return { scrollWidth: document.documentElement.scrollWidth, wide };
				});
			const check = async (where: string) => {
				const { scrollWidth, wide } = await overflow();
				expect(scrollWidth, `page width ${where}`).toBeLessThanOrEqual(320);
				expect(wide, `boxes past the screen's edges ${where}`).toEqual([]);
			};
			// Every card is measured wherever the page is scrolled; the map is sticky. Three places suffice.
			await check('at the top');
			for (const step of [middleStep(), last]) {
				await scrollToStep(page, step.id);
				await waitForActiveStep(page, step.id);
				await check(`at step ${step.id}`);
			}
		});
	});
});

test('the page carries its language, title, description, canonical link and share tags', async ({
	browser
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
	// Read from the prerendered HTML, as a crawler or a share-card scraper would (no scripts).
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	const attr = (selector: string, name: string) => page.locator(selector).getAttribute(name);

	expect(await attr('html', 'lang')).toBe('en');
	expect(await page.title()).toBe(copy.meta.title);
	expect(await attr('meta[name="description"]', 'content')).toBe(copy.meta.description);
	expect(await attr('link[rel="canonical"]', 'href')).toBe(copy.meta.canonical);
	const ogTitle = await attr('meta[property="og:title"]', 'content');
	expect(ogTitle?.replace(/["“”]/g, '"')).toBe(copy.meta.title.replace(/["“”]/g, '"'));
	expect(await attr('meta[property="og:description"]', 'content')).toBe(copy.meta.description);
	expect(await attr('meta[property="og:url"]', 'content')).toBe(copy.meta.canonical);
	expect(await attr('meta[name="twitter:card"]', 'content')).toMatch(/^summary(_large_image)?$/);
	for (const selector of [
		'head > title',
		'meta[name="description"]',
		'link[rel="canonical"]',
		'meta[property="og:title"]'
	]) {
		await expect(page.locator(selector), selector).toHaveCount(1);
	}
	await context.close();
});

test.describe('the route', () => {
	const routeIndex = steps.findIndex((s) => ROUTE_VIEWS.has(s.view));
	const routeStep = steps[routeIndex];

	/** Puts the trigger line `fraction` of the way through the step (0: it has just crossed the step's top). */
	async function scrollThrough(page: Page, id: string, fraction: number) {
		await page.evaluate(
			({ id, fraction }) => {
				const el = document.getElementById(id)!;
				const r = el.getBoundingClientRect();
				const trigger = Number(
					document.querySelector<HTMLElement>('[data-trigger]')!.dataset.trigger
				);
				const line = window.innerHeight * trigger;
				const top = line - Math.max(1, fraction * r.height);
				window.scrollTo(0, r.top + window.scrollY - top);
			},
			{ id, fraction }
		);
	}
	const nextFrames = (page: Page) =>
		page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
	const routeLength = (page: Page) =>
		page.evaluate(() => {
			// No path while nothing of the route shows yet.
			const path = document.querySelector<SVGPathElement>('[data-story-map] .route');
			return path ? path.getTotalLength() : 0;
		});

	test('is drawn progressively as the reader scrolls through its step', async ({ page }) => {
		expect(routeStep, 'a step whose view has a route').toBeDefined();
		await recordSteps(page);
		await page.goto('/');
		// Come from the step before, as a reader would.
		await scrollToStep(page, steps[routeIndex - 1].id);
		await waitForActiveStep(page, steps[routeIndex - 1].id);

		await scrollThrough(page, routeStep.id, 0);
		await waitForActiveStep(page, routeStep.id);
		await waitForView(page, routeStep.view);
		const start = await routeLength(page);

		await scrollThrough(page, routeStep.id, 0.4);
		await expect.poll(() => routeLength(page), POLL).toBeGreaterThan(start);
		const middle = await routeLength(page);

		await scrollThrough(page, routeStep.id, 1);
		await expect.poll(() => routeLength(page), POLL).toBeGreaterThan(middle);
		const end = await routeLength(page);

		expect(start).toBeLessThan(end * 0.1);
		expect(middle).toBeGreaterThan(end * 0.2);
		expect(middle).toBeLessThan(end * 0.8);
		await waitForView(page, routeStep.view);
	});

	test.describe('with reduced motion', () => {
		test.use({ reducedMotion: 'reduce' });

		test('is whole at once, and the map never animates', async ({ page }) => {
			await recordBusy(page);
			await recordSteps(page);
			await page.goto('/');
			await waitForView(page, first.view);

			for (const step of steps) {
				if (step === routeStep) {
					await scrollThrough(page, step.id, 0);
					await waitForActiveStep(page, step.id);
					await waitForView(page, step.view);
					const start = await routeLength(page);
					await scrollThrough(page, step.id, 1);
					await nextFrames(page); // let the scroller read the new position
					const end = await routeLength(page);
					expect(end).toBeGreaterThan(0);
					expect(
						Math.abs(start - end) / end,
						`route at the start ${start} vs the end ${end}`
					).toBeLessThan(0.02);
				}
				await arriveAt(page, step);
			}
			expect(await busyMoments(page)).toEqual([]);
			expect(await stepEvents(page)).toEqual(steps.map((s) => s.id));
		});
	});
});
