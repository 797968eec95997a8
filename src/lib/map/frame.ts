import type { Box, Camera, Size } from './types';

/**
 * The camera that fits a world box into the framing box (the part of the map the text does not cover):
 * the whole box visible and centred, as large as it fits — what SVG's `preserveAspectRatio="xMidYMid
 * meet"` does, so the server-rendered first view and the client agree to the pixel.
 */
export function frameFor(box: Box, size: Size): Camera {
	const [x0, y0, x1, y1] = box;
	const bw = Math.max(x1 - x0, 1e-9);
	const bh = Math.max(y1 - y0, 1e-9);
	const k = Math.min(size.width / bw, size.height / bh);
	return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, w: size.width / k };
}

/** The world rectangle a camera shows in a framing box: [x, y, width, height], for an SVG viewBox. */
export function windowOf(camera: Camera, size: Size): [number, number, number, number] {
	const h = (camera.w * size.height) / size.width;
	return [camera.x - camera.w / 2, camera.y - h / 2, camera.w, h];
}

export { grow, union } from './boxes.js';

/** A string for `viewBox`, rounded enough to keep the HTML small and stable. */
export function viewBoxString(v: [number, number, number, number]): string {
	return v.map((n) => +n.toFixed(3)).join(' ');
}

/**
 * The CSS transform (origin top left) that turns a drawing of window `from` into one of window `to`,
 * both filling the same box at `scale` pixels per world unit for `to`: a world point at p moves from
 * (p − from)·k_from to (p − to)·k_to.
 */
export function pictureTransform(
	from: [number, number, number, number],
	to: [number, number, number, number],
	scale: number
): string {
	const a = from[2] / to[2];
	const tx = (from[0] - to[0]) * scale;
	const ty = (from[1] - to[1]) * scale;
	return `translate(${tx.toFixed(2)}px,${ty.toFixed(2)}px) scale(${a.toFixed(5)})`;
}
