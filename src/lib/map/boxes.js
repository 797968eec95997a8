// World boxes ([x0, y0, x1, y1]): plain JavaScript, so the data build and the site share them.

/** @typedef {[number, number, number, number]} Box */

/**
 * A world box grown by a margin on every side.
 * @param {Box} box
 * @param {number} margin
 * @returns {Box}
 */
export function grow(box, margin) {
	return [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin];
}

/**
 * The smallest box holding all the given boxes.
 * @param {Box[]} boxes
 * @returns {Box}
 */
export function union(boxes) {
	return boxes.reduce(
		(u, b) => [
			Math.min(u[0], b[0]),
			Math.min(u[1], b[1]),
			Math.max(u[2], b[2]),
			Math.max(u[3], b[3])
		],
		/** @type {Box} */ ([Infinity, Infinity, -Infinity, -Infinity])
	);
}
