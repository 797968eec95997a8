// Vite plugin: checks the copy before a build starts and stops the build with one readable line
// (file:line: what is wrong — the fix) instead of a stack trace from deep inside prerendering.
import { checkCopy, filesFromEnv } from './check-copy.js';

/** @returns {import('vite').Plugin} */
export function storyCopy() {
	return {
		name: 'invisible-caliphate:check-copy',
		buildStart() {
			try {
				checkCopy(process.cwd(), filesFromEnv());
			} catch (e) {
				const message = e instanceof Error ? e.message : String(e);
				if (process.env.NODE_ENV !== 'development' && this.meta.watchMode === false) {
					console.error(`\nThe story copy has a problem:\n  ${message}\n`);
					process.exit(1);
				}
				this.warn(message);
			}
		}
	};
}
