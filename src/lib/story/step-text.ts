// Each step's text and pull quote, by step id, and the credits' words, for the page's markup. The browser does not need them:
// the text is written into the page on the server and kept as it is (server-markup.ts), so the page
// data the browser gets names each step's id and view only, and the text is in the page once. The
// steps come parsed from the build (data/scripts/vite-plugin-copy.js), and the built page's browser
// bundle gets none: neither the copy nor its parser is in it. In `npm run dev` the browser has them
// too, and renders the text itself (server-markup.ts).
import { steps, credits } from 'virtual:story-steps';
import type { CreditsWords, Step } from './types';

/** The step with its text, where the text is at hand (the server; the browser in `npm run dev`). */
export function stepWithText(id: string): Step {
	const step = steps?.[id];
	if (!step) throw new Error(`step "${id}": its text is not at hand here (see server-markup.ts)`);
	return step;
}

/** The credits' words: from the build on the server, or as the page data brings them (`npm run dev`). */
export function creditsWords(fromPage?: CreditsWords): CreditsWords {
	const words = fromPage ?? credits;
	if (!words) throw new Error("the credits' words are not at hand here (see server-markup.ts)");
	return words;
}
