/** Types shared by the map modules. World units are projected kilometres (see projection.ts). */

import type { LabelStyle, LayerMeta } from './layers.js';

export type { LabelStyle, LayerMeta };

/** A view to draw, as the copy (data/copy/views.aml) specifies it. */
export interface ViewSpec {
	id: string;
	/** Feature or place ids to fit, or a lon/lat box. */
	frame: { ids: string[] } | { bbox: [number, number, number, number] };
	/** Extra room around the frame, in km. */
	margin: number;
	/** Layer names (data/map/layers.json groups), checked against the map data. */
	layers: string[];
	highlight: string[];
	labels: string[];
	/** Labels that carry their dated note (data/facts/dates.json), by feature id. */
	notes: string[];
	/** A line drawn progressively through the step. */
	route?: string;
	/** One sentence describing what the map shows. */
	description: string;
	/** Where the view starts in the views file (its `id:` line), and where each of its keys is set. */
	line: number;
	keyLines?: Record<string, number>;
}

/** A dated note a label may carry (data/facts/dates.json), by the feature it is about. */
export interface DatedNote {
	feature?: string;
	note: string;
}

/** [x0, y0, x1, y1] in world units, y pointing down. */
export type Box = [number, number, number, number];

/** The camera: the world point at the centre of the framing box, and the world width shown across it. */
export interface Camera {
	x: number;
	y: number;
	/** World units visible across the framing box's width. */
	w: number;
}

export interface Size {
	width: number;
	height: number;
}

export type Placement =
	| 'right'
	| 'left'
	| 'above'
	| 'below'
	| 'above-right'
	| 'below-right'
	| 'above-left'
	| 'below-left'
	| 'center';

export interface MapLabel {
	id: string;
	text: string;
	/** Anchor point, world units. */
	x: number;
	y: number;
	/** Its place in the type hierarchy: countries, seas, water, areas, places. */
	style: LabelStyle;
	/** A place's rank (capitals, cities, towns are set in three sizes). */
	rank?: 'capital' | 'city' | 'town';
	/** A dated note on a second line (data/facts/dates.json), e.g. "retaken 2017". */
	note?: string;
	/** Draw a dot at the anchor (places). */
	dot: boolean;
	/** Where the text sits relative to the anchor. */
	placement: Placement;
	/** Its font, as CSS (label-styles.js: the widths it was placed with). */
	css: string;
	/** The note's font, as CSS. */
	noteCss?: string;
	/** Drawn by hand: the reader is told it is approximate. */
	approximate: boolean;
	/** In the accent colour. */
	highlight: boolean;
}

/** A view ready to draw: everything in world units, computed once at build time. */
export interface MapView {
	id: string;
	description: string;
	/** The base layers it draws, in drawing order. */
	layers: DrawnLayer[];
	/** Drawn features (countries, areas, lines) to highlight; hand-drawn ones stay dashed. */
	highlight: { id: string; approximate: boolean; line: boolean }[];
	/** What the camera must show, margin included. */
	box: Box;
	labels: MapLabel[];
	/** A line drawn progressively with the step's progress. */
	route?: { id: string; points: [number, number][] };
	/** A scale bar: its length in km and in world units. */
	scale: { km: number; units: number };
	/** Show the locator inset (the view is zoomed in). */
	locator: boolean;
	/** The view shows hand-drawn shapes: say they are approximate. */
	approximate: boolean;
	/** Its source line: the credit of every layer it draws or names a feature of, in order. */
	credits: string[];
}

/** A base layer as a view draws it: its id (`#base-<id>`) and the style it is drawn in. */
export interface DrawnLayer {
	id: string;
	role: string;
}

/** The drawn base map: SVG markup for each layer, in drawing order, in world units. Rendered on the
 *  server only. */
export interface Basemap {
	layers: (DrawnLayer & {
		markup: string;
		/** A raster layer's picture: its file in data/build and the world box it covers. */
		image?: { file: string; box: Box };
		/** A raster layer's filter with its picture's address in place, for readers without scripts
		 *  (the live map's waits for the page to paint: see Story's <noscript>). */
		noscript?: string;
	})[];
}
