import type { Box, MapLabel, MapView, Placement } from './types';
import { DESKTOP_FRAME, PHONE_FRAME } from './screens.js';
import { furnitureRects } from './furniture';
import {
	LINE_HEIGHT,
	NOTE_FONT,
	cssFont,
	labelFont,
	textWidth,
	type FontMetrics
} from './label-styles.js';

/** A label to place: everything but where its text goes, and how it is set; `anchors` are other
 *  points it may stand at (along a line), tried after its own. */
export type LabelCandidate = Omit<MapLabel, 'placement' | 'css' | 'noteCss'> & {
	anchors?: [number, number][];
};

/** Gap between a dot and its text, px (MapDrawing's --gap); on a diagonal, each way (--diagonal). */
const GAP = 6;
const DIAGONAL = 4;
/** A dot's radius, px, with room around it: the largest dot (a highlighted place's) is 10 px. */
const DOT_RADIUS = 6;
/** Room kept clear inside the view's box, px. */
const INSET = 2;

type Rect = [number, number, number, number];

interface Frame {
	name: string;
	width: number;
	height: number;
}

/** The frames every label must fit: the phone and the desktop the piece is laid out for. A function,
 *  not a constant, so that the page's JavaScript, which places no labels, leaves it out. */
const labelFrames = (): Frame[] => [
	{ name: 'a phone', ...PHONE_FRAME },
	{ name: 'a desktop', ...DESKTOP_FRAME }
];

/** A label's text block, px: its width, its height (two lines with a note), and its first line's. */
export function labelSize(metrics: FontMetrics, label: LabelCandidate): [number, number, number] {
	const font = labelFont(label);
	let w = textWidth(metrics, label.text + (label.approximate ? '*' : ''), font);
	const first = font.size * LINE_HEIGHT;
	let h = first;
	if (label.note) {
		w = Math.max(w, textWidth(metrics, label.note, NOTE_FONT));
		h += NOTE_FONT.size * LINE_HEIGHT;
	}
	return [Math.ceil(w) + 1, Math.ceil(h), first];
}

