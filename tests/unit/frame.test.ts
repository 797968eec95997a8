import { describe, expect, it } from 'vitest';
import { frameFor, windowOf, grow, union, pictureTransform } from '../../src/lib/map/frame';
import { activeIndex, progressThrough } from '../../src/lib/scrolly/active';
import { partialLine } from '../../src/lib/map/route';
import { placeLabels } from '../../src/lib/map/labels';
import { textWidth } from '../../src/lib/map/label-styles.js';
import { readFileSync } from 'node:fs';
import type { Box } from '../../src/lib/map/types';

describe('frameFor: fitting a view into the part of the map the text leaves free', () => {
	it.each([
		// box, frame size, expected centre and world width across the frame
		[[0, 0, 100, 50], { width: 800, height: 800 }, 50, 25, 100], // wide box: width-bound
		[[0, 0, 100, 50], { width: 390, height: 555 }, 50, 25, 100],
		[[0, 0, 50, 100], { width: 800, height: 800 }, 25, 50, 100], // tall box: height-bound
		[[-10, -20, 10, 20], { width: 1200, height: 600 }, 0, 0, 80] // wide screen shows extra width
	] as [Box, { width: number; height: number }, number, number, number][])(
		'fits %j into %j',
		(box, size, x, y, w) => {
			const c = frameFor(box, size);
			expect(c.x).toBeCloseTo(x, 9);
			expect(c.y).toBeCloseTo(y, 9);
			expect(c.w).toBeCloseTo(w, 9);
		}
	);

	it('shows the whole box, touching the frame on one axis, at any screen shape', () => {
		const box: Box = [120, -340, 480, -90];
		for (const size of [
			{ width: 320, height: 400 },
			{ width: 390, height: 555 },
			{ width: 760, height: 800 },
			{ width: 1600, height: 500 }
		]) {
			const [x, y, w, h] = windowOf(frameFor(box, size), size);
			expect(x).toBeLessThanOrEqual(box[0] + 1e-9);
			expect(y).toBeLessThanOrEqual(box[1] + 1e-9);
			expect(x + w).toBeGreaterThanOrEqual(box[2] - 1e-9);
			expect(y + h).toBeGreaterThanOrEqual(box[3] - 1e-9);
			const k = size.width / frameFor(box, size).w; // px per world unit
			const fillsWidth = Math.abs((box[2] - box[0]) * k - size.width) < 1e-6;
			const fillsHeight = Math.abs((box[3] - box[1]) * k - size.height) < 1e-6;
			expect(fillsWidth || fillsHeight).toBe(true);
			// The window keeps the frame's aspect ratio, so SVG "meet" adds no letterbox of its own.
			expect(w / h).toBeCloseTo(size.width / size.height, 9);
		}
	});

	it('grows and unions boxes', () => {
		expect(grow([0, 0, 10, 10], 2)).toEqual([-2, -2, 12, 12]);
		expect(
			union([
				[0, 0, 1, 1],
				[5, -3, 6, 2]
			])
		).toEqual([0, -3, 6, 2]);
	});
});

describe('pictureTransform: a drawing moved and scaled as a picture between two drawings in flight', () => {
	/** Applies `translate(tx,ty) scale(a)` (origin top left) to a point. */
	const apply = (css: string, [x, y]: [number, number]): [number, number] => {
		const [, tx, ty, a] = css.match(/translate\((.+)px,(.+)px\) scale\((.+)\)/)!.map(Number);
		return [a * x + tx, a * y + ty];
	};
	const onScreen = (
		w: [number, number, number, number],
		width: number,
		p: [number, number]
	): [number, number] => {
		const k = width / w[2];
		return [(p[0] - w[0]) * k, (p[1] - w[1]) * k];
	};
	it.each([
		// the window drawn, the window shown (zooming out, zooming in, panning), the drawing's width
		[[-232, 61, 2.65, 3.28], [-233, 60, 3.6, 4.46], 646],
		[[-333, -459, 662.7, 728.6], [-300, -420, 560, 615.7], 390],
		[[-188, -284, 553.6, 608.7], [-188, -327, 553.6, 608.7], 412]
	] as [[number, number, number, number], [number, number, number, number], number][])(
		'puts every world point of a drawing of %j where a drawing of %j would',
		(from, to, width) => {
			const css = pictureTransform(from, to, width / to[2]);
			for (const p of [
				[from[0], from[1]],
				[to[0] + to[2] / 2, to[1] + to[3] / 2],
				[to[0] + to[2], to[1] + to[3]]
			] as [number, number][]) {
				const [x, y] = apply(css, onScreen(from, width, p));
				const [ex, ey] = onScreen(to, width, p);
				expect(Math.abs(x - ex)).toBeLessThan(0.02);
				expect(Math.abs(y - ey)).toBeLessThan(0.02);
			}
		}
	);
});

