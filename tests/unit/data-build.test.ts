import { describe, it, expect } from 'vitest';
import {
	mkdtempSync,
	readFileSync,
	readdirSync,
	writeFileSync,
	copyFileSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { geoContains, geoDistance } from 'd3-geo';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import { buildOutputs } from '../../data/scripts/build-geo.js';
import {
	buildTopology,
	slugify,
	validateFeatureCollection,
	DataError
} from '../../data/scripts/geo.js';
import { ROOT, loadInputs } from '../../data/scripts/inputs.js';

const EARTH_KM = 6371;
const inputs = loadInputs();
const built = buildOutputs(inputs);
const topo = JSON.parse(built.map) as Topology<Record<string, GeometryCollection>>;

function features(object: string): Feature<Geometry, Record<string, unknown>>[] {
	const collection = topo.objects[object];
	expect(collection, `object "${object}"`).toBeDefined();
	return (feature(topo, collection) as FeatureCollection<Geometry, Record<string, unknown>>)
		.features;
}

function byId<G extends Geometry>(object: string, id: string): Feature<G, Record<string, unknown>> {
	const found = features(object).find((f) => f.id === id);
	expect(found, `${object}/${id}`).toBeDefined();
	return found as Feature<G, Record<string, unknown>>;
}

const km = (a: number[], b: number[]) =>
	geoDistance(a as [number, number], b as [number, number]) * EARTH_KM;

const layerList = JSON.parse(readFileSync(join(ROOT, 'data/map/layers.json'), 'utf8')) as {
	layers: { id: string; source: string; kind: string; from: string; features?: { id: string }[] }[];
};
const placesList = JSON.parse(readFileSync(join(ROOT, 'data/geo/places.json'), 'utf8')) as {
	places: { name: string }[];
};
const handLayers = layerList.layers.filter((l) => l.source === 'hand');

describe('data/build/map.topo.json', () => {
	it(
		'builds the same bytes every time, and the committed file is up to date',
		{ timeout: 60_000 },
		() => {
			const again = buildOutputs(inputs);
			expect(again.map).toBe(built.map);
			expect(again.sources).toBe(built.sources);
			const committed = join(ROOT, 'data/build/map.topo.json');
			expect(readFileSync(committed, 'utf8'), 'run `npm run data` and commit the result').toBe(
				built.map
			);
			expect(readFileSync(join(ROOT, 'data/build/sources.json'), 'utf8')).toBe(built.sources);
		}
	);

	it('has an object for every layer of data/map/layers.json, in its order, with unique ids', () => {
		const drawn = layerList.layers.filter((l) => l.kind !== 'raster').map((l) => l.id);
		expect(Object.keys(topo.objects).sort()).toEqual([...drawn].sort());
		expect((topo as unknown as { layers: { id: string }[] }).layers.map((l) => l.id)).toEqual(
			layerList.layers.map((l) => l.id)
		);
		const ids = new Set<string>();
		for (const object of drawn) {
			for (const f of features(object)) {
				expect(typeof f.id).toBe('string');
				expect(ids.has(f.id as string), `duplicate id ${f.id}`).toBe(false);
				ids.add(f.id as string);
				expect(typeof f.properties?.name).toBe('string');
			}
		}
		// Everything the data files ask for is there: each listed feature, place and hand-drawn shape.
		for (const layer of layerList.layers)
			for (const f of layer.features ?? []) expect(ids, `${layer.id}/${f.id}`).toContain(f.id);
		for (const place of placesList.places) expect(ids).toContain(slugify(place.name));
		for (const layer of handLayers) {
			const file = JSON.parse(readFileSync(join(ROOT, layer.from), 'utf8')) as FeatureCollection;
			for (const f of file.features) expect(ids, `${layer.from}: ${f.id}`).toContain(f.id);
		}
		for (const id of ['syria', 'iraq', 'jordan', 'lebanon', 'israel', 'turkey', 'saudi-arabia']) {
			expect(ids, id).toContain(id);
		}
	});

	it('marks every hand-drawn feature approximate, with a source', () => {
		const handDrawn = handLayers.flatMap((l) => features(l.id));
		expect(handDrawn.length).toBeGreaterThan(0);
		for (const f of handDrawn) {
			expect(f.properties.approximate, String(f.id)).toBe(true);
			expect(String(f.properties.source ?? '').length, String(f.id)).toBeGreaterThan(10);
		}
		for (const f of features('places')) expect(typeof f.properties.geonameid).toBe('number');
	});

	it('draws the Badia across the Syria–Iraq border', () => {
		const syria = byId<Polygon>('countries', 'syria');
		const iraq = byId<Polygon>('countries', 'iraq');
		const vertices = byId<Polygon>('badia', 'badia').geometry.coordinates[0] as [number, number][];
		expect(vertices.some((p) => geoContains(syria, p))).toBe(true);
		expect(vertices.some((p) => geoContains(iraq, p))).toBe(true);
	});

	it('puts Abu Kamal in Syria and Al-Qaim in Iraq', () => {
		const syria = byId<Polygon>('countries', 'syria');
		const iraq = byId<Polygon>('countries', 'iraq');
		const abuKamal = byId<Point>('places', 'abu-kamal').geometry.coordinates as [number, number];
		const alQaim = byId<Point>('places', 'al-qaim').geometry.coordinates as [number, number];
		expect(geoContains(syria, abuKamal)).toBe(true);
		expect(geoContains(iraq, abuKamal)).toBe(false);
		expect(geoContains(iraq, alQaim)).toBe(true);
		expect(geoContains(syria, alQaim)).toBe(false);
	});

	it('runs the airport road from central Damascus to the terminal Natural Earth marks', () => {
		const road = byId<LineString>('roads', 'airport-road').geometry.coordinates;
		const damascus = byId<Point>('places', 'damascus').geometry.coordinates;
		const terminal = (
			JSON.parse(
				readFileSync(join(ROOT, 'data/sources/natural-earth/ne_10m_airports.geojson'), 'utf8')
			) as FeatureCollection<Point>
		).features.find((f) => f.properties?.gps_code === 'OSDI')!.geometry.coordinates;
		expect(km(byId<Point>('airports', 'airport').geometry.coordinates, terminal)).toBeLessThan(
			0.002
		);
		expect(km(road[0], damascus)).toBeLessThan(3);
		expect(km(road[road.length - 1], terminal)).toBeLessThan(0.05);
	});

	it('draws each runway of OurAirports from its two ends, at its width', () => {
		const rows = readFileSync(join(ROOT, 'data/sources/ourairports/runways-OSDI.csv'), 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => line.split(',').map((v) => v.replace(/"/g, '')));
		const runways = features('runways') as Feature<Polygon, Record<string, unknown>>[];
		expect(runways).toHaveLength(rows.length);
		for (const row of rows) {
			const [le, he] = [
				[Number(row[10]), Number(row[9])],
				[Number(row[16]), Number(row[15])]
			];
			const widthKm = (Number(row[4]) * 0.3048) / 1000;
			const runway = runways.find((r) => r.id === `runway-${row[8]}-${row[14]}`.toLowerCase());
			expect(runway, `runway ${row[8]}/${row[14]}`).toBeDefined();
			const ring = runway!.geometry.coordinates[0];
			// Each end lies midway between two corners, half the width from each.
			for (const end of [le, he]) {
				const near = ring
					.slice(0, 4)
					.map((c) => km(c, end))
					.sort((a, b) => a - b);
				expect(near[0]).toBeCloseTo(widthKm / 2, 2);
				expect(near[1]).toBeCloseTo(widthKm / 2, 2);
			}
		}
	});
});

describe('validation', () => {
	const FILE = 'data/geo/test.geojson';
	const good = (id: string, coordinates = [36.3, 33.5]) => ({
		type: 'Feature',
		id,
		properties: { name: id, source: 'a test', approximate: true, note: 'a test' },
		geometry: { type: 'Point', coordinates }
	});
	const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
	const problem = (json: unknown) => {
		try {
			validateFeatureCollection(json, FILE);
		} catch (error) {
			expect(error).toBeInstanceOf(DataError);
			return (error as Error).message;
		}
		throw new Error('expected validation to fail');
	};

	it('accepts a good collection', () => {
		expect(() => validateFeatureCollection(collection(good('a'), good('b')), FILE)).not.toThrow();
	});

	it('rejects a latitude of 95, naming the file and the feature', () => {
		const message = problem(collection(good('a'), good('badia', [40, 95])));
		expect(message).toContain(FILE);
		expect(message).toContain('"badia"');
		expect(message).toContain('latitude 95');
		expect(message.split('\n')).toHaveLength(1);
	});

	it('rejects a duplicate id, naming the file and the feature', () => {
		const message = problem(collection(good('yarmouk'), good('yarmouk')));
		expect(message).toContain(FILE);
		expect(message).toContain('"yarmouk"');
		expect(message).toMatch(/duplicate/);
	});

	it('rejects hand-drawn features without a source or approximate: true', () => {
		const noSource = good('a');
		delete (noSource.properties as Partial<typeof noSource.properties>).source;
		expect(problem(collection(noSource))).toMatch(/source/);
		const exact = good('b');
		(exact.properties as Record<string, unknown>).approximate = false;
		expect(problem(collection(exact))).toMatch(/approximate/);
	});

	it('rejects an id used both by a GeoNames place and a hand-drawn feature', () => {
		const clash = { file: FILE, json: collection(good('damascus')) };
		expect(() => buildTopology({ ...inputs, files: { ...inputs.files, marks: clash } })).toThrow(
			/data\/geo\/test\.geojson: marks feature "damascus".*duplicate id/
		);
	});

	/** loadInputs on a copy of data/geo, changed by `change`; returns its error. */
	function geoCopyProblem(change: (dir: string) => void): string {
		const dir = mkdtempSync(join(tmpdir(), 'geo-'));
		try {
			for (const name of readdirSync(join(ROOT, 'data/geo')))
				copyFileSync(join(ROOT, 'data/geo', name), join(dir, name));
			change(dir);
			loadInputs({ geoDir: dir });
		} catch (error) {
			expect(error).toBeInstanceOf(DataError);
			return (error as Error).message;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		throw new Error('expected loadInputs to fail');
	}

	it('names a malformed JSON file', () => {
		const message = geoCopyProblem((dir) =>
			writeFileSync(join(dir, 'areas.geojson'), '{"type": "FeatureCollection",')
		);
		expect(message).toMatch(/areas\.geojson: malformed JSON/);
	});

	it('refuses a hand-drawn file no layer reads, rather than leave it off the map', () => {
		const message = geoCopyProblem((dir) =>
			writeFileSync(join(dir, 'wells.geojson'), JSON.stringify(collection(good('well'))))
		);
		expect(message).toMatch(/wells\.geojson: no layer in data\/map\/layers\.json reads it/);
	});
});

describe('drawn by hand only where no dataset has it', () => {
	/** Names of every feature of every dataset file the map reads, normalised. */
	const norm = (s: string) => slugify(s).replace(/^(al|the)-/, '');
	const datasetNames = new Set<string>();
	for (const layer of layerList.layers.filter((l) => l.source !== 'hand')) {
		if (!layer.from.endsWith('.geojson')) continue;
		const file = JSON.parse(readFileSync(join(ROOT, layer.from), 'utf8')) as FeatureCollection;
		for (const f of file.features)
			for (const key of ['name', 'name_en', 'name_alt'])
				if (typeof f.properties?.[key] === 'string') datasetNames.add(norm(f.properties[key]));
	}
	for (const id of topo.objects.places.geometries.map((g) => String(g.id))) datasetNames.add(id);

	it.each(handLayers.flatMap((l) => features(l.id).map((f) => [l.id, String(f.id), f] as const)))(
		'%s: "%s" is not a feature of any dataset the map reads',
		(_layer, _id, f) => {
			expect(datasetNames.size).toBeGreaterThan(100);
			expect(datasetNames, `${f.id} (${f.properties.name})`).not.toContain(
				norm(String(f.properties.name))
			);
			expect(datasetNames).not.toContain(norm(String(f.id)));
		}
	);
});
