/**
 * The piece's one polygon clipper (Sutherland–Hodgman): a planar ring clipped to a box.
 *
 * Used in lon/lat by the data build (data/scripts/clip.js, which closes rings and drops empty
 * ones) and in projected pixels by the label placer (geometry.ts). A concave ring cut into
 * several pieces comes back as one ring joined by zero-width slivers along the box's edge; they
 * lie on the frame and fill nothing.
 */

/** @typedef {[number, number]} Point */
/** @typedef {[number, number, number, number]} Box  x0, y0, x1, y1 (west, south, east, north in lon/lat) */

/**
 * Clip an open ring (first point not repeated) to the box. Returns an open ring, empty when
 * nothing is inside.
 * @param {Point[]} ring
 * @param {Box} box
 * @returns {Point[]}
 */
export function clipOpenRing(ring, [x0, y0, x1, y1]) {
	/** @type {[(p: Point) => boolean, (a: Point, b: Point) => Point][]} */
	const edges = [
		[(p) => p[0] >= x0, (a, b) => atX(a, b, x0)],
		[(p) => p[0] <= x1, (a, b) => atX(a, b, x1)],
		[(p) => p[1] >= y0, (a, b) => atY(a, b, y0)],
		[(p) => p[1] <= y1, (a, b) => atY(a, b, y1)]
	];
	let out = ring;
	for (const [inside, cut] of edges) {
		const input = out;
		out = [];
		for (let i = 0; i < input.length; i++) {
			const a = input[(i + input.length - 1) % input.length];
			const b = input[i];
			if (inside(b)) {
				if (!inside(a)) out.push(cut(a, b));
				out.push(b);
			} else if (inside(a)) out.push(cut(a, b));
		}
		if (out.length === 0) break;
	}
	return out;
}

/** Where segment a→b meets the vertical line at x. */
function atX(/** @type {Point} */ a, /** @type {Point} */ b, /** @type {number} */ x) {
	return /** @type {Point} */ ([x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])]);
}

/** Where segment a→b meets the horizontal line at y. */
function atY(/** @type {Point} */ a, /** @type {Point} */ b, /** @type {number} */ y) {
	return /** @type {Point} */ ([a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y]);
}
