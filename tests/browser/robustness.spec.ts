// However a reader gets to a place in the story (random jumps, fast wheel flings, #step links with back
// and forward, a reload halfway down, turning a phone into a desktop and back, browser zoom at 125 % and
// 150 %), once the page has settled it shows what a reader who scrolled there slowly sees: the same
// active step, the same `data-view` on the map, and the same map, pixel for pixel but for anti-aliasing
// (see difference()). Nothing logs an error or leaves a promise rejection unhandled on the way.
//
// Pseudo-random moves from a fixed seed (in each test's title): ROBUST_SEED=<n> plays another game; a
// failure names the seed and the moves that led to it, and leaves both pictures in the test's output
// folder. ROBUST_DEBUG=1 prints every move with its timings. ROBUST_DEPTH scales the number of moves:
// `npm test` makes 51, loads included (depth 0.2, to keep the suite under three minutes); ROBUST_DEPTH=1 makes 206.
// Runs in the 'desktop' project only: it sets its own screen sizes.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { LONGEST_FLIGHT_MS, ROUTE_VIEWS, runClock, scrollToStep, steps } from './helpers';
import { DESKTOP_TRIGGER, PHONE_QUERY, PHONE_TRIGGER } from '../../src/lib/layout.js';
import { DESKTOP_SCREEN, PHONE_SCREEN } from '../../src/lib/map/screens.js';

const DEBUG = !!process.env.ROBUST_DEBUG;
const SEED = Number(process.env.ROBUST_SEED ?? 20250611) >>> 0;
const DEPTH = Number(process.env.ROBUST_DEPTH ?? 0.2);
/** A test's number of moves at full depth, scaled by ROBUST_DEPTH. */
const movesOf = (full: number) => Math.max(4, Math.round(full * DEPTH));

/** The copy's view for each step id. */
const VIEW_OF: Record<string, string> = Object.fromEntries(steps.map((s) => [s.id, s.view]));

const DESKTOP = DESKTOP_SCREEN;
const PHONE = PHONE_SCREEN;
/** Browser zoom: the CSS viewport shrinks by the zoom factor and devicePixelRatio grows by it. */
const zoomed = (zoom: number) => ({
	name: `${zoom * 100} %`,
	viewport: { width: Math.floor(DESKTOP.width / zoom), height: Math.floor(DESKTOP.height / zoom) },
	deviceScaleFactor: zoom
});
const ZOOMS = [zoomed(1.25), zoomed(1.5)];

/** A tiny linear congruential generator (Numerical Recipes' constants): the same seed, the same moves. */
function random(seed: number) {
	let s = seed >>> 0;
	const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	return {
		next,
		int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
		pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]
	};
}
type Random = ReturnType<typeof random>;

declare global {
	interface Window {
		__robust: { rejections: string[]; stepEvents: number };
	}
}

/** Where the page is once it has settled, and what the reader's rule says should be active there. */
interface Settled {
	timedOut: boolean;
	y: number;
	maxY: number;
	width: number;
	height: number;
	dpr: number;
	trigger: number;
	/** PHONE_TRIGGER on phones (PHONE_QUERY), else DESKTOP_TRIGGER: what data-trigger should say at
	 *  this width. */
	expectedTrigger: number;
	/** The step a reader expects at this scroll position: the last whose top has crossed the line. */
	expected: string;
	active: string[];
	view: string | null;
	busy: string | null;
	/** The map's box on screen, CSS px. */
	map: { x: number; y: number; width: number; height: number };
}

/**
 * Waits (in the page, frame by frame) until the scroll position, the viewport, the active step and the
 * map's state have not changed for `frames` frames, with `data-view` present, the map not busy and its
 * relief's pictures in; then reads where the steps are and works out the active step as a reader would
 * (src/lib/scrolly/active.ts: the last step whose top is at or above the trigger line, stopping at the
 * first that is not; the first step before any has crossed it).
 */
