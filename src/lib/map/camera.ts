import { interpolateZoom } from 'd3-interpolate';
import { easeCubicInOut } from 'd3-ease';
import type { Camera, Size } from './types';
import { windowOf } from './frame';

type ZoomView = [number, number, number];
type Window = [number, number, number, number];

const toZoom = (c: Camera): ZoomView => [c.x, c.y, c.w];
const fromZoom = (v: ZoomView): Camera => ({ x: v[0], y: v[1], w: v[2] });

/** One move of the camera, known whole from the moment it takes off. */
export interface Flight {
	/** When it took off: ms on performance.now()'s clock, which is the document timeline's. */
	start: number;
	/** How long it lasts, ms. */
	duration: number;
	/** Where the camera is `t` ms after take-off. */
	at(t: number): Camera;
}

/**
 * Moves the camera between views along van Wijk & Nuij's smooth zoom path (d3-interpolate's
 * interpolateZoom: out, across, in). The whole flight is handed over at take-off, for the drawing to
 * key as animations the compositor plays, so no script runs on the page's main thread while the camera
 * flies; a timer lands it. A new target retargets from wherever the camera is, mid-flight included.
 * Only the camera moves; the geometry was projected once.
 */
export class CameraMotion {
	#rest: Camera;
	#flight: Flight | null = null;
	#landing: ReturnType<typeof setTimeout> | undefined;
	#onMove: (camera: Camera, flight: Flight | null) => void;

	/** `onMove` hears of each take-off (where from, and the flight) and each landing (flight null). */
	constructor(initial: Camera, onMove: (camera: Camera, flight: Flight | null) => void) {
		this.#rest = initial;
		this.#onMove = onMove;
	}

	/** Where the camera is now. */
	get current(): Camera {
		const f = this.#flight;
		return f ? f.at(performance.now() - f.start) : this.#rest;
	}

	get moving(): boolean {
		return this.#flight !== null;
	}

	/** Go to `target`; `animate: false` jumps there (reduced motion, first paint, resize). */
	moveTo(target: Camera, animate: boolean): void {
		const from = this.current;
		this.stop();
		if (!animate || same(from, target)) {
			this.#rest = target;
			this.#onMove(target, null);
			return;
		}
		const path = interpolateZoom(toZoom(from), toZoom(target));
		const duration = Math.min(2400, Math.max(700, path.duration * 0.8));
		const flight: Flight = {
			start: performance.now(),
			duration,
			at: (t) =>
				t >= duration
					? target
					: fromZoom(path(easeCubicInOut(Math.max(0, t) / duration)) as ZoomView)
		};
		this.#flight = flight;
		this.#landing = setTimeout(() => {
			this.#flight = null;
			this.#rest = target;
			this.#onMove(target, null);
		}, duration);
		this.#onMove(from, flight);
	}

	/** Stop where the camera is, without a landing (`onMove` hears nothing): for moveTo, which reports
	 *  the next take-off or jump itself, and for a map going away. */
	stop(): void {
		clearTimeout(this.#landing);
		this.#rest = this.current;
		this.#flight = null;
	}
}

function same(a: Camera, b: Camera): boolean {
	const tol = Math.max(a.w, b.w) * 1e-6;
	return Math.abs(a.x - b.x) < tol && Math.abs(a.y - b.y) < tol && Math.abs(a.w - b.w) < tol;
}

/** Plays keyframes over a flight, on the document's clock from its take-off: each animation of a
 *  flight keeps time with the others, wherever the compositor or the main thread samples it. */
export function keyFlight(el: Element, keyframes: Keyframe[], { flight }: Track): Animation {
	const animation = el.animate(keyframes, { duration: flight.duration, fill: 'both' });
	animation.startTime = flight.start;
	return animation;
}

/** A flight sampled in a frame of `size`: the keyframes' offsets (0–1) and the window shown at each. */
export interface Track {
	flight: Flight;
	size: Size;
	offsets: number[];
	windows: Window[];
}

/** Samples a flight at 30 a second, first and last moments included, in a frame of `size`. Between two
 *  samples the labels and the picture are both moved in straight lines, so they stay together; more
 *  samples cost the take-off frame time (keyframes to parse) and buy no smoothness one can see. */
export function sampleFlight(flight: Flight, size: Size, perSecond = 30): Track {
	const n = Math.max(2, Math.ceil((flight.duration / 1000) * perSecond) + 1);
	const offsets = Array.from({ length: n }, (_, i) => i / (n - 1));
	const windows = offsets.map((o) => windowOf(flight.at(o * flight.duration), size));
	return { flight, size, offsets, windows };
}

/**
 * The first sample after `from` at which the camera has zoomed more than `ratio` times from the window
 * at `from` (in or out): where a picture of that window, scaled, would start to look soft or run short,
 * and the map should be drawn again. -1 if the flight never gets there.
 */
export function nextRedraw(windows: Window[], from: number, ratio: number): number {
	const limit = Math.log(ratio);
	const w0 = windows[from][2];
	for (let i = from + 1; i < windows.length; i++) {
		if (Math.abs(Math.log(w0 / windows[i][2])) > limit) return i;
	}
	return -1;
}
