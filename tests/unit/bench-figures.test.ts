// The figures `npm run bench` prints beside their budgets, computed from inputs small enough to work
// out by hand: a wrong percentile or a CLS window that never closes would print "ok" for a page that
// stutters or shifts.
import { describe, expect, it } from 'vitest';
import { cls, median, percentile, scriptPerMoveFrame, tbt } from '../../scripts/bench-figures.js';

describe('frame interval percentile', () => {
	const frames = (smooth: number, missed: number) => [
		...Array<number>(smooth).fill(16.7),
		...Array<number>(missed).fill(33.3)
	];

	it('passes a scroll that misses one frame in twenty, and fails one that misses more', () => {
		expect(percentile(frames(95, 5), 0.95)).toBe(16.7);
		expect(percentile(frames(94, 6), 0.95)).toBe(33.3);
	});

	it('does not depend on the order the intervals came in', () => {
		const shuffled = [33.3, 16.7, 16.7, 50, 16.7, 16.7, 16.7, 16.7, 16.7, 16.7];
		expect(percentile(shuffled, 0.5)).toBe(16.7);
		expect(percentile(shuffled, 0.95)).toBe(50);
		expect(median([3, 1, 2])).toBe(2);
	});

	it('is not a number when nothing was measured', () => {
		expect(percentile([], 0.95)).toBeNaN();
	});
});

describe('CLS', () => {
	it('adds shifts less than a second apart into one session window', () => {
		expect(
			cls([
				[0, 0.1],
				[500, 0.1],
				[1400, 0.1]
			])
		).toBeCloseTo(0.3);
	});

	it('starts a new window after a second without shifts, and reports the worst window', () => {
		expect(
			cls([
				[0, 0.05],
				[1500, 0.1],
				[1600, 0.02],
				[3000, 0.01]
			])
		).toBeCloseTo(0.12);
	});

	it('closes a window at five seconds, even while shifts keep coming', () => {
		// A shift every 0.9 s for 7.2 s: 0–4.5 s is one window (six shifts), 5.4–7.2 s the next.
		const shifts = Array.from({ length: 9 }, (_, i): [number, number] => [i * 900, 0.01]);
		expect(cls(shifts)).toBeCloseTo(0.06);
	});

	it('is 0 for a page that does not move', () => {
		expect(cls([])).toBe(0);
	});
});

describe('total blocking time', () => {
	it('counts what long tasks after first paint ran beyond 50 ms', () => {
		const tasks: [number, number][] = [
			[100, 300], // before first contentful paint: not counted
			[600, 120], // 70 ms
			[900, 40], // not a long task's excess
			[2000, 51] // 1 ms
		];
		expect(tbt(tasks, 500)).toBe(71);
		expect(tbt([], 500)).toBe(0);
	});
});

describe('script per camera frame, from a DevTools trace', () => {
	const MAIN = 7;
	const thread = (tid: number, name: string) => ({
		pid: 1,
		tid,
		ph: 'M',
		name: 'thread_name',
		args: { name }
	});
	const mark = (name: string, ts: number) => ({ pid: 1, tid: MAIN, ph: 'R', name, ts });
	const span = (name: string, ts: number, dur: number, tid = MAIN) => ({
		pid: 1,
		tid,
		ph: 'X',
		name,
		ts,
		dur
	});
	const frame = (ts: number) => ({ pid: 1, tid: MAIN, ph: 'I', name: 'BeginMainThreadFrame', ts });
	// Times in microseconds, as traces have them. Frames begin every 16.7 ms; the camera moves from
	// 1 ms to 60 ms, so the frames that begin at 16.7, 33.4 and 50.1 ms are the camera's.
	const trace = [
		thread(MAIN, 'CrRendererMain'),
		thread(8, 'Compositor'),
		mark('bench:camera-start', 1_000),
		mark('bench:camera-end', 60_000),
		...[0, 16_700, 33_400, 50_100, 66_800].map(frame),
		span('FunctionCall', 2_000, 10_000), // a frame before the move: not counted
		// 2 ms of script, a nested animation-frame callback counted once, 0.5 ms of it forced layout.
		span('FunctionCall', 17_000, 2_000),
		span('FireAnimationFrame', 17_500, 1_000),
		span('Layout', 18_000, 500),
		// 1 ms of script; the frame's own layout, outside script, is not script's.
		span('FunctionCall', 34_000, 1_000),
		span('Layout', 36_000, 3_000),
		span('EventDispatch', 51_000, 4_000),
		span('FunctionCall', 51_000, 9_000, 8) // another thread
	];

	it('counts script on the main thread in each frame the camera moves, less the layout it forces', () => {
		expect(scriptPerMoveFrame(trace)).toMatchObject({
			moveFrames: 3,
			scriptMedian: 1.5,
			scriptP95: 4,
			scriptMax: 4,
			forcedP95: 0.5
		});
	});

	it("counts the thread's own CPU time too, which leaves out a wait for a core", () => {
		// The same trace with thread durations (tdur): the first frame's script ran 1.5 ms of CPU, 0.4
		// of it the layout it forced; the third's event took 4 ms of wall clock and 1 ms of CPU.
		const cpu: Record<number, number> = {
			2_000: 10_000,
			17_000: 1_500,
			18_000: 400,
			34_000: 1_000
		};
		const timed = trace.map((e) => {
			const { ts = 0, dur } = e as { ts?: number; dur?: number };
			if (dur === undefined) return e;
			return { ...e, tdur: e.name === 'EventDispatch' ? 1_000 : (cpu[ts] ?? dur) };
		});
		expect(scriptPerMoveFrame(timed)).toEqual({
			moveFrames: 3,
			scriptMedian: 1.5,
			scriptP95: 4,
			scriptMax: 4,
			forcedP95: 0.5,
			cpuMedian: 1,
			cpuP95: 1.1,
			cpuMax: 1.1
		});
		// A forced layout whose end rounds a microsecond past its script's is still the script's.
		const rounded = timed.map((e) =>
			e.name === 'Layout' && 'ts' in e && e.ts === 18_000 ? { ...e, dur: 1_001 } : e
		);
		expect(scriptPerMoveFrame(rounded)).toMatchObject({ cpuP95: 1.1 });
		// Without thread durations, on a script event or on the layout it forced, there is no CPU
		// figure, rather than a wall-clock one or a layout left in under its name.
		const none = { cpuMedian: null, cpuP95: null, cpuMax: null };
		expect(scriptPerMoveFrame(trace)).toMatchObject(none);
		const layoutUntimed = timed.map((e) => (e.name === 'Layout' ? { ...e, tdur: undefined } : e));
		expect(scriptPerMoveFrame(layoutUntimed)).toMatchObject(none);
	});

	it('says so when the trace holds no camera move, or no frame during one', () => {
		expect(() => scriptPerMoveFrame(trace.filter((e) => !e.name.startsWith('bench:')))).toThrow(
			'the trace holds no camera moves'
		);
		expect(() =>
			scriptPerMoveFrame(trace.filter((e) => e.name !== 'BeginMainThreadFrame'))
		).toThrow('the trace holds no frames during a camera move');
	});
});
