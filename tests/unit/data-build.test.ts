import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { geoContains, geoDistance } from 'd3-geo';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import { buildOutputs } from '../../data/scripts/build-geo.js';
import { buildTopology, validateFeatureCollection, DataError } from '../../data/scripts/geo.js';
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

describe('data/build/map.topo.json', () => {
	it('builds the same bytes every time, and the committed file is up to date', () => {
		const again = buildOutputs(inputs);
		expect(again.map).toBe(built.map);
		expect(again.sources).toBe(built.sources);
		const committed = join(ROOT, 'data/build/map.topo.json');
		expect(readFileSync(committed, 'utf8'), 'run `npm run data` and commit the result').toBe(
			built.map
		);
		expect(readFileSync(join(ROOT, 'data/build/sources.json'), 'utf8')).toBe(built.sources);
	});

	it('stays small', () => {
		expect(Buffer.byteLength(built.map)).toBeLessThanOrEqual(60 * 1024);
	});

	it('has every object, with unique string ids and properties on every feature', () => {
		const ids = new Set<string>();
		for (const object of ['countries', 'areas', 'lines', 'places']) {
			for (const f of features(object)) {
				expect(typeof f.id).toBe('string');
				expect(ids.has(f.id as string), `duplicate id ${f.id}`).toBe(false);
				ids.add(f.id as string);
				expect(typeof f.properties?.name).toBe('string');
			}
		}
		for (const id of ['syria', 'iraq', 'jordan', 'lebanon', 'israel', 'turkey', 'saudi-arabia']) {
			expect(ids, id).toContain(id);
		}
		for (const id of ['damascus-city', 'yarmouk', 'eastern-ghouta', 'badia']) {
			expect(features('areas').map((f) => f.id)).toContain(id);
		}
		expect(features('lines').map((f) => f.id)).toEqual(['airport-road', 'euphrates']);
		for (const id of [
			'damascus',
			'abu-kamal',
			'al-qaim',
			'raqqa',
			'hajar-al-aswad',
			'airport',
			'checkpoint'
		]) {
			expect(ids, id).toContain(id);
		}
	});

	it('marks every hand-drawn feature approximate, with a source', () => {
		const handDrawn = [
			...features('areas'),
			...features('lines'),
			...features('places').filter((f) => f.properties.source !== 'GeoNames')
		];
		expect(handDrawn.map((f) => f.id)).toEqual(
			expect.arrayContaining(['badia', 'euphrates', 'airport', 'checkpoint'])
		);
		for (const f of handDrawn) {
			expect(f.properties.approximate, String(f.id)).toBe(true);
			expect(String(f.properties.source ?? '').length, String(f.id)).toBeGreaterThan(10);
		}
		for (const f of features('places').filter((f) => f.properties.source === 'GeoNames')) {
			expect(typeof f.properties.geonameid).toBe('number');
		}
	});

	it('draws the Badia across the Syria–Iraq border', () => {
		const syria = byId<Polygon>('countries', 'syria');
		const iraq = byId<Polygon>('countries', 'iraq');
		const vertices = byId<Polygon>('areas', 'badia').geometry.coordinates[0] as [number, number][];
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

	it('runs the airport road from central Damascus to the terminal', () => {
		const road = byId<LineString>('lines', 'airport-road').geometry.coordinates;
		const damascus = byId<Point>('places', 'damascus').geometry.coordinates;
		const airport = byId<Point>('places', 'airport').geometry.coordinates;
		expect(km(road[0], damascus)).toBeLessThan(3);
		expect(km(road[road.length - 1], airport)).toBeLessThan(0.5);
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
		expect(() => buildTopology({ ...inputs, handDrawn: [...inputs.handDrawn, clash] })).toThrow(
			/data\/geo\/test\.geojson: feature "damascus".*duplicate id/
		);
	});

	it('names a malformed JSON file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'geo-'));
		try {
			copyFileSync(join(ROOT, 'data/geo/places.json'), join(dir, 'places.json'));
			writeFileSync(join(dir, 'broken.geojson'), '{"type": "FeatureCollection",');
			expect(() => loadInputs(dir)).toThrow(/broken\.geojson: malformed JSON/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
