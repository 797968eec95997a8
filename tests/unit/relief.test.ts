import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { topology as makeTopology } from 'topojson-server';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COVERAGE, MAX_BYTES, buildRelief } from '../../data/scripts/relief.js';
import { makeProjection } from '../../src/lib/map/projection.js';

type Relief = ReturnType<typeof buildRelief>;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NEUTRAL = 128;
const projection = makeProjection();

/** The decoded image and a sampler by longitude and latitude (nearest pixel). */
function reader(relief: Relief) {
	const image = jpeg.decode(relief.jpeg, { useTArray: true, formatAsRGBA: true });
	const [x0, y0, x1, y1] = relief.box;
	const at = (lon: number, lat: number) => {
		const [x, y] = projection([lon, lat]) as [number, number];
		const i = Math.floor(((x - x0) / (x1 - x0)) * image.width);
		const j = Math.floor(((y - y0) / (y1 - y0)) * image.height);
		if (i < 0 || j < 0 || i >= image.width || j >= image.height) {
			throw new Error(`${lon}, ${lat} is outside the image`);
		}
		return image.data[(j * image.width + i) * 4];
	};
	/** Every sample of a lon/lat window, every 0.02°. */
	const window = (west: number, south: number, east: number, north: number) => {
		const values: number[] = [];
		for (let lat = south; lat <= north + 1e-9; lat += 0.02) {
			for (let lon = west; lon <= east + 1e-9; lon += 0.02) values.push(at(lon, lat));
		}
		const mean = values.reduce((a, b) => a + b, 0) / values.length;
		return { mean, min: Math.min(...values), max: Math.max(...values) };
	};
	return { image, at, window };
}

/** The relief's inputs as the data build reads them: the raster layer's texture, the built land. */
function inputs() {
	const layers = JSON.parse(readFileSync(join(ROOT, 'data/map/layers.json'), 'utf8'));
	const layer = layers.layers.find((l: { kind: string }) => l.kind === 'raster');
	return {
		texture: readFileSync(join(ROOT, layer.from)),
		topology: JSON.parse(readFileSync(join(ROOT, 'data/build/map.topo.json'), 'utf8'))
	};
}

describe('shaded relief from the repository files', () => {
	let relief: Relief;
	let ms: number;
	let read: ReturnType<typeof reader>;
	beforeAll(() => {
		const started = performance.now();
		relief = buildRelief(inputs());
		ms = performance.now() - started;
		read = reader(relief);
	});

	it('is one grayscale JPEG within budget, at 2–3 km a pixel', () => {
		expect(relief.jpeg.length).toBeLessThanOrEqual(MAX_BYTES);
		expect([relief.jpeg[0], relief.jpeg[1]]).toEqual([0xff, 0xd8]);
		const { image } = read;
		expect([image.width, image.height]).toEqual([relief.width, relief.height]);
		for (let k = 0; k < image.data.length; k += 4) {
			if (image.data[k] !== image.data[k + 1] || image.data[k] !== image.data[k + 2]) {
				throw new Error(`pixel ${k / 4} is not gray`);
			}
		}
		const [x0, y0, x1, y1] = relief.box;
		const kmX = (x1 - x0) / relief.width;
		const kmY = (y1 - y0) / relief.height;
		expect(kmX).toBeCloseTo(kmY, 9);
		expect(kmX).toBeGreaterThanOrEqual(2);
		expect(kmX).toBeLessThanOrEqual(3);
		expect(ms).toBeLessThan(5000);
	});

	it('covers the widest view: every point of the coverage box’s edges lies inside the box', () => {
		const [west, south, east, north] = COVERAGE;
		const [x0, y0, x1, y1] = relief.box;
		for (let t = 0; t <= 1; t += 1 / 64) {
			const lon = west + (east - west) * t;
			const lat = south + (north - south) * t;
			for (const point of [
				[lon, south],
				[lon, north],
				[west, lat],
				[east, lat]
			] as [number, number][]) {
				const [x, y] = projection(point) as [number, number];
				expect(x, `${point}`).toBeGreaterThanOrEqual(x0);
				expect(x, `${point}`).toBeLessThanOrEqual(x1);
				expect(y, `${point}`).toBeGreaterThanOrEqual(y0);
				expect(y, `${point}`).toBeLessThanOrEqual(y1);
			}
		}
		// The parallels are arcs: the box is the bounding box of the edges, not of the corners.
		const middle = projection([39.75, south]) as [number, number];
		const corner = projection([west, south]) as [number, number];
		expect(middle[1]).toBeGreaterThan(corner[1]);
	});

	it.each([
		['the Mediterranean off Lebanon', 34.0, 34.5],
		['the Mediterranean off Sinai', 33.0, 33.5],
		['the texture’s east edge, in Iraq', 44.99, 33.0]
	])('is exactly neutral on %s (%f°E %f°N)', (_, lon, lat) => {
		expect(read.at(lon, lat)).toBe(NEUTRAL);
	});

	it('leaves the open sea exactly neutral, over the Eratosthenes seamount too', () => {
		// The texture has the sea floor: if the land mask failed, the seamount (32.7°E 33.7°N) and
		// the slopes around it would be shaded.
		const { min, max } = read.window(32.0, 33.2, 33.4, 34.2);
		expect([min, max]).toEqual([NEUTRAL, NEUTRAL]);
	});

	it('keeps the flat desert near 39.5°E 32.5°N near neutral', () => {
		const { mean, min, max } = read.window(39.4, 32.4, 39.6, 32.6);
		expect(Math.abs(mean - NEUTRAL)).toBeLessThan(4);
		expect(min).toBeGreaterThanOrEqual(NEUTRAL - 10);
		expect(max).toBeLessThanOrEqual(NEUTRAL + 10);
	});

	it('shades the Lebanon range: its west (sea-facing) flank light, its east flank dark', () => {
		const range = read.window(35.8, 33.9, 36.4, 34.5);
		expect(range.max).toBeGreaterThan(NEUTRAL + 60);
		expect(range.min).toBeLessThan(NEUTRAL - 60);
		// Across the crest at 34.2°N (Qurnat as Sawda, ~36.1°E): the west flank faces the light.
		const west = read.window(35.7, 34.15, 35.9, 34.25);
		const east = read.window(36.08, 34.15, 36.22, 34.25);
		expect(west.mean).toBeGreaterThan(NEUTRAL + 40);
		expect(east.mean).toBeLessThan(NEUTRAL - 30);
	});

	it('fades out towards the texture’s east edge (45°E) instead of stopping at a seam', () => {
		// The mountains north of Erbil, at 37°N.
		const strength = (lon: number) => {
			const { min, max } = read.window(lon - 0.05, 36.8, lon + 0.05, 37.2);
			return Math.max(NEUTRAL - min, max - NEUTRAL);
		};
		expect(strength(44.2)).toBeGreaterThan(50);
		expect(strength(44.9)).toBeLessThan(strength(44.2));
		expect(strength(45.0)).toBeLessThan(10);
		expect(strength(45.3)).toBe(0);
	});

	it('gives the same bytes for the same inputs', () => {
		expect(Buffer.compare(buildRelief(inputs()).jpeg, relief.jpeg)).toBe(0);
	});
});