async function settle(page: Page, frames = 3, timeout = 10_000): Promise<Settled> {
	const layout = { query: PHONE_QUERY, phone: PHONE_TRIGGER, desktop: DESKTOP_TRIGGER };
	return page.evaluate(
		({ frames, timeout, layout }) =>
			new Promise<Settled>((resolve) => {
				const started = Date.now();
				// Arrived resources, from an observer: page.clock.install() fakes `performance`, whose
				// entries then never list them (CI timed out here with motion on).
				const loaded = new Set<string>();
				const resources = new PerformanceObserver((list) => {
					for (const r of list.getEntries()) loaded.add(r.name);
				});
				resources.observe({ type: 'resource', buffered: true });
				let last = '';
				let same = 0;
				const read = () => {
					const map = document.querySelector('[data-story-map]')!;
					const container = document.getElementById('story-text')!;
					const sections = Array.from(
						container.querySelectorAll<HTMLElement>(':scope > [data-step]')
					);
					return { map, container, sections };
				};
				const finish = (timedOut: boolean) => {
					resources.disconnect();
					const { map, container, sections } = read();
					const expectedTrigger = matchMedia(layout.query).matches ? layout.phone : layout.desktop;
					const line = innerHeight * expectedTrigger;
					let index = 0;
					const tops = sections.map((s) => s.getBoundingClientRect().top);
					for (let i = 0; i < tops.length; i++) {
						if (tops[i] <= line) index = i;
						else break;
					}
					const r = map.getBoundingClientRect();
					resolve({
						timedOut,
						y: scrollY,
						maxY: document.documentElement.scrollHeight - innerHeight,
						width: innerWidth,
						height: innerHeight,
						dpr: devicePixelRatio,
						trigger: Number(container.dataset.trigger),
						expectedTrigger,
						expected: sections[index].id,
						active: sections.filter((s) => s.classList.contains('active')).map((s) => s.id),
						view: map.getAttribute('data-view'),
						busy: map.getAttribute('aria-busy'),
						map: { x: r.x, y: r.y, width: r.width, height: r.height }
					});
				};
				const tick = () => {
					const { map, sections } = read();
					const view = map.getAttribute('data-view');
					const busy = map.getAttribute('aria-busy');
					const active = sections.filter((s) => s.classList.contains('active')).map((s) => s.id);
					// The relief's pictures load after the first paint (MapDrawing.svelte): a map is settled
					// once each has its address and has arrived (the reader at move 0 was shot before).
					const arrived = Array.from(
						map.querySelectorAll<SVGFEImageElement>('feImage[data-src]'),
						(image) => image.getAttribute('href')
					).every((href) => href !== null && loaded.has(new URL(href, location.href).href));
					const key = [scrollX, scrollY, innerWidth, innerHeight, active, view, busy].join('|');
					same = key === last && view !== null && busy !== 'true' && arrived ? same + 1 : 0;
					last = key;
					if (same >= frames) return finish(false);
					if (Date.now() - started > timeout) return finish(true);
					requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			}),
		{ frames, timeout, layout }
	);
}

/** Waits until the scroll position and the active step have not changed for a few frames (the camera
 *  may still be flying). */
async function quiet(page: Page, frames = 3): Promise<void> {
	await page.evaluate(
		(frames) =>
			new Promise<void>((resolve) => {
				let last = '';
				let same = 0;
				const tick = () => {
					const active = document.querySelector('#story-text > .active')?.id;
					const key = `${scrollY}|${innerWidth}|${innerHeight}|${active}`;
					same = key === last ? same + 1 : 0;
					last = key;
					if (same >= frames) resolve();
					else requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			}),
		frames
	);
}

/** Where between two device pixels the scroll position falls, in eighths. */
function phaseOf(y: number, dpr: number): number {
	return Math.round(((((y * dpr) % 1) + 1) % 1) * 8) % 8;
}

/** What is on screen of the map: its box, cut to the viewport. */
function visibleMap(s: Settled) {
	const top = Math.max(0, s.map.y);
	const bottom = Math.min(s.height, s.map.y + s.map.height);
	return { x: s.map.x, y: top, width: s.map.width, height: Math.max(0, bottom - top) };
}

/** The map fills the screen's height, stuck to the top: where it is on screen does not depend on y. */
function stuck(s: Settled): boolean {
	return Math.abs(s.map.y) < 0.01 && Math.abs(s.map.y + s.map.height - s.height) < 0.01;
}

/**
 * A picture of the map as it is on screen: its drawing, labels, scale bar, locator and legend. The step
 * cards, which pass over the map on phones, are hidden for the picture (visibility only: nothing moves);
 * CSS transitions (the layers' 400 ms fades) are taken to their end, which settling does not wait for.
 */
async function shoot(page: Page, s: Settled): Promise<Buffer> {
	const clip = visibleMap(s);
	if (clip.height < 1) return Buffer.alloc(0);
	return page.screenshot({
		clip,
		animations: 'disabled',
		caret: 'hide',
		style: '#story-text { visibility: hidden !important; }'
	});
}

/** A minimal PNG decoder (8-bit RGB or RGBA, non-interlaced: what Chromium writes), so pictures can be
 *  compared pixel by pixel without a dependency. */
function decodePng(png: Buffer): { width: number; height: number; channels: number; data: Buffer } {
	let pos = 8;
	let width = 0;
	let height = 0;
	let channels = 0;
	const idat: Buffer[] = [];
	while (pos < png.length) {
		const length = png.readUInt32BE(pos);
		const type = png.toString('latin1', pos + 4, pos + 8);
		const body = png.subarray(pos + 8, pos + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			if (body[8] !== 8 || body[12] !== 0) throw new Error('unsupported PNG (bit depth/interlace)');
			channels = ({ 2: 3, 6: 4 } as Record<number, number>)[body[9]];
			if (!channels) throw new Error('unsupported PNG (not RGB or RGBA)');
		} else if (type === 'IDAT') idat.push(body);
		else if (type === 'IEND') break;
		pos += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	const data = Buffer.alloc(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		const row = y * (stride + 1) + 1;
		for (let x = 0; x < stride; x++) {
			const v = raw[row + x];
			const a = x >= channels ? data[y * stride + x - channels] : 0;
			const b = y > 0 ? data[(y - 1) * stride + x] : 0;
			const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels] : 0;
			let out = v;
			if (filter === 1) out = v + a;
			else if (filter === 2) out = v + b;
			else if (filter === 3) out = v + ((a + b) >> 1);
			else if (filter === 4) {
				const p = a + b - c;
				const pa = Math.abs(p - a);
				const pb = Math.abs(p - b);
				const pc = Math.abs(p - c);
				out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
			}
			data[y * stride + x] = out & 0xff;
		}
	}
	return { width, height, channels, data };
}

/** Each colour channel averaged over a pixel and its eight neighbours. */
function blur({
	width: w,
	height: h,
	channels: n,
	data
}: ReturnType<typeof decodePng>): Float32Array {
	const out = new Float32Array(w * h * 3);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++)
			for (let c = 0; c < 3; c++) {
				let sum = 0;
				let count = 0;
				for (let dy = -1; dy <= 1; dy++)
					for (let dx = -1; dx <= 1; dx++) {
						const yy = y + dy;
						const xx = x + dx;
						if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
						sum += data[(yy * w + xx) * n + c];
						count++;
					}
				out[(y * w + x) * 3 + c] = sum / count;
			}
	return out;
}

/** How many pixels of `a` have nothing like them (within `tolerance` on every channel) at the same
 *  place in `b` or up to `radius` device pixels away. */
function unmatched(
	a: Float32Array,
	b: Float32Array,
	w: number,
	h: number,
	tolerance: number,
	radius: number
) {
	let count = 0;
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const i = (y * w + x) * 3;
			let best = Infinity;
			for (let dy = -radius; dy <= radius && best > tolerance; dy++)
				for (let dx = -radius; dx <= radius; dx++) {
					const yy = y + dy;
					const xx = x + dx;
					if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
					const j = (yy * w + xx) * 3;
					const d = Math.max(
						Math.abs(a[i] - b[j]),
						Math.abs(a[i + 1] - b[j + 1]),
						Math.abs(a[i + 2] - b[j + 2])
					);
					if (d < best) best = d;
				}
			if (best > tolerance) count++;
		}
	return count;
}

