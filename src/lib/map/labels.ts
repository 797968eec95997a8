import type { Box, MapLabel, Placement } from './types';

/** A label to place: everything but where its text goes. */
export type LabelCandidate = Omit<MapLabel, 'placement'>;

/** The smallest framing box the piece is laid out for (a 320–390 px phone, map above the cards). */
export const NOMINAL_FRAME = { width: 300, height: 420 };
/** Gap between a dot and its text, px. */
const GAP = 6;
const DOT_RADIUS = 4;
const LINE_HEIGHT = 16;

type Rect = [number, number, number, number];

/** Text width in px, estimated from the label style (no DOM at build time; errs wide). */
export function textWidth(label: Pick<MapLabel, 'text' | 'style'>): number {
	const perChar = label.style === 'country' || label.style === 'sea' ? 0.82 * 12 : 0.56 * 14;
	return Math.ceil(label.text.length * perChar) + 2;
}

function rectFor(x: number, y: number, w: number, h: number, placement: Placement): Rect {
	switch (placement) {
		case 'right':
			return [x + GAP, y - h / 2, x + GAP + w, y + h / 2];
		case 'left':
			return [x - GAP - w, y - h / 2, x - GAP, y + h / 2];
		case 'above':
			return [x - w / 2, y - GAP - h, x + w / 2, y - GAP];
		case 'below':
			return [x - w / 2, y + GAP, x + w / 2, y + GAP + h];
		case 'center':
			return [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
	}
}

const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Places labels greedily in priority order (the order given) so that no two collide and none covers
 * another label's dot, at the smallest framing box the piece is laid out for. Larger screens show the
 * same box bigger, so what does not collide there does not collide anywhere. Labels that fit nowhere
 * are left off the view rather than drawn over each other.
 */
export function placeLabels(
	candidates: LabelCandidate[],
	box: Box,
	frame = NOMINAL_FRAME
): MapLabel[] {
	const [x0, y0, x1, y1] = box;
	const k = Math.min(frame.width / (x1 - x0), frame.height / (y1 - y0));
	const toPx = (x: number, y: number): [number, number] => [(x - x0) * k, (y - y0) * k];
	const bounds: Rect = [0, 0, (x1 - x0) * k, (y1 - y0) * k];
	const inside = (r: Rect) =>
		r[0] >= bounds[0] + 2 &&
		r[1] >= bounds[1] + 2 &&
		r[2] <= bounds[2] - 2 &&
		r[3] <= bounds[3] - 2;

	const dots: { id: string; rect: Rect }[] = candidates
		.filter((c) => c.dot)
		.map((c) => {
			const [px, py] = toPx(c.x, c.y);
			return {
				id: c.id,
				rect: [px - DOT_RADIUS, py - DOT_RADIUS, px + DOT_RADIUS, py + DOT_RADIUS] as Rect
			};
		});
	const taken: Rect[] = [];
	const placed: MapLabel[] = [];
	for (const c of candidates) {
		const [px, py] = toPx(c.x, c.y);
		if (px < 0 || py < 0 || px > bounds[2] || py > bounds[3]) continue;
		const own = dots.find((d) => d.id === c.id)?.rect;
		// A dot under another label's text, or on a placed dot, would be unreadable: leave it off.
		if (own && taken.some((t) => overlaps(t, own))) continue;
		const w = textWidth(c);
		const order: Placement[] = c.dot
			? ['right', 'left', 'above', 'below']
			: ['center', 'above', 'below'];
		for (const placement of order) {
			const r = rectFor(px, py, w, LINE_HEIGHT, placement);
			if (!inside(r)) continue;
			if (taken.some((t) => overlaps(t, r))) continue;
			if (dots.some((d) => d.id !== c.id && overlaps(d.rect, r))) continue;
			taken.push(r);
			if (own) taken.push(own);
			placed.push({ ...c, placement });
			break;
		}
	}
	return placed;
}
