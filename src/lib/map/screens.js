// The framing boxes the piece is laid out for: the part of the screen each view is fitted into, in px.
// Plain JavaScript so that the data build (which decides how much detail each view needs) shares them.

/**
 * On a phone the cards pass over the map: each view is framed in the top part of the screen, above
 * where a card's top is as it is read (Story.svelte's --framed, and a #step link lands a card there).
 * What a step is about is never under its card.
 */
export const PHONE_FRAMED = 0.4;

// The phone and the desktop the piece is laid out for, CSS px; the browser tests run at them
// (playwright.config.ts). Plain numbers, so that the page's JavaScript, which needs none of these
// boxes, leaves them out.
const PHONE_WIDTH = 390;
const PHONE_HEIGHT = 844;
const DESKTOP_HEIGHT = 800;
export const PHONE_SCREEN = { width: PHONE_WIDTH, height: PHONE_HEIGHT };
export const DESKTOP_SCREEN = { width: 1280, height: DESKTOP_HEIGHT };

/** The phone's framing box. */
export const PHONE_FRAME = { width: PHONE_WIDTH, height: Math.round(PHONE_HEIGHT * PHONE_FRAMED) };
/** The desktop's: the map column beside the text. */
export const DESKTOP_FRAME = { width: 646, height: DESKTOP_HEIGHT };
/** The largest map commonly drawn, a 1920×1080 desktop's map column: the detail every line is drawn
 *  with (within 2 px of its source) is worked out for this size. */
export const LARGEST_FRAME = { width: 1264, height: 1080 };