/** Pixels allowed to differ, beyond the wobble, before two pictures count as different. Measured: a
 *  hidden label costs 600 or more; a label moved by two device pixels 100 or more (where the wobble
 *  allowed is one pixel); the same place reached by different paths, 0 to 15. */
const ALLOWED_PIXELS = 24;

/**
 * How two pictures differ: null when they are the same, byte for byte, or but for anti-aliasing and text
 * landing a device pixel or so higher or lower (compared softened by a 3×3 average, each pixel against
 * its neighbours within `radius` device pixels in the other, both ways); otherwise how.
 *
 * `radius` is 1 where the map is stuck to the top of the screen, 2 where it is partly scrolled off
 * (above or below the story): it then sits a fraction of a device pixel off the pixel grid, and the
 * legend's text was seen to land up to two device pixels differently at the very same y after a
 * different path there (Chromium's rasterization, not the page's layout, which was identical).
 */
function difference(actual: Buffer, expected: Buffer, radius: number): string | null {
	if (actual.equals(expected)) return null;
	if (actual.length === 0 || expected.length === 0) return 'one picture is empty';
	const a = decodePng(actual);
	const e = decodePng(expected);
	if (a.width !== e.width || a.height !== e.height)
		return `size ${a.width}×${a.height} vs ${e.width}×${e.height}`;
	const ab = blur(a);
	const eb = blur(e);
	const off = Math.max(
		unmatched(ab, eb, a.width, a.height, 32, radius),
		unmatched(eb, ab, a.width, a.height, 32, radius)
	);
	if (DEBUG) console.log(`  (pixels compared, not bytes: ${off} off)`);
	if (off <= ALLOWED_PIXELS) return null;
	return `${off} of ${a.width * a.height} pixels differ`;
}

