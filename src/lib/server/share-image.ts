/**
 * The 1200×630 share image (og:image), drawn at build time from the same map data and view as the
 * page: the headline on the left, the view named by `image:` in the copy on the right, with its
 * labels, the approximate note and the source line. Rendered to PNG with resvg and fonts kept in
 * data/fonts, so the image is the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { frameFor, windowOf } from '$lib/map/frame';
import { APPROXIMATE_NOTE, sourceLine } from '$lib/map/sources';
import { RELIEF_BLEND, light as p } from '$lib/theme/palette';
import type { Basemap, MapLabel, MapView } from '$lib/map/types';
import type { StoryMeta } from '$lib/story/types';

export const SHARE_SIZE = { width: 1200, height: 630 } as const;
const FONT_FILES = [
	'data/fonts/LiberationSerif-Bold.ttf',
	'data/fonts/LiberationSans-Regular.ttf',
	'data/fonts/LiberationSans-Bold.ttf',
	'data/fonts/LiberationSans-Italic.ttf'
];
const SERIF = 'Liberation Serif';
const SANS = 'Liberation Sans';

/** The text column on the left; the map fills the rest. */
const TEXT = { x: 56, width: 380 };
const MAP = { x: 480, y: 0, width: SHARE_SIZE.width - 480, height: SHARE_SIZE.height };

/** A fill for resvg, which reads no CSS Color 4: `rgb(r g b / a)` becomes `rgb(r,g,b)` and an opacity. */
function fill(color: string): string {
	const m = /^rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)$/.exec(color);
	return m ? `fill:rgb(${m[1]},${m[2]},${m[3]});fill-opacity:${m[4]}` : `fill:${color}`;
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words into lines no wider than `width`, at an average glyph width of `em` × the font size. */
function wrap(text: string, size: number, width: number, em = 0.52): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/)) {
		const line = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
		if (lines.length && line.length * size * em <= width) lines[lines.length - 1] = line;
		else lines.push(word);
	}
	return lines;
}

/** Text anchor, and offsets in px from the label's point, for each placement. */
const PLACE: Record<MapLabel['placement'], [string, number, number]> = {
	right: ['start', 9, 0],
	left: ['end', -9, 0],
	above: ['middle', 0, -13],
	below: ['middle', 0, 15],
	'above-right': ['start', 6, -12],
	'below-right': ['start', 6, 14],
	'above-left': ['end', -6, -12],
	'below-left': ['end', -6, 14],
	center: ['middle', 0, 0]
};