describe('the active step is a pure function of the scroll position', () => {
	it.each([
		[[500, 900, 1400], 400, 0], // before the first step: the first view
		[[300, 900, 1400], 400, 0],
		[[-600, 380, 1400], 400, 1],
		[[-2000, -1500, -900], 400, 2], // past the end: the last step
		[[-2000, 400, 900], 400, 1] // exactly on the line counts as crossed
	])('tops %j, line %i → step %i', (tops, line, expected) => {
		expect(activeIndex(tops, line)).toBe(expected);
	});

	it('measures progress through a step', () => {
		expect(progressThrough(400, 200, 400)).toBe(0);
		expect(progressThrough(300, 200, 400)).toBeCloseTo(0.5);
		expect(progressThrough(-100, 200, 400)).toBe(1);
	});
});

describe('the progressive route', () => {
	const pts: [number, number][] = [
		[0, 0],
		[10, 0],
		[10, 10]
	];
	it('draws the first part of the line by length', () => {
		// Nothing yet is nothing drawn: a zero-length line with round caps is a disc in WebKit.
		expect(partialLine(pts, 0)).toBe('');
		expect(partialLine(pts, 0.0001)).toBe('');
		expect(partialLine(pts, 0.25)).toBe('M0,0L5,0');
		expect(partialLine(pts, 0.75)).toBe('M0,0L10,0L10,5');
		expect(partialLine(pts, 1)).toBe('M0,0L10,0L10,10');
	});
});

describe('labels', () => {
	const metrics = JSON.parse(readFileSync('data/build/font-metrics.json', 'utf8'));
	const label = (id: string, x: number, y: number) => ({
		id,
		text: id,
		x,
		y,
		style: 'place' as const,
		dot: true,
		approximate: false,
		highlight: false
	});
	it('never overlap: a label that fits nowhere is not placed, and says what is in the way', () => {
		const box: Box = [0, 0, 100, 100];
		const { placed, problems } = placeLabels(
			[label('Alpha', 50, 50), label('Beta', 50.5, 50.5), label('Gamma', 10, 90)],
			box,
			metrics
		);
		const ids = placed.map((l) => l.id);
		expect(ids).toContain('Alpha');
		expect(ids).toContain('Gamma');
		// Beta's dot sits under Alpha's: any text for it would cover Alpha's dot or text.
		expect(ids).not.toContain('Beta');
		expect(problems).toEqual([{ id: 'Beta', why: expect.stringMatching(/would cover "Alpha"/) }]);
	});
	it('keeps labels inside the view, on a phone and on a desktop', () => {
		const { placed } = placeLabels([label('Eastern edge', 99, 50)], [0, 0, 100, 100], metrics);
		expect(placed[0].placement).toBe('left');
	});
	it('keeps labels off the scale bar and the locator inset, and says when one cannot be', () => {
		const box: Box = [0, 0, 100, 100];
		const furniture = { locator: true, scale: { km: 1, units: 10 } };
		// Its text would go right of its dot, where the inset is on a phone.
		const near = label('Near', 74, 22);
		expect(placeLabels([near], box, metrics).placed[0].placement).toBe('right');
		expect(placeLabels([near], box, metrics, furniture).placed[0].placement).not.toBe('right');
		const { placed, problems } = placeLabels(
			[label('Under the inset', 95, 5), label('Under the scale bar', 3, 3)],
			box,
			metrics,
			furniture
		);
		expect(placed).toEqual([]);
		expect(problems).toEqual([
			{ id: 'Under the inset', why: expect.stringMatching(/would cover "the locator inset"/) },
			{ id: 'Under the scale bar', why: expect.stringMatching(/would cover "the scale bar"/) }
		]);
		// Without the inset (a view zoomed out), the corner is free.
		const open = placeLabels([label('Top right', 95, 5)], box, metrics, {
			...furniture,
			locator: false
		});
		expect(open.problems).toEqual([]);
	});
	it('sets each label at the width its font draws it, from the font’s own advances', () => {
		const font = { face: 'regular' as const, size: 12 };
		// Liberation Sans (Arial's widths): "Hama" is 0.722 + 0.556 + 0.833 + 0.556 em.
		expect(textWidth(metrics, 'Hama', font)).toBeCloseTo((0.722 + 0.556 + 0.833 + 0.556) * 12, 1);
		expect(() => textWidth(metrics, 'Ḩamā', font)).toThrow(/map font has no "Ḩ" \(U\+1E28\)/);
	});
});