describe('buildRelief on a synthetic hill', () => {
	// A round hill at 36.5°E 34.5°N on a 0.05° texture, half of it under the sea: land is only the
	// rectangle east of 36.5°E.
	const bounds: [number, number, number, number] = [34, 32, 39, 37];
	const size = 100;
	const hill = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const lon = bounds[0] + ((x + 0.5) / size) * 5;
			const lat = bounds[3] - ((y + 0.5) / size) * 5;
			const d2 = ((lon - 36.5) / 0.3) ** 2 + ((lat - 34.5) / 0.3) ** 2;
			const level = Math.round(130 + 60 * Math.exp(-d2 / 2));
			hill.set([level, level, level, 255], (y * size + x) * 4);
		}
	}
	const texture = jpeg.encode({ data: hill, width: size, height: size }, 100).data;
	const rectangle = (west: number, south: number, east: number, north: number) => ({
		type: 'Feature' as const,
		id: 'land',
		properties: {},
		geometry: {
			type: 'Polygon' as const,
			// Clockwise, as d3-geo wants its polygons.
			coordinates: [
				[
					[west, south],
					[west, north],
					[east, north],
					[east, south],
					[west, south]
				]
			]
		}
	});
	// A three-point ring wound the wrong way (as one came out of the clipping once): d3-geo reads
	// it as the whole sphere but a sliver.
	const sliver = {
		type: 'Feature' as const,
		id: 'sliver',
		properties: {},
		geometry: {
			type: 'Polygon' as const,
			coordinates: [
				[
					[38.5, 36.5],
					[38.6, 36.5],
					[38.5, 36.6],
					[38.5, 36.5]
				]
			]
		}
	};
	const land = (...features: Feature<Polygon>[]): FeatureCollection<Polygon> => ({
		type: 'FeatureCollection',
		features
	});
	const build = (west: number, extra: (typeof sliver)[] = []) =>
		buildRelief({
			texture,
			topology: makeTopology({ countries: land(rectangle(west, 32, 39, 37), ...extra) }),
			textureBounds: bounds,
			coverage: [35.5, 33.5, 37.5, 35.5],
			kmPerPixel: 3
		});

	it('lights the north-west slope and shades the south-east one, not the flanks across', () => {
		const { at } = reader(build(34));
		const nw = at(36.5 - 0.25, 34.5 + 0.25);
		const se = at(36.5 + 0.25, 34.5 - 0.25);
		const ne = at(36.5 + 0.25, 34.5 + 0.25);
		const sw = at(36.5 - 0.25, 34.5 - 0.25);
		expect(nw).toBeGreaterThan(NEUTRAL + 30);
		expect(se).toBeLessThan(NEUTRAL - 30);
		// The flanks across the light are about as light as each other, and far nearer neutral.
		expect(Math.abs(ne - sw)).toBeLessThan(12);
		expect(Math.abs(ne - NEUTRAL)).toBeLessThan((nw - NEUTRAL) / 2);
		// Flat ground away from the hill is neutral.
		expect(Math.abs(at(35.6, 33.6) - NEUTRAL)).toBeLessThanOrEqual(1);
	});

	it.each([
		['', []],
		[', whatever the winding of the land’s rings', [sliver]]
	])('masks the sea%s: the half of the hill west of the coast is exactly neutral', (_, extra) => {
		const { at } = reader(build(36.5, extra));
		expect(at(36.5 - 0.25, 34.5 + 0.25)).toBe(NEUTRAL);
		expect(at(36.5 - 0.1, 34.5)).toBe(NEUTRAL);
		expect(at(36.5 + 0.25, 34.5 - 0.25)).toBeLessThan(NEUTRAL - 30);
	});
});
