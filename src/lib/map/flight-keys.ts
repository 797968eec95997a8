// A flight of one drawing, keyed whole at take-off as animations the compositor plays: no script on
// the main thread between two drawings, and no layout or paint. MapDrawing calls it when the camera
// takes off and the function it returns when it lands, is retargeted or the map goes.
import { pictureTransform, viewBoxString } from './frame';
import { keyFlight, nextRedraw, type Track } from './camera';
import type { MapLabel } from './types';

/** How far the camera zooms in flight on one drawing, moved and scaled as a picture, before the map
 *  is drawn again at the camera's window: a picture enlarged more than this starts to look soft. */
const REDRAW_ZOOM = 1.4;
/** Samples a picture is keyed beyond its own stretch of the flight, either side. */
const SLACK = 4;
/** In a flight that zooms in, labels show from this many times the landing's width of world on
 *  screen, and are whole from LABELS_WHOLE times. */
const LABELS_FROM = 2;
const LABELS_WHOLE = 1.25;
/** Labels that never come within AWAY px of the frame are hidden for the flight. */
const AWAY = 240;

/**
 * Keys a flight: the labels (`spans`, one per label, in order), which keep their size, move by their
 * own keyframes. The map (`svg`) is a picture of the window last drawn, moved and scaled (a CSS
 * transform); it is drawn again at the camera's window (its viewBox) each time the camera has zoomed
 * REDRAW_ZOOM× from it, and keyed afresh from there. Returns what undoes it all.
 */
export function keyDrawingFlight(
	svg: SVGSVGElement,
	spans: HTMLCollection,
	labels: MapLabel[],
	track: Track
): () => void {
	/** The flight's animations (the labels' and the picture's), and the timer of the next redraw. */
	const animations: Animation[] = [];
	let picture: Animation | undefined;
	let redraw: ReturnType<typeof setTimeout> | undefined;
	/** Labels hidden for the flight. */
	const hidden: HTMLElement[] = [];
	const { flight, offsets, windows } = track;
	const { width, height } = track.size;
	// Zooming in from afar, the new view's labels would start in one heap on a single spot: they
	// fade in as the camera comes within LABELS_FROM× of where it lands, whole by LABELS_WHOLE×.
	const landing = windows[windows.length - 1][2];
	const opacity = windows.map((w) => {
		const far = w[2] / landing;
		return Math.min(1, Math.max(0, (LABELS_FROM - far) / (LABELS_FROM - LABELS_WHOLE)));
	});
	const fades = opacity.some((o) => o < 1);
	labels.forEach((label, i) => {
		const span = spans[i] as HTMLElement;
		const at = windows.map((w) => {
			const k = width / w[2];
			return [(label.x - w[0]) * k, (label.y - w[1]) * k];
		});
		// A label that never comes near the frame is hidden for the flight rather than keyed: while
		// animations run, every script that reads the layout (the scroll listeners, each frame) has
		// the browser work out each animated element's style first.
		const near = ([x, y]: number[]) =>
			x > -AWAY && x < width + AWAY && y > -AWAY && y < height + AWAY;
		if (!at.some(near)) {
			span.style.visibility = 'hidden';
			hidden.push(span);
			return;
		}
		const keyframes: Keyframe[] = at.map(([x, y], j) => ({
			offset: offsets[j],
			translate: `${x.toFixed(1)}px ${y.toFixed(1)}px`,
			...(fades && { opacity: +opacity[j].toFixed(2) })
		}));
		animations.push(keyFlight(span, keyframes, track));
	});
	/** The sample at or after a time on the document's clock (the last if the flight is over). */
	const sampleAt = (time: number) => {
		const i = offsets.findIndex((o) => o >= (time - flight.start) / flight.duration);
		return i < 0 ? windows.length - 1 : i;
	};
	/**
	 * Draws the map at sample `from`'s window and keys the picture from there to the next redraw,
	 * and back to sample `since` if that is earlier.
	 */
	const drawFrom = (from: number, since = from) => {
		const drawn = windows[from];
		svg.setAttribute('viewBox', viewBoxString(drawn));
		const next = nextRedraw(windows, from, REDRAW_ZOOM);
		// Keyed a few frames either side of its stretch (a frame's time can fall just before the
		// sample drawn, a timer can be late) and held beyond: a picture keyed across the whole flight
		// would have the compositor raster it for the largest scale it ever reaches.
		const first = Math.max(0, Math.min(from, since) - SLACK);
		const last = next < 0 ? windows.length - 1 : Math.min(windows.length - 1, next + SLACK);
		const keyframes: Keyframe[] = [];
		for (let i = first; i <= last; i++) {
			const w = windows[i];
			keyframes.push({ offset: offsets[i], transform: pictureTransform(drawn, w, width / w[2]) });
		}
		if (first > 0) keyframes.unshift({ ...keyframes[0], offset: 0 });
		if (last < windows.length - 1)
			keyframes.push({ ...keyframes[keyframes.length - 1], offset: 1 });
		picture?.cancel();
		picture = keyFlight(svg, keyframes, track);
		if (next < 0) return;
		redraw = setTimeout(
			() => {
				// A late timer draws where the camera is by then. In a long task the frame under way
				// keeps its own time (the animations' clock), behind performance.now(): the picture is
				// keyed back to that too, or the frame sees it held still while the labels move on;
				// but by at most SLACK samples more: keyed further back, it would be rastered for a
				// scale it never shows (and a page with a faked performance.now() has the two clocks
				// far apart).
				const now = performance.now();
				const frame = document.timeline.currentTime;
				const to = Math.max(sampleAt(now), next);
				const since = typeof frame === 'number' ? sampleAt(frame) : to;
				drawFrom(to, Math.max(since, to - 2 * SLACK));
			},
			// Due SLACK samples before `next`: the new picture is keyed back that far anyway, and a
			// timer late by up to twice SLACK then still finds the picture keyed where the camera is
			// (the old one is held beyond `next` + SLACK, while the labels move on).
			flight.start + offsets[Math.max(from, next - SLACK)] * flight.duration - performance.now()
		);
	};
	drawFrom(0);
	return () => {
		clearTimeout(redraw);
		for (const a of animations) a.cancel();
		picture?.cancel();
		for (const span of hidden) span.style.visibility = '';
	};
}
