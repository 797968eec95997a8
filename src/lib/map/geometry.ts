// Build-time drawing: projects the TopoJSON once into world units (≈ km) and writes SVG markup for the
// base map and ready-to-draw views. Runs on the server only; the browser moves a camera over the result.
// What is drawn, in which order and style, is the topology's list of layers (data/map/layers.json):
// nothing here names a layer or a feature, but the countries layer the locator shows.
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { geoPath, type GeoPath } from 'd3-geo';
import polylabel from 'polylabel';
import { SvgPath } from './svg-path';
import type { Feature, Geometry, Position } from 'geojson';
import { makeProjection } from './projection.js';
import { union } from './frame';
import { clipOpenRing } from './clip.js';
import { placeLabels, type LabelCandidate } from './labels';
import { LOCATOR_BELOW } from './furniture';
import type { FontMetrics } from './label-styles.js';
import { digitsAt, layersFor } from './layers.js';
import { kmPerUnit, viewBox } from './view-box.js';
import type {
	Basemap,
	Box,
	DatedNote,
	DrawnLayer,
	LayerMeta,
	MapLabel,
	MapView,
	ViewSpec
} from './types';

interface Entry {
	id: string;
	layer: LayerMeta;
	name: string;
	approximate: boolean;
	rank?: MapLabel['rank'];
	feature: Feature<Geometry, Record<string, unknown>>;
	/** Projected bounds. */
	box: Box;
}

/** What the locator inset shows: features, with a margin in km. */
type Locator = { frame: string[]; margin: number };

/** How many points along a line, or inside an area, its label may try; an area's are on a grid of
 *  AREA_GRID × AREA_GRID over its part in view. */
const LINE_ANCHORS = 8;
const AREA_ANCHORS = 12;
const AREA_GRID = 8;

/** The layer whose countries the locator inset shows, and whose shared edges are the borders. */
const LAND_ROLE = 'land';

