/**
 * Shaded relief for the regional views, drawn at build time from the KDE Marble SRTM texture.
 *
 * The texture (plate carrée, brighter = higher, on land and under the sea) is resampled at every
 * pixel of a grid in the map's own projection, hill-shaded there (light from the upper left of the
 * map, azimuth 315°, altitude 45°), masked to land and written as one grayscale JPEG that is
 * "overlay-neutral": 128 means no change, lighter lightens, darker darkens. The page lays it at `box`
 * (world units) between the land fill and the vector layers in hard-light at the theme's opacity
 * (src/lib/map/raster-shade.ts, which also draws the same look with no blend), so the sea, flat land
 * and everything the texture does not cover stay exactly as they are.
 *
 * Pipeline: decode the texture; soften its JPEG block edges and north–south stripes; blur a little;
 * resample it bilinearly at each output pixel centre (projection.invert); raise the sea floor near
 * the coast to sea level; turn levels into approximate heights; hill-shade (Horn) with a gentle
 * contrast curve; fade to neutral at the texture's edges and off land (resvg-rasterised land mask).
 *
 * buildRelief is pure (bytes in, bytes out); `npm run data` (build-geo.js) calls it for the raster
 * layer of data/map/layers.json and writes the image beside the map data.
 */
import { Resvg } from '@resvg/resvg-js';
import { geoArea, geoPath } from 'd3-geo';
import jpeg from 'jpeg-js';
import { merge } from 'topojson-client';
import { makeProjection } from '../../src/lib/map/projection.js';

/** @typedef {[west: number, south: number, east: number, north: number]} LonLatBox */
/** @typedef {[x0: number, y0: number, x1: number, y1: number]} WorldBox */
/**
 * @typedef {object} ReliefOptions
 * @property {Uint8Array} texture  the texture's JPEG bytes (grayscale or RGB; the red channel is read)
 * @property {import('topojson-specification').Topology} topology  with a `countries` object
 * @property {LonLatBox} [textureBounds]  what the texture covers, its pixel (0,0) the north-west corner
 * @property {LonLatBox} [coverage]  what the image must cover at least
 * @property {number} [kmPerPixel]  output pixel size in world units (≈ km)
 * @property {number} [quality]  JPEG quality, 1..100
 * @property {Partial<Tuning>} [tuning]  the look, for experiments; defaults in TUNING
 */
/**
 * @typedef {object} Tuning
 * @property {number} exaggeration  vertical exaggeration of the approximate heights
 * @property {number} tau  levels per e-fold of the height model; 0 = treat levels as linear
 * @property {number} lift  gain of the contrast curve at zero slope, minus 1
 * @property {number} blur  Gaussian blur of the texture, in texture pixels
 * @property {number} smooth  Gaussian blur of the resampled heights, in km
 */
/**
 * @typedef {object} Relief
 * @property {Buffer} jpeg  the image, 128 grey = no change; baseline, R = G = B (jpeg-js 0.4 cannot
 *   write a 1-channel JPEG: the two flat chroma channels cost ~6 KB)
 * @property {WorldBox} box  where to draw it, in world units (x east, y down)
 * @property {number} width  pixels
 * @property {number} height  pixels
 */

export const TEXTURE_BOUNDS = /** @type {LonLatBox} */ ([22.5, 22.5, 45, 45]);
/** The widest view (Syria and Iraq) with a margin, as far east as the texture goes (45°E: the
 *  relief fades out over its last half degree; eastern Iraq has none). */
export const COVERAGE = /** @type {LonLatBox} */ ([30, 28.5, 45, 39]);
export const KM_PER_PIXEL = 2.5;
export const QUALITY = 70;
/** The file size the page can afford (35 KB, counted in thousands to be safe). */
export const MAX_BYTES = 35_000;

