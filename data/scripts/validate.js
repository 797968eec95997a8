/**
 * Checks for the map's input files: geometries, hand-drawn FeatureCollections, ids. Each problem is
 * one line naming the file, the feature and the fix.
 */
import { DataError } from './errors.js';

/** @typedef {import('./readers.js').Feature} Feature */
/** @typedef {{ type: 'FeatureCollection', features: Feature[] }} FeatureCollection */

/** "Al Ḩajar al Aswad" → "al-hajar-al-aswad"; "N. Cyprus" → "n-cyprus". */
export function slugify(/** @type {string} */ name) {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['‘’.]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * Check one position; returns a problem ("latitude 95 out of range −90..90 — fix the
 * coordinate") or null.
 * @param {unknown} position
 */
export function positionProblem(position) {
	if (!Array.isArray(position) || position.length < 2) {
		return 'a position is not an [longitude, latitude] pair — fix the coordinates';
	}
	const [lon, lat] = position;
	if (
		typeof lon !== 'number' ||
		!Number.isFinite(lon) ||
		typeof lat !== 'number' ||
		!Number.isFinite(lat)
	) {
		return `position ${JSON.stringify(position)} is not two numbers — fix the coordinate`;
	}
	if (lat < -90 || lat > 90) return `latitude ${lat} out of range −90..90 — fix the coordinate`;
	if (lon < -180 || lon > 180)
		return `longitude ${lon} out of range −180..180 — fix the coordinate`;
	return null;
}

/**
 * Check a geometry's structure and every coordinate; returns the first problem or null.
 * @param {any} geometry
 */
export function geometryProblem(geometry) {
	if (!geometry || typeof geometry !== 'object') return 'no geometry — add one';
	const c = geometry.coordinates;
	/** @param {any} ring @param {number} min */
	const list = (ring, min) =>
		!Array.isArray(ring) || ring.length < min
			? `a ${geometry.type} part needs at least ${min} positions — add coordinates`
			: (ring.map(positionProblem).find(Boolean) ?? null);
	/** @param {any} rings */
	const polygon = (rings) => {
		if (!Array.isArray(rings) || rings.length === 0) return 'a polygon has no rings — add one';
		for (const ring of rings) {
			const problem = list(ring, 4);
			if (problem) return problem;
			const [a, b] = [ring[0], ring[ring.length - 1]];
			if (a[0] !== b[0] || a[1] !== b[1]) {
				return 'a polygon ring is not closed — repeat its first position at the end';
			}
		}
		return null;
	};
	/** @param {any} parts @param {(part: any) => string | null} check */
	const each = (parts, check) =>
		Array.isArray(parts) && parts.length > 0
			? (parts.map(check).find(Boolean) ?? null)
			: `${geometry.type} has no parts — add coordinates`;
	switch (geometry.type) {
		case 'Point':
			return positionProblem(c);
		case 'LineString':
			return list(c, 2);
		case 'MultiLineString':
			return each(c, (line) => list(line, 2));
		case 'Polygon':
			return polygon(c);
		case 'MultiPolygon':
			return each(c, polygon);
		default:
			return `geometry type ${JSON.stringify(geometry.type)} is not supported — use Point, LineString, MultiLineString, Polygon or MultiPolygon`;
	}
}

/**
 * Validate a hand-drawn FeatureCollection. Throws a DataError naming the file and the feature.
 * Every feature needs a string id unique in the file, a geometry with coordinates in range, and
 * properties { name, source, approximate: true, note }.
 * @param {unknown} json the parsed file
 * @param {string} file the path to name in messages
 * @returns {FeatureCollection}
 */
export function validateFeatureCollection(json, file) {
	const fc = /** @type {any} */ (json);
	if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		throw new DataError(
			`${file}: not a GeoJSON FeatureCollection — make the top level {"type": "FeatureCollection", "features": [...]}`
		);
	}
	/** @type {Map<string, number>} */
	const seen = new Map();
	fc.features.forEach((/** @type {any} */ f, /** @type {number} */ index) => {
		const n = index + 1;
		const label = typeof f?.id === 'string' ? `feature "${f.id}" (feature ${n})` : `feature ${n}`;
		const fail = (/** @type {string} */ problem) => {
			throw new DataError(`${file}: ${label}: ${problem}`);
		};
		if (!f || f.type !== 'Feature') fail('not a GeoJSON Feature — set "type": "Feature"');
		if (typeof f.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.id)) {
			fail('needs an "id" of lowercase letters, digits and hyphens — add one');
		}
		if (seen.has(f.id)) {
			fail(
				`duplicate id "${f.id}" (also feature ${seen.get(f.id)}) — give each feature a unique id`
			);
		}
		seen.set(f.id, n);
		const p = f.properties;
		if (!p || typeof p !== 'object')
			fail('has no properties — add { name, source, approximate, note }');
		for (const key of ['name', 'source', 'note']) {
			if (typeof p[key] !== 'string' || p[key].trim() === '') {
				fail(
					key === 'source'
						? 'missing properties.source — say what the shape was drawn from'
						: `missing properties.${key} — add a ${key}`
				);
			}
		}
		if (p.approximate !== true) {
			fail(
				'properties.approximate must be true — hand-drawn shapes are approximate; set "approximate": true'
			);
		}
		const problem = geometryProblem(f.geometry);
		if (problem) fail(problem);
	});
	return fc;
}
