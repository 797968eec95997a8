// What the map data holds, for the copy check: every feature id and its kind, and the layer names a
// view can draw. Plain JavaScript so `npm run data` (plain Node) and the build share it.

/** @typedef {import('./types').FeatureKind} FeatureKind */

/**
 * @param {{ layers?: { id: string, group: string, kind: string }[], objects: Record<string, { geometries?: { id?: string | number }[] }> }} topology
 * @param {string} file shown in messages
 * @returns {{ kinds: Map<string, FeatureKind>, groups: Set<string> }}
 */
export function mapContents(topology, file) {
	const layers = topology?.layers;
	if (!Array.isArray(layers)) {
		throw new Error(`${file}: has no list of layers — run npm run data to rebuild the map data`);
	}
	/** @type {Map<string, FeatureKind>} */
	const kinds = new Map();
	const groups = new Set(layers.map((l) => l.group));
	for (const layer of layers) {
		if (layer.kind === 'raster') continue;
		const collection = topology.objects?.[layer.id];
		if (!collection || !Array.isArray(collection.geometries)) {
			throw new Error(
				`${file}: layer "${layer.id}" is missing — run npm run data to rebuild the map data`
			);
		}
		collection.geometries.forEach((g, i) => {
			if (g.id === undefined || g.id === '') {
				throw new Error(`${file}: ${layer.id}[${i}] has no id — every feature needs one`);
			}
			kinds.set(String(g.id), /** @type {FeatureKind} */ (layer.kind));
		});
	}
	return { kinds, groups };
}