const sizeKey = (s: { width: number; height: number; dpr: number }) =>
	`${s.width}×${s.height}@${s.dpr}`;

/** Errors, console errors and unhandled rejections from every page of a test. */
class Problems {
	list: string[] = [];
	async watch(page: Page, label: string): Promise<void> {
		page.on('console', (m) => {
			if (m.type() === 'error') this.list.push(`${label}: console error: ${m.text()}`);
		});
		page.on('pageerror', (e) => this.list.push(`${label}: page error: ${e.message}`));
		await page.addInitScript(() => {
			window.__robust = { rejections: [], stepEvents: 0 };
			window.addEventListener('unhandledrejection', (e) => {
				const r = e.reason as { stack?: string } | undefined;
				window.__robust.rejections.push(String(r?.stack ?? r));
			});
			window.addEventListener('storystep', () => window.__robust.stepEvents++);
		});
	}
	/** Collects the document's unhandled rejections (before it is replaced, and at the end). */
	async drain(page: Page, label: string): Promise<void> {
		const found = await page.evaluate(() => window.__robust?.rejections.splice(0) ?? []);
		for (const r of found) this.list.push(`${label}: unhandled rejection: ${r}`);
	}
}

/**
 * The slow reader: pages loaded fresh at each size that go from step to step in order, settling on each
 * before the next, and so know what each step's map looks like. Where the map is stuck full-height to
 * the top of the screen, a step's picture does not depend on where in the step the reader is (except a
 * route drawn as the reader scrolls, with motion on), so it is kept per step; elsewhere (above the story,
 * below it) the slow reader scrolls, still step by step, to the very same y.
 */
class SlowReader {
	private pages = new Map<string, Page[]>();
	private cache = new Map<string, Buffer>();
	private contexts: BrowserContext[] = [];
	/** What went wrong in the slow readers' pages, for the test that reads it (take()). */
	private problems = new Problems();
	/** Each slow reader has a browser context (a window) of its own: a page in a background tab of
	 *  the reader's window would get one animation frame a second. */
	constructor(
		private browser: Browser,
		private contextOptions: Parameters<Browser['newContext']>[0],
		private options: { motion: boolean }
	) {}

	/** Settles, jumping the page's clock past any camera flight first when motion is on. */
	private async rest(page: Page): Promise<Settled> {
		if (this.options.motion) {
			await quiet(page);
			// Jump the clock through the camera's flight (the page goes through the same frames).
			await runClock(page, LONGEST_FLIGHT_MS);
		}
		const s = await settle(page);
		expect(s.timedOut, `slow reader settled (${JSON.stringify(s)})`).toBe(false);
		return s;
	}

	private async open(size: { width: number; height: number }, label: string): Promise<Page> {
		const context = await this.browser.newContext({ ...this.contextOptions, viewport: size });
		this.contexts.push(context);
		const page = await context.newPage();
		await this.problems.watch(page, label);
		if (this.options.motion) await page.clock.install();
		await page.goto('/');
		await expect.poll(() => page.evaluate(() => window.__robust.stepEvents)).toBeGreaterThan(0);
		return page;
	}

	private ready = new Map<string, Promise<void>>();

