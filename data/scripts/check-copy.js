// Checks the copy files against each other and the map data: the same checks the build runs.
// Used by `npm run data` (after building the TopoJSON) and by the Vite plugin before every build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStory, parseViews, checkStory } from '../../src/lib/story/copy.js';
import { mapContents } from '../../src/lib/story/features.js';
import { parseFacts } from '../../src/lib/story/facts.js';

export const FILES = {
	story: 'data/copy/story.aml',
	views: 'data/copy/views.aml',
	facts: 'data/facts/dates.json',
	topology: 'data/build/map.topo.json'
};

/**
 * Copy files named by the environment (STORY_FILE, VIEWS_FILE), so a fixture can be checked through
 * the same commands an editor runs: `STORY_FILE=my/story.aml npm run data`.
 * @returns {Partial<typeof FILES>}
 */
export function filesFromEnv() {
	/** @type {Partial<typeof FILES>} */
	const files = {};
	if (process.env.STORY_FILE) files.story = process.env.STORY_FILE;
	if (process.env.VIEWS_FILE) files.views = process.env.VIEWS_FILE;
	return files;
}

/** A problem with a file that is not copy (unreadable, not JSON). */
class CheckError extends Error {
	name = 'CheckError';
}

/**
 * @param {string} file
 * @param {string} root
 */
function read(file, root) {
	try {
		return readFileSync(join(root, file), 'utf8');
	} catch (e) {
		throw new CheckError(
			`${file}: cannot be read (${/** @type {NodeJS.ErrnoException} */ (e).code ?? e}) — is the path right?`
		);
	}
}

/**
 * Reads and checks everything; throws an Error whose message is one readable line.
 * @param {string} [root] the project folder
 * @param {Partial<typeof FILES>} [files] other files to check (tests use fixtures)
 * @param {(message: string) => void} [warn] told of copy markup made inert (one line each)
 * @param {unknown} [built] the map data to check against, if not the file data/build/map.topo.json
 *   (npm run data checks what it has built before writing it)
 */
export function checkCopy(root = process.cwd(), files = {}, warn = () => {}, built) {
	const f = { ...FILES, ...files };
	const story = parseStory(read(f.story, root), f.story, warn);
	const views = parseViews(read(f.views, root), f.views);
	let topology = /** @type {any} */ (built);
	try {
		topology ??= JSON.parse(read(f.topology, root));
	} catch (e) {
		if (e instanceof SyntaxError)
			throw new CheckError(`${f.topology}: is not valid JSON (${e.message}) — run npm run data`);
		throw e;
	}
	let factsJson;
	try {
		factsJson = JSON.parse(read(f.facts, root));
	} catch (e) {
		if (e instanceof SyntaxError)
			throw new CheckError(`${f.facts}: is not valid JSON (${e.message}) — fix its syntax`);
		throw e;
	}
	const facts = parseFacts(factsJson, f.facts);
	checkStory(story, views, mapContents(topology, f.topology), f, { file: f.facts, facts });
	return { story, views, topology, facts };
}
