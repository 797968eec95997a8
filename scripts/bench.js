// npm run bench: the lab figures of issue 6, measured in headless Chromium through the DevTools protocol.
//   node scripts/bench.js [--no-build] [--runs 5] [--scrolls 3] [--profiles gentle,wheel,fling] [--json]
//   node scripts/bench.js --scale [--runs 5] [--scrolls 3] [--profiles …]
//     builds the piece from synthetic copies (scripts/scale-copy.js: the steps 4× and 16×, the steps and
//     views 4×) into .bench-scale/ and measures each, the published copy first, at 4× CPU, with its HTML.
// Rebuilds the map data and builds (both timed), serves build/ with tests/tools/serve.js (the headers readers get), then:
//   load, 4× CPU, 412×823 phone: LCP, CLS and total blocking time, the median of --runs fresh loads;
//   the whole piece scrolled in each of the profiles below, on the same phone at 1× and 4× CPU:
//   long animation frames, the 95th-percentile interval between animation frames (the median of
//   --scrolls scrolls), long animation frames a minute and the longest, and layout shift (untraced), and,
//   from one more gentle scroll with a DevTools trace, the script time in each frame while the camera moves.
// Three ways to scroll (--profiles gentle,wheel,fling; all by default):
//   gentle: scroll gestures of one screen each at 1200 px/s, with no momentum (the bench's first);
//   wheel:  a reader's mouse wheel, notches of 100 px twelve times a second (1200 px/s) without a pause,
//           each notch smooth-scrolled by the browser as it does a real wheel's;
//   fling:  a reader's thumb: flicks of 320 px at 2500 px/s, released into the browser's own momentum,
//           one every 1.2 s (touch events with their own timestamps, so the fling's speed does not
//           depend on how fast the protocol delivers them; synthesizeScrollGesture's touch source does
//           not scroll headless Chromium).
// Prints one JSON line per figure, then a table. A benchmark, not a test: figures vary from run to run
// and machine to machine; it exits 0 whatever they are, 1 only if it could not measure.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/tools/browser.js';
import { cls, median, percentile, scriptPerMoveFrame, tbt } from './bench-figures.js';
import { scaleCopy } from './scale-copy.js';
import { FILES } from '../data/scripts/check-copy.js';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const SCROLLS = Number(args[args.indexOf('--scrolls') + 1]) || 3;
const BUILD = !args.includes('--no-build');
const JSON_ONLY = args.includes('--json');
const SCALE = args.includes('--scale');
const profileArg = args.includes('--profiles') ? args[args.indexOf('--profiles') + 1] : undefined;

const PHONE = {
	viewport: { width: 412, height: 823 },
	deviceScaleFactor: 2.625,
	isMobile: true,
	hasTouch: true
};
/** @type {{ name: string, value: number, unit: string, budget: number | null, how: string }[]} */
const figures = [];
/** @param {string} name @param {number} value @param {string} unit @param {number | null} budget @param {string} how */
function report(name, value, unit, budget, how) {
	const figure = {
		name,
		value: +value.toFixed(unit === 's' ? 2 : unit === '' ? 3 : 1),
		unit,
		budget,
		how
	};
	figures.push(figure);
	const within = budget === null ? null : figure.value <= budget;
	console.log(JSON.stringify({ ...figure, within }));
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * @param {string} command @param {string[]} argv @param {boolean} quiet
 * @param {Record<string, string>} [env] added to this process's environment
 */
function run(command, argv, quiet, env = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, argv, {
			stdio: quiet ? 'ignore' : ['ignore', 2, 2],
			env: { ...process.env, ...env }
		});
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve(undefined)
				: reject(new Error(`${command} ${argv.join(' ')} exited ${code}`))
		);
	});
}