	/**
	 * Reads every step slowly, in order, at this size, keeping each step's picture. Two slow readers
	 * share the work, each reading from the top: one keeps the first half's pictures, the other the
	 * second half's (reading is mostly waiting for frames, so two at once take little longer than one).
	 */
	prepare(size: { width: number; height: number }, dpr: number): Promise<void> {
		const key = sizeKey({ ...size, dpr });
		let ready = this.ready.get(key);
		if (!ready) {
			const half = Math.ceil(steps.length / 2);
			ready = Promise.all([
				this.readThrough(size, key, 0, half),
				this.readThrough(size, key, half, steps.length),
				// A third stays at the top, for places above the story, where the map is not yet stuck.
				this.open(size, `slow reader ${key} (top)`)
			]).then((pages) => void this.pages.set(key, pages));
			this.ready.set(key, ready);
			ready.catch(() => undefined); // awaited (and reported) by picture()
		}
		return ready;
	}

	private async readThrough(
		size: { width: number; height: number },
		key: string,
		from: number,
		to: number
	): Promise<Page> {
		const page = await this.open(size, `slow reader ${key} (steps ${from + 1}–${to})`);
		for (const [i, step] of steps.slice(0, to).entries()) {
			// Where the step is comfortably active and the map stuck (the first step's top has to be
			// higher up the screen: the map only sticks once the headline has gone).
			let s: Settled | null = null;
			for (const at of [0.4, 0.1]) {
				await scrollToStep(page, step.id, at);
				s = await this.rest(page);
				expect(s.active, `slow reader at ${step.id} (${key})`).toEqual([step.id]);
				expect(s.view, `slow reader's map at ${step.id} (${key})`).toBe(step.view);
				expect(sizeKey(s)).toBe(key);
				if (stuck(s)) break;
			}
			if (i < from) continue;
			expect(stuck(s!), `the map fills the screen at ${step.id} (${key})`).toBe(true);
			// At 125 % and 150 % a CSS pixel is not a whole number of device pixels, and where the
			// scroll position falls between device pixels shifts the map's rasterization (its scale
			// bar's borders snap one way or the other, text lands a pixel lower): a picture for each
			// such phase, a pixel or few further down in the same step.
			const phases = new Set<number>();
			for (let k = 0; k < 8; k++) {
				const y = s!.y + k;
				if (phases.has(phaseOf(y, s!.dpr))) continue;
				if (k > 0) {
					await page.evaluate((y) => window.scrollTo(0, y), y);
					s = await this.rest(page);
					expect(s.active, `slow reader at ${step.id} (${key})`).toEqual([step.id]);
					if (!stuck(s)) break;
				}
				phases.add(phaseOf(s!.y, s!.dpr));
				this.cache.set(`${key}|${step.id}|${phaseOf(s!.y, s!.dpr)}`, await shoot(page, s!));
			}
		}
		return page;
	}

	/** The picture a slow reader sees at this size and step, at this y. */
	async picture(s: Settled): Promise<Buffer> {
		const key = sizeKey(s);
		const size = { width: s.width, height: s.height };
		await this.prepare(size, s.dpr);
		const yDependent = !stuck(s) || (this.options.motion && ROUTE_VIEWS.has(VIEW_OF[s.expected]));
		const keep = `${key}|${s.expected}|${phaseOf(s.y, s.dpr)}`;
		const kept = this.cache.get(keep);
		if (!yDependent && kept) return kept;

		// Scroll a slow reader there, step by step: the one already nearest, or a new one from the top.
		const pages = this.pages.get(key)!;
		const target = steps.findIndex((t) => t.id === s.expected);
		let best: Page | null = null;
		let distance = target + 1; // a new page starts at the first step
		for (const p of pages) {
			const at = await p.evaluate(() =>
				Array.from(document.querySelectorAll('#story-text > [data-step]')).findIndex((e) =>
					e.classList.contains('active')
				)
			);
			if (Math.abs(at - target) < distance) {
				distance = Math.abs(at - target);
				best = p;
			}
		}
		if (!best) {
			best = await this.open(size, `slow reader ${key} #${pages.length + 1}`);
			pages.push(best);
		}
		let state = await this.rest(best);
		for (let n = 0; ; n++) {
			const at = steps.findIndex((t) => t.id === state.active[0]);
			if (at === target) break;
			expect(n, `slow reader ${key} reaches ${s.expected} step by step`).toBeLessThan(steps.length);
			await scrollToStep(best, steps[at + Math.sign(target - at)].id);
			state = await this.rest(best);
		}
		await best.evaluate((y) => window.scrollTo(0, y), s.y);
		state = await this.rest(best);
		expect(
			{ y: state.y, active: state.active, view: state.view },
			'slow reader at the same place'
		).toEqual({ y: s.y, active: [s.expected], view: VIEW_OF[s.expected] });
		const picture = await shoot(best, state);
		if (!yDependent) this.cache.set(keep, picture);
		return picture;
	}