export class MapData {
	readonly entries = new Map<string, Entry>();
	readonly layers: LayerMeta[];
	readonly projection = makeProjection();
	readonly #path = geoPath(this.projection).digits(2);
	#svg(f: Parameters<GeoPath>[0], layer: LayerMeta): string {
		const context = new SvgPath((x, y) => digitsAt(layer.detail, x, y), 3);
		geoPath(this.projection, context)(f);
		return context.result();
	}
	readonly #topology: Topology;
	readonly #metrics: FontMetrics | null;
	/** What the locator inset shows (data/map/layers.json's `locator`). */
	readonly #locator: Locator;

	/** `metrics` (data/build/font-metrics.json) place the views' labels; the base map needs none. */
	constructor(topology: Topology, metrics: FontMetrics | null = null) {
		this.#topology = topology;
		this.#metrics = metrics;
		const layers = (topology as unknown as { layers?: LayerMeta[] }).layers;
		if (!Array.isArray(layers)) throw new Error('map data has no layers: run npm run data');
		this.layers = layers;
		const locator = (topology as unknown as { locator?: Locator }).locator;
		if (!locator) throw new Error('map data has no locator: run npm run data');
		this.#locator = locator;
		for (const layer of layers) {
			if (layer.kind === 'raster') continue;
			const collection = feature(topology, topology.objects[layer.id] as GeometryCollection);
			for (const f of collection.features) {
				const id = String(f.id);
				const props = (f.properties ?? {}) as Record<string, unknown>;
				const b = this.#path.bounds(f);
				const rank = props.rank as MapLabel['rank'] | undefined;
				this.entries.set(id, {
					id,
					layer,
					name: String(props.name ?? id),
					approximate: layer.approximate || props.approximate === true,
					...(rank ? { rank } : {}),
					feature: f as Entry['feature'],
					box: [b[0][0], b[0][1], b[1][0], b[1][1]]
				});
			}
		}
	}

	get(id: string): Entry {
		const entry = this.entries.get(id);
		if (!entry) throw new Error(`map data has no feature "${id}"`);
		return entry;
	}

	/** Kilometres per world unit at a world point (the projection's local scale). */
	kmPerUnit(x: number, y: number): number {
		return kmPerUnit(this.projection, x, y);
	}

	/**
	 * The base map as SVG markup, one string per drawn layer in drawing order, paths addressable as
	 * `#m-<id>`. Points are drawn by the views (as their labels' dots); label-only layers not at all.
	 * A raster layer is a rectangle painted by a filter's image (`#img-<id>`), whose address waits in
	 * `data-src` until the page has painted (an image in an SVG filter is no candidate for the
	 * largest contentful paint, which the text is); `address` gives each picture's URL from its file
	 * name in data/build.
	 */
	basemap(address: (file: string) => string = (file) => file): Basemap {
		const out: Basemap['layers'] = [];
		for (const layer of this.layers) {
			if (layer.kind === 'point' || layer.role === 'label-only') continue;
			let markup = '';
			let noscript = '';
			if (layer.kind === 'raster') {
				const image = layer.image;
				const src = image && address(image.file);
				if (!image || !src)
					throw new Error(
						`map data: no picture for the raster layer "${layer.id}": run npm run data`
					);
				const [x0, y0, x1, y1] = image.box;
				const at = `x="${x0}" y="${y0}" width="${+(x1 - x0).toFixed(2)}" height="${+(y1 - y0).toFixed(2)}"`;
				const filter = (source: string) =>
					`<filter id="img-${layer.id}" filterUnits="userSpaceOnUse" ${at} color-interpolation-filters="sRGB">` +
					`<feImage ${source} ${at} preserveAspectRatio="none"/></filter>`;
				markup = filter(`data-src="${src}"`) + `<rect ${at} filter="url(#img-${layer.id})"/>`;
				noscript = filter(`href="${src}"`);
			} else {
				const entries = [...this.entries.values()]
					.filter((e) => e.layer === layer)
					.sort((a, b) => a.id.localeCompare(b.id));
				for (const entry of entries) {
					const d = this.#svg(entry.feature, layer);
					if (!d) continue;
					const cls = entry.approximate ? ' class="approx"' : '';
					// The attribute, not CSS: <use> clones of a path (highlights, the locator) keep it.
					markup += `<path id="m-${entry.id}"${cls} vector-effect="non-scaling-stroke" d="${d}"/>`;
				}
				if (layer.role === LAND_ROLE) {
					const object = this.#topology.objects[layer.id] as GeometryCollection;
					const borders = this.#svg(
						mesh(this.#topology, object, (a, b) => a !== b),
						layer
					);
					markup += `<path id="m-borders" class="borders" vector-effect="non-scaling-stroke" d="${borders}"/>`;
				}
			}
			out.push({
				id: layer.id,
				role: layer.role,
				markup,
				...(layer.image ? { image: layer.image, noscript } : {})
			});
		}
		return { layers: out };
	}

	/** What the locator inset shows: the features data/map/layers.json names, with room around them
	 *  (framed as a view is). */
	locatorBox(): Box {
		const { frame, margin } = this.#locator;
		const { box } = viewBox(
			{ frame: { ids: frame }, margin },
			(id) => this.get(id).box,
			this.projection
		);
		return box.map((n) => +n.toFixed(1)) as Box;
	}

	/**
	 * A view ready to draw, from its spec; `facts` give the dated notes its labels carry. Labels that
	 * cannot be placed come back in `problems`, with why: the caller says so (story/views.ts).
	 */
	view(
		spec: ViewSpec,
		facts: DatedNote[] = []
	): { view: MapView; problems: { id: string; why: string }[] } {
		if (!this.#metrics) throw new Error('MapData: views need the font metrics');
		const { box, km, widthKm } = viewBox(spec, (id) => this.get(id).box, this.projection);
		const highlight = new Set(spec.highlight);
		const candidates: LabelCandidate[] = spec.labels.map((id) => {
			const entry = this.get(id);
			const [[x, y], ...anchors] = this.#anchors(entry, box);
			const note = spec.notes.includes(id) ? facts.find((f) => f.feature === id)?.note : undefined;
			return {
				id,
				text: entry.name,
				...(note ? { note } : {}),
				x,
				y,
				style: entry.layer.label ?? 'area',
				...(entry.rank ? { rank: entry.rank } : {}),
				...(anchors.length ? { anchors } : {}),
				dot: entry.layer.kind === 'point',
				approximate: entry.approximate,
				highlight: highlight.has(id)
			};
		});
		const route = spec.route
			? { id: spec.route, points: this.#line(this.get(spec.route)) }
			: undefined;
		const ids = new Set(layersFor(this.layers, spec.layers, widthKm));
		const layers: DrawnLayer[] = this.layers
			.filter((l) => ids.has(l.id) && l.kind !== 'point' && l.role !== 'label-only')
			.map((l) => ({ id: l.id, role: l.role }));
		const shown = [...spec.labels, ...spec.highlight, ...(spec.route ? [spec.route] : [])];
		const scale = this.#scaleBar(widthKm, km);
		const locator = box[2] - box[0] < LOCATOR_BELOW;
		const { placed, problems } = placeLabels(candidates, box, this.#metrics, { scale, locator });
		// Credited: what it draws, and the layers of what it names (a place, a sea).
		const named = new Set(placed.map((l) => this.get(l.id).layer.id));
		const all = [
			...new Set(this.layers.filter((l) => ids.has(l.id) || named.has(l.id)).map((l) => l.credit))
		];
		// "Natural Earth" is said once: by its fullest credit ("Natural Earth (de facto borders: …)").
		const credits = all.filter((c) => !all.some((d) => d !== c && d.startsWith(`${c} (`)));
		const view: MapView = {
			id: spec.id,
			description: spec.description,
			layers,
			highlight: spec.highlight
				.map((id) => this.get(id))
				.filter((e) => e.layer.kind !== 'point')
				.map((e) => ({ id: e.id, approximate: e.approximate, line: e.layer.kind === 'line' })),
			box: box.map((n) => +n.toFixed(2)) as Box,
			labels: placed,
			...(route ? { route } : {}),
			scale,
			locator,
			approximate:
				this.layers.some((l) => ids.has(l.id) && l.approximate && l.kind !== 'point') ||
				shown.some((id) => this.get(id).approximate),
			credits
		};
		return { view, problems };
	}

	#line(entry: Entry): [number, number][] {
		const g = entry.feature.geometry;
		const coords: Position[] =
			g.type === 'LineString'
				? g.coordinates
				: g.type === 'MultiLineString'
					? g.coordinates.flat()
					: [];
		return coords.map((c) => {
			const [x, y] = this.projection(c as [number, number])!;
			return [+x.toFixed(2), +y.toFixed(2)];
		});
	}

	/**
	 * Where a label may go, best first: a place's point; for a line, its vertices in view that lie
	 * farthest inside the box, spread along it; for an area, the point of its part in view farthest
	 * from that part's edges (so a country cut by the frame is named where it shows, and a sea in its
	 * open water).
	 */
	#anchors(entry: Entry, box: Box): [number, number][] {
		const g = entry.feature.geometry;
		const round = (p: number[]): [number, number] => [+p[0].toFixed(2), +p[1].toFixed(2)];
		if (g.type === 'Point') return [round(this.projection(g.coordinates as [number, number])!)];
		const depth = ([x, y]: number[]) => Math.min(x - box[0], box[2] - x, y - box[1], box[3] - y);
		if (entry.layer.kind === 'line') {
			const seen = this.#line(entry)
				.filter((p) => depth(p) > 0)
				.sort((a, b) => depth(b) - depth(a));
			if (seen.length === 0) return [this.#line(entry)[0]];
			const apart = (box[2] - box[0]) / 10;
			const picked: [number, number][] = [];
			for (const p of seen) {
				if (picked.length === LINE_ANCHORS) break;
				if (picked.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) >= apart)) picked.push(p);
			}
			return picked;
		}
		const polygons: Position[][][] =
			g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
		const parts = polygons
			.map((polygon) => {
				const ring = clipOpenRing(
					polygon[0].map((c) => this.projection(c as [number, number])!),
					box
				);
				return { ring, area: Math.abs(centroid(ring)?.area ?? 0) };
			})
			.filter((p) => p.area > 0)
			.sort((a, b) => b.area - a.area);
		if (parts.length === 0)
			return [round([(entry.box[0] + entry.box[2]) / 2, (entry.box[1] + entry.box[3]) / 2])];
		// Its pole of inaccessibility, then other points well inside it, deepest first (a label too
		// wide for the spot farthest from the edges may fit beside it).
		const ring = [...parts[0].ring, parts[0].ring[0]];
		const precision = (box[2] - box[0]) / 200;
		const pole = polylabel([ring], precision);
		const [rx0, ry0, rx1, ry1] = union(ring.map(([x, y]) => [x, y, x, y] as Box));
		const grid: { p: [number, number]; d: number }[] = [];
		for (let i = 1; i < AREA_GRID; i++) {
			for (let j = 1; j < AREA_GRID; j++) {
				const p: [number, number] = [
					rx0 + ((rx1 - rx0) * i) / AREA_GRID,
					ry0 + ((ry1 - ry0) * j) / AREA_GRID
				];
				if (insideRing(p, ring)) grid.push({ p, d: edgeDistance(p, ring) });
			}
		}
		grid.sort((a, b) => b.d - a.d);
		return [pole, ...grid.slice(0, AREA_ANCHORS).map((g) => g.p)].map(round);
	}

	#scaleBar(widthKm: number, kmPerUnit: number): MapView['scale'] {
		const target = widthKm / 5;
		const p = 10 ** Math.floor(Math.log10(target));
		const km = [5, 2, 1].map((m) => m * p).find((v) => v <= target) ?? p;
		return { km: +km.toPrecision(3), units: +(km / kmPerUnit).toFixed(3) };
	}
}

/** Area-weighted centroid of a planar ring, or null for a degenerate one. */
export function centroid(ring: [number, number][]): { x: number; y: number; area: number } | null {
	let a = 0;
	let x = 0;
	let y = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		const cross = x0 * y1 - x1 * y0;
		a += cross;
		x += (x0 + x1) * cross;
		y += (y0 + y1) * cross;
	}
	if (Math.abs(a) < 1e-9) return null;
	return { x: x / (3 * a), y: y / (3 * a), area: a / 2 };
}

/** Whether a point is inside a closed planar ring (even–odd). */
function insideRing([x, y]: [number, number], ring: [number, number][]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** The distance from a point to the nearest edge of a closed ring. */
function edgeDistance([x, y]: [number, number], ring: [number, number][]): number {
	let best = Infinity;
	for (let i = 1; i < ring.length; i++) {
		const [ax, ay] = ring[i - 1];
		const [bx, by] = ring[i];
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		const t = len2 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
		best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
	}
	return best;
}
