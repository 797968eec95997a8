/**
 * Clip polygons to a longitude/latitude rectangle (Sutherland–Hodgman), and fix ring winding.
 *
 * Coordinates are treated as planar [lon, lat]: fine for a region this small that does not
 * cross the antimeridian. A concave ring cut into several pieces comes back as one ring joined
 * by zero-width slivers along the rectangle's edge; they lie on the map frame and fill nothing.
 */

/** @typedef {[number, number]} Point */
/** @typedef {Point[]} Ring */
/** @typedef {[number, number, number, number]} Box  west, south, east, north */

/** Twice the signed planar area of a closed ring: positive when counter-clockwise. */
export function ringArea2(/** @type {Ring} */ ring) {
	let sum = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return sum;
}

/**
 * One clipping pass: keep the part of an open ring on the inner side of one edge.
 * @param {Ring} points open ring (first point not repeated)
 * @param {(p: Point) => boolean} inside
 * @param {(a: Point, b: Point) => Point} cross where segment a→b meets the edge
 */
function clipEdge(points, inside, cross) {
	/** @type {Ring} */
	const out = [];
	for (let i = 0; i < points.length; i++) {
		const current = points[i];
		const previous = points[(i + points.length - 1) % points.length];
		if (inside(current)) {
			if (!inside(previous)) out.push(cross(previous, current));
			out.push(current);
		} else if (inside(previous)) {
			out.push(cross(previous, current));
		}
	}
	return out;
}

/** Point where segment a→b meets the vertical line lon = x. */
const atLon = (/** @type {number} */ x) => (/** @type {Point} */ a, /** @type {Point} */ b) =>
	/** @type {Point} */ ([x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])]);

/** Point where segment a→b meets the horizontal line lat = y. */
const atLat = (/** @type {number} */ y) => (/** @type {Point} */ a, /** @type {Point} */ b) =>
	/** @type {Point} */ ([a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y]);

/**
 * Clip a closed ring to the box. Returns a closed ring, or null when nothing with area is left.
 * @param {Ring} ring
 * @param {Box} box
 * @returns {Ring | null}
 */
export function clipRing(ring, [west, south, east, north]) {
	let points = ring.slice(0, -1);
	points = clipEdge(points, (p) => p[0] >= west, atLon(west));
	points = clipEdge(points, (p) => p[0] <= east, atLon(east));
	points = clipEdge(points, (p) => p[1] >= south, atLat(south));
	points = clipEdge(points, (p) => p[1] <= north, atLat(north));
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
