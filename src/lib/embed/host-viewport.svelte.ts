/**
 * The host page's viewport, as seen from an embed in a full-height iframe (one that grows to its
 * content and never scrolls itself). Inside such a frame CSS sticky does not stick and the frame's own
 * viewport is the whole story, so the story needs to know where the host's screen is: the host tells
 * it, in our message or in pym.js's `viewport-iframe-position` (sent by a pym Parent with trackscroll).
 */

import type { Viewport } from '$lib/scrolly/viewport';

/** Where the host's screen is: the iframe's top edge relative to the host's viewport, and its height
 *  (what the scroller takes as its viewport). */
export type HostView = Viewport;

export const SENTINEL = 'invisible-caliphate';

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** A host viewport from a message, or null for anything of the wrong shape or out of range. */
export function parseHostView(data: unknown, childId: string): HostView | null {
	let top: unknown;
	let height: unknown;
	if (data && typeof data === 'object') {
		const m = data as Record<string, unknown>;
		if (m.sentinel !== SENTINEL || m.type !== 'viewport') return null;
		top = m.top;
		height = m.height;
	} else if (typeof data === 'string') {
		// pymxPYMx<id>xPYMxviewport-iframe-positionxPYMx<width> <height> <top> <left> <bottom> <right>
		const parts = data.split('xPYMx');
		if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== childId) return null;
		if (parts[2] !== 'viewport-iframe-position') return null;
		const numbers = parts[3].trim().split(/\s+/).map(Number);
		if (numbers.length < 3) return null;
		height = numbers[1];
		top = numbers[2];
	} else return null;
	if (!finite(top) || !finite(height)) return null;
	if (height < 100 || height > 20_000 || Math.abs(top) > 10_000_000) return null;
	return { top, height };
}

/** The latest host viewport; null until a host has said where its screen is. */
export class HostViewport {
	view = $state<HostView | null>(null);
}
