// However a reader gets to a place in the story (random jumps, fast wheel flings, #step links with back
// and forward, a reload halfway down, turning a phone into a desktop and back, browser zoom at 125 % and
// 150 %), once the page has settled it shows what a reader who scrolled there slowly sees: the same
// active step, the same `data-view` on the map, and the same map, pixel for pixel. Nothing logs an error
// or leaves a promise rejection unhandled on the way.
//
// The moves are pseudo-random from a fixed seed (in each test's title); ROBUST_SEED=<n> replays another.
// On failure the message names the seed and the moves that led there.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { inflateSync } from 'node:zlib';
import { steps } from './helpers';

const SEED = Number(process.env.ROBUST_SEED ?? 20250611) >>> 0;

/** The copy's view for each step id. */
const VIEW_OF: Record<string, string> = Object.fromEntries(steps.map((s) => [s.id, s.view]));
const ROUTE_VIEWS = new Set(['airport-road']);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Browser zoom: the CSS viewport shrinks by the zoom factor and devicePixelRatio grows by it. */
const ZOOMS = [
	{ name: '125 %', viewport: { width: 1024, height: 640 }, deviceScaleFactor: 1.25 },
	{ name: '150 %', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 }
];

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
	/** 0.8 on phones (max-width 700px), else 0.6: what data-trigger should say at this width. */
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
 * map's state have not changed for `frames` frames, with `data-view` present and the map not busy; then
 * reads where the steps are and works out the active step as a reader would (src/lib/scrolly/active.ts:
 * the last step whose top is at or above the trigger line, stopping at the first that is not; the first
 * step before any has crossed it).
 */