/** @param {number} port @param {string} [dir] the build to serve (build/ by default) */
async function serve(port, dir = 'build') {
	const server = spawn(
		process.execPath,
		['tests/tools/serve.js', '--port', String(port), '--dir', dir],
		{
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	const url = `http://127.0.0.1:${port}/`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return { server, url };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`the static server did not answer at ${url}`);
}

/**
 * A layout-shift entry (the Layout Instability API; not in TypeScript's DOM types).
 * @typedef {PerformanceEntry & { value: number, hadRecentInput: boolean, sources?: { node: Node | null }[] }} LayoutShift
 */
/**
 * The entries of each performance timeline type the recorder watches.
 * @typedef {{
 *   paint: PerformanceEntry,
 *   'largest-contentful-paint': LargestContentfulPaint,
 *   'layout-shift': LayoutShift,
 *   longtask: PerformanceEntry,
 *   'long-animation-frame': PerformanceEntry
 * }} BenchEntries
 */
/**
 * What the recorder keeps in the page, as window.__bench. Pairs are [start ms, value or duration ms];
 * `no-<type>` is set when the browser cannot observe that type.
 * @typedef {{
 *   lcp: number[],
 *   fcp: number,
 *   shifts: [number, number][],
 *   shifted: Record<string, number>,
 *   longtasks: [number, number][],
 *   loafs: [number, number][],
 *   moves: [number, number][],
 *   started: number,
 *   [unobserved: `no-${string}`]: boolean
 * }} BenchRecord
 */
/**
 * What the recorder and the scroll put on the page's window (these functions run in the page, so each
 * casts `window` itself): __frames holds the time of every animation frame while __framing is true.
 * Not Window's own properties: tests/browser declares a global __frames of its own.
 * @typedef {{ __bench: BenchRecord, __frames: number[], __framing: boolean }} BenchWindow
 */

/**
 * Installed before the page's own scripts: records what the page's performance timeline reports
 * (paint, LCP, layout shifts, long tasks, long animation frames) and when the camera moves (the map's
 * aria-busy), with User Timing marks so a trace can find the same moments.
 */
function recorder() {
	const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
	/** @type {BenchRecord} */
	const seen = (w.__bench = {
		lcp: [],
		fcp: NaN,
		shifts: [],
		shifted: {},
		longtasks: [],
		loafs: [],
		moves: [],
		started: NaN
	});
	// When the app has started (hydrated: src/routes/+layout.svelte sets data-started).
	new MutationObserver((_, observer) => {
		if (!document.documentElement?.hasAttribute('data-started')) return;
		seen.started = performance.now();
		observer.disconnect();
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-started'] });
	/**
	 * @template {keyof BenchEntries} T
	 * @param {T} type @param {(entry: BenchEntries[T]) => void} fn
	 */
	const watch = (type, fn) => {
		try {
			// The observer reports only entries of `type`, which are BenchEntries[T].
			const each = /** @type {(entry: PerformanceEntry) => void} */ (fn);
			new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({
				type,
				buffered: true
			});
		} catch {
			seen[`no-${type}`] = true;
		}
	};
	watch('paint', (e) => e.name === 'first-contentful-paint' && (seen.fcp = e.startTime));
	watch('largest-contentful-paint', (e) => seen.lcp.push(e.startTime));
	/** @param {Element} el */
	const describeElement = (el) =>
		`${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/)[0]}` : ''}`;
	/** @param {Node | null} node @returns {string} "undefined" for no node, as a key */
	const describe = (node) =>
		node?.nodeType === 1
			? describeElement(/** @type {Element} */ (node)) // nodeType 1: an element
			: String(node?.nodeName);
	watch('layout-shift', (e) => {
		if (e.hadRecentInput) return;
		seen.shifts.push([e.startTime, e.value]);
		for (const s of e.sources ?? [])
			seen.shifted[describe(s.node)] = (seen.shifted[describe(s.node)] ?? 0) + 1;
	});
	watch('longtask', (e) => seen.longtasks.push([e.startTime, e.duration]));
	watch('long-animation-frame', (e) => seen.loafs.push([e.startTime, e.duration]));
	addEventListener('DOMContentLoaded', () => {
		const map = document.querySelector('[data-story-map]');
		if (!map) return;
		let busy = false;
		new MutationObserver(() => {
			const now = map.getAttribute('aria-busy') === 'true';
			if (now === busy) return;
			busy = now;
			performance.mark(now ? 'bench:camera-start' : 'bench:camera-end');
			if (now) seen.moves.push([performance.now(), NaN]);
			else if (seen.moves.length) seen.moves[seen.moves.length - 1][1] = performance.now();
		}).observe(map, { attributes: true, attributeFilter: ['aria-busy'] });
	});
}

/** @param {import('@playwright/test').Browser} browser @param {string} url */
async function measureLoad(browser, url) {
	const context = await browser.newContext(PHONE);
	await context.addInitScript(recorder);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	// Long tasks are counted until the page has been quiet for 3 s (a stand-in for time to interactive).
	await page.waitForTimeout(3000);
	const seen = await page.evaluate(
		() => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__bench
	);
	await context.close();
	if (!seen.lcp.length || Number.isNaN(seen.fcp))
		throw new Error('no LCP or FCP entry was reported');
	if (Number.isNaN(seen.started)) throw new Error('the app did not start (no html[data-started])');
	return {
		lcp: seen.lcp[seen.lcp.length - 1],
		fcp: seen.fcp,
		cls: cls(seen.shifts),
		shifted: seen.shifted,
		tbt: tbt(seen.longtasks, seen.fcp),
		started: seen.started,
		tasks: seen.longtasks.filter(([t]) => t >= seen.fcp).map(([, d]) => Math.round(d))
	};
}

/** @param {number} ms */
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** A brisk reader's speed, px/s: the gentle gestures' and the wheel's notches'. */
const READER_SPEED = 1200;

/**
 * How each profile moves the page down by about one screen (or a flick's worth): one call, awaited
 * before the next. The page is on the phone's screen, `screen` px tall.
 * @type {Record<string, (cdp: import('@playwright/test').CDPSession, screen: number) => Promise<void>>}
 */
const SCROLL_BY = {
	async gentle(cdp, screen) {
		await cdp.send('Input.synthesizeScrollGesture', {
			x: 200,
			y: 600,
			yDistance: -screen,
			speed: READER_SPEED,
			gestureSourceType: 'mouse',
			preventFling: true
		});
	},
	async wheel(cdp, screen) {
		const NOTCH = 100;
		const EVERY = (NOTCH / READER_SPEED) * 1000;
		for (let y = 0; y < screen; y += NOTCH) {
			const next = performance.now() + EVERY;
			await cdp.send('Input.dispatchMouseEvent', {
				type: 'mouseWheel',
				x: 200,
				y: 600,
				deltaX: 0,
				deltaY: NOTCH
			});
			await pause(Math.max(0, next - performance.now()));
		}
	},
	async fling(cdp) {
		const MOVES = 8;
		const STEP = 40;
		const DT = 0.016;
		const EVERY = 1200;
		const begin = performance.now();
		const t0 = Date.now() / 1000;
		const at = (/** @type {number} */ i) => [{ x: 200, y: 700 - i * STEP }];
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchStart',
			touchPoints: at(0),
			timestamp: t0
		});
		for (let i = 1; i <= MOVES; i++) {
			// Each move sent when its timestamp comes, not before.
			await pause(Math.max(0, begin + i * DT * 1000 - performance.now()));
			await cdp.send('Input.dispatchTouchEvent', {
				type: 'touchMove',
				touchPoints: at(i),
				timestamp: t0 + i * DT
			});
		}
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchEnd',
			touchPoints: [],
			timestamp: t0 + MOVES * DT
		});
		await pause(Math.max(0, begin + EVERY - performance.now()));
	}
};

/**
 * How one scroll is made: the CPU rate, the profile, and how far (px from the top; the whole page by
 * default).
 * @typedef {{ rate: number, profile: string, distance?: number }} ScrollHow
 */

/**
 * Scrolls the piece in one profile on a fresh phone page, recording every animation frame's time in
 * the page, and with `trace` a DevTools trace of the main thread too.
 * @param {import('@playwright/test').Browser} browser @param {string} url @param {ScrollHow} how
 * @param {boolean} trace
 */
async function scrollThrough(browser, url, { rate, profile, distance = Infinity }, trace) {
	const context = await browser.newContext(PHONE);
	await context.addInitScript(recorder);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForSelector('html[data-started]');
	await page.waitForTimeout(500);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	if (trace)
		await browser.startTracing(page, {
			categories: [
				'devtools.timeline',
				'disabled-by-default-devtools.timeline',
				'disabled-by-default-devtools.timeline.frame',
				'blink.user_timing',
				'v8.execute',
				'toplevel'
			]
		});
	const start = await page.evaluate(() => {
		const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
		w.__frames = [];
		w.__framing = true;
		const tick = (/** @type {number} */ t) => {
			w.__frames.push(t);
			if (w.__framing) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		return performance.now();
	});
	const { height, screen } = await page.evaluate(() => ({
		height: document.documentElement.scrollHeight,
		screen: innerHeight
	}));
	// Until the end of the page or the distance: a fling's length depends on the browser, not on the
	// bench, so the page says when it is there.
	const goal = Math.min(distance, height - screen) - 2;
	const there = () => page.evaluate((goal) => scrollY >= goal, goal);
	for (let gestures = 0; !(await there()); gestures++) {
		if (gestures > (4 * height) / screen)
			throw new Error(`the ${profile} profile did not reach ${goal} px down the page`);
		await SCROLL_BY[profile](cdp, screen);
	}
	await page.waitForTimeout(2500); // the last camera move lands
	const seen = await page.evaluate(() => {
		const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
		w.__framing = false;
		return { ...w.__bench, frames: w.__frames, end: performance.now(), y: scrollY };
	});
	const events = trace ? JSON.parse((await browser.stopTracing()).toString('utf8')) : null;
	await context.close();
	if (seen.y < goal) throw new Error(`the scroll stopped at ${seen.y} of ${goal} px`);
	return { start, seen, events: events ? (events.traceEvents ?? events) : null };
}

/**
 * The frames, long animation frames and layout shifts of one untraced scroll of the piece.
 * @param {import('@playwright/test').Browser} browser @param {string} url @param {ScrollHow} how
 */
async function frameFigures(browser, url, how) {
	const { start, seen } = await scrollThrough(browser, url, how, false);
	const frames = seen.frames;
	const intervals = frames
		.slice(1)
		.map((/** @type {number} */ t, /** @type {number} */ i) => t - frames[i]);
	const loafs = seen.loafs.filter((/** @type {number[]} */ [t]) => t >= start);
	const shifts = seen.shifts.filter((/** @type {number[]} */ [t]) => t >= start);
	return {
		seconds: (seen.end - start) / 1000,
		frames: frames.length,
		p95: percentile(intervals, 0.95),
		longFrames: loafs.filter((/** @type {number[]} */ [, d]) => d > 50).length,
		longestFrame: Math.max(0, ...loafs.map((/** @type {number[]} */ [, d]) => d)),
		cls: cls(shifts),
		shifted: seen.shifted,
		moves: seen.moves.length
	};
}

/**
 * The scrolling figures at one CPU rate: the frames, long animation frames and layout shifts from
 * --scrolls scrolls of the whole piece without tracing (a DevTools trace costs the page's main thread
 * time of its own, and frames with it), the script per camera frame from one more with a trace. The
 * frame interval p95 is the median of the scrolls' (each is listed with it: on a shared 2-core
 * machine scrolls of the same build differ, and a few frames in a hundred decide the figure); long
 * animation frames are counted over every scroll, layout shift is the worst scroll's.
 * @param {import('@playwright/test').Browser} browser @param {string} url @param {ScrollHow} how
 * @param {boolean} trace whether to trace one more (gentle) scroll
 */
async function measureScroll(browser, url, how, trace) {
	const each = [];
	for (let i = 0; i < SCROLLS; i++) each.push(await frameFigures(browser, url, how));
	// The script per camera frame from the gentle profile alone: the figure the budget has had since
	// the first bench (a trace of each profile would add a scroll each, and the same code runs).
	const traced =
		how.profile === 'gentle' && trace
			? scriptPerMoveFrame((await scrollThrough(browser, url, how, true)).events)
			: null;
	const worst = each.reduce((a, b) => (b.cls > a.cls ? b : a));
	const seconds = each.reduce((n, s) => n + s.seconds, 0);
	const longFrames = each.reduce((n, s) => n + s.longFrames, 0);
	return {
		seconds: median(each.map((s) => s.seconds)),
		frames: median(each.map((s) => s.frames)),
		moves: median(each.map((s) => s.moves)),
		p95: median(each.map((s) => s.p95)),
		p95s: each.map((s) => s.p95.toFixed(1)).join(' | '),
		longFrames,
		perMinute: (longFrames / seconds) * 60,
		longestFrame: Math.max(...each.map((s) => s.longestFrame)),
		cls: worst.cls,
		shifted: worst.shifted,
		traced
	};
}

/** What moved, for a layout shift's report: "; shifted: span.label ×40". @param {Record<string, number>} shifted */
const moved = (shifted) => {
	const list = Object.entries(shifted).sort((a, b) => b[1] - a[1]);
	return list.length ? `; shifted: ${list.map(([what, n]) => `${what} ×${n}`).join(', ')}` : '';
};

/**
 * The script per camera-move frame of one traced scroll. Chromium writes thread durations; a trace
 * without them gets the wall clock, and says so.
 * @param {ReturnType<typeof scriptPerMoveFrame>} s @param {number} rate
 */
function reportScript(s, rate) {
	const traced = `gentle profile, ${rate}× CPU, 412×823, one more scroll, with a DevTools trace: ${s.moveFrames} camera frames`;
	report(
		`script per camera-move frame, p95 (${rate}×)`,
		s.cpuP95 ?? s.scriptP95,
		'ms',
		rate === 1 ? 2 : null,
		s.cpuP95 === null
			? `${traced}; THE WALL CLOCK: the trace has no thread durations (tdur) to count CPU time by`
			: `${traced}; the main thread's CPU time in script, less the layout it forces: median ${s.cpuMedian?.toFixed(2)} ms, max ${s.cpuMax?.toFixed(2)} ms`
	);
	report(
		`the same, wall clock (${rate}×)`,
		s.scriptP95,
		'ms',
		null,
		`${traced}; as DevTools counts "Scripting", which includes the main thread's waits for a core: median ${s.scriptMedian.toFixed(2)} ms, max ${s.scriptMax.toFixed(2)} ms; layout forced by script p95 ${s.forcedP95.toFixed(2)} ms`
	);
}

/** The synthetic copies of --scale (scripts/scale-copy.js), the published copy first. */
const SCALES = [
	{ name: 'as published', times: 1, views: false },
	{ name: '4× steps', times: 4, views: false },
	{ name: '16× steps', times: 16, views: false },
	{ name: '4× views', times: 4, views: true }
];
/** Where --scale writes its copies and builds (git ignores it). */
const SCALE_DIR = '.bench-scale';

/**
 * Writes a synthetic copy and builds the site from it (npm run build with STORY_FILE, VIEWS_FILE and
 * BUILD_DIR). Returns the build's folder and the copy's size.
 * @param {(typeof SCALES)[number]} variant
 */
async function buildScaled(variant) {
	const dir = join(SCALE_DIR, variant.name.replace(/[^a-z0-9]+/gi, '-'));
	mkdirSync(dir, { recursive: true });
	const scaled = scaleCopy(
		{ story: readFileSync(FILES.story, 'utf8'), views: readFileSync(FILES.views, 'utf8') },
		variant
	);
	const files = { story: join(dir, 'story.aml'), views: join(dir, 'views.aml') };
	writeFileSync(files.story, scaled.story);
	writeFileSync(files.views, scaled.views);
	const build = join(dir, 'build');
	await run('npm', ['run', 'build', '--silent'], JSON_ONLY, {
		STORY_FILE: files.story,
		VIEWS_FILE: files.views,
		BUILD_DIR: build
	});
	return { build, steps: scaled.steps, views: scaled.viewCount };
}

/**
 * How far the page at `url` scrolls on the phone, px.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 */
async function scrollLength(browser, url) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForSelector('html[data-started]');
	const length = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
	await context.close();
	return length;
}

