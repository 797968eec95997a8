// The framing boxes the piece is laid out for: the part of the screen each view is fitted into, in px.
// Plain JavaScript so that the data build (which decides how much detail each view needs) shares them.

/** A 390×844 phone: the map frames each view in the top 55% of the screen (Story.svelte's --framed). */
export const PHONE_FRAME = { width: 390, height: 464 };
/** A 1280×800 desktop: the map column beside the text. */
export const DESKTOP_FRAME = { width: 646, height: 800 };
/** The largest map commonly drawn, a 1920×1080 desktop's map column: the detail every line is drawn
 *  with (within 2 px of its source) is worked out for this size. */
export const LARGEST_FRAME = { width: 1264, height: 1080 };
