// Reading screenshots: crop to an element's rectangle, compare two engines' pictures, count pixels of a
// colour, and measure a dot through a point.
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

export interface Image {
	width: number;
	height: number;
	/** RGBA, row by row. */
	data: Buffer;
}
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
export type RGB = [number, number, number];

export const decode = (png: Buffer): Image => PNG.sync.read(png);

export function encode(image: Image): Buffer {
	const png = new PNG({ width: image.width, height: image.height });
	image.data.copy(png.data);
	return PNG.sync.write(png);
}

/** The part of the picture inside the rectangle (rounded to whole pixels, clipped to the picture). */
export function crop(image: Image, rect: Rect): Image {
	const x0 = Math.max(0, Math.round(rect.x));
	const y0 = Math.max(0, Math.round(rect.y));
	const x1 = Math.min(image.width, Math.round(rect.x + rect.width));
	const y1 = Math.min(image.height, Math.round(rect.y + rect.height));
	const width = Math.max(0, x1 - x0);
	const height = Math.max(0, y1 - y0);
	const data = Buffer.alloc(width * height * 4);
	for (let y = 0; y < height; y++)
		image.data.copy(
			data,
			y * width * 4,
			((y0 + y) * image.width + x0) * 4,
			((y0 + y) * image.width + x1) * 4
		);
	return { width, height, data };
}

/** `#rrggbb` as numbers. */
export function rgb(hex: string): RGB {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`not an opaque #rrggbb colour: ${hex}`);
	return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** Whether the pixel is within `tolerance` of the colour in every channel. */
function near(image: Image, x: number, y: number, colour: RGB, tolerance: number): boolean {
	if (x < 0 || y < 0 || x >= image.width || y >= image.height) return false;
	const i = (y * image.width + x) * 4;
	return (
		Math.abs(image.data[i] - colour[0]) <= tolerance &&
		Math.abs(image.data[i + 1] - colour[1]) <= tolerance &&
		Math.abs(image.data[i + 2] - colour[2]) <= tolerance
	);
}

/** How many pixels are within `tolerance` of the colour. */
export function countNear(image: Image, colour: RGB, tolerance: number): number {
	let n = 0;
	for (let y = 0; y < image.height; y++)
		for (let x = 0; x < image.width; x++) if (near(image, x, y, colour, tolerance)) n++;
	return n;
}

export interface Comparison {
	/** Pixels that differ, as a fraction of the compared area. */
	fraction: number;
	/** The picture of the differences (red where they differ). */
	diff: Image;
}

/** pixelmatch over the area both pictures cover. `threshold` is pixelmatch's per-pixel colour
 *  distance (0–1); anti-aliased pixels are not counted. */
export function compare(a: Image, b: Image, threshold: number): Comparison {
	const width = Math.min(a.width, b.width);
	const height = Math.min(a.height, b.height);
	const box = { x: 0, y: 0, width, height };
	const [ca, cb] = [crop(a, box), crop(b, box)];
	const diff = { width, height, data: Buffer.alloc(width * height * 4) };
	const n = pixelmatch(ca.data, cb.data, diff.data, width, height, { threshold });
	return { fraction: n / Math.max(1, width * height), diff };
}

export interface Dot {
	/** The colour it was found in. */
	colour: RGB;
	/** Extent through its middle: horizontally, vertically, and along both diagonals (px). */
	across: { h: number; v: number; d1: number; d2: number };
	/** Its middle's distance from the point it was looked for at (px). */
	offset: number;
}

/** Measures the dot at (x, y): the nearest pixel of one of the colours within `reach` px, then the
 *  extent of that colour through it, to at most `limit` px each way (a dot 600 px across is reported as
 *  at least 2 × limit). Null when no pixel of the colours is that near. */
export function measureDot(
	image: Image,
	point: { x: number; y: number },
	colours: RGB[],
	{
		tolerance = 40,
		reach = 3,
		limit = 400
	}: { tolerance?: number; reach?: number; limit?: number } = {}
): Dot | null {
	const px = Math.floor(point.x);
	const py = Math.floor(point.y);
	let seed: { x: number; y: number; colour: RGB } | null = null;
	let best = Infinity;
	for (let dy = -reach; dy <= reach; dy++)
		for (let dx = -reach; dx <= reach; dx++) {
			const d = dx * dx + dy * dy;
			if (d >= best) continue;
			const colour = colours.find((c) => near(image, px + dx, py + dy, c, tolerance));
			if (colour) {
				best = d;
				seed = { x: px + dx, y: py + dy, colour };
			}
		}
	if (!seed) return null;
	const { colour } = seed;
	const run = (sx: number, sy: number) => {
		let n = 0;
		while (
			n < limit &&
			near(image, seed!.x + sx * (n + 1), seed!.y + sy * (n + 1), colour, tolerance)
		)
			n++;
		return n;
	};
	// The middle of the dot along each axis, then the extent through that middle.
	const [l, r] = [run(-1, 0), run(1, 0)];
	const [u, d] = [run(0, -1), run(0, 1)];
	const cx = seed.x + (r - l) / 2;
	const cy = seed.y + (d - u) / 2;
	const through = (x: number, y: number, sx: number, sy: number) => {
		const a = Math.round(x);
		const b = Math.round(y);
		if (!near(image, a, b, colour, tolerance)) return 0;
		let n = 1;
		for (const s of [-1, 1]) {
			let k = 0;
			while (
				k < limit &&
				near(image, a + s * sx * (k + 1), b + s * sy * (k + 1), colour, tolerance)
			)
				k++;
			n += k;
		}
		return n;
	};
	const h = through(seed.x, cy, 1, 0);
	const v = through(cx, seed.y, 0, 1);
	// A diagonal step covers √2 px.
	const d1 = Math.round(through(cx, cy, 1, 1) * Math.SQRT2);
	const d2 = Math.round(through(cx, cy, 1, -1) * Math.SQRT2);
	return {
		colour,
		across: { h, v, d1, d2 },
		offset: Math.hypot(cx + 0.5 - point.x, cy + 0.5 - point.y)
	};
}
