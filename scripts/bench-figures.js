// The arithmetic of `npm run bench` (scripts/bench.js), apart so that unit tests can check it on
// figures worked out by hand (tests/unit/bench-figures.test.ts): percentiles, CLS's session windows,
// total blocking time, and the script time per camera frame read from a DevTools trace.

/** Script time, as DevTools' Performance panel counts it ("Scripting"): these trace events. */
const SCRIPT_EVENTS = new Set([
	'EvaluateScript',
	'v8.evaluateModule',
	'FunctionCall',
	'EventDispatch',
	'TimerFire',
	'FireAnimationFrame',
	'FireIdleCallback',
	'RunMicrotasks',
	'v8.compile',
	'v8.compileModule',
	'MinorGC',
	'MajorGC'
]);

/** @param {number[]} xs @param {number} p 0–1 */
export function percentile(xs, p) {
	const sorted = [...xs].sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
/** @param {number[]} xs */
export const median = (xs) => percentile(xs, 0.5);

/**
 * The largest cumulative layout shift in any session window (≤ 5 s, gaps < 1 s), as CLS is defined.
 * @param {[number, number][]} shifts [time ms, value], in time order
 */
export function cls(shifts) {
	let best = 0;
	let sum = 0;
	let first = -Infinity;
	let last = -Infinity;
	for (const [t, v] of shifts) {
		if (t - last > 1000 || t - first > 5000) {
			sum = 0;
			first = t;
		}
		sum += v;
		last = t;
		best = Math.max(best, sum);
	}
	return best;
}

/**
 * Total blocking time: what each long task after first contentful paint ran beyond 50 ms, summed.
 * @param {[number, number][]} tasks [start ms, duration ms] @param {number} fcp ms
 */
export function tbt(tasks, fcp) {
	return tasks.filter(([t]) => t >= fcp).reduce((n, [, d]) => n + Math.max(0, d - 50), 0);
}

/** Rendering work that script can force inside itself (a forced layout or style recalculation). */
const RENDER_EVENTS = new Set([
	'Layout',
	'UpdateLayoutTree',
	'RecalculateStyles',
	'PrePaint',
	'Paint'
]);

/**
 * Intervals merged into a sorted list without overlaps. @param {[number, number][]} list
 * @returns {[number, number][]}
 */
function merge(list) {
	/** @type {[number, number][]} */
	const out = [];
	for (const [a, b] of [...list].sort((x, y) => x[0] - y[0])) {
		const last = out[out.length - 1];
		if (last && a <= last[1]) last[1] = Math.max(last[1], b);
		else out.push([a, b]);
	}
	return out;
}
/** Where two merged lists overlap. @param {[number, number][]} x @param {[number, number][]} y */
function overlap(x, y) {
	/** @type {[number, number][]} */
	const out = [];
	for (let i = 0, j = 0; i < x.length && j < y.length;) {
		const a = Math.max(x[i][0], y[j][0]);
		const b = Math.min(x[i][1], y[j][1]);
		if (a < b) out.push([a, b]);
		if (x[i][1] < y[j][1]) i++;
		else j++;
	}
	return out;
}
/** Total length of a merged list. @param {[number, number][]} list */
const length = (list) => list.reduce((n, [a, b]) => n + b - a, 0);

/**
 * The outermost of these events: those no other one holds (a thread's trace events nest).
 * @param {any[]} list @returns {any[]}
 */
function outermost(list) {
	const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
	const out = [];
	let end = -Infinity;
	for (const e of sorted) {
		if (e.ts < end) continue;
		out.push(e);
		end = e.ts + e.dur;
	}
	return out;
}

/**
 * Script time on the page's main thread in each frame while the camera moves, less the layout and
 * style work script forces (reported apart), counted two ways:
 * - wall clock, as DevTools' Performance panel counts "Scripting": script events merged (nested ones
 *   count once);
 * - the thread's own CPU time (each outermost script event's thread duration, `tdur`): on a machine
 *   with few cores the main thread waits for a core in the middle of a script (raster, compositing and
 *   the browser process take them), and the wall clock counts that wait as script. CPU throttling is
 *   counted: a throttled thread's time runs on.
 * Frames run from one BeginMainThreadFrame to the next; a frame belongs to a move if it starts between
 * a camera-start and a camera-end mark, and a script event to the frame it starts in.
 * @param {any[]} events
 */
export function scriptPerMoveFrame(events) {
	const marks = events.filter(
		(e) => e.name === 'bench:camera-start' || e.name === 'bench:camera-end'
	);
	if (!marks.length) throw new Error('the trace holds no camera moves (no bench:camera-* marks)');
	const pid = marks[0].pid;
	const mainTid = events.find(
		(e) =>
			e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
	)?.tid;
	const main = events.filter((e) => e.pid === pid && e.tid === mainTid);
	const begins = main
		.filter((e) => e.name === 'BeginMainThreadFrame')
		.map((e) => e.ts)
		.sort((a, b) => a - b);
	/** @type {[number, number][]} */
	const windows = [];
	for (const m of marks.sort((a, b) => a.ts - b.ts)) {
		if (m.name === 'bench:camera-start') windows.push([m.ts, Infinity]);
		else if (windows.length) windows[windows.length - 1][1] = m.ts;
	}
	const complete = main.filter((e) => e.ph === 'X' && e.dur > 0);
	const scriptEvents = outermost(complete.filter((e) => SCRIPT_EVENTS.has(e.name)));
	const renderEvents = outermost(complete.filter((e) => RENDER_EVENTS.has(e.name)));
	/** @param {any[]} list @returns {[number, number][]} */
	const spans = (list) => merge(list.map((e) => [e.ts, e.ts + e.dur]));
	const script = spans(scriptEvents);
	const forced = overlap(script, spans(renderEvents));
	/** The rendering a script event forced: events nest, so starting inside it is being inside it
	 *  (an end can round a microsecond past the parent's). @param {any} e */
	const forcedBy = (e) => renderEvents.filter((r) => r.ts >= e.ts && r.ts < e.ts + e.dur);
	/** A script event's CPU time, less that of the rendering it forced; null without thread times.
	 *  @param {any} e @returns {number | null} */
	const cpuOf = (e) => {
		const inner = forcedBy(e);
		if (typeof e.tdur !== 'number' || inner.some((r) => typeof r.tdur !== 'number')) return null;
		return e.tdur - inner.reduce((n, r) => n + r.tdur, 0);
	};
	let threadTime = true;
	/** @type {number[]} */
	const js = [];
	/** @type {number[]} */
	const cpu = [];
	/** @type {number[]} */
	const layout = [];
	for (let i = 0; i + 1 < begins.length; i++) {
		/** @type {[number, number][]} */
		const frame = [[begins[i], begins[i + 1]]];
		if (!windows.some(([w0, w1]) => frame[0][0] >= w0 && frame[0][0] < w1)) continue;
		const inScript = length(overlap(script, frame));
		const inForced = length(overlap(forced, frame));
		js.push((inScript - inForced) / 1000);
		layout.push(inForced / 1000);
		let inFrame = 0;
		for (const e of scriptEvents.filter((e) => e.ts >= frame[0][0] && e.ts < frame[0][1])) {
			const t = cpuOf(e);
			if (t === null) threadTime = false;
			else inFrame += t;
		}
		cpu.push(inFrame / 1000);
	}
	if (!js.length) throw new Error('the trace holds no frames during a camera move');
	return {
		moveFrames: js.length,
		scriptMedian: median(js),
		scriptP95: percentile(js, 0.95),
		scriptMax: Math.max(...js),
		forcedP95: percentile(layout, 0.95),
		// null when an event counted has no thread time (a trace written without them).
		cpuMedian: threadTime ? median(cpu) : null,
		cpuP95: threadTime ? percentile(cpu, 0.95) : null,
		cpuMax: threadTime ? Math.max(...cpu) : null
	};
}
