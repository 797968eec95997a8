/**
 * Clip GeoJSON polygons to a longitude/latitude rectangle, and fix ring winding.
 *
 * Coordinates are treated as planar [lon, lat]: fine for a region this small that does not
 * cross the antimeridian. The clipping itself is the piece's one clipper, shared with the label
 * placer (src/lib/map/clip.js); this file closes its rings and drops those left without area.
 */

import { clipOpenRing } from '../../src/lib/map/clip.js';

/** @typedef {import('../../src/lib/map/clip.js').Point} Point */
/** @typedef {Point[]} Ring */
/** @typedef {import('../../src/lib/map/clip.js').Box} Box  west, south, east, north */

/** Twice the signed planar area of a closed ring: positive when counter-clockwise. */
export function ringArea2(/** @type {Ring} */ ring) {
	let sum = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return sum;
}

/**
 * Clip a closed ring to the box. Returns a closed ring, or null when nothing with area is left.
 * @param {Ring} ring
 * @param {Box} box
 * @returns {Ring | null}
 */
export function clipRing(ring, box) {
	let points = clipOpenRing(ring.slice(0, -1), box);
	// Drop repeated points that clipping leaves behind, then close the ring.
	points = points.filter((p, i) => {
		const q = points[(i + points.length - 1) % points.length];
		return points.length === 1 || p[0] !== q[0] || p[1] !== q[1];
	});
	if (points.length < 3) return null;
	const closed = [...points, points[0]];
	// A ring that only ran along the box's edge has no area left.
	return Math.abs(ringArea2(closed)) > 1e-12 ? closed : null;
}

/**
 * Clip a Polygon or MultiPolygon geometry to the box.
 * Returns null when it lies wholly outside; a polygon whose exterior ring vanishes loses its holes too.
 * @param {{ type: string, coordinates: any }} geometry
 * @param {Box} box
 */
export function clipGeometry(geometry, box) {
	/** @type {Ring[][]} */
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	/** @type {Ring[][]} */
	const clipped = [];
	for (const rings of polygons) {
		const exterior = clipRing(rings[0], box);
		if (!exterior) continue;
		const holes = rings.slice(1).map((r) => clipRing(r, box));
		clipped.push([exterior, .../** @type {Ring[]} */ (holes.filter(Boolean))]);
	}
	if (clipped.length === 0) return null;
	return clipped.length === 1
		? { type: 'Polygon', coordinates: clipped[0] }
		: { type: 'MultiPolygon', coordinates: clipped };
}

/**
 * Wind rings the way d3-geo expects: exterior rings clockwise, holes counter-clockwise (in
 * lon/lat with north up). d3 reads a counter-clockwise exterior as "the whole globe except
 * this", so this is done for every polygon whatever its file says (GeoJSON's RFC 7946 asks
 * for the opposite).
 * @param {Ring[]} rings
 */
export function windForD3(rings) {
	return rings.map((ring, i) => {
		const clockwise = ringArea2(ring) < 0;
		return clockwise === (i === 0) ? ring : ring.slice().reverse();
	});
}
