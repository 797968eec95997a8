// The relief's blend-free drawing is the blended one: black or white at an alpha, laid on with no
// blend, gives what hard-light gives, over any colour beneath and at any opacity (the themes').
import { describe, expect, it } from 'vitest';
import { shadePixels } from '../../src/lib/map/raster-shade';
import { RELIEF_BLEND, light, dark } from '../../src/lib/theme/palette';

/** Hard-light of a grey g over a backdrop b (CSS Compositing and Blending), then at opacity a. */
function hardLight(b: number, g: number, a: number): number {
	const blended = g <= 0.5 ? b * 2 * g : b + (2 * g - 1) - b * (2 * g - 1);
	return (1 - a) * b + a * blended;
}

/** Source-over of a colour at an alpha, itself at opacity a, over b. */
const over = (b: number, c: number, alpha: number, a: number) => b + a * alpha * (c - b);

describe('shadePixels: the relief without a blend', () => {
	it('draws what hard-light draws, within a level, over any backdrop and at each theme’s opacity', () => {
		expect(RELIEF_BLEND).toBe('hard-light');
		const greys = Array.from({ length: 256 }, (_, g) => g);
		const data = new Uint8ClampedArray(greys.flatMap((g) => [g, g, g, 255]));
		shadePixels(data);
		for (const opacity of [light.reliefOpacity, dark.reliefOpacity, '1'].map(Number))
			for (const backdrop of [0, 0.16, 0.5, 0.92, 1])
				for (const g of greys) {
					const want = hardLight(backdrop, g / 255, opacity) * 255;
					const got = over(backdrop, data[g * 4] / 255, data[g * 4 + 3] / 255, opacity) * 255;
					expect(Math.abs(got - want), `grey ${g} over ${backdrop} at ${opacity}`).toBeLessThan(1);
				}
		// Neutral grey changes nothing: it is fully transparent.
		expect(data[128 * 4 + 3]).toBeLessThanOrEqual(1);
	});
});
