// The labels keep the copy's promises: every label a view asks for is on its map, every place its
// description names is labelled, and the countries and seas that fill part of the view are named.
// Expectations come from the copy and the map data, so an editor's change moves them along.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { buildViews } from '../../src/lib/story/views';
import { MapData, centroid } from '../../src/lib/map/geometry';
import { clipOpenRing } from '../../src/lib/map/clip.js';
import { parseViews } from '../../src/lib/story/copy.js';
import { parseFacts } from '../../src/lib/story/facts.js';
import type { Box } from '../../src/lib/map/types';
import { COPY } from '../copy-files.js';

const topology = JSON.parse(readFileSync('data/build/map.topo.json', 'utf8')) as Topology;
const metrics = JSON.parse(readFileSync('data/build/font-metrics.json', 'utf8'));
const specs = parseViews(readFileSync(COPY.views, 'utf8'), COPY.views);
const facts = parseFacts(JSON.parse(readFileSync('data/facts/dates.json', 'utf8')), 'dates.json');
const { views } = buildViews(topology, metrics, specs, facts, COPY.views);
const map = new MapData(topology, metrics);

/** Share of a box that an area's part in it covers. */
function share(id: string, box: Box): number {
	const g = map.get(id).feature.geometry as { type: string; coordinates: number[][][][] };
	const polygons =
		g.type === 'Polygon' ? [g.coordinates as unknown as number[][][]] : g.coordinates;
	let area = 0;
	for (const polygon of polygons) {
		const ring = clipOpenRing(
			polygon[0].map((c) => map.projection(c as [number, number])!) as [number, number][],
			box
		);
		area += Math.abs(centroid(ring)?.area ?? 0);
	}
	return area / ((box[2] - box[0]) * (box[3] - box[1]));
}

/** A country or sea filling at least this share of a view's box is named on it (but not the one
 *  country a street-level view lies wholly in: the locator places that). */
const NAMED_FROM = 0.04;
const NAMED_TO = 0.95;

describe('every view', () => {
	it.each(specs.map((s) => [s.id, s] as const))(
		'%s: shows every label it asks for, with its dated notes',
		(id, spec) => {
			const labels = views[id].labels;
			expect(labels.map((l) => l.id).sort()).toEqual([...spec.labels].sort());
			for (const noted of spec.notes) {
				const fact = facts.find((f) => f.feature === noted)!;
				expect(labels.find((l) => l.id === noted)?.note).toBe(fact.note);
			}
		}
	);

	it.each(specs.map((s) => [s.id, s] as const))(
		'%s: labels every place, line and area its description names',
		(id, spec) => {
			const text = spec.description.toLowerCase();
			const named = [...map.entries.values()].filter((e) => {
				if (e.layer.kind === 'raster' || e.name.length < 4) return false;
				const name = e.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				return new RegExp(`(^|[^\\p{L}])${name}($|[^\\p{L}])`, 'u').test(text);
			});
			const labelled = new Set(views[id].labels.map((l) => l.id));
			for (const e of named) expect(labelled, `"${e.name}" (${e.id})`).toContain(e.id);
		}
	);

	it.each(specs.map((s) => [s.id, s] as const))(
		'%s: names each country and sea that fills part of it',
		(id) => {
			const view = views[id];
			const labelled = new Set(view.labels.map((l) => l.id));
			const filling = [...map.entries.values()].filter(
				(e) =>
					(e.layer.label === 'country' || e.layer.label === 'sea') &&
					share(e.id, view.box) >= NAMED_FROM &&
					share(e.id, view.box) < NAMED_TO
			);
			for (const e of filling)
				expect(
					labelled,
					`${e.name}: ${(share(e.id, view.box) * 100).toFixed(0)}% of the view`
				).toContain(e.id);
		}
	);
});