/** Mid-grey: "no change" under overlay, soft-light and hard-light. */
const NEUTRAL = 128;
/** Light from the upper left of the map (cartographic convention), 45° above the horizon. */
const AZIMUTH = (315 * Math.PI) / 180;
const ALTITUDE = (45 * Math.PI) / 180;
/** @type {Tuning} */
export const TUNING = { exaggeration: 6, tau: 40, lift: 1.2, blur: 0.7, smooth: 1.75 };
/** Scale of the height model (see heightKm). */
const H0_KM = 0.192;
/** Texture level of the coastline (sampled along the Levant and Nile coasts: 95–111). */
const SEA_LEVEL = 100;
/** Destriping (see destripe): half-window in texture rows, largest correction in levels. */
const STRIPE_ROWS = 20;
const STRIPE_MAX = 1.5;
/** Texture block edges with a step larger than this many levels are real edges (see deblock). */
const DEBLOCK_MAX = 6;
/** Within COAST_FULL_KM of the sea the ground is raised to SEA_LEVEL, easing off by COAST_NONE_KM. */
const COAST_FULL_KM = 4;
const COAST_NONE_KM = 10;
/** Fade to neutral over this many degrees inside the texture's edges, so no seam shows. */
const FEATHER_DEG = 0.5;

/**
 * The world-unit box of a lon/lat box: the bounding box of its projected edges (parallels are arcs).
 * @param {import('d3-geo').GeoProjection} projection
 * @param {LonLatBox} lonLatBox
 * @returns {WorldBox}
 */
export function projectedBox(projection, [west, south, east, north]) {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	const steps = 200;
	for (let i = 0; i <= steps; i++) {
		const t = i / steps;
		const lon = west + (east - west) * t;
		const lat = south + (north - south) * t;
		for (const point of /** @type {[number, number][]} */ ([
			[lon, south],
			[lon, north],
			[west, lat],
			[east, lat]
		])) {
			const p = projection(point);
			if (!p) continue;
			x0 = Math.min(x0, p[0]);
			y0 = Math.min(y0, p[1]);
			x1 = Math.max(x1, p[0]);
			y1 = Math.max(y1, p[1]);
		}
	}
	return [x0, y0, x1, y1];
}

/**
 * Land coverage (0..1) of each pixel of the grid, rasterised with resvg (anti-aliased edges).
 * @param {import('topojson-specification').Topology} topology
 * @param {import('d3-geo').GeoProjection} projection
 * @param {WorldBox} box
 * @param {number} width
 * @param {number} height
 */
export function landCoverage(topology, projection, box, width, height) {
	const countries = /** @type {import('topojson-specification').GeometryCollection} */ (
		topology.objects.countries
	);
	const land = merge(
		topology,
		/** @type {import('topojson-specification').Polygon[]} */ (countries.geometries)
	);
	// d3-geo reads a ring wound the wrong way as the rest of the sphere: one such sliver (a
	// three-point ring) paints the whole map as land. Turn any polygon larger than a hemisphere.
	land.coordinates = land.coordinates.map((polygon) =>
		geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI
			? polygon.map((ring) => ring.slice().reverse())
			: polygon
	);
	const d = geoPath(projection)(land) ?? '';
	const [x0, y0, x1, y1] = box;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
		`viewBox="${x0} ${y0} ${x1 - x0} ${y1 - y0}"><path d="${d}" fill="#000"/></svg>`;
	const { pixels } = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
	const coverage = new Float32Array(width * height);
	for (let i = 0; i < coverage.length; i++) coverage[i] = pixels[i * 4 + 3] / 255;
	return coverage;
}

/**
 * Symmetric contrast curve on a signed shade in -1..1: slope 1 + lift at zero, flattening towards
 * ±1, so gentle terrain is not lost and steep terrain does not clip. Odd, so 0 stays 0.
 * @param {number} s
 * @param {number} lift
 */
function contrast(s, lift) {
	return (s * (1 + lift)) / (1 + lift * Math.abs(s));
}

/**
 * Approximate height in km of a texture level. The levels are compressed towards the top: fitted
 * by eye to flat places of known height (Baghdad 34 m: 109, Deir ez-Zor 200 m: 133, Damascus
 * 680 m: 161, Amman 900 m: 169, Lake Van 1640 m: 189, Erzurum 1900 m: 197), 0.192 km ×
 * (e^((level − 100) / 40) − 1) is within ~20 %. With tau 0 the levels are used as they are
 * (0.02 km a level).
 * @param {number} level
 * @param {number} tau
 */
