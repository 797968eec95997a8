// Server hooks. Only `npm run dev` serves pages through them (the build prerenders, and stops at a
// copy problem before it renders anything: data/scripts/vite-plugin-copy.js).
import type { HandleServerError } from '@sveltejs/kit';
import { CopyError } from '$lib/story/copy-error.js';

/** A problem with the copy is shown on the error page as its one line (file:line: what — the fix),
 *  and printed as that line, not under a stack trace; anything else as SvelteKit does by default. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (error instanceof CopyError) {
		console.error(`The story copy has a problem:\n  ${error.message}`);
		return { message: error.message };
	}
	if (status !== 404) console.error(error);
	return { message };
};
