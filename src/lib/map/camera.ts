import { interpolateZoom } from 'd3-interpolate';
import { easeCubicInOut } from 'd3-ease';
import type { Camera } from './types';

type ZoomView = [number, number, number];

const toZoom = (c: Camera): ZoomView => [c.x, c.y, c.w];
const fromZoom = (v: ZoomView): Camera => ({ x: v[0], y: v[1], w: v[2] });

/**
 * Moves the camera between views along van Wijk & Nuij's smooth zoom path (d3-interpolate's
 * interpolateZoom: out, across, in). A new target retargets from wherever the camera is, mid-flight
 * included. Only the camera moves; the geometry was projected once.
 */
export class CameraMotion {
	current: Camera;
	#frame = 0;
	#onFrame: (camera: Camera, moving: boolean) => void;

	constructor(initial: Camera, onFrame: (camera: Camera, moving: boolean) => void) {
		this.current = initial;
		this.#onFrame = onFrame;
	}

	get moving(): boolean {
		return this.#frame !== 0;
	}

	/** Go to `target`; `animate: false` jumps there (reduced motion, first paint, resize). */
	moveTo(target: Camera, animate: boolean): void {
		this.stop();
		const from = this.current;
		if (!animate || same(from, target)) {
			this.current = target;
			this.#onFrame(target, false);
			return;
		}
		const path = interpolateZoom(toZoom(from), toZoom(target));
		const duration = Math.min(2400, Math.max(700, path.duration * 0.8));
		const start = performance.now();
		const tick = (now: number) => {
			const t = Math.min(1, (now - start) / duration);
			this.current = t < 1 ? fromZoom(path(easeCubicInOut(t)) as ZoomView) : target;
			if (t < 1) {
				this.#frame = requestAnimationFrame(tick);
				this.#onFrame(this.current, true);
			} else {
				this.#frame = 0;
				this.#onFrame(this.current, false);
			}
		};
		this.#frame = requestAnimationFrame(tick);
		this.#onFrame(from, true);
	}

	stop(): void {
		if (this.#frame) cancelAnimationFrame(this.#frame);
		this.#frame = 0;
	}
}

function same(a: Camera, b: Camera): boolean {
	const tol = Math.max(a.w, b.w) * 1e-6;
	return Math.abs(a.x - b.x) < tol && Math.abs(a.y - b.y) < tol && Math.abs(a.w - b.w) < tol;
}
