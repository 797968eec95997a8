// What the map data holds: every feature id in the TopoJSON and what kind of thing it is.
// Plain JavaScript so `npm run data` (plain Node) and the build share it.

/** @typedef {import('./types').FeatureKind} FeatureKind */

/** The TopoJSON objects and the kind of feature each holds. */
export const OBJECT_KINDS = /** @type {const} */ ({
	countries: 'country',
	areas: 'area',
	lines: 'line',
	places: 'place'
});

/**
 * @param {{ objects: Record<string, { geometries?: { id?: string | number }[] }> }} topology
 * @param {string} file shown in messages
 * @returns {Map<string, FeatureKind>}
 */
export function featureKinds(topology, file) {
	/** @type {Map<string, FeatureKind>} */
	const kinds = new Map();
	for (const [object, kind] of Object.entries(OBJECT_KINDS)) {
		const collection = topology?.objects?.[object];
		if (!collection || !Array.isArray(collection.geometries)) {
			throw new Error(
				`${file}: object "${object}" is missing — run npm run data to rebuild the map data`
			);
		}
		collection.geometries.forEach((g, i) => {
			if (g.id === undefined || g.id === '') {
				throw new Error(`${file}: ${object}[${i}] has no id — every feature needs one`);
			}
			kinds.set(String(g.id), kind);
		});
	}
	return kinds;
}