	/** The slow readers' errors and unhandled rejections since the last call. */
	async take(): Promise<string[]> {
		for (const [key, pages] of this.pages)
			for (const p of pages) await this.problems.drain(p, `slow reader ${key}`);
		return this.problems.list.splice(0);
	}

	async close(): Promise<void> {
		for (const c of this.contexts) await c.close();
	}
}

/** One reader making random moves, checked after every one. */
class Reader {
	log: string[] = [];
	checks = 0;
	/** Things seen on the way that are not failures. */
	notes: string[] = [];
	constructor(
		readonly page: Page,
		private slow: SlowReader,
		private problems: Problems,
		private seed: number,
		private options: { clock: boolean; label: string }
	) {}

	private where(): string {
		return `seed ${this.seed}, ${this.options.label}, move ${this.log.length}: ${this.log.slice(-8).join(' → ')}`;
	}

	/** After a move: waits for the page to settle, then compares it with the slow reader. */
	async check(frames = 2): Promise<void> {
		const t0 = Date.now();
		const s = await settle(this.page, frames);
		const t1 = Date.now();
		const where = this.where();
		expect(s.timedOut, `settled (${where}); state ${JSON.stringify(s)}`).toBe(false);
		expect(s.trigger, `data-trigger at ${s.width}px wide (${where})`).toBe(s.expectedTrigger);
		expect(s.active, `active step at y=${s.y} (${where})`).toEqual([s.expected]);
		expect(s.view, `data-view at step ${s.expected} (${where})`).toBe(VIEW_OF[s.expected]);
		const actual = await shoot(this.page, s);
		const t2 = Date.now();
		const expected = await this.slow.picture(s);
		const t3 = Date.now();
		const diff = difference(actual, expected, stuck(s) ? 1 : 2);
		if (diff) {
			// Both pictures beside the report, to look at.
			const info = test.info();
			for (const [name, body] of [
				[`move-${this.log.length}-reader.png`, actual],
				[`move-${this.log.length}-slow-reader-${s.expected}.png`, expected]
			] as const) {
				writeFileSync(info.outputPath(name), body);
				await info.attach(name, { path: info.outputPath(name), contentType: 'image/png' });
			}
		}
		expect(diff, `map picture at step ${s.expected}, y=${s.y} (${where})`).toBeNull();
		this.checks++;
		if (DEBUG)
			console.log(
				`${this.checks} ${this.log.at(-1) ?? 'load'} settle ${t1 - t0}ms shot ${t2 - t1}ms ref ${t3 - t2}ms total ${Date.now() - t0}ms ${s.expected} ${sizeKey(s)}`
			);
	}

	/** Anywhere in the page, at once. */
	async jump(rnd: Random): Promise<void> {
		const f = rnd.next();
		const y = await this.page.evaluate((f) => {
			const y = Math.round(f * (document.documentElement.scrollHeight - innerHeight));
			window.scrollTo(0, y);
			return y;
		}, f);
		this.log.push(`scrollTo ${y}`);
		await this.check();
	}

	/** Several big wheel turns in quick succession, mostly one way. */
	async fling(rnd: Random): Promise<void> {
		const size = this.page.viewportSize()!;
		await this.page.mouse.move(size.width / 2, size.height / 2);
		// Mostly down near the top, mostly up near the bottom.
		const where = await this.page.evaluate(
			() => scrollY / (document.documentElement.scrollHeight - innerHeight)
		);
		const direction = rnd.next() < where ? -1 : 1;
		const deltas: number[] = [];
		for (let i = rnd.int(3, 6); i > 0; i--)
			deltas.push((rnd.next() < 0.85 ? direction : -direction) * rnd.int(400, 2400));
		// With motion on and the page's clock installed, most flings jump the clock past the camera's
		// flight once the scrolling has stopped (the page goes through the same frames in the same
		// order; only the waiting goes); about one in seven waits the flight out in real time.
		const fastForward = this.options.clock && rnd.next() < 0.85;
		this.log.push(`wheel ${deltas.join(',')}${fastForward ? ' (clock run on)' : ''}`);
		for (const d of deltas) {
			await this.page.mouse.wheel(0, d);
			await this.page.waitForTimeout(rnd.int(0, 40));
		}
		if (fastForward) {
			await quiet(this.page, 4);
			await runClock(this.page, LONGEST_FLIGHT_MS);
		}
		// A smooth scroll would run on after the last turn: wait longer for it to stop for good.
		await this.check(6);
	}

