import { describe, expect, it } from 'vitest';
import { nextRedraw, sampleFlight, type Flight } from '../../src/lib/map/camera';
import { windowOf } from '../../src/lib/map/frame';
import { locatorTransforms } from '../../src/lib/map/locator';
import { LOCATOR_SIZE } from '../../src/lib/map/furniture';

type Window = [number, number, number, number];

/** A flight that zooms in at a steady rate: width 64 → 1 over `duration` ms. */
function zoomIn(duration: number): Flight {
	return { start: 0, duration, at: (t) => ({ x: 10, y: 20, w: 64 * 64 ** -(t / duration) }) };
}

describe('sampleFlight: the frames a flight is keyed on', () => {
	const size = { width: 400, height: 300 };

	it('samples at least 30 times a second, from take-off to landing', () => {
		const flight = zoomIn(1000);
		const { offsets, windows } = sampleFlight(flight, size);
		expect(offsets[0]).toBe(0);
		expect(offsets.at(-1)).toBe(1);
		expect(offsets.length).toBe(windows.length);
		const gaps = offsets.slice(1).map((o, i) => (o - offsets[i]) * flight.duration);
		expect(Math.max(...gaps)).toBeLessThanOrEqual(1000 / 30 + 1e-9);
		expect(windows[0]).toEqual(windowOf(flight.at(0), size));
		expect(windows.at(-1)).toEqual(windowOf(flight.at(1000), size));
	});

	it('keys a very short flight on its two ends', () => {
		const { offsets } = sampleFlight(zoomIn(1), size);
		expect(offsets).toEqual([0, 1]);
	});
});

describe('nextRedraw: where a picture of the map has been scaled too far', () => {
	// Windows of width 1, 1.2, 1.44, … (each 1.2× the last), then back to 1.
	const widths = [1, 1.2, 1.44, 1.728, 2.0736, 1];
	const windows = widths.map((w) => [0, 0, w, w] as Window);

	it('finds the first window zoomed out more than the ratio from the one drawn', () => {
		expect(nextRedraw(windows, 0, 1.4)).toBe(2); // 1.44 > 1.4
		expect(nextRedraw(windows, 2, 1.4)).toBe(4); // 2.0736 / 1.44 = 1.44
	});

	it('counts zooming in as well as out', () => {
		expect(nextRedraw(windows, 4, 1.4)).toBe(5); // 2.0736 → 1
	});

	it('is -1 when the flight lands before the picture needs drawing again', () => {
		expect(nextRedraw(windows, 0, 3)).toBe(-1);
		expect(nextRedraw(windows, 5, 1.4)).toBe(-1);
	});
});

describe("locatorTransforms: the camera's window on the locator inset", () => {
	/** The four bars' rectangles [x, y, width, height] in px, from their transforms. */
	function bars(transforms: string[]) {
		return transforms.map((t, i) => {
			const [x, y] = t
				.match(/translate\(([-\d.]+)px,([-\d.]+)px\)/)!
				.slice(1)
				.map(Number);
			const s = Number(t.match(/scale[XY]\(([-\d.]+)\)/)![1]);
			return i < 2 ? [x, y, s, 2] : [x, y, 2, s];
		});
	}

	it('outlines the window 2 px thick, centred on its edges, in a square inset that fits the box', () => {
		// A box twice as wide as tall: 84 px across, 42 px down, centred (21 px above and below).
		const box: Window = [100, 50, 200, 100];
		const win: Window = [150, 75, 50, 25]; // a quarter of the box's width, starting a quarter in
		const [top, bottom, left, right] = bars(locatorTransforms(win, box, LOCATOR_SIZE));
		const k = LOCATOR_SIZE / 200;
		const x = 50 * k;
		const y = 21 + 25 * k;
		[x - 1, y - 1, 50 * k + 2, 2].forEach((n, i) => expect(top[i]).toBeCloseTo(n, 2));
		expect(bottom[1]).toBeCloseTo(y + 25 * k - 1, 2);
		[x - 1, y - 1, 2, 25 * k + 2].forEach((n, i) => expect(left[i]).toBeCloseTo(n, 2));
		expect(right[0]).toBeCloseTo(x + 50 * k - 1, 2);
	});
});
