import { describe, expect, it } from 'vitest';
import { ampEmbedSize, pymMessage, screenHeight } from '../../src/lib/embed/child';

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
