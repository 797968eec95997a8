// Build-time drawing: projects the TopoJSON once into world units (≈ km) and writes SVG markup for the
// base map and ready-to-draw views. Runs on the server only; the browser moves a camera over the result.
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { geoDistance, geoPath, type GeoPath } from 'd3-geo';
import { SvgPath } from './svg-path';
import type { Feature, Geometry, Position } from 'geojson';
import { makeProjection } from './projection';
import { grow, union } from './frame';
import { placeLabels, type LabelCandidate } from './labels';
import type { Basemap, Box, MapView } from './types';
import type { FeatureKind, Layer, ViewSpec } from '$lib/story/types';
import { OBJECT_KINDS } from '$lib/story/features.js';

interface Entry {
	id: string;
	kind: FeatureKind;
	name: string;
	approximate: boolean;
	feature: Feature<Geometry, Record<string, unknown>>;
	/** Projected bounds. */
	box: Box;
}

/** Which drawn layer a feature belongs to (places are drawn as dots by the view, not here). */
function layerOf(entry: Entry): Layer | null {
	if (entry.kind === 'country') return 'countries';
	if (entry.kind === 'place') return null;
	if (entry.id === 'euphrates') return 'river';
	if (entry.id === 'badia') return 'badia';
	if (entry.id === 'damascus-city') return 'city';
	if (entry.kind === 'line') return 'road';
	return 'areas';
}

const EARTH_KM = 6371;

