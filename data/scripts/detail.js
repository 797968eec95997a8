/**
 * How much detail each part of each layer needs: as much as the most zoomed-in view that draws the
 * layer shows it with, on the largest map the layout draws (LARGEST_FRAME). A view shows more than
 * its box where the screen's shape differs from the box's: the part of the world it can show is
 * worked out for every frame the piece is laid out for.
 */
import { geoPath } from 'd3-geo';
import { DataError } from './errors.js';
import { makeProjection } from '../../src/lib/map/projection.js';
import { viewBox } from '../../src/lib/map/view-box.js';
import { layersFor } from '../../src/lib/map/layers.js';
import { DESKTOP_FRAME, LARGEST_FRAME, PHONE_FRAME } from '../../src/lib/map/screens.js';

/** @typedef {import('./readers.js').Feature} Feature */
/** @typedef {import('./layers.js').LayerSpec} LayerSpec */
/** @typedef {import('../../src/lib/story/types').ViewSpec} ViewSpec */
/** @typedef {[number, number, number, number]} Box */

/** Room kept around what a view can show, as a share of its size (a flight's first and last frames). */
const SLACK = 0.15;
/** The error allowed in a written coordinate, px at the largest scale its layer is shown at. */
const ROUNDING_PX = 0.25;

/**
 * What a view's box shows on each frame the layout has: the part of the world (the box fitted
 * whole, as SVG's "meet" does, and what the frame's shape adds around it) and the scale, px a world
 * unit.
 * @param {Box} box
 * @returns {{ visible: Box, k: number }[]}
 */
function seen(box) {
	const bw = box[2] - box[0];
	const bh = box[3] - box[1];
	const cx = (box[0] + box[2]) / 2;
	const cy = (box[1] + box[3]) / 2;
	return [PHONE_FRAME, DESKTOP_FRAME, LARGEST_FRAME].map((f) => {
		const k = Math.min(f.width / bw, f.height / bh);
		const hw = (f.width / k / 2) * (1 + SLACK);
		const hh = (f.height / k / 2) * (1 + SLACK);
		return { visible: /** @type {Box} */ ([cx - hw, cy - hh, cx + hw, cy + hh]), k };
	});
}

const inside = (/** @type {Box} */ b, /** @type {number} */ x, /** @type {number} */ y) =>
	x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

export class ViewDetail {
	projection = makeProjection();
	/** Each view on each frame: what it shows, at what scale, of which layers. */
	/** @type {{ id: string, visible: Box, k: number, layers: Set<string> }[]} */
	views = [];
	/** @type {Map<string, LayerSpec>} */
	#layers;
	/** @type {Map<string, Feature[]>} */
	#features;
	/** Which layers each source coordinate belongs to (presimplify hands the weight copies of them). */
	/** @type {Map<string, string[]>} */
	#pointLayers = new Map();

	/**
	 * @param {LayerSpec[]} layers
	 * @param {Map<string, Feature[]>} features by layer id
	 * @param {{ file: string, views: ViewSpec[] }} views
	 */
	constructor(layers, features, views) {
		this.#layers = new Map(layers.map((l) => [l.id, l]));
		this.#features = features;
		const path = geoPath(this.projection);
		/** @type {Map<string, Feature>} */
		const byId = new Map();
		for (const list of features.values()) for (const f of list) byId.set(f.id, f);
		for (const spec of views.views) {
			const boundsOf = (/** @type {string} */ id) => {
				const f = byId.get(id);
				if (!f) {
					throw new DataError(
						`${views.file}:${spec.line}: view "${spec.id}": frame "${id}" is not in the map data — check the spelling, or add it to data/map/layers.json`
					);
				}
				const b = path.bounds(/** @type {any} */ (f));
				return /** @type {Box} */ ([b[0][0], b[0][1], b[1][0], b[1][1]]);
			};
			const { box, widthKm } = viewBox(spec, boundsOf, this.projection);
			const shown = new Set(layersFor(layers, spec.layers, widthKm));
			for (const { visible, k } of seen(box))
				this.views.push({ id: spec.id, visible, k, layers: shown });
		}
		for (const [layer, list] of features) {
			for (const f of list) {
				eachPosition(f.geometry, (p) => {
					const key = `${p[0]},${p[1]}`;
					const had = this.#pointLayers.get(key);
					if (!had) this.#pointLayers.set(key, [layer]);
					else if (!had.includes(layer)) had.push(layer);
				});
			}
		}
	}

