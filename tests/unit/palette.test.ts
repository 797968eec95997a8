import { describe, expect, it } from 'vitest';
import { contrast, dark, light, type Palette } from '../../src/lib/theme/palette';

type Key = keyof Palette;
/** Text on its background: 4.5:1 (WCAG 1.4.3). */
const TEXT: [Key, Key][] = [
	['ink', 'paper'],
	['inkMuted', 'paper'],
	['ink', 'card'],
	['accentInk', 'paper'],
	['accentInk', 'card'],
	['mapInk', 'mapHalo'],
	['mapMuted', 'mapLand'],
	['mapMuted', 'mapHalo'],
	['accentInk', 'mapHalo'],
	['mapWaterInk', 'mapHalo'],
	['mapInk', 'mapSea'],
	['mapMuted', 'mapSea']
];
/** Map shapes and lines that carry meaning, against what surrounds them: 3:1 (WCAG 1.4.11). */
const GRAPHICS: [Key, Key][] = [
	['mapBorder', 'mapLand'],
	['mapDesertEdge', 'mapLand'],
	['mapDesertEdge', 'mapDesert'],
	['mapRunway', 'mapLand'],
	['mapAreaEdge', 'mapLand'],
	['mapAreaEdge', 'mapUrban'],
	['mapWater', 'mapLand'],
	['mapWater', 'mapDesert'],
	['mapRoad', 'mapLand'],
	['mapRoad', 'mapUrban'],
	['accent', 'mapLand'],
	['accent', 'mapDesert'],
	['accent', 'mapUrban'],
	['mapInk', 'mapLand'],
	['mapInk', 'mapDesert'],
	['focus', 'paper'],
	['focus', 'card'],
	['accent', 'paper']
];

describe.each([
	['light', light],
	['dark', dark]
] as const)('the %s palette', (_name, p) => {
	it.each(TEXT)('text %s on %s is at least 4.5:1', (fg, bg) => {
		expect(contrast(p[fg], p[bg])).toBeGreaterThanOrEqual(4.5);
	});
	it.each(GRAPHICS)('map mark %s against %s is at least 3:1', (fg, bg) => {
		expect(contrast(p[fg], p[bg])).toBeGreaterThanOrEqual(3);
	});
});

describe('contrast()', () => {
	it('matches WCAG reference values', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
		expect(contrast('#ffffff', '#ffffff')).toBe(1);
	});
});
