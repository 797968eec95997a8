// Each step's text and pull quote, by step id, for the page's markup. The browser does not need them:
// the text is written into the page on the server and kept as it is (server-markup.ts), so the page
// data the browser gets names each step's id and view only, and the text is in the page once. The
// steps come parsed from the build (data/scripts/vite-plugin-copy.js), and the built page's browser
// bundle gets none: neither the copy nor its parser is in it. In `npm run dev` the browser has them
// too, and renders the text itself (server-markup.ts).
import { steps } from 'virtual:story-steps';
import type { Step } from './types';

/** The step with its text, where the text is at hand (the server; the browser in `npm run dev`). */
export function stepWithText(id: string): Step {
	const step = steps?.[id];
	if (!step) throw new Error(`step "${id}": its text is not at hand here (see server-markup.ts)`);
	return step;
}