/** The share image as SVG (exported for tests). */
export function shareSvg(meta: StoryMeta, view: MapView, basemap: Basemap): string {
	const size = { width: MAP.width, height: MAP.height };
	const win = windowOf(frameFor(view.box, size), size);
	const k = MAP.width / win[2]; // px per world unit
	const px = (n: number) => +(n / k).toFixed(3); // a width in px, in world units
	const at = (x: number, y: number) => [MAP.x + (x - win[0]) * k, MAP.y + (y - win[1]) * k];

	// Layers as the page draws them, by role; strokes in world units (resvg is given no non-scaling
	// strokes).
	const style = `
		.land{fill:${p.mapLand};stroke:none}
		.borders{fill:none;stroke:${p.mapBorder};stroke-width:${px(1.25)}}
		.desert{fill:${p.mapDesert};stroke:${p.mapDesertEdge};stroke-width:${px(1.5)};stroke-dasharray:${px(6)} ${px(4)}}
		.urban{fill:${p.mapUrban};stroke:none}
		.water{fill:${p.mapSea};stroke:${p.mapWater};stroke-width:${px(1)}}
		.runway{fill:${p.mapRunway};stroke:none}
		.area{${fill(p.mapArea)};stroke:${p.mapAreaEdge};stroke-width:${px(1.25)};stroke-dasharray:${px(4)} ${px(3)}}
		.river{fill:none;stroke:${p.mapWater};stroke-width:${px(2)};stroke-linejoin:round;stroke-linecap:round}
		.road{fill:none;stroke:${p.mapRoad};stroke-width:${px(2.5)};stroke-dasharray:${px(6)} ${px(3)}}
		.hl{${fill(p.accentFill)};stroke:${p.accent};stroke-width:${px(2.5)};stroke-linejoin:round}
		.hl.line{fill:none;stroke-width:${px(4)}}
		.hl.approx{stroke-dasharray:${px(7)} ${px(4)}}`;
	const shown = new Set(view.layers.map((l) => l.id));
	const layers = basemap.layers
		.filter((layer) => shown.has(layer.id))
		.map((layer) => {
			if (!layer.image)
				return `<g class="${layer.role}">${layer.markup.replaceAll(' vector-effect="non-scaling-stroke"', '')}</g>`;
			// A raster layer (the relief): its picture inline, laid over the land as the page lays it.
			const [x0, y0, x1, y1] = layer.image.box;
			const data = readFileSync(`data/build/${layer.image.file}`).toString('base64');
			return `<image x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" preserveAspectRatio="none" style="mix-blend-mode:${RELIEF_BLEND};opacity:${p.reliefOpacity}" href="data:image/jpeg;base64,${data}"/>`;
		})
		.join('');
	const highlights = view.highlight
		.map(
			(h) =>
				`<use href="#m-${h.id}" class="hl${h.approximate ? ' approx' : ''}${h.line ? ' line' : ''}"/>`
		)
		.join('');

	// Borders again on top: the desert and the highlight would hide where Syria ends and Iraq begins.
	const borders = view.layers.some((l) => l.role === 'land')
		? '<use href="#m-borders" class="borders"/>'
		: '';

	const dots = view.labels
		.filter((l) => l.dot)
		.map((l) => {
			const [x, y] = at(l.x, l.y);
			const fill = l.highlight ? p.accent : p.mapInk;
			return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${l.highlight ? 6 : 4.5}" fill="${fill}" stroke="${p.mapHalo}" stroke-width="1.5"/>`;
		})
		.join('');
	const labels = view.labels
		.map((l) => {
			const [x, y] = at(l.x, l.y);
			const [anchor, dx, dy] = PLACE[l.placement];
			const country = l.style === 'country';
			const water = l.style === 'water' || l.style === 'sea';
			const italic = l.style === 'area' || water;
			const fill = l.highlight
				? p.accentInk
				: water
					? p.mapWaterInk
					: country
						? p.mapMuted
						: p.mapInk;
			const text = (country ? l.text.toUpperCase() : l.text) + (l.approximate ? '*' : '');
			return `<text x="${(x + dx).toFixed(1)}" y="${(y + dy).toFixed(1)}" dy="0.35em" text-anchor="${anchor}" font-family="${SANS}" font-size="${country ? 17 : 21}" font-weight="${l.highlight || !(country || italic) ? 700 : 400}"${italic ? ' font-style="italic"' : ''}${country ? ' letter-spacing="2"' : ''} fill="${fill}" stroke="${p.mapHalo}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escape(text)}</text>`;
		})
		.join('');

	const titleSize = 64;
	const titleLines = wrap(meta.title, titleSize, TEXT.width);
	const title = titleLines
		.map(
			(line, i) => `<tspan x="${TEXT.x}" dy="${i ? titleSize * 1.05 : 0}">${escape(line)}</tspan>`
		)
		.join('');
	const dekTop = 150 + titleSize * 1.05 * (titleLines.length - 1) + 56;
	const dek = wrap(meta.dek, 28, TEXT.width, 0.48)
		.map((line, i) => `<tspan x="${TEXT.x}" dy="${i ? 36 : 0}">${escape(line)}</tspan>`)
		.join('');
	const noteLines = [
		...(view.approximate ? [APPROXIMATE_NOTE] : []),
		...wrap(sourceLine(view.credits), 14, TEXT.width + 20, 0.47)
	];
	const notes = noteLines
		.map((line, i) => `<tspan x="${TEXT.x}" dy="${i ? 20 : 0}">${escape(line)}</tspan>`)
		.join('');

	return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_SIZE.width}" height="${SHARE_SIZE.height}" viewBox="0 0 ${SHARE_SIZE.width} ${SHARE_SIZE.height}">
<style>${style}</style>
<defs><clipPath id="map-clip"><rect x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}"/></clipPath></defs>
<rect width="100%" height="100%" fill="${p.paper}"/>
<g clip-path="url(#map-clip)">
<rect x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}" fill="${p.mapSea}"/>
<g transform="translate(${MAP.x - win[0] * k} ${MAP.y - win[1] * k}) scale(${k})">${layers}${highlights}${borders}</g>
${dots}${labels}
</g>
<rect x="${TEXT.x}" y="64" width="64" height="6" fill="${p.accent}"/>
<text x="${TEXT.x}" y="150" dy="0.35em" font-family="${SERIF}" font-weight="700" font-size="${titleSize}" fill="${p.ink}">${title}</text>
<text x="${TEXT.x}" y="${dekTop}" dy="0.35em" font-family="${SANS}" font-size="28" fill="${p.inkMuted}">${dek}</text>
<text x="${TEXT.x}" y="${SHARE_SIZE.height - 40 - 20 * (noteLines.length - 1)}" font-family="${SANS}" font-size="14" fill="${p.inkMuted}">${notes}</text>
</svg>`;
}

/** The share image as PNG bytes. */
export function sharePng(
	meta: StoryMeta,
	view: MapView,
	basemap: Basemap
): Uint8Array<ArrayBuffer> {
	const resvg = new Resvg(shareSvg(meta, view, basemap), {
		font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: SANS },
		fitTo: { mode: 'original' }
	});
	return new Uint8Array(resvg.render().asPng());
}