function heightKm(level, tau) {
	return tau > 0 ? H0_KM * Math.expm1((level - SEA_LEVEL) / tau) : level * 0.02;
}

/** @param {number} t */
const smoothstep = (t) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/**
 * Build the relief image. Pure: the same inputs give the same bytes.
 * @param {ReliefOptions} options
 * @returns {Relief}
 */
export function buildRelief({
	texture,
	topology,
	textureBounds = TEXTURE_BOUNDS,
	coverage = COVERAGE,
	kmPerPixel = KM_PER_PIXEL,
	quality = QUALITY,
	tuning = {}
}) {
	const { exaggeration, tau, lift, blur: sigma, smooth } = { ...TUNING, ...tuning };
	const projection = makeProjection();
	// The grid: whole pixels from a whole world unit, covering at least the coverage box.
	const outer = projectedBox(projection, coverage);
	const x0 = Math.floor(outer[0]);
	const y0 = Math.floor(outer[1]);
	const width = Math.ceil((outer[2] - x0) / kmPerPixel);
	const height = Math.ceil((outer[3] - y0) / kmPerPixel);
	/** @type {WorldBox} */
	const box = [x0, y0, x0 + width * kmPerPixel, y0 + height * kmPerPixel];

	// The texture as levels (red channel).
	const decoded = jpeg.decode(texture, { useTArray: true, formatAsRGBA: true });
	const tw = decoded.width;
	const th = decoded.height;
	const levels = new Float32Array(tw * th);
	for (let i = 0; i < levels.length; i++) levels[i] = decoded.data[i * 4];
	deblock(levels, tw, th);
	destripe(levels, tw, th);
	blur(levels, tw, th, sigma);
	const [west, south, east, north] = textureBounds;

	// Resample: elevation (levels) and edge weight (1 inside, fading to 0 at the texture's edges).
	const n = width * height;
	const elevation = new Float32Array(n);
	const inside = new Float32Array(n);
	for (let j = 0; j < height; j++) {
		for (let i = 0; i < width; i++) {
			const k = j * width + i;
			const lonLat = projection.invert?.([
				x0 + (i + 0.5) * kmPerPixel,
				y0 + (j + 0.5) * kmPerPixel
			]);
			if (!lonLat) continue;
			const [lon, lat] = lonLat;
			const edge = Math.min(lon - west, east - lon, lat - south, north - lat);
			inside[k] = smoothstep(edge / FEATHER_DEG);
			// Texture pixel coordinates, pixel centres at integers; clamped at the edges.
			const u = Math.min(tw - 1, Math.max(0, ((lon - west) / (east - west)) * tw - 0.5));
			const v = Math.min(th - 1, Math.max(0, ((north - lat) / (north - south)) * th - 0.5));
			const iu = Math.min(tw - 2, Math.floor(u));
			const iv = Math.min(th - 2, Math.floor(v));
			const fu = u - iu;
			const fv = v - iv;
			const a = iv * tw + iu;
			elevation[k] =
				(levels[a] * (1 - fu) + levels[a + 1] * fu) * (1 - fv) +
				(levels[a + tw] * (1 - fu) + levels[a + tw + 1] * fu) * fv;
		}
	}

	const land = landCoverage(topology, projection, box, width, height);

	// The sea floor would shade the coast as a cliff: near the sea, raise the ground to sea level
	// (never lower it), so the coast meets a flat sea. Inland depressions (the Dead Sea) are far from
	// any sea pixel and keep their shape.
	const near = seaNearby(
		land,
		width,
		height,
		COAST_FULL_KM / kmPerPixel,
		COAST_NONE_KM / kmPerPixel
	);
	for (let k = 0; k < n; k++) {
		if (near[k] > 0 && elevation[k] < SEA_LEVEL) {
			elevation[k] += near[k] * (SEA_LEVEL - elevation[k]);
		}
	}

	for (let k = 0; k < n; k++) elevation[k] = heightKm(elevation[k], tau);
	blur(elevation, width, height, smooth / kmPerPixel);

	// Hillshade (Horn's 3×3 gradient) in the map's own pixel grid: x east, y down. The projection is
	// conformal and its units are ≈ km, so the grid's axes are the map's and its spacing is true.
	const lx = Math.cos(ALTITUDE) * Math.sin(AZIMUTH);
	const ly = -Math.cos(ALTITUDE) * Math.cos(AZIMUTH); // y is down, the light is up (north)
	const lz = Math.sin(ALTITUDE);
	const scale = exaggeration / (8 * kmPerPixel);
	const rgba = new Uint8Array(n * 4);
	for (let j = 0; j < height; j++) {
		const jm = j > 0 ? j - 1 : j;
		const jp = j < height - 1 ? j + 1 : j;
		for (let i = 0; i < width; i++) {
			const k = j * width + i;
			let value = NEUTRAL;
			const weight = land[k] * inside[k];
			if (weight > 0) {
				const im = i > 0 ? i - 1 : i;
				const ip = i < width - 1 ? i + 1 : i;
				const e = (/** @type {number} */ jj, /** @type {number} */ ii) =>
					elevation[jj * width + ii];
				const dx =
					(e(jm, ip) + 2 * e(j, ip) + e(jp, ip) - e(jm, im) - 2 * e(j, im) - e(jp, im)) * scale;
				const dy =
					(e(jp, im) + 2 * e(jp, i) + e(jp, ip) - e(jm, im) - 2 * e(jm, i) - e(jm, ip)) * scale;
				// Surface normal (-dz/dx, -dz/dy, 1), normalised, against the light.
				const shade = (-dx * lx - dy * ly + lz) / Math.sqrt(dx * dx + dy * dy + 1);
				// Signed: 0 flat, 1 facing the light, -1 in full shadow.
				const signed = shade >= lz ? (shade - lz) / (1 - lz) : (shade - lz) / lz;
				value = NEUTRAL + 127 * contrast(signed, lift) * weight;
			}
			const byte = Math.max(0, Math.min(255, Math.round(value)));
			rgba[k * 4] = rgba[k * 4 + 1] = rgba[k * 4 + 2] = byte;
			rgba[k * 4 + 3] = 255;
		}
	}

	const encoded = jpeg.encode({ data: rgba, width, height }, quality);
	return { jpeg: encoded.data, box, width, height };
}

