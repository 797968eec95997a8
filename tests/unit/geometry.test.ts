// The drawn map against the datasets it is drawn from: every river and lake within 2 px of its source
// at every view that draws it, and the geometry of all the views within its byte budget.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { MapData } from '../../src/lib/map/geometry';
import { parseViews } from '../../src/lib/story/copy.js';
import { collectFeatures } from '../../data/scripts/geo.js';
import { loadInputs } from '../../data/scripts/inputs.js';
import { LARGEST_FRAME, PHONE_FRAME } from '../../src/lib/map/screens.js';
import type { Box } from '../../src/lib/map/types';
import { COPY } from '../copy-files.js';

const topology = JSON.parse(readFileSync('data/build/map.topo.json', 'utf8')) as Topology;
const metrics = JSON.parse(readFileSync('data/build/font-metrics.json', 'utf8'));
const map = new MapData(topology, metrics);
const basemap = map.basemap();
const specs = parseViews(readFileSync(COPY.views, 'utf8'), COPY.views);
const views = specs.map((s) => map.view(s).view);
const inputs = loadInputs();
const sources = collectFeatures(inputs);
const layers = inputs.layers.list.layers;

type P = [number, number];

/** Every subpath of an SVG path written by SvgPath (relative m, l and z only). */
function subpaths(d: string): P[][] {
	const out: P[][] = [];
	let x = 0;
	let y = 0;
	let start: P = [0, 0];
	let current: P[] = [];
	for (const [, cmd, args] of d.matchAll(/([mlz])([^mlz]*)/g)) {
		const nums = (args.match(/-?[\d.]+(?:e-?\d+)?/g) ?? []).map(Number);
		if (cmd === 'z') {
			current.push(start);
			x = start[0];
			y = start[1];
			continue;
		}
		for (let i = 0; i < nums.length; i += 2) {
			x += nums[i];
			y += nums[i + 1];
			if (cmd === 'm' && i === 0) {
				if (current.length) out.push(current);
				current = [[x, y]];
				start = [x, y];
			} else current.push([x, y]);
		}
	}
	if (current.length) out.push(current);
	return out;
}

/** Drawn paths by feature id. */
const drawn = new Map<string, P[][]>();
for (const layer of basemap.layers) {
	for (const [, id, d] of layer.markup.matchAll(/<path id="m-([^"]+)"[^>]* d="([^"]*)"/g))
		drawn.set(id, subpaths(d));
}

/** A grid of segments, to find the nearest one fast. */
class Segments {
	cells = new Map<string, [P, P][]>();
	/** Segments of the lines that come within the box. */
	constructor(
		lines: P[][],
		readonly size: number,
		box: Box
	) {
		for (const line of lines) {
			for (let i = 1; i < line.length; i++) {
				const a = line[i - 1];
				const b = line[i];
				const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
				const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
				if (x1 < box[0] || x0 > box[2] || y1 < box[1] || y0 > box[3]) continue;
				for (let gx = Math.floor(x0 / size); gx <= Math.floor(x1 / size); gx++)
					for (let gy = Math.floor(y0 / size); gy <= Math.floor(y1 / size); gy++) {
						const key = `${gx},${gy}`;
						if (!this.cells.has(key)) this.cells.set(key, []);
						this.cells.get(key)!.push([a, b]);
					}
			}
		}
	}
	/** Distance from p to the nearest segment, searching `reach` cells around (Infinity if none). */
	distance(p: P, reach = 1): number {
		let best = Infinity;
		const gx = Math.floor(p[0] / this.size);
		const gy = Math.floor(p[1] / this.size);
		for (let i = gx - reach; i <= gx + reach; i++)
			for (let j = gy - reach; j <= gy + reach; j++)
				for (const [a, b] of this.cells.get(`${i},${j}`) ?? [])
					best = Math.min(best, toSegment(p, a, b));
		return best;
	}
}

function toSegment(p: P, a: P, b: P): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** A source feature's lines (a polygon's rings), projected. */
function projectedLines(g: { type: string; coordinates: unknown }): P[][] {
	const c = g.coordinates as number[][][] | number[][][][] | number[][];
	const lines =
		g.type === 'LineString'
			? [c as number[][]]
			: g.type === 'MultiLineString' || g.type === 'Polygon'
				? (c as number[][][])
				: g.type === 'MultiPolygon'
					? (c as number[][][][]).flat()
					: [];
	return lines.map((l) => l.map((p) => map.projection(p as [number, number])! as P));
}

/** What a view shows on a frame: its box fitted whole, and what the frame's shape adds. */
function windowOn(box: Box, frame: { width: number; height: number }) {
	const k = Math.min(frame.width / (box[2] - box[0]), frame.height / (box[3] - box[1]));
	const cx = (box[0] + box[2]) / 2;
	const cy = (box[1] + box[3]) / 2;
	const hw = frame.width / k / 2;
	const hh = frame.height / k / 2;
	return { k, win: [cx - hw, cy - hh, cx + hw, cy + hh] as Box };
}

/** Everything drawn from a dataset: rivers, lakes, coasts and borders, built-up areas, runways. */
const datasetLayers = layers.filter((l) => l.source !== 'hand' && l.kind !== 'raster');

describe('every line and area drawn from a dataset (rivers, lakes, borders…), against its source', () => {
	const cases = views.flatMap((view) =>
		view.layers
			.filter((l) => datasetLayers.some((w) => w.id === l.id))
			.map((l) => [view.id, l.id] as const)
	);
	it('are drawn on the views that ask for them', () => {
		expect(cases.length).toBeGreaterThan(10);
	});
	it.each(cases)('%s: every %s feature is within 2 px of its source', (viewId, layerId) => {
		const view = views.find((v) => v.id === viewId)!;
		for (const frame of [LARGEST_FRAME, PHONE_FRAME]) {
			const { k, win } = windowOn(view.box, frame);
			const inWin = (p: P) => p[0] >= win[0] && p[0] <= win[2] && p[1] >= win[1] && p[1] <= win[3];
			for (const f of sources.get(layerId)!) {
				const source = projectedLines(f.geometry);
				if (!source.flat().some(inWin)) continue;
				const lines = drawn.get(f.id);
				expect(lines, `${layerId} "${f.id}" is not drawn`).toBeDefined();
				const cell = 4 / k; // px → world units
				const reach = 4 * cell;
				const around: Box = [win[0] - reach, win[1] - reach, win[2] + reach, win[3] + reach];
				const index = new Segments(lines!, cell, around);
				let worst = 0;
				let at: P = [0, 0];
				for (const p of source.flat()) {
					if (!inWin(p)) continue;
					const d = index.distance(p) * k;
					if (d > worst) [worst, at] = [d, p];
				}
				expect(
					worst,
					`${viewId} at ${frame.width}×${frame.height}: ${f.id} is ${worst.toFixed(2)} px off its source near ${map.projection.invert!(at)!.map((n) => n.toFixed(3))}`
				).toBeLessThanOrEqual(2);
			}
		}
	});
});

describe('the geometry of all the views', () => {
	it('is at most 30 KB gzipped', () => {
		const all = basemap.layers.map((l) => l.markup).join('');
		expect(gzipSync(all, { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
	});
});
