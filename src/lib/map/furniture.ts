import type { MapView } from './types';
import { LINE_HEIGHT, textWidth, type FontMetrics, type LabelFont } from './label-styles.js';

// The map's furniture: the scale bar in the top left corner and, on a zoomed-in view, the locator inset
// in the top right. One place for where they sit and how large they are: their CSS takes it from here,
// and the label placer keeps every label off them.

/** Their distance from the map's edges, px. */
export const FURNITURE_MARGIN = 12;
/** The locator inset's side, px (inside its 1 px border). */
export const LOCATOR_SIZE = 84;
/** Its border, px. */
export const LOCATOR_BORDER = 1;
/** A view narrower than this, in world units, is zoomed in far enough to show the locator inset. */
export const LOCATOR_BELOW = 500;
/** The scale bar's figure ("5 km"): set in the map font, so that its width is known. */
export const SCALE_FONT: LabelFont = { face: 'regular', size: 12 };
/** The scale bar's bar: its height and the room under it, px (above its figure). */
export const SCALE_BAR_HEIGHT = 5;
export const SCALE_BAR_GAP = 3;
/** The bar's stroke (its sides and foot), px. */
export const SCALE_BAR_STROKE = 1.5;
/** Room kept between furniture and a label, px. */
const CLEARANCE = 3;

type Rect = [number, number, number, number];

/**
 * What the furniture covers on a map `width` px wide, drawn at `k` px per world unit: rectangles in
 * the map's pixels, each with what it is, for a label placer's message.
 */
export function furnitureRects(
	view: Pick<MapView, 'locator' | 'scale'>,
	width: number,
	k: number,
	metrics: FontMetrics
): { id: string; rect: Rect }[] {
	const m = FURNITURE_MARGIN;
	const c = CLEARANCE;
	const bar = view.scale.units * k + 2 * SCALE_BAR_STROKE;
	const figure = textWidth(metrics, `${view.scale.km} km`, SCALE_FONT);
	const scaleHeight =
		SCALE_BAR_HEIGHT + SCALE_BAR_STROKE + SCALE_BAR_GAP + SCALE_FONT.size * LINE_HEIGHT;
	const out: { id: string; rect: Rect }[] = [
		{
			id: 'the scale bar',
			rect: [m - c, m - c, m + Math.max(bar, figure) + c, m + scaleHeight + c]
		}
	];
	if (view.locator) {
		const side = LOCATOR_SIZE + 2 * LOCATOR_BORDER;
		out.push({
			id: 'the locator inset',
			rect: [width - m - side - c, m - c, width - m + c, m + side + c]
		});
	}
	return out;
}