/**
 * Soften the texture's own JPEG block edges (every 8 pixels, where the level steps are twice the
 * usual): at each boundary the step in excess of its neighbours' is spread over five pixel gaps
 * instead of one. Large steps are real edges and are left alone. In place.
 * @param {Float32Array} levels
 * @param {number} width
 * @param {number} height
 */
export function deblock(levels, width, height) {
	/** @param {number} start @param {number} stride @param {number} count */
	const line = (start, stride, count) => {
		for (let b = 8; b + 1 < count; b += 8) {
			const p1 = start + (b - 2) * stride;
			const p0 = p1 + stride;
			const q0 = p0 + stride;
			const q1 = q0 + stride;
			const step = levels[q0] - levels[p0];
			if (Math.abs(step) > DEBLOCK_MAX) continue;
			const excess = step - (levels[p0] - levels[p1] + levels[q1] - levels[q0]) / 2;
			levels[p1] += excess / 5;
			levels[p0] += (2 * excess) / 5;
			levels[q0] -= (2 * excess) / 5;
			levels[q1] -= excess / 5;
		}
	};
	for (let y = 0; y < height; y++) line(y * width, 1, width);
	for (let x = 0; x < width; x++) line(x, width, height);
}

/**
 * Remove the texture's north–south stripes (columns a level or so off their neighbours for hundreds
 * of kilometres, which hill-shading turns into streaks across the desert): the part of each pixel
 * that its column's neighbours do not share, averaged along the column over ±STRIPE_ROWS rows and
 * limited to ±STRIPE_MAX levels, is taken away. Real relief is tens of levels and barely changes.
 * In place.
 * @param {Float32Array} levels
 * @param {number} width
 * @param {number} height
 */