	/** @param {number[]} p lon, lat */
	#project(p) {
		return /** @type {[number, number]} */ (this.projection(/** @type {[number, number]} */ (p)));
	}

	/**
	 * Pixels per world unit at the largest scale a layer is shown at, at a world point: 0 where no
	 * view drawing the layer shows the point.
	 * @param {string} layer
	 * @param {number} x
	 * @param {number} y
	 */
	scaleAt(layer, x, y) {
		let k = 0;
		for (const v of this.views) {
			if (v.k > k && v.layers.has(layer) && inside(v.visible, x, y)) k = v.k;
		}
		return k;
	}

	/**
	 * The widest view's scale a layer is drawn at: the detail kept where no view shows a part of it
	 * (the locator, and a flight passing over).
	 * @param {string} layer
	 */
	#floor(layer) {
		const ks = this.views.filter((v) => v.layers.has(layer)).map((v) => v.k);
		return ks.length ? Math.min(...ks) / 2 : Math.min(...this.views.map((v) => v.k)) / 2;
	}

	/**
	 * presimplify's weight: how far, in pixels at the largest scale it is drawn at, a triangle's middle
	 * vertex stands off the line between its neighbours (a deviation, where Visvalingam's area would
	 * let a long thin spike go).
	 * @returns {(triangle: number[][]) => number}
	 */
	triangleWeight() {
		/** @type {Map<string, number>} */
		const floors = new Map([...this.#layers.keys()].map((id) => [id, this.#floor(id)]));
		return (triangle) => {
			const [a, b, c] = triangle.map((p) => this.#project(p));
			const layers = this.#pointLayers.get(`${triangle[1][0]},${triangle[1][1]}`) ?? [];
			let k = 0;
			for (const layer of layers)
				k = Math.max(k, this.scaleAt(layer, b[0], b[1]) || (floors.get(layer) ?? 0));
			return offLine(b, a, c) * k;
		};
	}

	/**
	 * A layer's features, cut down to the parts its views show if the layer says so (lines only):
	 * each run of vertices inside the visible part of such a view, with one more vertex either side.
	 * @param {string} layer
	 * @param {Feature[]} features
	 * @returns {Feature[]}
	 */
	clip(layer, features) {
		const spec = this.#layers.get(layer);
		if (spec?.clip !== 'views') return features;
		const boxes = this.views.filter((v) => v.layers.has(layer)).map((v) => v.visible);
		/** @type {Feature[]} */
		const out = [];
		for (const f of features) {
			const g = f.geometry;
			/** @type {number[][][]} */
			const lines =
				g.type === 'LineString'
					? [g.coordinates]
					: g.type === 'MultiLineString'
						? g.coordinates
						: [];
			if (lines.length === 0) {
				throw new DataError(
					`data/map/layers.json: layer "${layer}": only lines can be clipped to views — remove "clip"`
				);
			}
			/** @type {number[][][]} */
			const parts = [];
			for (const line of lines) {
				const keep = line.map((p) => {
					const [x, y] = this.#project(p);
					return boxes.some((b) => inside(b, x, y));
				});
				let run = /** @type {number[][]} */ ([]);
				for (let i = 0; i < line.length; i++) {
					const near = keep[i] || keep[i - 1] || keep[i + 1];
					if (near) run.push(line[i]);
					else if (run.length) {
						if (run.length > 1) parts.push(run);
						run = [];
					}
				}
				if (run.length > 1) parts.push(run);
			}
			if (parts.length === 0) continue;
			out.push({
				...f,
				geometry:
					parts.length === 1
						? { type: 'LineString', coordinates: parts[0] }
						: { type: 'MultiLineString', coordinates: parts }
			});
		}
		return out;
	}

	/**
	 * Where a layer's paths need more than one decimal of a world unit (a rounding error under
	 * ROUNDING_PX at the scale of the views that draw it there), and how many.
	 * @param {string} layer
	 * @returns {{ box: Box, digits: number }[]}
	 */
	detail(layer) {
		/** @type {{ box: Box, digits: number }[]} */
		const out = [];
		for (const v of this.views) {
			if (!v.layers.has(layer)) continue;
			const digits = Math.min(3, Math.ceil(Math.log10((v.k * 0.5) / ROUNDING_PX)));
			if (digits <= 1) continue;
			const box = /** @type {Box} */ (v.visible.map((n) => Math.round(n * 10) / 10));
			if (!out.some((w) => w.digits >= digits && w.box.every((n, i) => n === box[i])))
				out.push({ box, digits });
		}
		return out;
	}
}

/**
 * How far p is from the segment a–b.
 * @param {number[]} p
 * @param {number[]} a
 * @param {number[]} b
 */
function offLine(p, a, b) {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * @param {{ type: string, coordinates: any }} g
 * @param {(p: number[]) => void} fn
 */
function eachPosition(g, fn) {
	const walk = (/** @type {any} */ c) => (typeof c[0] === 'number' ? fn(c) : c.forEach(walk));
	walk(g.coordinates);
}
