// Vite plugin: checks the copy before a build starts and stops the build with one readable line
// (file:line: what is wrong — the fix) instead of a stack trace from deep inside prerendering. It
// also serves the copy to the app as `virtual:story-copy`: data/copy/*.aml, or the files STORY_FILE
// and VIEWS_FILE name (a fixture copy builds a whole page that way); and each step's text and the
// credits' words, parsed, as `virtual:story-steps`, which the built page's browser bundle gets empty
// (src/lib/story/step-text.ts, src/routes/+page.svelte).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCopy, filesFromEnv, FILES } from './check-copy.js';
import { checkMap } from './check-map.js';
import { parseStory } from '../../src/lib/story/copy.js';

const ID = 'virtual:story-copy';
const STEPS = 'virtual:story-steps';
/** The dev server's word to the page that the copy changed (src/routes/+layout.svelte). */
export const COPY_CHANGED = 'invisible-caliphate:copy-changed';
const PLUGIN = 'invisible-caliphate:check-copy';
/** Warnings already printed: the client and server builds both start with this check. */
const printed = new Set();
/** In `npm run dev`: the copy's problem, while it stands (a page that loads is shown it). */
let standing = /** @type {string | null} */ (null);

/** @returns {import('vite').Plugin} */
export function storyCopy() {
	return {
		name: PLUGIN,
		resolveId(id) {
			return id === ID || id === STEPS ? `\0${id}` : undefined;
		},
		load(id) {
			if (id !== `\0${ID}` && id !== `\0${STEPS}`) return undefined;
			const files = { ...FILES, ...filesFromEnv() };
			const story = join(process.cwd(), files.story);
			const views = join(process.cwd(), files.views);
			this.addWatchFile(story);
			this.addWatchFile(views);
			if (id === `\0${STEPS}`) {
				// The browser gets none: the built page keeps the text from the server, and in
				// `npm run dev` the page data brings it (src/lib/server/story.ts).
				if (this.environment?.config.consumer === 'client')
					return 'export const steps = null;\nexport const credits = null;';
				// A mistake in the copy stops here with its one line (in `npm run dev`, in the error
				// overlay too), not as a stack trace from a component.
				const parsed = parseStory(readFileSync(story, 'utf8'), files.story);
				return [
					`export const steps = ${JSON.stringify(Object.fromEntries(parsed.steps.map((s) => [s.id, s])))};`,
					`export const credits = ${JSON.stringify(parsed.credits)};`
				].join('\n');
			}
			return [
				`export const files = ${JSON.stringify({ story: files.story, views: files.views })};`,
				`export const storyText = ${JSON.stringify(readFileSync(story, 'utf8'))};`,
				`export const viewsText = ${JSON.stringify(readFileSync(views, 'utf8'))};`
			].join('\n');
		},
		async buildStart() {
			const problem = await check();
			if (!problem) return;
			if (process.env.NODE_ENV !== 'development' && this.meta.watchMode === false) {
				console.error(`\nThe story copy has a problem:\n  ${problem}\n`);
				process.exit(1);
			}
			this.warn(problem);
		},
		configureServer(server) {
			// `npm run dev`: a problem with the copy is shown in the browser's error overlay (and the
			// terminal) as its one line; a page that loads while it stands gets it too.
			server.environments.client.hot.on('connection', () => {
				if (standing) overlay(server, standing);
			});
		},
		async hotUpdate({ file, server }) {
			if (!copyFiles().includes(file)) return undefined;
			if (this.environment.name !== 'client') return [];
			// The copy is read by the page's data (the steps, their views, their text): every
			// environment's copy modules go stale at once, then the page loads its data again and
			// draws the story afresh (src/routes/+layout.svelte), in place, without a reload.
			for (const environment of Object.values(server.environments))
				for (const id of [ID, STEPS]) {
					const module = environment.moduleGraph.getModuleById(`\0${id}`);
					if (module) environment.moduleGraph.invalidateModule(module);
				}
			const stood = standing;
			standing = quickCheck();
			if (standing) {
				server.config.logger.error(`The story copy has a problem:\n  ${standing}`);
				overlay(server, standing);
				return [];
			}
			// Mended: the page showing the problem (the overlay, an error page) loads afresh.
			if (stood) server.environments.client.hot.send({ type: 'full-reload' });
			else server.environments.client.hot.send({ type: 'custom', event: COPY_CHANGED });
			// Then every view drawn as the build draws it (a second or so): a label that cannot be
			// placed shows in the overlay too.
			void check().then((problem) => {
				standing = problem;
				if (!problem) return;
				server.config.logger.error(`The story copy has a problem:\n  ${problem}`);
				overlay(server, problem);
			});
			return [];
		}
	};
}

/** The copy files the app reads, as absolute paths. */
function copyFiles() {
	const files = { ...FILES, ...filesFromEnv() };
	return [join(process.cwd(), files.story), join(process.cwd(), files.views)];
}

/**
 * Checks the copy's files against each other and the map data, without drawing (milliseconds).
 * @returns {string | null} the problem's one line, or null
 */
function quickCheck() {
	try {
		checkCopy(process.cwd(), filesFromEnv(), () => {});
		return null;
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}

/**
 * Checks the copy as the build does (the files, then every view drawn as the build draws it: a label
 * that cannot be placed stops here, with its line, not as a stack trace from inside prerendering).
 * @returns {Promise<string | null>} the problem's one line, or null
 */
async function check() {
	try {
		const files = filesFromEnv();
		const { views, facts, topology } = checkCopy(process.cwd(), files, (warning) => {
			if (printed.has(warning)) return;
			printed.add(warning);
			console.warn(`warning: ${warning}`);
		});
		await checkMap(process.cwd(), {
			topology,
			views,
			facts,
			viewsFile: files.views ?? FILES.views
		});
		return null;
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}

/**
 * Shows a problem in the browser's error overlay: its one line, without a stack.
 * @param {import('vite').ViteDevServer} server
 * @param {string} problem
 */
function overlay(server, problem) {
	server.environments.client.hot.send({
		type: 'error',
		err: { message: `The story copy has a problem:\n${problem}`, stack: '', plugin: PLUGIN }
	});
}
