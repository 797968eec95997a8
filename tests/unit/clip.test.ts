// The one polygon clipper, as both its users call it: the data build in lon/lat (closed rings,
// null when nothing with area is left) and the label placer in pixels (open rings).
import { describe, expect, it } from 'vitest';
import { clipOpenRing, type Box, type Point } from '../../src/lib/map/clip.js';
import { clipGeometry, clipRing, ringArea2 } from '../../data/scripts/clip.js';

/** An open rectangle, counter-clockwise from its lower-left corner. */
const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1]
];
/** The same rectangle as a closed ring, as GeoJSON writes it. */
const closedRect = (x0: number, y0: number, x1: number, y1: number): Point[] => {
	const ring = rect(x0, y0, x1, y1);
	return [...ring, ring[0]];
};
const area = (ring: Point[]) => Math.abs(ringArea2([...ring, ring[0]])) / 2;
const inBox = ([x, y]: Point, [x0, y0, x1, y1]: Box) =>
	x >= x0 - 1e-9 && x <= x1 + 1e-9 && y >= y0 - 1e-9 && y <= y1 + 1e-9;

describe('clipOpenRing', () => {
	const box: Box = [0, 0, 10, 10];

	it('cuts a square that sticks out of two sides at the box edges', () => {
		const out = clipOpenRing(rect(5, 5, 15, 15), box);
		expect(out.every((p) => inBox(p, box))).toBe(true);
		expect(area(out)).toBeCloseTo(25);
	});

	it('keeps a ring that lies inside unchanged, and returns nothing for one outside', () => {
		const inside: Point[] = [
			[1, 1],
			[4, 1],
			[2, 3]
		];
		expect(clipOpenRing(inside, box)).toEqual(inside);
		expect(
			clipOpenRing(
				[
					[11, 11],
					[14, 11],
					[12, 13]
				],
				box
			)
		).toEqual([]);
	});

	it('keeps the area inside the box of a concave ring crossing it twice', () => {
		// A U open at the top, its arms poking out above the box: 2 × (2 × 4) + 10 × 2 inside.
		const u: Point[] = [
			[0, 0],
			[10, 0],
			[10, 14],
			[8, 14],
			[8, 2],
			[2, 2],
			[2, 14],
			[0, 14]
		];
		const out = clipOpenRing(u, [0, 0, 10, 6]);
		expect(area(out)).toBeCloseTo(2 * 2 * 4 + 10 * 2);
	});

	it('finds the crossing on a slanted edge, in pixels (y down) as in lon/lat', () => {
		const out = clipOpenRing(
			[
				[0, 0],
				[20, 10],
				[0, 10]
			],
			[0, 0, 10, 100]
		);
		// The slanted edge meets x = 10 at y = 5.
		expect(out).toContainEqual([10, 5]);
		expect(area(out)).toBeCloseTo(100 - 25);
	});
});

describe('the data build’s closed rings', () => {
	const box: Box = [35, 32, 42, 37];

	it('closes a clipped ring and drops one that only runs along the edge', () => {
		const ring = clipRing(closedRect(34, 33, 36, 34), box)!;
		expect(ring[0]).toEqual(ring[ring.length - 1]);
		expect(Math.abs(ringArea2(ring)) / 2).toBeCloseTo(1);
		expect(clipRing(closedRect(30, 33, 35, 34), box)).toBeNull();
	});

	it('drops a polygon wholly outside and keeps a multipolygon’s inside parts', () => {
		const square = (x: number, y: number) => closedRect(x, y, x + 1, y + 1);
		expect(clipGeometry({ type: 'Polygon', coordinates: [square(50, 50)] }, box)).toBeNull();
		const kept = clipGeometry(
			{ type: 'MultiPolygon', coordinates: [[square(36, 33)], [square(50, 50)], [square(40, 35)]] },
			box
		);
		expect(kept).toEqual({
			type: 'MultiPolygon',
			coordinates: [[square(36, 33)], [square(40, 35)]]
		});
	});
});