export function destripe(levels, width, height) {
	// What each pixel does not share with its row neighbours (a Gaussian of 2 pixels across).
	const smooth = Float32Array.from(levels);
	blurRows(smooth, width, height, 2);
	const across = levels.map((v, k) => v - smooth[k]);
	for (let x = 0; x < width; x++) {
		let sum = 0;
		let count = 0;
		// A running mean along the column, window clipped at the ends.
		for (let y = 0; y < Math.min(height, STRIPE_ROWS); y++) sum += across[y * width + x];
		count = Math.min(height, STRIPE_ROWS);
		for (let y = 0; y < height; y++) {
			const add = y + STRIPE_ROWS;
			const drop = y - STRIPE_ROWS - 1;
			if (add < height) {
				sum += across[add * width + x];
				count++;
			}
			if (drop >= 0) {
				sum -= across[drop * width + x];
				count--;
			}
			const stripe = Math.max(-STRIPE_MAX, Math.min(STRIPE_MAX, sum / count));
			levels[y * width + x] -= stripe;
		}
	}
}

/**
 * Separable Gaussian blur, in place, edges clamped.
 * @param {Float32Array} levels
 * @param {number} width
 * @param {number} height
 * @param {number} sigma  in pixels
 */
function blur(levels, width, height, sigma) {
	blurRows(levels, width, height, sigma);
	blurRows(levels, width, height, sigma, true);
}

/**
 * One pass of a Gaussian blur, along rows (or along columns), in place, edges clamped.
 * @param {Float32Array} levels
 * @param {number} width
 * @param {number} height
 * @param {number} sigma  in pixels
 * @param {boolean} [columns]
 */
function blurRows(levels, width, height, sigma, columns = false) {
	if (sigma <= 0) return;
	const radius = Math.ceil(3 * sigma);
	const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) =>
		Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma))
	);
	const total = kernel.reduce((a, b) => a + b, 0);
	const taps = kernel.map((w) => w / total);
	const from = Float32Array.from(levels);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			let sum = 0;
			for (let t = -radius; t <= radius; t++) {
				const xx = columns ? x : Math.min(width - 1, Math.max(0, x + t));
				const yy = columns ? Math.min(height - 1, Math.max(0, y + t)) : y;
				sum += taps[t + radius] * from[yy * width + xx];
			}
			levels[y * width + x] = sum;
		}
	}
}

/**
 * How close each pixel is to the sea: 1 within `full` pixels of a sea pixel (less than half land),
 * easing to 0 at `none` pixels (chamfer distance, 3-4 metric), so the raised ground has no step.
 * @param {Float32Array} land
 * @param {number} width
 * @param {number} height
 * @param {number} full
 * @param {number} none
 */
function seaNearby(land, width, height, full, none) {
	const n = width * height;
	const far = 3 * (width + height);
	const distance = new Float32Array(n);
	for (let k = 0; k < n; k++) distance[k] = land[k] < 0.5 ? 0 : far;
	/** @param {number} k @param {number} jj @param {number} ii @param {number} step */
	const relax = (k, jj, ii, step) => {
		if (jj < 0 || jj >= height || ii < 0 || ii >= width) return;
		const d = distance[jj * width + ii] + step;
		if (d < distance[k]) distance[k] = d;
	};
	for (let j = 0; j < height; j++) {
		for (let i = 0; i < width; i++) {
			const k = j * width + i;
			relax(k, j, i - 1, 3);
			relax(k, j - 1, i - 1, 4);
			relax(k, j - 1, i, 3);
			relax(k, j - 1, i + 1, 4);
		}
	}
	for (let j = height - 1; j >= 0; j--) {
		for (let i = width - 1; i >= 0; i--) {
			const k = j * width + i;
			relax(k, j, i + 1, 3);
			relax(k, j + 1, i + 1, 4);
			relax(k, j + 1, i, 3);
			relax(k, j + 1, i - 1, 4);
		}
	}
	const out = new Float32Array(n);
	for (let k = 0; k < n; k++) out[k] = 1 - smoothstep((distance[k] / 3 - full) / (none - full));
	return out;
}
