/** Types shared by the map modules. World units are projected kilometres (see projection.ts). */

import type { Layer } from '$lib/story/types';

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

export type Placement = 'right' | 'left' | 'above' | 'below' | 'center';

export interface MapLabel {
	id: string;
	text: string;
	/** Anchor point, world units. */
	x: number;
	y: number;
	kind: 'country' | 'area' | 'line' | 'place';
	/** Draw a dot at the anchor (places). */
	dot: boolean;
	/** Where the text sits relative to the anchor. */
	placement: Placement;
	/** Drawn by hand: the reader is told it is approximate. */
	approximate: boolean;
	/** In the accent colour. */
	highlight: boolean;
}

/** A view ready to draw: everything in world units, computed once at build time. */
export interface MapView {
	id: string;
	description: string;
	layers: Layer[];
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
}

/** The drawn base map: SVG markup for each layer, in world units. Rendered on the server only. */
export interface Basemap {
	layers: Record<Layer, string>;
}
