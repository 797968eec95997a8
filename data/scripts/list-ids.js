// `npm run data -- --list`: the ids an editor can write in the copy files, read from the views file and
// the map data as built (data/build/map.topo.json), grouped by where each kind can go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseViews } from '../../src/lib/story/copy.js';
import { mapContents } from '../../src/lib/story/features.js';
import { DataError } from './errors.js';
import { FILES } from './check-copy.js';

/**
 * The ids, one kind a line: views, places, areas, lines and layers.
 * @param {string} root the project folder
 * @param {Partial<typeof FILES>} [files] other copy files (STORY_FILE, VIEWS_FILE)
 */
export function listIds(root, files = {}) {
	const f = { ...FILES, ...files };
	/** @param {string} file */
	const read = (file) => {
		try {
			return readFileSync(join(root, file), 'utf8');
		} catch {
			throw new DataError(`${file}: cannot be read — run npm run data first`);
		}
	};
	let topology;
	try {
		topology = JSON.parse(read(f.topology));
	} catch (e) {
		if (e instanceof SyntaxError)
			throw new DataError(`${f.topology}: is not valid JSON — run npm run data`);
		throw e;
	}
	const { kinds, groups } = mapContents(topology, f.topology);
	const views = parseViews(read(f.views), f.views);
	/** @param {string} kind */
	const ofKind = (kind) => [...kinds].filter(([, k]) => k === kind).map(([id]) => id);
	return [
		`The ids the copy can name (${f.views}, ${f.story}; the map's from ${f.topology}):`,
		`views (a step's "view:", the story's "image:"): ${views.map((v) => v.id).join(', ')}`,
		`places (a view's "labels:", "highlight:", "frame:"): ${ofKind('point').join(', ')}`,
		`areas (a view's "labels:", "highlight:", "frame:"): ${ofKind('area').join(', ')}`,
		`lines (as areas, and a view's "route:"): ${ofKind('line').join(', ')}`,
		`layers (a view's "layers:"): ${[...groups].join(', ')}`
	].join('\n');
}
