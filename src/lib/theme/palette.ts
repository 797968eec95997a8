/**
 * The piece's two palettes, light and dark, as data: the CSS custom properties are generated from
 * them and a unit test holds every pair that carries meaning to WCAG contrast (text 4.5:1, map
 * shapes and lines 3:1 against what surrounds them).
 */
export interface Palette {
	paper: string;
	ink: string;
	inkMuted: string;
	card: string;
	rule: string;
	/** The one accent colour: highlights, the route, the active step. */
	accent: string;
	/** Accent for text (stronger, for 4.5:1). */
	accentInk: string;
	/** Translucent accent wash inside highlighted shapes (decorative; the outline carries meaning). */
	accentFill: string;
	mapSea: string;
	mapLand: string;
	mapBorder: string;
	mapDesert: string;
	mapDesertEdge: string;
	/** Built-up areas (context: no meaning rests on them alone). */
	mapUrban: string;
	/** Runways, drawn as shapes. */
	mapRunway: string;
	/** Translucent wash for hand-drawn areas (decorative; the dashed edge carries meaning). */
	mapArea: string;
	mapAreaEdge: string;
	mapWater: string;
	mapWaterInk: string;
	mapRoad: string;
	mapInk: string;
	mapMuted: string;
	/** The halo behind map labels. */
	mapHalo: string;
	/** How strongly the shaded relief (overlay-neutral: mid-grey changes nothing) is laid over the
	 *  land, in hard-light (raster-shade.ts). */
	reliefOpacity: string;
	focus: string;
}

/** How the shaded relief is laid over the land, in every theme (src/lib/map/raster-shade.ts draws the
 *  same with no blend). */
export const RELIEF_BLEND = 'hard-light';

export const light: Palette = {
	paper: '#fbfaf7',
	ink: '#1c1c1c',
	inkMuted: '#555049',
	card: '#ffffff',
	rule: '#d8d4cc',
	accent: '#b3261e',
	accentInk: '#9c1f18',
	accentFill: 'rgb(179 38 30 / 0.14)',
	mapSea: '#d9e3ea',
	mapLand: '#f4f1ea',
	mapBorder: '#807a70',
	mapDesert: '#eadfc6',
	mapDesertEdge: '#86672f',
	mapUrban: '#e6e1d8',
	mapRunway: '#8d877c',
	mapArea: 'rgb(120 110 95 / 0.10)',
	mapAreaEdge: '#6f675c',
	mapWater: '#3f7bab',
	mapWaterInk: '#2a5a82',
	mapRoad: '#66604f',
	mapInk: '#2a2723',
	mapMuted: '#5a544c',
	mapHalo: '#f4f1ea',
	reliefOpacity: '0.35',
	focus: '#1a5fb4'
};

export const dark: Palette = {
	paper: '#141414',
	ink: '#ecebe8',
	inkMuted: '#b4afa7',
	card: '#1d1c1b',
	rule: '#3d3a36',
	accent: '#ff6a5c',
	accentInk: '#ff8b7f',
	accentFill: 'rgb(255 106 92 / 0.16)',
	mapSea: '#17232c',
	mapLand: '#2a2825',
	mapBorder: '#9a948b',
	mapDesert: '#3e3626',
	mapDesertEdge: '#cfa862',
	mapUrban: '#34312d',
	mapRunway: '#7a756d',
	mapArea: 'rgb(236 232 225 / 0.08)',
	mapAreaEdge: '#b9b2a6',
	mapWater: '#6fa8d8',
	mapWaterInk: '#9cc8ec',
	mapRoad: '#bdb6aa',
	mapInk: '#eeeae3',
	mapMuted: '#c2bcb2',
	mapHalo: '#2a2825',
	reliefOpacity: '0.25',
	focus: '#8cb8ff'
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** `--paper: #fbfaf7; --ink: …` for a palette. */
export function cssVariables(p: Palette): string {
	return Object.entries(p)
		.map(([k, v]) => `--${kebab(k)}:${v}`)
		.join(';');
}

/** The stylesheet that applies the palettes: light by default, dark when the reader's system asks
 *  for it, either forced by `<html data-theme="light|dark">` (from `?theme=`), light in print. */
export function themeStylesheet(): string {
	return [
		`:root{color-scheme:light;${cssVariables(light)}}`,
		// Dark is for screens only: print is dark on white, whatever the screen shows.
		`@media screen and (prefers-color-scheme: dark){:root:not([data-theme=light]){color-scheme:dark;${cssVariables(dark)}}}`,
		`@media screen{:root[data-theme=dark]{color-scheme:dark;${cssVariables(dark)}}}`,
		`@media print{:root{--paper:#ffffff}}`
	].join('\n');
}

/** WCAG 2 relative luminance of an opaque #rrggbb colour. */
export function luminance(hex: string): number {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`not an opaque #rrggbb colour: ${hex}`);
	const [r, g, b] = m.slice(1).map((h) => {
		const c = parseInt(h, 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two opaque colours. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
