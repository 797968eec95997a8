import { describe, expect, it } from 'vitest';
import { ampEmbedSize, pymMessage, screenHeight } from '../../src/lib/embed/child';
import { parseHostView } from '../../src/lib/embed/host-viewport.svelte';

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