	/**
	 * A jump to #step (a new history entry), then Back and Forward: by a link in the page (SvelteKit
	 * handles it), or by the address bar / a link from elsewhere (the browser does).
	 */
	async anchor(rnd: Random): Promise<void> {
		const current = new URL(this.page.url()).hash.slice(1);
		const id = rnd.pick(steps.filter((s) => s.id !== current)).id;
		const y = () => this.page.evaluate(() => window.scrollY);
		const before = await y();
		if (rnd.next() < 0.5) {
			this.log.push(`click a link to #${id}`);
			// A link laid over the page's corner for the click, then gone: nothing else moves.
			await this.page.evaluate((id) => {
				const a = document.createElement('a');
				a.href = `#${id}`;
				a.id = 'robust-link';
				a.textContent = id;
				a.style.cssText = 'position:fixed;left:0;top:0;z-index:99;font-size:12px;';
				document.body.append(a);
			}, id);
			await this.page.click('#robust-link');
			await this.page.evaluate(() => document.getElementById('robust-link')?.remove());
		} else {
			this.log.push(`goto #${id}`);
			await this.page.goto(`/#${id}`);
		}
		await this.check();
		this.log.push('back');
		await this.page.goBack();
		await this.check();
		// Not part of what is checked (any place must show its step and map), but worth knowing: SvelteKit
		// restores the place on Back only for entries it made itself (link clicks), and loses count after
		// an address-bar #hash entry.
		const back = await y();
		if (Math.abs(back - before) > 1)
			this.notes.push(
				`Back after "${this.log.at(-2)}" went to y=${back}, not ${before} (${this.where()})`
			);
		this.log.push('forward');
		await this.page.goForward();
		await this.check();
	}

	/** Halfway down the story, reload. */
	async reload(rnd: Random): Promise<void> {
		const maxY = await this.page.evaluate(
			() => document.documentElement.scrollHeight - innerHeight
		);
		const y = Math.round(maxY * (0.3 + 0.4 * rnd.next()));
		this.log.push(`scrollTo ${y}`);
		await this.page.evaluate((y) => window.scrollTo(0, y), y);
		await this.check();
		await this.problems.drain(this.page, this.options.label);
		this.log.push('reload');
		await this.page.reload();
		// Hydrated: the story has announced its step.
		await expect
			.poll(() => this.page.evaluate(() => window.__robust.stepEvents), {
				message: `hydrated after reload (${this.where()})`
			})
			.toBeGreaterThan(0);
		await this.check(6);
	}

	/** Phone to desktop or back, staying where the reader is in the page. */
	async resize(): Promise<void> {
		const now = this.page.viewportSize()!;
		const next = now.width === PHONE.width ? DESKTOP : PHONE;
		this.log.push(`resize ${next.width}×${next.height}`);
		await this.page.setViewportSize(next);
		await this.check(4);
	}
}

async function openReader(
	context: BrowserContext,
	problems: Problems,
	label: string,
	{ clock = false }: { clock?: boolean } = {}
): Promise<Page> {
	const page = await context.newPage();
	await problems.watch(page, label);
	if (clock) await page.clock.install();
	await page.goto('/');
	await expect.poll(() => page.evaluate(() => window.__robust.stepEvents)).toBeGreaterThan(0);
	expect(
		await page.locator('#story-text > [data-step]').evaluateAll((els) => els.map((e) => e.id))
	).toEqual(steps.map((s) => s.id));
	return page;
}

type Move = 'jump' | 'fling' | 'anchor' | 'reload' | 'resize';

/** The browser context options of a reader (and its slow readers). */
const readerOptions = (baseURL: string | undefined, deviceScaleFactor: number, motion: boolean) =>
	({ baseURL, deviceScaleFactor, reducedMotion: motion ? 'no-preference' : 'reduce' }) as const;

/** Opens a reader (and, unless given `slow`, the slow readers to compare with), makes `moves` random
 *  moves from the mix (weights), checks after each, and checks nothing logged an error. */
