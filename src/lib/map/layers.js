// The map's layers as the built topology carries them (its `layers` member, written by `npm run data`
// from data/map/layers.json). Plain JavaScript so that the data build and the site share it.

/** @typedef {'area' | 'line' | 'point' | 'raster'} LayerKind */
/** @typedef {'country' | 'sea' | 'water' | 'area' | 'place'} LabelStyle */
/**
 * @typedef {object} LayerMeta  one layer of the map, as drawn
 * @property {string} id        its topology object (and the `#base-<id>` group it is drawn in)
 * @property {string} group     what a view's `layers:` names
 * @property {LayerKind} kind
 * @property {string} role      its style
 * @property {LabelStyle} [label] how its features are named on the map
 * @property {string} source    the id of its source in sources.json
 * @property {string} credit    how a map that draws it names its source
 * @property {number} [minKm]   drawn on views at least this many km across
 * @property {number} [maxKm]   drawn on views less than this many km across
 * @property {boolean} approximate  drawn by hand
 * @property {{ box: [number, number, number, number], digits: number }[]} detail  where its paths
 *   are written with more than one decimal of a world unit (km), and how many: the parts the
 *   zoomed-in views show
 * @property {{ file: string, box: [number, number, number, number] }} [image]  a raster's picture:
 *   its file in data/build and the world box it covers
 */

/**
 * Decimals a layer's path needs at a world point.
 * @param {LayerMeta['detail']} detail
 * @param {number} x
 * @param {number} y
 */
export function digitsAt(detail, x, y) {
	let digits = 1;
	for (const { box, digits: d } of detail) {
		if (d > digits && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]) digits = d;
	}
	return digits;
}

/**
 * Whether a layer is drawn on a view of this width.
 * @param {Pick<LayerMeta, 'minKm' | 'maxKm'>} layer
 * @param {number} widthKm
 */
export function showsAt(layer, widthKm) {
	return (
		(layer.minKm === undefined || widthKm >= layer.minKm) &&
		(layer.maxKm === undefined || widthKm < layer.maxKm)
	);
}

/**
 * The layers a view draws: those of the groups it names that suit its width, in drawing order.
 * @param {Pick<LayerMeta, 'id' | 'group' | 'minKm' | 'maxKm'>[]} layers all the map's layers, in
 *   drawing order
 * @param {string[]} groups what the view names
 * @param {number} widthKm the view's width
 */
export function layersFor(layers, groups, widthKm) {
	return layers.filter((l) => groups.includes(l.group) && showsAt(l, widthKm)).map((l) => l.id);
}