/** The text block's rectangle; beside a dot, the first line (the name) is centred on the point. */
function rectFor(
	x: number,
	y: number,
	[w, h, first]: [number, number, number],
	placement: Placement
): Rect {
	switch (placement) {
		case 'right':
			return [x + GAP, y - first / 2, x + GAP + w, y - first / 2 + h];
		case 'left':
			return [x - GAP - w, y - first / 2, x - GAP, y - first / 2 + h];
		case 'above':
			return [x - w / 2, y - GAP - h, x + w / 2, y - GAP];
		case 'below':
			return [x - w / 2, y + GAP, x + w / 2, y + GAP + h];
		case 'above-right':
			return [x + DIAGONAL, y - DIAGONAL - h, x + DIAGONAL + w, y - DIAGONAL];
		case 'below-right':
			return [x + DIAGONAL, y + DIAGONAL, x + DIAGONAL + w, y + DIAGONAL + h];
		case 'above-left':
			return [x - DIAGONAL - w, y - DIAGONAL - h, x - DIAGONAL, y - DIAGONAL];
		case 'below-left':
			return [x - DIAGONAL - w, y + DIAGONAL, x - DIAGONAL, y + DIAGONAL + h];
		case 'center':
			return [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
	}
}

const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Where a label's text may go, in the order tried. */
const orderFor = (c: LabelCandidate): Placement[] =>
	c.dot
		? ['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left']
		: ['center', 'above', 'below'];

/**
 * Places labels greedily in priority order (the order given) so that none leaves the view's box, no
 * two collide, none covers another label's dot and none runs under the map's furniture (the scale bar,
 * the locator inset), on every frame the piece is laid out for (text keeps its size while the map
 * scales, so each frame is checked). A label that fits nowhere is not left off in silence: it comes
 * back in `problems`, with why.
 */
export function placeLabels(
	candidates: LabelCandidate[],
	box: Box,
	metrics: FontMetrics,
	furniture: Pick<MapView, 'locator' | 'scale'> | null = null,
	frames: Frame[] = labelFrames()
): { placed: MapLabel[]; problems: { id: string; why: string }[] } {
	const [x0, y0, x1, y1] = box;
	const scaled = frames.map((frame) => {
		const k = Math.min(frame.width / (x1 - x0), frame.height / (y1 - y0));
		// The box is centred in the frame (frame.ts); the furniture sits at the frame's corners.
		const ox = (frame.width - (x1 - x0) * k) / 2;
		const oy = (frame.height - (y1 - y0) * k) / 2;
		const taken = furniture
			? furnitureRects(furniture, frame.width, k, metrics).map(({ id, rect }) => ({
					id,
					rect: [rect[0] - ox, rect[1] - oy, rect[2] - ox, rect[3] - oy] as Rect
				}))
			: [];
		return {
			frame,
			toPx: (x: number, y: number): [number, number] => [(x - x0) * k, (y - y0) * k],
			bounds: [INSET, INSET, (x1 - x0) * k - INSET, (y1 - y0) * k - INSET] as Rect,
			taken
		};
	});
	const dotsOn = (s: (typeof scaled)[number]) =>
		candidates
			.filter((c) => c.dot)
			.map((c) => {
				const [px, py] = s.toPx(c.x, c.y);
				const r = DOT_RADIUS;
				return { id: c.id, rect: [px - r, py - r, px + r, py + r] as Rect };
			});
	const dots = scaled.map(dotsOn);
	const inside = (r: Rect, b: Rect) => r[0] >= b[0] && r[1] >= b[1] && r[2] <= b[2] && r[3] <= b[3];

	const placed: MapLabel[] = [];
	const problems: { id: string; why: string }[] = [];
	for (const c of candidates) {
		const size = labelSize(metrics, c);
		const font = labelFont(c);
		const trial = (placement: Placement, [x, y]: [number, number]) =>
			scaled.map((s, i) => {
				const [px, py] = s.toPx(x, y);
				const rect = rectFor(px, py, size, placement);
				const own = dots[i].find((d) => d.id === c.id)?.rect;
				const blockers = [
					...s.taken.filter((t) => overlaps(t.rect, rect) || (own && overlaps(t.rect, own))),
					...dots[i].filter((d) => d.id !== c.id && overlaps(d.rect, rect))
				].map((t) => t.id);
				return { s, rect, own, blockers, out: !inside(rect, s.bounds) };
			});
		const [ax, ay] = scaled[0].toPx(c.x, c.y);
		if (ax < 0 || ay < 0 || ax > scaled[0].bounds[2] + INSET || ay > scaled[0].bounds[3] + INSET) {
			problems.push({ id: c.id, why: "its point is outside the view's box" });
			continue;
		}
		const points: [number, number][] = [[c.x, c.y], ...(c.anchors ?? [])];
		const options = points.flatMap((at) =>
			orderFor(c).map((placement) => ({ placement, at, on: trial(placement, at) }))
		);
		const fit = options.find((o) => o.on.every((t) => !t.out && t.blockers.length === 0));
		if (!fit) {
			problems.push({ id: c.id, why: whyNot(options) });
			continue;
		}
		for (const t of fit.on) {
			t.s.taken.push({ id: c.id, rect: t.rect });
			if (t.own) t.s.taken.push({ id: c.id, rect: t.own });
		}
		const { anchors: _others, ...label } = c;
		placed.push({
			...label,
			x: fit.at[0],
			y: fit.at[1],
			placement: fit.placement,
			css: cssFont(font),
			...(c.note ? { noteCss: cssFont(NOTE_FONT) } : {})
		});
	}
	return { placed, problems };
}

/** Why no placement fits: what is in the way, and on which frames (or that the box is too small). */
function whyNot(
	options: { on: { s: { frame: Frame }; out: boolean; blockers: string[] }[] }[]
): string {
	const blockers = new Set<string>();
	const frames = new Set<string>();
	let offEdge = false;
	for (const o of options) {
		for (const t of o.on) {
			if (t.out) offEdge = true;
			if (t.blockers.length === 0) continue;
			t.blockers.forEach((b) => blockers.add(b));
			frames.add(`${t.s.frame.name} (${t.s.frame.width}×${t.s.frame.height})`);
		}
	}
	if (blockers.size === 0) return "it runs off the view's box wherever it goes";
	const list = [...blockers].map((b) => `"${b}"`).join(', ');
	return `it would cover ${list} on ${[...frames].join(' and ')}${offEdge ? ", or run off the view's box" : ''}`;
}