async function ride(
	browser: Browser,
	baseURL: string | undefined,
	{
		seed,
		label,
		viewport,
		deviceScaleFactor = 1,
		motion,
		moves,
		mix,
		slow: shared
	}: {
		seed: number;
		label: string;
		viewport: { width: number; height: number };
		deviceScaleFactor?: number;
		motion: boolean;
		moves: number;
		mix: Partial<Record<Move, number>>;
		/** Slow readers with the same options, kept by the caller (and closed by it). */
		slow?: SlowReader;
	}
): Promise<void> {
	const rnd = random(seed);
	const problems = new Problems();
	const options = readerOptions(baseURL, deviceScaleFactor, motion);
	const context = await browser.newContext({ ...options, viewport });
	const slow = shared ?? new SlowReader(browser, options, { motion });
	// The slow readers start reading at once, beside the reader.
	void slow.prepare(viewport, deviceScaleFactor);
	if (mix.resize) void slow.prepare(viewport === PHONE ? DESKTOP : PHONE, deviceScaleFactor);
	const page = await openReader(context, problems, label, { clock: motion });
	const reader = new Reader(page, slow, problems, seed, { clock: motion, label });
	await reader.check();
	const total = Object.values(mix).reduce((a, b) => a + b, 0);
	while (reader.checks - 1 < moves) {
		let r = rnd.next() * total;
		const move = (Object.keys(mix) as Move[]).find((m) => (r -= mix[m]!) < 0) ?? 'jump';
		if (move === 'resize') await reader.resize();
		else await reader[move](rnd);
	}
	await problems.drain(page, label);
	problems.list.push(...(await slow.take()));
	if (!shared) await slow.close();
	await context.close();
	const info = test.info();
	info.annotations.push({
		type: 'moves',
		description: `${label}: ${reader.checks - 1} moves checked, seed ${seed}`
	});
	for (const note of reader.notes) info.annotations.push({ type: 'note', description: note });
	if (DEBUG) for (const note of reader.notes) console.log(`note: ${note}`);
	expect(problems.list, 'console errors, page errors, unhandled rejections').toEqual([]);
}

test.describe('robustness: however a reader gets somewhere, it looks as if they had scrolled there slowly', () => {
	test.beforeEach(({}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'sets its own sizes; runs once');
	});

	// Two readers with reduced motion (the camera jumps, so each move settles in a few frames): one
	// opens the page on a desktop, the other on a phone; both turn the screen between the two. They
	// run one after the other in one worker and compare with the same slow readers, who read the
	// story once at each size for both.
	test.describe('reduced motion', () => {
		test.describe.configure({ mode: 'default' });
		let slow: SlowReader | undefined;
		test.afterAll(async () => slow?.close());

		for (const [r, start] of [DESKTOP, PHONE].entries()) {
			const seed = SEED + 20 * r;
			const on = start === PHONE ? 'phone' : 'desktop';
			test(`reduced motion, opened on a ${on}: jumps, flings, #links with back/forward, reloads halfway, resizes (seed ${seed})`, async ({
				browser,
				baseURL
			}) => {
				test.setTimeout(90_000);
				slow ??= new SlowReader(browser, readerOptions(baseURL, 1, false), { motion: false });
				await ride(browser, baseURL, {
					seed,
					label: `reduced motion, opened on a ${on}`,
					viewport: start,
					motion: false,
					moves: movesOf(58),
					mix: { jump: 0.5, fling: 0.18, anchor: 0.1, reload: 0.06, resize: 0.16 },
					slow
				});
			});
		}
	});

	test(`motion on, desktop: fast wheel flings while the camera flies (seed ${SEED + 10})`, async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(90_000);
		await ride(browser, baseURL, {
			seed: SEED + 10,
			label: 'motion on',
			viewport: DESKTOP,
			motion: true,
			moves: movesOf(20),
			mix: { fling: 1 }
		});
	});

	for (const [z, zoom] of ZOOMS.entries()) {
		test(`browser zoom ${zoom.name}: jumps, flings, #links, a reload (seed ${SEED + 1 + z})`, async ({
			browser,
			baseURL
		}) => {
			test.setTimeout(90_000);
			await ride(browser, baseURL, {
				seed: SEED + 1 + z,
				label: `zoom ${zoom.name}`,
				viewport: zoom.viewport,
				deviceScaleFactor: zoom.deviceScaleFactor,
				motion: false,
				moves: movesOf(35),
				mix: { jump: 0.6, fling: 0.25, anchor: 0.08, reload: 0.07 }
			});
		});
	}
});
