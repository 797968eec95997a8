import { describe, expect, it } from 'vitest';
import { geoPath } from 'd3-geo';
import topology from '../../data/build/map.topo.json';
import type { Topology } from 'topojson-specification';
import { MapData } from '../../src/lib/map/geometry';
import { SvgPath } from '../../src/lib/map/svg-path';

/** The absolute points of each subpath of path data written with m/l/z and implicit line-tos. */
function points(d: string): [number, number][][] {
	const tokens = d.match(/[mlzMLZ]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
	const subpaths: [number, number][][] = [];
	let x = 0;
	let y = 0;
	let command = '';
	let start: [number, number] = [0, 0];
	for (let i = 0; i < tokens.length;) {
		const t = tokens[i];
		if (/[a-z]/i.test(t)) {
			command = t;
			i++;
			if (t === 'z' || t === 'Z') [x, y] = start;
			continue;
		}
		const dx = Number(tokens[i]);
		const dy = Number(tokens[i + 1]);
		i += 2;
		const absolute = command === 'M' || command === 'L';
		x = absolute ? dx : x + dx;
		y = absolute ? dy : y + dy;
		if (command === 'm' || command === 'M') {
			start = [x, y];
			subpaths.push([[x, y]]);
			command = command === 'm' ? 'l' : 'L';
		} else subpaths[subpaths.length - 1].push([x, y]);
	}
	return subpaths;
}

describe('short SVG path data', () => {
	const map = new MapData(topology as unknown as Topology);

	it('draws the same shapes as d3’s absolute paths, to the rounding asked for', () => {
		for (const id of ['syria', 'iraq', 'badia', 'airport-road', 'euphrates']) {
			const f = map.entries.get(id)!.feature;
			for (const digits of [1, 3]) {
				const context = new SvgPath(digits);
				geoPath(map.projection, context)(f);
				const ours = points(context.result());
				const d3 = points(geoPath(map.projection).digits(6)(f) ?? '');
				// Ours drops only zero-length steps: every point it writes is one of d3's, within half a
				// unit of the last decimal kept.
				const flat = d3.flat();
				const tolerance = 0.5 * 10 ** -digits + 1e-9;
				for (const [x, y] of ours.flat()) {
					expect(
						flat.some(([a, b]) => Math.abs(a - x) <= tolerance && Math.abs(b - y) <= tolerance),
						`${id} at ${digits} digits: (${x}, ${y})`
					).toBe(true);
				}
				expect(ours.length).toBeLessThanOrEqual(d3.length);
				expect(ours.flat().length).toBeGreaterThan(d3.flat().length * 0.5);
			}
		}
	});

	it('writes relative steps and leaves out subpaths that never move', () => {
		const context = new SvgPath(1);
		context.moveTo(100.04, 200.06);
		context.lineTo(100.04, 200.06); // a border reduced to a point
		context.closePath();
		context.moveTo(10, 20);
		context.lineTo(12.5, 19);
		context.lineTo(12.52, 19.01); // rounds to the same point: left out
		context.lineTo(15, 25);
		context.closePath();
		expect(context.result()).toBe('m10,20l2.5-1 2.5,6z');
	});
});
