// What a view frames, in world units: the data build (which keeps detail only around the views that
// show it) and the site's build (which draws the views) work it out with this same code.
import { geoDistance } from 'd3-geo';
import { grow, union } from './boxes.js';

/** @typedef {[number, number, number, number]} Box  x0, y0, x1, y1 in world units, y down */

const EARTH_KM = 6371;

/**
 * Kilometres per world unit at a world point (the projection's local scale).
 * @param {import('d3-geo').GeoProjection} projection
 * @param {number} x
 * @param {number} y
 */
export function kmPerUnit(projection, x, y) {
	const a = /** @type {[number, number]} */ (projection.invert?.([x, y]));
	const b = /** @type {[number, number]} */ (projection.invert?.([x + 1, y]));
	return geoDistance(a, b) * EARTH_KM;
}

/**
 * The box a view frames, margin included, and its width in km.
 * @param {{ frame: { ids: string[] } | { bbox: [number, number, number, number] }, margin: number }} spec
 * @param {(id: string) => Box} boundsOf a feature's projected bounds
 * @param {import('d3-geo').GeoProjection} projection
 * @returns {{ box: Box, km: number, widthKm: number }} km: kilometres per world unit at its centre
 */
export function viewBox(spec, boundsOf, projection) {
	/** @type {Box[]} */
	const boxes =
		'bbox' in spec.frame
			? cornersOf(spec.frame.bbox).map((c) => {
					const [x, y] = /** @type {[number, number]} */ (projection(c));
					return /** @type {Box} */ ([x, y, x, y]);
				})
			: spec.frame.ids.map(boundsOf);
	const frame = union(boxes);
	const km = kmPerUnit(projection, (frame[0] + frame[2]) / 2, (frame[1] + frame[3]) / 2);
	const m = spec.margin / km;
	const box = grow(frame, m);
	return { box, km, widthKm: (box[2] - box[0]) * km };
}

/** @param {[number, number, number, number]} bbox west, south, east, north */
function cornersOf([w, s, e, n]) {
	return /** @type {[number, number][]} */ ([
		[w, s],
		[w, n],
		[e, s],
		[e, n]
	]);
}
