/**
 * The map's one list of layers (data/map/layers.json), read and checked. Everything that draws or
 * credits the map reads it from here (through the built topology's `layers` member in the browser
 * build): the data build, the copy check, the live map, the still maps, the share image, the credits.
 * Every problem is a one-line DataError naming the file, the layer and the fix.
 */
import { DataError } from './errors.js';

/** @typedef {import('../../src/lib/map/layers.js').LayerKind} LayerKind */
/** @typedef {import('../../src/lib/map/layers.js').LabelStyle} LabelStyle */
/**
 * @typedef {object} LayerFeature  a named feature picked out of a source file
 * @property {string} id
 * @property {string} name
 * @property {Record<string, unknown>} where  properties to match (a list means any of them), or
 *   `contains: [lon, lat]`, a point the (closed) shape must hold
 */
/**
 * @typedef {object} LayerSpec
 * @property {string} id        the topology object, unique
 * @property {string} group     what views.aml names (the id, unless several layers share a group)
 * @property {string} name      for the credits
 * @property {LayerKind} kind
 * @property {string} role      the style it is drawn in (see MapDrawing's layer styles)
 * @property {LabelStyle} [label] how its features are named on the map, if they can be
 * @property {string} source    a source id
 * @property {string} credit    how a map drawing it credits it, in its source line
 * @property {string} from      the file (or package path) it is read from
 * @property {number} [minKm]   shown on views at least this many km across
 * @property {number} [maxKm]   shown on views less than this many km across
 * @property {'views'} [clip]   kept only around the views that show it
 * @property {LayerFeature[]} [features]
 * @property {string} [note]
 */
/**
 * @typedef {object} SourceSpec
 * @property {string} id
 * @property {string} name
 * @property {string} licence
 * @property {string} [url]
 * @property {string} credit
 */
/** @typedef {{ frame: string[], margin: number }} Locator  what the locator inset shows */
/** @typedef {{ sources: SourceSpec[], layers: LayerSpec[], locator: Locator }} LayerList */

export const LAYERS_FILE = 'data/map/layers.json';

const KINDS = ['area', 'line', 'point', 'raster'];
const LABELS = ['country', 'sea', 'water', 'area', 'place'];
export const ROLES = [
	'land',
	'relief',
	'label-only',
	'urban',
	'water',
	'river',
	'runway',
	'desert',
	'area',
	'road',
	'place'
];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LAYER_KEYS = [
	'id',
	'group',
	'name',
	'kind',
	'role',
	'label',
	'source',
	'credit',
	'from',
	'minKm',
	'maxKm',
	'clip',
	'features',
	'note'
];

/**
 * @param {unknown} json the parsed file
 * @param {string} [file]
 * @returns {LayerList}
 */
export function checkLayers(json, file = LAYERS_FILE) {
	const doc = /** @type {any} */ (json);
	if (!doc || !Array.isArray(doc.sources) || !Array.isArray(doc.layers)) {
		throw new DataError(`${file}: needs "sources" and "layers" lists — see data/map/README.md`);
	}
	/** @type {Set<string>} */
	const sourceIds = new Set();
	for (const [i, s] of doc.sources.entries()) {
		const where = `${file}: source ${i + 1}${s?.id ? ` "${s.id}"` : ''}`;
		for (const key of ['id', 'name', 'licence', 'credit']) {
			if (typeof s?.[key] !== 'string' || !s[key].trim())
				throw new DataError(`${where}: missing "${key}" — add it`);
		}
		if (sourceIds.has(s.id)) throw new DataError(`${where}: duplicate source id — rename one`);
		sourceIds.add(s.id);
	}
	/** @type {Set<string>} */
	const ids = new Set();
	/** @type {LayerSpec[]} */
	const layers = doc.layers.map((/** @type {any} */ l, /** @type {number} */ i) => {
		const where = `${file}: layer ${i + 1}${typeof l?.id === 'string' ? ` "${l.id}"` : ''}`;
		const fail = (/** @type {string} */ problem) => {
			throw new DataError(`${where}: ${problem}`);
		};
		if (!l || typeof l !== 'object') fail('is not an object — write { "id": …, … }');
		for (const key of Object.keys(l)) {
			if (!LAYER_KEYS.includes(key))
				fail(`unknown key "${key}" — the keys are: ${LAYER_KEYS.join(', ')}`);
		}
		if (typeof l.id !== 'string' || !SLUG.test(l.id))
			fail('needs an "id" of lowercase letters, digits and hyphens');
		if (ids.has(l.id)) fail(`duplicate layer id "${l.id}" — give each layer its own`);
		ids.add(l.id);
		if (l.group !== undefined && (typeof l.group !== 'string' || !SLUG.test(l.group)))
			fail('"group" must be lowercase letters, digits and hyphens');
		if (typeof l.name !== 'string' || !l.name.trim()) fail('missing "name" — add one');
		if (!KINDS.includes(l.kind)) fail(`"kind" must be one of ${KINDS.join(', ')}`);
		if (!ROLES.includes(l.role)) fail(`"role" must be one of ${ROLES.join(', ')}`);
		if (l.label !== undefined && !LABELS.includes(l.label))
			fail(`"label" must be one of ${LABELS.join(', ')}`);
		if (!sourceIds.has(l.source))
			fail(`source "${l.source}" is not in "sources" — known: ${[...sourceIds].join(', ')}`);
		if (typeof l.from !== 'string' || !l.from) fail('missing "from", the file it is read from');
		if (typeof l.credit !== 'string' || !l.credit.trim())
			fail('missing "credit", how a map that draws it names its source');
		for (const key of ['minKm', 'maxKm']) {
			if (l[key] !== undefined && !(typeof l[key] === 'number' && l[key] > 0))
				fail(`"${key}" must be a number of km above 0`);
		}
		if (l.minKm && l.maxKm && l.minKm >= l.maxKm) fail('"minKm" must be less than "maxKm"');
		if (l.clip !== undefined && l.clip !== 'views') fail('"clip" can only be "views"');
		if (l.clip && !l.maxKm) fail('a layer clipped to its views needs a "maxKm"');
		if (l.features !== undefined) {
			if (!Array.isArray(l.features) || l.features.length === 0)
				fail('"features" must be a list of { id, name, where }');
			for (const [j, f] of l.features.entries()) {
				const at = `feature ${j + 1}${typeof f?.id === 'string' ? ` "${f.id}"` : ''}`;
				if (typeof f?.id !== 'string' || !SLUG.test(f.id))
					fail(`${at}: needs an "id" of lowercase letters, digits and hyphens`);
				if (typeof f.name !== 'string' || !f.name.trim()) fail(`${at}: missing "name"`);
				if (!f.where || typeof f.where !== 'object' || Array.isArray(f.where))
					fail(`${at}: "where" must be an object of properties to match`);
			}
		}
		return { ...l, group: l.group ?? l.id };
	});
	const locator = doc.locator;
	if (
		!locator ||
		!Array.isArray(locator.frame) ||
		locator.frame.length === 0 ||
		!locator.frame.every((/** @type {unknown} */ id) => typeof id === 'string') ||
		!(typeof locator.margin === 'number' && locator.margin >= 0)
	) {
		throw new DataError(
			`${file}: "locator" needs a "frame" (feature ids) and a "margin" (km) — what the inset shows`
		);
	}
	return {
		sources: doc.sources,
		layers,
		locator: { frame: locator.frame, margin: locator.margin }
	};
}
