// Vite plugin: checks the copy before a build starts and stops the build with one readable line
// (file:line: what is wrong — the fix) instead of a stack trace from deep inside prerendering. It
// also serves the copy to the app as `virtual:story-copy`: data/copy/*.aml, or the files STORY_FILE
// and VIEWS_FILE name (a fixture copy builds a whole page that way).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCopy, filesFromEnv, FILES } from './check-copy.js';
import { checkMap } from './check-map.js';

const ID = 'virtual:story-copy';
/** Warnings already printed: the client and server builds both start with this check. */
const printed = new Set();

/** @returns {import('vite').Plugin} */
export function storyCopy() {
	return {
		name: 'invisible-caliphate:check-copy',
		resolveId(id) {
			return id === ID ? `\0${ID}` : undefined;
		},
		load(id) {
			if (id !== `\0${ID}`) return undefined;
			const files = { ...FILES, ...filesFromEnv() };
			const story = join(process.cwd(), files.story);
			const views = join(process.cwd(), files.views);
			this.addWatchFile(story);
			this.addWatchFile(views);
			return [
				`export const files = ${JSON.stringify({ story: files.story, views: files.views })};`,
				`export const storyText = ${JSON.stringify(readFileSync(story, 'utf8'))};`,
				`export const viewsText = ${JSON.stringify(readFileSync(views, 'utf8'))};`
			].join('\n');
		},
		async buildStart() {
			try {
				const files = filesFromEnv();
				const { views, facts, topology } = checkCopy(process.cwd(), files, (warning) => {
					if (printed.has(warning)) return;
					printed.add(warning);
					console.warn(`warning: ${warning}`);
				});
				// Every view drawn as the build will draw it: a label that cannot be placed stops here,
				// with its view's line, not as a stack trace from inside prerendering.
				await checkMap(process.cwd(), {
					topology,
					views,
					facts,
					viewsFile: files.views ?? FILES.views
				});
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