/**
 * The lab figures of one build served at `url`: its loads, then its scrolls in each profile at each
 * CPU rate, `distance` px down the page (the whole page by default). `label` names a synthetic copy
 * (--scale) in every figure's name.
 * @param {import('@playwright/test').Browser} browser @param {string} url
 * @param {{ profiles: string[], rates: number[], label?: string, distance?: number }} how
 */
async function measurePage(browser, url, { profiles, rates, label = '', distance }) {
	const tag = label && ` [${label.replace(/^, /, '')}]`;
	const loads = [];
	for (let i = 0; i < RUNS; i++) loads.push(await measureLoad(browser, url));
	const how = `4× CPU, 412×823, median of ${RUNS} fresh loads${label}`;
	report(`${'LCP'}${tag}`, median(loads.map((l) => l.lcp)), 'ms', 1500, how);
	report(`${'FCP'}${tag}`, median(loads.map((l) => l.fcp)), 'ms', null, how);
	const worst = loads.reduce((a, b) => (b.cls > a.cls ? b : a));
	report(`${'CLS (load)'}${tag}`, worst.cls, '', 0, `${how} (worst)${moved(worst.shifted)}`);
	report(
		`app started at${tag}`,
		median(loads.map((l) => l.started)),
		'ms',
		null,
		`${how}: when html[data-started] was set (the app hydrated)`
	);
	const tbts = loads.map((l) => Math.round(l.tbt)).sort((a, b) => a - b);
	const tasks = loads.map((l) => l.tasks.join('+') || '0').join(' | ');
	report(
		`${'total blocking time'}${tag}`,
		median(tbts),
		'ms',
		50,
		`${how}, long tasks from FCP until 3 s after the network is quiet (each load's long tasks, ms: ${tasks})`
	);

	for (const profile of profiles)
		for (const rate of rates) {
			const s = await measureScroll(browser, url, { rate, profile, distance }, !label);
			const key = `${profile}, ${rate}×${label}`;
			const how = `${profile} profile${label}, ${rate}× CPU, 412×823, ${distance ? `its first ${distance} px (the published piece's length)` : 'whole piece'} scrolled ${SCROLLS} times (a scroll: ${s.seconds.toFixed(0)} s, ${s.frames} frames, ${s.moves} camera moves, medians)`;
			report(
				`long animation frames > 50 ms (${key})`,
				s.longFrames,
				'',
				rate === 1 ? 0 : null,
				how
			);
			report(
				`long animation frames a minute (${key})`,
				s.perMinute,
				'',
				rate === 1 ? 0 : 2,
				`${how}; over all ${SCROLLS} scrolls, counted over the time recorded (each scroll and the 2.5 s after it in which its last camera move lands)`
			);
			report(`longest animation frame (${key})`, s.longestFrame, 'ms', 100, how);
			report(
				`frame interval p95 (${key})`,
				s.p95,
				'ms',
				rate === 1 ? 17 : 20,
				`${how}; the median of the scrolls' (each, ms: ${s.p95s})`
			);
			report(
				`CLS while scrolling (${key})`,
				s.cls,
				'',
				0,
				`${how}; the worst scroll's${moved(s.shifted)}`
			);
			if (s.traced) reportScript(s.traced, rate);
		}
}

async function main() {
	const profiles = profileArg?.split(',') ?? Object.keys(SCROLL_BY);
	const unknown = profiles.find((p) => !(p in SCROLL_BY));
	if (unknown)
		throw new Error(
			`no scroll profile "${unknown}": --profiles takes ${Object.keys(SCROLL_BY).join(', ')}`
		);
	if (BUILD && !SCALE) {
		// The map data first (its output is committed; rebuilding gives the same bytes).
		const d0 = performance.now();
		await run('npm', ['run', 'data', '--silent'], JSON_ONLY);
		report('npm run data', (performance.now() - d0) / 1000, 's', 30, 'wall clock');
		const t0 = performance.now();
		await run('npm', ['run', 'build', '--silent'], JSON_ONLY);
		report('npm run build', (performance.now() - t0) / 1000, 's', 30, 'wall clock, three passes');
	}
	const browser = await chromium.launch(launchOptions);
	const version = browser.version();
	try {
		if (!SCALE) {
			const { server, url } = await serve(await freePort());
			try {
				await measurePage(browser, url, { profiles, rates: [1, 4] });
			} finally {
				server.kill();
			}
		} else {
			/** @type {number | undefined} how far the published piece scrolls: each copy is scrolled as far */
			let distance;
			for (const variant of SCALES) {
				const built = await buildScaled(variant);
				const html = gzipSync(readFileSync(join(built.build, 'index.html')), { level: 9 }).length;
				report(
					`HTML, gzip -9 [${variant.name}]`,
					html / 1024,
					'KB',
					null,
					`the page's HTML from a copy of ${built.steps} steps and ${built.views} views`
				);
				const { server, url } = await serve(await freePort(), built.build);
				try {
					distance ??= await scrollLength(browser, url);
					await measurePage(browser, url, {
						profiles,
						rates: [4],
						label: `, ${variant.name}`,
						distance
					});
				} finally {
					server.kill();
				}
			}
		}
	} finally {
		await browser.close();
	}
	if (JSON_ONLY) return;
	console.log(
		`\n${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, Chromium ${version}\n`
	);
	const rows = figures.map((f) => [
		f.name,
		`${f.value}${f.unit ? ` ${f.unit}` : ''}`,
		f.budget === null ? '' : `${f.budget}${f.unit ? ` ${f.unit}` : ''}`,
		f.budget === null ? '' : f.value <= f.budget ? 'ok' : 'OVER'
	]);
	const header = ['figure', 'measured', 'budget', ''];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	for (const row of [header, ...rows])
		console.log(
			row
				.map((c, i) => c.padEnd(widths[i]))
				.join('  ')
				.trimEnd()
		);
}

main().catch((error) => {
	console.error(`bench: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