export class MapData {
	readonly entries = new Map<string, Entry>();
	readonly projection = makeProjection();
	readonly #path = geoPath(this.projection).digits(2);
	/** Path data as the page carries it: relative and short (svg-path.ts). Natural Earth's outlines to
	 *  100 m, finer than their own simplification; hand-drawn street-level shapes to 1 m. */
	readonly #coarse = new SvgPath(1);
	readonly #fine = new SvgPath(3);
	#svg(f: Parameters<GeoPath>[0], fine: boolean): string {
		const context = fine ? this.#fine : this.#coarse;
		geoPath(this.projection, context)(f);
		return context.result();
	}
	readonly #topology: Topology;
	/** Drawn layers holding anything drawn by hand: a view showing one says so. */
	readonly #approximateLayers = new Set<Layer>();

	constructor(topology: Topology) {
		this.#topology = topology;
		for (const [object, kind] of Object.entries(OBJECT_KINDS) as [string, FeatureKind][]) {
			const collection = feature(topology, topology.objects[object] as GeometryCollection);
			for (const f of collection.features) {
				const id = String(f.id);
				const props = (f.properties ?? {}) as Record<string, unknown>;
				const b = this.#path.bounds(f);
				this.entries.set(id, {
					id,
					kind,
					name: String(props.name ?? id),
					approximate: props.approximate === true,
					feature: f as Entry['feature'],
					box: [b[0][0], b[0][1], b[1][0], b[1][1]]
				});
				const entry = this.entries.get(id)!;
				const layer = layerOf(entry);
				if (layer && entry.approximate) this.#approximateLayers.add(layer);
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
		const a = this.projection.invert!([x, y])!;
		const b = this.projection.invert!([x + 1, y])!;
		return geoDistance(a, b) * EARTH_KM;
	}

	/** The base map as SVG markup, one string per layer, paths addressable as `#m-<id>`. */
	basemap(): Basemap {
		const layers: Record<Layer, string> = {
			countries: '',
			river: '',
			city: '',
			areas: '',
			badia: '',
			road: '',
			places: ''
		};
		for (const entry of [...this.entries.values()].sort((a, b) => a.id.localeCompare(b.id))) {
			const layer = layerOf(entry);
			if (!layer) continue;
			const d = this.#svg(entry.feature, entry.approximate);
			if (!d) continue;
			const cls = entry.approximate ? ' class="approx"' : '';
			// The attribute, not CSS: <use> clones of a path (highlights, the locator) keep it.
			layers[layer] +=
				`<path id="m-${entry.id}"${cls} vector-effect="non-scaling-stroke" d="${d}"/>`;
		}
		const countries = this.#topology.objects.countries as GeometryCollection;
		const borders = this.#svg(
			mesh(this.#topology, countries, (a, b) => a !== b),
			false
		);
		layers.countries += `<path id="m-borders" class="borders" vector-effect="non-scaling-stroke" d="${borders}"/>`;
		return { layers };
	}

	/** What the locator inset shows: Syria and Iraq with room around them. */
	locatorBox(): Box {
		const box = grow(union([this.get('syria').box, this.get('iraq').box]), 150);
		return box.map((n) => +n.toFixed(1)) as Box;
	}

	/** A view ready to draw, from its spec. */
	view(spec: ViewSpec): MapView {
		const frameBox =
			'bbox' in spec.frame
				? this.#lonLatBox(spec.frame.bbox)
				: union(spec.frame.ids.map((id) => this.get(id).box));
		const cx = (frameBox[0] + frameBox[2]) / 2;
		const cy = (frameBox[1] + frameBox[3]) / 2;
		const km = this.kmPerUnit(cx, cy);
		const box = grow(frameBox, spec.margin / km);
		const highlight = new Set(spec.highlight);
		const candidates: LabelCandidate[] = spec.labels.map((id) => {
			const entry = this.get(id);
			const [x, y] = this.#anchor(entry, box);
			return {
				id,
				text: entry.name,
				x,
				y,
				kind: entry.kind,
				dot: entry.kind === 'place',
				approximate: entry.approximate,
				highlight: highlight.has(id)
			};
		});
		const route = spec.route
			? { id: spec.route, points: this.#line(this.get(spec.route)) }
			: undefined;
		const widthKm = (box[2] - box[0]) * km;
		const shown = [...spec.labels, ...spec.highlight, ...(spec.route ? [spec.route] : [])];
		return {
			id: spec.id,
			description: spec.description,
			layers: spec.layers,
			highlight: spec.highlight
				.map((id) => this.get(id))
				.filter((e) => e.kind !== 'place')
				.map((e) => ({ id: e.id, approximate: e.approximate, line: e.kind === 'line' })),
			box: box.map((n) => +n.toFixed(2)) as Box,
			labels: placeLabels(candidates, box),
			...(route ? { route } : {}),
			scale: this.#scaleBar(widthKm, km),
			locator: box[2] - box[0] < 500,
			approximate:
				spec.layers.some((l) => this.#approximateLayers.has(l)) ||
				shown.some((id) => this.get(id).approximate)
		};
	}

	#lonLatBox([w, s, e, n]: [number, number, number, number]): Box {
		const corners = [
			[w, s],
			[w, n],
			[e, s],
			[e, n]
		].map((c) => this.projection(c as [number, number])!);
		return union(corners.map(([x, y]) => [x, y, x, y] as Box));
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

	/** Where a label goes: a place's point; a vertex a third along a line's part in view; an area's centroid
	 *  within the view (so a country cut by the frame is named where it shows). */
	#anchor(entry: Entry, box: Box): [number, number] {
		const g = entry.feature.geometry;
		const round = (p: [number, number]): [number, number] => [+p[0].toFixed(2), +p[1].toFixed(2)];
		if (g.type === 'Point') return round(this.projection(g.coordinates as [number, number])!);
		if (entry.kind === 'line') {
			// A third of the way along the part of the line in view: off the centre, where the view's
			// subject (and its label) usually sits.
			const pts = this.#line(entry);
			const seen = pts.filter(([x, y]) => x > box[0] && x < box[2] && y > box[1] && y < box[3]);
			if (seen.length === 0) return pts[0];
			return seen[Math.floor(seen.length / 3)];
		}
		const polygons: Position[][][] =
			g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
		let bestArea = 0;
		let anchor: [number, number] = [
			(entry.box[0] + entry.box[2]) / 2,
			(entry.box[1] + entry.box[3]) / 2
		];
		for (const polygon of polygons) {
			const ring = clipRing(
				polygon[0].map((c) => this.projection(c as [number, number])!),
				box
			);
			const c = centroid(ring);
			if (c && Math.abs(c.area) > bestArea) {
				bestArea = Math.abs(c.area);
				anchor = [c.x, c.y];
			}
		}
		return round(anchor);
	}

	#scaleBar(widthKm: number, kmPerUnit: number): MapView['scale'] {
		const target = widthKm / 5;
		const p = 10 ** Math.floor(Math.log10(target));
		const km = [5, 2, 1].map((m) => m * p).find((v) => v <= target) ?? p;
		return { km: +km.toPrecision(3), units: +(km / kmPerUnit).toFixed(3) };
	}
}

/** Sutherland–Hodgman: a planar ring clipped to a box. */
export function clipRing(ring: [number, number][], [x0, y0, x1, y1]: Box): [number, number][] {
	type P = [number, number];
	const edges: [(p: P) => boolean, (a: P, b: P) => P][] = [
		[(p) => p[0] >= x0, (a, b) => lerpX(a, b, x0)],
		[(p) => p[0] <= x1, (a, b) => lerpX(a, b, x1)],
		[(p) => p[1] >= y0, (a, b) => lerpY(a, b, y0)],
		[(p) => p[1] <= y1, (a, b) => lerpY(a, b, y1)]
	];
	let out = ring;
	for (const [inside, cut] of edges) {
		const input = out;
		out = [];
		for (let i = 0; i < input.length; i++) {
			const a = input[(i + input.length - 1) % input.length];
			const b = input[i];
			if (inside(b)) {
				if (!inside(a)) out.push(cut(a, b));
				out.push(b);
			} else if (inside(a)) out.push(cut(a, b));
		}
		if (out.length === 0) break;
	}
	return out;
}

function lerpX(a: [number, number], b: [number, number], x: number): [number, number] {
	const t = (x - a[0]) / (b[0] - a[0]);
	return [x, a[1] + t * (b[1] - a[1])];
}
function lerpY(a: [number, number], b: [number, number], y: number): [number, number] {
	const t = (y - a[1]) / (b[1] - a[1]);
	return [a[0] + t * (b[0] - a[0]), y];
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
