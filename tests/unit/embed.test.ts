import { describe, expect, it } from 'vitest';
import { ampEmbedSize, pymMessage, screenHeight } from '../../src/lib/embed/child';
import { parseHostView } from '../../src/lib/embed/host-viewport.svelte';
import { ScreenEdges, type ProbeReport } from '../../src/lib/embed/visible-area';

describe('messages to the host page', () => {
	it('speak pym.js: pymxPYMx<id>xPYMx<type>xPYMx<message>', () => {
		expect(pymMessage('story-1', 'height', 4321)).toBe('pymxPYMxstory-1xPYMxheightxPYMx4321');
	});
	it('speak AMP embed-size (what @newswire/frames reads)', () => {
		expect(ampEmbedSize(900)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 900 });
	});
});

describe('the embed sizes its layout by the screen, not by its own growing frame', () => {
	it.each([
		[700, 1080, 700], // a fixed 700 px iframe: its own height
		[25_000, 900, 900], // a frame grown to its content: capped at the device screen
		[200, 800, 320], // never absurdly small
		[640, 0, 640] // no screen height reported: the frame's
	])('frame %i px, screen %i px → %i px', (frame, device, expected) => {
		expect(screenHeight(frame, device)).toBe(expected);
	});
});

describe('where the host page says its screen is', () => {
	it('reads our message and pym.js viewport-iframe-position', () => {
		expect(
			parseHostView(
				{ sentinel: 'invisible-caliphate', type: 'viewport', top: -1200, height: 800 },
				'x'
			)
		).toEqual({ top: -1200, height: 800 });
		expect(
			parseHostView(
				'pymxPYMxicxPYMxviewport-iframe-positionxPYMx1280 800 -1200.5 0 9000 1280',
				'ic'
			)
		).toEqual({ top: -1200.5, height: 800 });
	});
	it.each([
		[
			'another frame’s pym message',
			'pymxPYMxotherxPYMxviewport-iframe-positionxPYMx1280 800 0 0 1 1'
		],
		['a pym message of another type', 'pymxPYMxicxPYMxheightxPYMx800'],
		['non-numeric', { sentinel: 'invisible-caliphate', type: 'viewport', top: 'a', height: 800 }],
		[
			'a negative height',
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: 0, height: -800 }
		],
		[
			'an absurd height',
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: 0, height: 1e9 }
		],
		[
			'an absurd top',
			{ sentinel: 'invisible-caliphate', type: 'viewport', top: 1e12, height: 800 }
		],
		['NaN', { sentinel: 'invisible-caliphate', type: 'viewport', top: NaN, height: 800 }],
		['the wrong sentinel', { sentinel: 'amp', type: 'viewport', top: 0, height: 800 }],
		['null', null],
		['a number', 42]
	])('ignores %s', (_what, data) => {
		expect(parseHostView(data, 'ic')).toBeNull();
	});
});

describe('where the screen is, seen by probes when the host says nothing (@newswire/frames)', () => {
	/** The 200 px probe starting at `top`, of which [from, to] is on screen (document coordinates). */
	const probe = (top: number, from: number, to: number): ProbeReport => ({
		index: top / 200,
		intersecting: to > from,
		box: { top, bottom: top + 200 },
		visible: { top: from, bottom: to }
	});
	/** A 3000 px frame's 15 probes, with the screen showing [from, to] of it. */
	const frame = (from: number, to: number) =>
		Array.from({ length: 15 }, (_, i) =>
			probe(i * 200, Math.max(from, i * 200), Math.min(to, i * 200 + 200))
		);

	it('a screen inside the frame: both edges, so its height and the frame’s place on it', () => {
		const edges = new ScreenEdges();
		edges.update(frame(1210, 2010), 0);
		expect(edges.view(600)).toEqual({ top: -1210, height: 800 });
	});

	it('the frame’s top on screen: where its bottom edge is and the height last seen', () => {
		const edges = new ScreenEdges();
		edges.update(frame(1210, 2010), 0);
		// Scrolled up until the frame's top is 300 px down the screen: 0–500 is visible. Only the
		// probes whose visible share changed report.
		edges.update(
			frame(0, 500).filter((p, i) => i <= 2 || (i >= 6 && i <= 10)),
			0
		);
		expect(edges.view(600)).toEqual({ top: 300, height: 800 });
	});

	it('a probe that stays wholly visible says nothing, and the edges still move', () => {
		const edges = new ScreenEdges();
		edges.update(frame(60, 860), 0);
		// The screen moves down 60 px to the frame's top: probe 0 now shows whole (it reports),
		// probes 1–3 were and stay whole (they do not), the bottom edge moves from 860 to 800.
		edges.update([probe(0, 0, 200), probe(800, 800, 800)], 0);
		// The height learnt (800), not the guess (600).
		expect(edges.view(600)).toEqual({ top: 0, height: 800 });
	});

	it('before any height is seen it assumes the one it is given', () => {
		const edges = new ScreenEdges();
		edges.update(frame(0, 500), 0);
		expect(edges.view(640)).toEqual({ top: 140, height: 640 });
		// A guess smaller than what is visible: the screen is at least that tall, the frame's top on it.
		expect(edges.view(400)).toEqual({ top: 0, height: 500 });
	});

	it('a frame wholly off screen or wholly on it says nothing', () => {
		const edges = new ScreenEdges();
		edges.update(frame(5000, 5800), 0);
		expect(edges.view(800)).toBeNull();
		edges.update(frame(-100, 3100), 0);
		expect(edges.view(800)).toBeNull();
	});
});
