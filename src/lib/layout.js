// The piece's two layouts: where the phone layout takes over from the desktop one, and where a step
// takes over in each. Plain JavaScript so that the tests and scripts read the same values.
//
// A media query cannot read a custom property, so Story.svelte's stylesheet writes PHONE_QUERY out in
// its `@media screen and …` rule (the phone layout must hold without scripts); tests/unit/layout.test.ts
// fails when that copy and this one differ.

/** The screens laid out as a phone: the cards pass over the map. */
export const PHONE_QUERY = '(max-width: 700px)';

/**
 * Where a step takes over, as a fraction of the viewport height. On phones the cards pass over the
 * map, so a step takes over as its card comes up from the bottom: the map has moved before the card
 * reaches the reading zone, and the framed part (the top of the map) is still clear.
 */
export const DESKTOP_TRIGGER = 0.6;
/** Where a step takes over on a phone (PHONE_QUERY). */
export const PHONE_TRIGGER = 0.8;