async function settle(page: Page, frames = 3, timeout = 10_000): Promise<Settled> {
	return page.evaluate(
		({ frames, timeout }) =>
			new Promise<Settled>((resolve) => {
				const started = Date.now();
				let last = '';
				let same = 0;
				const read = () => {
					const map = document.querySelector('[data-story-map]')!;
					const container = document.getElementById('story-text')!;
					const sections = Array.from(container.querySelectorAll<HTMLElement>(':scope > [data-step]'));
					return { map, container, sections };
				};
				const finish = (timedOut: boolean) => {
					const { map, container, sections } = read();
					const expectedTrigger = matchMedia('(max-width: 700px)').matches ? 0.8 : 0.6;
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
					const key = [scrollX, scrollY, innerWidth, innerHeight, active, view, busy].join('|');
					same = key === last && view !== null && busy !== 'true' ? same + 1 : 0;
					last = key;
					if (same >= frames) return finish(false);
					if (Date.now() - started > timeout) return finish(true);
					requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			}),
		{ frames, timeout }
	);
}

/** Puts a step's top edge at `at` × the viewport height (as helpers' scrollToStep). */
async function scrollToStep(page: Page, id: string, at = 0.4): Promise<void> {
	await page.evaluate(
		({ id, at }) => {
			const el = document.getElementById(id)!;
			window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * at);
		},
		{ id, at }
	);
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

/** A minimal PNG decoder (8-bit, non-interlaced: what Chromium writes), so pictures can be compared
 *  pixel by pixel without a dependency. */
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
			channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[body[9]];
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

/** How two pictures differ: null when they are the same (byte for byte, or at most a few pixels off by a
 *  shade of anti-aliasing); otherwise why not. */
function difference(actual: Buffer, expected: Buffer): string | null {
	if (actual.equals(expected)) return null;
	if (actual.length === 0 || expected.length === 0) return 'one picture is empty';
	const a = decodePng(actual);
	const e = decodePng(expected);
	if (a.width !== e.width || a.height !== e.height)
		return `size ${a.width}×${a.height} vs ${e.width}×${e.height}`;
	let off = 0;
	let worst = 0;
	for (let i = 0; i < a.data.length; i += a.channels) {
		let d = 0;
		for (let c = 0; c < a.channels; c++) d = Math.max(d, Math.abs(a.data[i + c] - e.data[i + c]));
		worst = Math.max(worst, d);
		if (d > 24) off++;
	}
	const pixels = a.width * a.height;
	// Tiny tolerance: at most 0.02 % of the pixels noticeably different.
	if (off <= pixels * 0.0002) return null;
	return `${off} of ${pixels} pixels differ (worst channel difference ${worst})`;
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
	constructor(
		private context: BrowserContext,
		private problems: Problems,
		private options: { motion: boolean }
	) {}

	/** Settles, jumping the page's clock past any camera flight first when motion is on. */
	private async rest(page: Page): Promise<Settled> {
		if (this.options.motion) {
			await settle(page, 2).catch(() => undefined);
			await page.clock.runFor(3000);
		}
		const s = await settle(page);
		expect(s.timedOut, `slow reader settled (${JSON.stringify(s)})`).toBe(false);
		return s;
	}

	private async open(size: { width: number; height: number }, label: string): Promise<Page> {
		const page = await this.context.newPage();
		await this.problems.watch(page, label);
		await page.setViewportSize(size);
		if (this.options.motion) await page.clock.install();
		await page.goto('/');
		await expect.poll(() => page.evaluate(() => window.__robust.stepEvents)).toBeGreaterThan(0);
		return page;
	}

	/** Reads every step slowly, in order, at this size, keeping each step's picture. */
	private async readThrough(size: { width: number; height: number }, key: string): Promise<void> {
		const page = await this.open(size, `slow reader ${key}`);
		for (const step of steps) {
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
			expect(stuck(s!), `the map fills the screen at ${step.id} (${key})`).toBe(true);
			this.cache.set(`${key}|${step.id}`, await shoot(page, s!));
		}
		this.pages.set(key, [page]);
	}

	/** The picture a slow reader sees at this size and step, at this y. */
	async picture(s: Settled): Promise<Buffer> {
		const key = sizeKey(s);
		const size = { width: s.width, height: s.height };
		if (!this.pages.has(key)) await this.readThrough(size, key);
		const yDependent = !stuck(s) || (this.options.motion && ROUTE_VIEWS.has(VIEW_OF[s.expected]));
		if (!yDependent) return this.cache.get(`${key}|${s.expected}`)!;

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
		for (;;) {
			const at = steps.findIndex((t) => t.id === state.active[0]);
			if (at === target) break;
			await scrollToStep(best, steps[at + Math.sign(target - at)].id);
			state = await this.rest(best);
		}
		await best.evaluate((y) => window.scrollTo(0, y), s.y);
		state = await this.rest(best);
		expect(
			{ y: state.y, active: state.active, view: state.view },
			'slow reader at the same place'
		).toEqual({ y: s.y, active: [s.expected], view: VIEW_OF[s.expected] });
		return shoot(best, state);
	}

	async drain(): Promise<void> {
		for (const [key, pages] of this.pages)
			for (const p of pages) await this.problems.drain(p, `slow reader ${key}`);
	}
}

/** One reader making random moves, checked after every one. */
class Reader {
	log: string[] = [];
	checks = 0;
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
	async check(frames = 3): Promise<void> {
		const s = await settle(this.page, frames);
		const where = this.where();
		expect(s.timedOut, `settled (${where}); state ${JSON.stringify(s)}`).toBe(false);
		expect(s.trigger, `data-trigger at ${s.width}px wide (${where})`).toBe(s.expectedTrigger);
		expect(s.active, `active step at y=${s.y} (${where})`).toEqual([s.expected]);
		expect(s.view, `data-view at step ${s.expected} (${where})`).toBe(VIEW_OF[s.expected]);
		const actual = await shoot(this.page, s);
		const expected = await this.slow.picture(s);
		const diff = difference(actual, expected);
		if (diff) {
			await test.info().attach(`map after move ${this.log.length}`, {
				body: actual,
				contentType: 'image/png'
			});
			await test.info().attach(`slow reader's map at ${s.expected}`, {
				body: expected,
				contentType: 'image/png'
			});
		}
		expect(diff, `map picture at step ${s.expected}, y=${s.y} (${where})`).toBeNull();
		this.checks++;
	}

	async jump(rnd: Random): Promise<void> {
		const maxY = await this.page.evaluate(
			() => document.documentElement.scrollHeight - innerHeight
		);
		const y = Math.round(rnd.next() * maxY);
		this.log.push(`scrollTo ${y}`);
		await this.page.evaluate((y) => window.scrollTo(0, y), y);
		await this.check();
	}

	/** Several big wheel turns in quick succession, mostly one way. */
	async fling(rnd: Random): Promise<void> {
		const size = this.page.viewportSize()!;
		await this.page.mouse.move(size.width / 2, size.height / 2);
		const direction = rnd.next() < 0.6 ? 1 : -1;
		const deltas: number[] = [];
		for (let i = rnd.int(3, 6); i > 0; i--)
			deltas.push((rnd.next() < 0.85 ? direction : -direction) * rnd.int(400, 2400));
		this.log.push(`wheel ${deltas.join(',')}`);
		for (const d of deltas) {
			await this.page.mouse.wheel(0, d);
			await this.page.waitForTimeout(rnd.int(0, 40));
		}
		// The wheel's smooth scroll runs on after the last turn: wait for it to stop for good.
		await this.check(8);
	}

	/** A #step link (a new history entry), then Back and Forward. */
	async anchor(rnd: Random): Promise<void> {
		const current = new URL(this.page.url()).hash.slice(1);
		const id = rnd.pick(steps.filter((s) => s.id !== current)).id;
		this.log.push(`goto #${id}`);
		await this.page.goto(`/#${id}`);
		await this.check();
		this.log.push('back');
		await this.page.goBack();
		await this.check();
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

async function newContext(
	browser: Browser,
	baseURL: string | undefined,
	options: Parameters<Browser['newContext']>[0]
): Promise<BrowserContext> {
	return browser.newContext({ baseURL, ...options });
}

test.describe('robustness: every way of getting somewhere ends where slow scrolling does', () => {
	test.beforeEach(({}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'sets its own sizes; runs once');
	});

	test(`reduced motion, desktop and phone: jumps, flings, #links with back/forward, reloads, resizes (seed ${SEED})`, async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const rnd = random(SEED);
		const problems = new Problems();
		const context = await newContext(browser, baseURL, {
			viewport: DESKTOP,
			reducedMotion: 'reduce'
		});
		const slow = new SlowReader(context, problems, { motion: false });
		const page = await openReader(context, problems, 'reader');
		const reader = new Reader(page, slow, problems, SEED, { clock: false, label: 'reader' });
		await reader.check();

		const MOVES = 120;
		while (reader.checks < MOVES) {
			const r = rnd.next();
			if (r < 0.5) await reader.jump(rnd);
			else if (r < 0.68) await reader.fling(rnd);
			else if (r < 0.78) await reader.anchor(rnd);
			else if (r < 0.84) await reader.reload(rnd);
			else await reader.resize();
		}
		await problems.drain(page, 'reader');
		await slow.drain();
		await context.close();
		test.info().annotations.push({
			type: 'moves',
			description: `${reader.checks} checked moves, seed ${SEED}`
		});
		expect(problems.list).toEqual([]);
	});

	for (const [z, zoom] of ZOOMS.entries()) {
		test(`browser zoom ${zoom.name}: jumps, flings, a #link, a reload (seed ${SEED + 1 + z})`, async ({
			browser,
			baseURL
		}) => {
			test.setTimeout(90_000);
			const seed = SEED + 1 + z;
			const rnd = random(seed);
			const problems = new Problems();
			const context = await newContext(browser, baseURL, {
				viewport: zoom.viewport,
				deviceScaleFactor: zoom.deviceScaleFactor,
				reducedMotion: 'reduce'
			});
			const slow = new SlowReader(context, problems, { motion: false });
			const page = await openReader(context, problems, `reader at ${zoom.name}`);
			const reader = new Reader(page, slow, problems, seed, {
				clock: false,
				label: `zoom ${zoom.name}`
			});
			await reader.check();
			const MOVES = 35;
			while (reader.checks < MOVES) {
				const r = rnd.next();
				if (r < 0.6) await reader.jump(rnd);
				else if (r < 0.85) await reader.fling(rnd);
				else if (r < 0.93) await reader.anchor(rnd);
				else await reader.reload(rnd);
			}
			await problems.drain(page, 'reader');
			await slow.drain();
			await context.close();
			test.info().annotations.push({
				type: 'moves',
				description: `${reader.checks} checked moves at ${zoom.name}, seed ${seed}`
			});
			expect(problems.list).toEqual([]);
		});
	}
});
